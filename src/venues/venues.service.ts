import { ChangeFeedService } from '../change-feed/change-feed.service.js';
import type { KeptReads } from '../change-feed/kept-reads.js';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import { conflict, DomainError, notFound, validationFailed } from '../common/errors/domain-error.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import type { CreateVenueDto } from './dto/create-venue.dto.js';
import type { ListVenuesQuery } from './dto/list-venues.query.js';
import type { UpdateVenueDto } from './dto/update-venue.dto.js';
import { VenueDetailResponse } from './dto/venue-detail.response.js';
import { VenueResponse } from './dto/venue.response.js';
import { rezoneOpeningSpans, toOpeningSpans, type OpeningSpan } from './opening-hours.js';
import { isViolation, STILL_REFERENCED } from '../common/errors/postgres-error.js';
import { Room } from './room.entity.js';
import { TravelTime } from './travel-time.entity.js';
import { orderVenuePair } from './travel-pair.js';
import { VenueOpening } from './venue-opening.entity.js';
import type { VenueSummary } from './venue-summary.js';
import { Venue } from './venue.entity.js';
import { canonicalCountryCode, canonicalTimeZone, coordinatesProblems } from './venue-rules.js';

const SORT_COLUMNS = { name: 'lower(v.name)', city: 'lower(v.city)', createdAt: 'v.created_at' } as const;

@Injectable()
export class VenuesService {
  constructor(
    @InjectRepository(Venue) private readonly venues: Repository<Venue>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    @InjectRepository(VenueOpening) private readonly openings: Repository<VenueOpening>,
    @InjectRepository(TravelTime) private readonly travelTimes: Repository<TravelTime>,
    feed: ChangeFeedService,
  ) {
    this.publicVenues = feed.cache('public venues', ['venues', 'rooms', 'venue_openings']);
  }

  /** The public reads (GET /api/venues…), kept until a venue, room or opening changes (src/change-feed). */
  private readonly publicVenues: KeptReads<string, Page<VenueResponse> | VenueDetailResponse>;

  /** GET /api/venues: kept per query. */
  listPublic(query: ListVenuesQuery): Promise<Page<VenueResponse>> {
    return this.publicVenues.get(`list:${JSON.stringify(query)}`, () => this.list(query)) as Promise<Page<VenueResponse>>;
  }

  /** GET /api/venues/:id: kept per venue (a 404 is not kept). */
  getPublic(id: string): Promise<VenueDetailResponse> {
    return this.publicVenues.get(`venue:${id.toLowerCase()}`, () => this.get(id)) as Promise<VenueDetailResponse>;
  }

  /** Creates a venue with its opening hours, in one transaction. */
  async create(dto: CreateVenueDto): Promise<VenueDetailResponse> {
    const venue = this.venues.create({ countryCode: 'FR', timeZone: 'Europe/Paris', latitude: null, longitude: null, accessibilityNotes: null });
    applyVenueChanges(venue, dto);
    assertCoordinatesPaired(venue);
    const spans = toOpeningSpans(dto.openingHours ?? [], venue.timeZone);
    const id = await this.venues.manager.transaction(async (em) => {
      const saved = await em.save(venue);
      await replaceOpenings(em, saved.id, spans);
      return saved.id;
    });
    return this.get(id);
  }

  /** A page of venues, searched on name and city, sorted by name, city or creation. */
  async list(query: ListVenuesQuery): Promise<Page<VenueResponse>> {
    const qb = this.venues.createQueryBuilder('v');
    if (query.q) {
      const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(new Brackets((w) => w.where('lower(v.name) LIKE :like', { like }).orWhere('lower(v.city) LIKE :like', { like })));
    }
    qb.orderBy(SORT_COLUMNS[query.sort], query.order === 'desc' ? 'DESC' : 'ASC').addOrderBy('v.id', 'ASC');
    const [rows, total] = await qb.offset(pageOffset(query)).limit(query.pageSize).getManyAndCount();
    return toPage(rows.map((v) => VenueResponse.from(v)), total, query);
  }

  /** One venue with its rooms and opening hours. */
  async get(id: string): Promise<VenueDetailResponse> {
    const venue = await this.load(id);
    const rooms = await this.rooms.find({ where: { venueId: id }, order: { name: 'ASC' } });
    const openings = await this.openings.find({ where: { venueId: id }, order: { date: 'ASC' } });
    return VenueDetailResponse.fromParts(venue, rooms, openings);
  }

  /**
   * Changes a venue, in one transaction. Opening hours, when given, replace the set. A new time
   * zone without opening hours keeps their wall-clock times (09:00 stays 09:00); when one of them
   * does not exist in the new zone (a DST gap) the change is refused with 409.
   */
  async update(id: string, dto: UpdateVenueDto): Promise<VenueDetailResponse> {
    await this.venues.manager.transaction(async (em) => {
      const venue = await em.findOne(Venue, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!venue) throw notFound('Venue');
      const previousZone = venue.timeZone;
      applyVenueChanges(venue, dto);
      assertCoordinatesPaired(venue);
      await em.save(venue);
      if (dto.openingHours) await replaceOpenings(em, id, toOpeningSpans(dto.openingHours, venue.timeZone));
      else if (venue.timeZone !== previousZone) await rezoneOpenings(em, id, previousZone, venue.timeZone);
    });
    return this.get(id);
  }

