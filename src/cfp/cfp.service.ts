import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { DomainError, notFound, validationFailed } from '../common/errors/domain-error.js';
import { formatInZone, parseZonedDateTime } from '../common/time/zoned-time.js';
import { EventsService } from '../events/events.service.js';
import { CALL_LANGUAGES } from './call-language.js';
import { CallForPapers } from './call-for-papers.entity.js';
import { callNotOpenText, callStatus } from './call-window.js';
import type { CfpSettings, SubmissionTypeSummary, TrackSummary } from './cfp-settings.js';
import { CallForPapersResponse } from './dto/call-for-papers.response.js';
import { DEFAULT_MAX_ABSTRACT_LENGTH, type PutCallForPapersDto } from './dto/put-call-for-papers.dto.js';
import { SubmissionType } from './submission-type.entity.js';
import { Track } from './track.entity.js';

/**
 * The call for papers of an event, and what the submissions capability asks of it: is the call
 * open, what does it accept, do a type and a track belong to the event.
 */
@Injectable()
export class CfpService {
  constructor(
    @InjectRepository(CallForPapers) private readonly calls: Repository<CallForPapers>,
    @InjectRepository(SubmissionType) private readonly types: Repository<SubmissionType>,
    @InjectRepository(Track) private readonly tracks: Repository<Track>,
    private readonly events: EventsService,
  ) {}

  /** The call of an event in its time zone; 404 when the event or its call does not exist. */
  async get(eventId: string, now = new Date()): Promise<CallForPapersResponse> {
    const event = await this.events.get(eventId);
    const call = await this.calls.findOneBy({ eventId });
    if (!call) throw notFound('Call for papers');
    return CallForPapersResponse.from(call, event.timeZone, now);
  }

  /** Sets (creates or replaces) the call of an event; times are read in the event's time zone. */
  async put(eventId: string, dto: PutCallForPapersDto, now = new Date()): Promise<CallForPapersResponse> {
    const event = await this.events.get(eventId);
    const opensAt = parseZonedDateTime(dto.opensAt, event.timeZone, 'opensAt');
    const closesAt = parseZonedDateTime(dto.closesAt, event.timeZone, 'closesAt');
    if (closesAt.getTime() <= opensAt.getTime()) {
      throw validationFailed('The call must close after it opens', { opensAt: dto.opensAt, closesAt: dto.closesAt });
    }
    // Kept in a fixed order so that responses do not depend on how the organiser typed them.
    const languages = CALL_LANGUAGES.filter((l) => dto.languages.includes(l));
    await this.calls.save(
      this.calls.create({ eventId, opensAt, closesAt, languages, maxAbstractLength: dto.maxAbstractLength ?? DEFAULT_MAX_ABSTRACT_LENGTH }),
    );
    return this.get(eventId, now);
  }

  /**
   * Throws 409 CALL_NOT_OPEN unless the event's call is open at `now`, with a message that says
   * (in the event's time zone) when it opens or when it closed; an event without a call is not open.
   */
  async assertOpen(eventId: string, now = new Date()): Promise<void> {
    const settings = await this.settings(eventId);
    const window = settings.opensAt && settings.closesAt ? { opensAt: settings.opensAt, closesAt: settings.closesAt } : null;
    const text = callNotOpenText(window, settings.timeZone, now);
    if (!text) return;
    throw new DomainError(409, 'CALL_NOT_OPEN', text.fr, {
      messageEn: text.en,
      status: window ? callStatus(window, now) : 'none',
      timeZone: settings.timeZone,
      opensAt: window ? formatInZone(window.opensAt, settings.timeZone) : null,
      closesAt: window ? formatInZone(window.closesAt, settings.timeZone) : null,
    });
  }

  /** What proposals of the event must respect; 404 when the event does not exist. */
  async settings(eventId: string): Promise<CfpSettings> {
    const event = await this.events.get(eventId);
    const call = await this.calls.findOneBy({ eventId });
    return {
      eventId,
      eventNameFr: event.nameFr,
      eventNameEn: event.nameEn,
      timeZone: event.timeZone,
      opensAt: call?.opensAt ?? null,
      closesAt: call?.closesAt ?? null,
      languages: call?.languages ?? [...CALL_LANGUAGES],
      maxAbstractLength: call?.maxAbstractLength ?? DEFAULT_MAX_ABSTRACT_LENGTH,
    };
  }

  /** 422 unless the type (and the track, when given) belong to the event. */
  async assertTypeAndTrack(eventId: string, typeId: string, trackId: string | null): Promise<void> {
    const [typeOk, trackOk] = await Promise.all([
      this.types.existsBy({ id: typeId, eventId }),
      trackId === null ? Promise.resolve(true) : this.tracks.existsBy({ id: trackId, eventId }),
    ]);
    if (!typeOk) throw validationFailed('typeId does not name a submission type of this event', { typeId });
    if (!trackOk) throw validationFailed('trackId does not name a track of this event', { trackId });
  }

  /** The types of these ids, in one query. */
  async typeSummaries(ids: string[]): Promise<Map<string, SubmissionTypeSummary>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.types.find({ where: { id: In(unique) } });
    return new Map(rows.map((t) => [t.id, { id: t.id, code: t.code, nameFr: t.nameFr, nameEn: t.nameEn, defaultMinutes: t.defaultMinutes }]));
  }

  /** The tracks of these ids, in one query. */
  async trackSummaries(ids: string[]): Promise<Map<string, TrackSummary>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.tracks.find({ where: { id: In(unique) } });
    return new Map(rows.map((t) => [t.id, { id: t.id, nameFr: t.nameFr, nameEn: t.nameEn }]));
  }
}
