import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { isViolation } from '../common/errors/postgres-error.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import { EventsService } from '../events/events.service.js';
import type { CreateTrackDto } from './dto/create-track.dto.js';
import type { ListTracksQuery } from './dto/list-tracks.query.js';
import { TrackResponse } from './dto/track.response.js';
import type { UpdateTrackDto } from './dto/update-track.dto.js';
import { Track } from './track.entity.js';

/**
 * The tracks (themes) of an event. Deleting a track leaves its proposals without a track
 * (the schema's ON DELETE SET NULL): a theme can be merged away without losing proposals.
 */
@Injectable()
export class TracksService {
  constructor(
    @InjectRepository(Track) private readonly tracks: Repository<Track>,
    private readonly events: EventsService,
  ) {}

  async list(eventId: string, query: ListTracksQuery): Promise<Page<TrackResponse>> {
    await this.events.assertExists(eventId);
    const direction: 'ASC' | 'DESC' = query.order === 'desc' ? 'DESC' : 'ASC';
    const order = query.sort === 'name' ? { nameFr: direction, id: 'ASC' as const } : { displayOrder: direction, nameFr: 'ASC' as const };
    const [rows, total] = await this.tracks.findAndCount({ where: { eventId }, order, skip: pageOffset(query), take: query.pageSize });
    return toPage(rows.map((t) => TrackResponse.from(t)), total, query);
  }

  async create(eventId: string, dto: CreateTrackDto): Promise<TrackResponse> {
    await this.events.assertExists(eventId);
    const track = this.tracks.create({ eventId, nameEn: null, displayOrder: 0 });
    applyChanges(track, dto);
    return TrackResponse.from(await this.saveUniquelyNamed(track));
  }

  async update(eventId: string, trackId: string, dto: UpdateTrackDto): Promise<TrackResponse> {
    const track = await this.load(eventId, trackId);
    applyChanges(track, dto);
    return TrackResponse.from(await this.saveUniquelyNamed(track));
  }

  async remove(eventId: string, trackId: string): Promise<void> {
    await this.load(eventId, trackId);
    await this.tracks.delete({ id: trackId, eventId });
  }

  private async saveUniquelyNamed(track: Track): Promise<Track> {
    try {
      return await this.tracks.save(track);
    } catch (error) {
      if (isViolation(error, '23505', 'UQ_tracks_event_name')) {
        throw conflict(`This event already has a track named “${track.nameFr}”`, { nameFr: track.nameFr }, 'TRACK_NAME_TAKEN');
      }
      throw error;
    }
  }

  private async load(eventId: string, trackId: string): Promise<Track> {
    const track = await this.tracks.findOneBy({ id: trackId, eventId });
    if (!track) throw notFound('Track');
    return track;
  }
}

function applyChanges(track: Track, dto: UpdateTrackDto): void {
  if (dto.nameFr !== undefined) track.nameFr = dto.nameFr;
  if (dto.nameEn !== undefined) track.nameEn = dto.nameEn || null;
  if (dto.displayOrder !== undefined) track.displayOrder = dto.displayOrder;
}