  /** Deletes a venue with its rooms, opening hours and travel times; 409 while an event uses it. */
  async remove(id: string): Promise<void> {
    await this.load(id);
    try {
      await this.venues.delete({ id });
    } catch (error) {
      if (!isViolation(error, STILL_REFERENCED)) throw error;
      const byEvent = isViolation(error, STILL_REFERENCED, 'FK_event_venues_venue');
      throw conflict(
        byEvent ? 'This venue is used by an event: remove it from the event’s venues first' : 'This venue is still used by other records',
        { venueId: id },
        'VENUE_IN_USE',
      );
    }
  }

  /** Throws 404 NOT_FOUND when there is no such venue. */
  async assertExists(id: string): Promise<void> {
    if (!(await this.venues.existsBy({ id }))) throw notFound('Venue');
  }

  /** Throws 422 VALIDATION_FAILED naming the ids that are not venues. */
  async assertAllExist(ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const found = await this.venues.find({ select: { id: true }, where: { id: In(unique) } });
    const missing = unique.filter((id) => !found.some((v) => v.id === id));
    if (missing.length) {
      throw new DomainError(422, 'VALIDATION_FAILED', `Unknown venue(s): ${missing.join(', ')}`, { missingVenueIds: missing });
    }
  }

  /** Short forms of the given venues, in the order of `ids`, in one query. */
  async summaries(ids: string[]): Promise<VenueSummary[]> {
    if (ids.length === 0) return [];
    const rows = await this.venues.find({ where: { id: In([...new Set(ids)]) } });
    const byId = new Map(rows.map((v) => [v.id, v]));
    return ids.flatMap((id) => {
      const v = byId.get(id);
      return v ? [{ id: v.id, name: v.name, streetAddress: v.streetAddress, postcode: v.postcode, city: v.city }] : [];
    });
  }

  /**
   * Minutes to go between two venues, either way: null when nothing is recorded for the pair
   * (either figure may itself be null: unknown). The same venue is 0 minutes away.
   */
  async travelMinutes(aId: string, bId: string): Promise<{ walkingMinutes: number | null; transitMinutes: number | null } | null> {
    const pair = orderVenuePair(aId, bId);
    if (!pair) return { walkingMinutes: 0, transitMinutes: 0 };
    const travel = await this.travelTimes.findOneBy(pair);
    return travel ? { walkingMinutes: travel.walkingMinutes, transitMinutes: travel.transitMinutes } : null;
  }

  private async load(id: string): Promise<Venue> {
    const venue = await this.venues.findOneBy({ id });
    if (!venue) throw notFound('Venue');
    return venue;
  }
}

/** Copies the given fields of a create or update request onto `venue` (opening hours apart). */
function applyVenueChanges(venue: Venue, dto: UpdateVenueDto): void {
  if (dto.name !== undefined) venue.name = dto.name;
  if (dto.streetAddress !== undefined) venue.streetAddress = dto.streetAddress;
  if (dto.postcode !== undefined) venue.postcode = dto.postcode;
  if (dto.city !== undefined) venue.city = dto.city;
  if (dto.countryCode !== undefined) venue.countryCode = canonicalCountryCode(dto.countryCode);
  if (dto.latitude !== undefined) venue.latitude = dto.latitude;
  if (dto.longitude !== undefined) venue.longitude = dto.longitude;
  if (dto.timeZone !== undefined) venue.timeZone = canonicalTimeZone(dto.timeZone);
  if (dto.accessibilityNotes !== undefined) venue.accessibilityNotes = dto.accessibilityNotes || null;
}

function assertCoordinatesPaired(venue: Venue): void {
  const problems = coordinatesProblems(venue);
  if (problems.length) throw validationFailed('Give both latitude and longitude, or neither', { errors: problems });
}

async function replaceOpenings(em: EntityManager, venueId: string, spans: OpeningSpan[]): Promise<void> {
  await em.delete(VenueOpening, { venueId });
  if (spans.length) await em.insert(VenueOpening, spans.map((span) => ({ venueId, ...span })));
}

async function rezoneOpenings(em: EntityManager, venueId: string, from: string, to: string): Promise<void> {
  const stored = await em.find(VenueOpening, { where: { venueId }, order: { date: 'ASC' } });
  let spans: OpeningSpan[];
  try {
    spans = rezoneOpeningSpans(stored, from, to);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw conflict(`The opening hours cannot keep their times in ${to} (${error.message}); send openingHours with the new timeZone`, error.details, 'OPENING_HOURS_CONFLICT');
  }
  await replaceOpenings(em, venueId, spans);
}
