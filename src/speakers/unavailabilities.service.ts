import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { pageOffset, toPage, type Page, type PageQueryDto } from '../common/pagination/page-query.dto.js';
import { formatInZone, parseZonedDateTime } from '../common/time/zoned-time.js';
import { EventsService } from '../events/events.service.js';
import type { CreateUnavailabilityDto } from './dto/create-unavailability.dto.js';
import type { ListEventUnavailabilitiesQuery } from './dto/list-event-unavailabilities.query.js';
import { EventUnavailabilityResponse } from './dto/event-unavailability.response.js';
import { UnavailabilityResponse } from './dto/unavailability.response.js';
import { SpeakerProfile } from './speaker-profile.entity.js';
import { Unavailability } from './unavailability.entity.js';
import { unavailabilityProblem } from './unavailability-range.js';

/** What the service needs of an event: its period (UTC) and its time zone. */
interface EventPeriod {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
}

/** When speakers cannot attend an event: declared by each speaker, read by organisers and the programme. */
@Injectable()
export class UnavailabilitiesService {
  constructor(
    @InjectRepository(Unavailability) private readonly unavailabilities: Repository<Unavailability>,
    @InjectRepository(SpeakerProfile) private readonly profiles: Repository<SpeakerProfile>,
    private readonly events: EventsService,
  ) {}

  /** One speaker's unavailabilities for an event, by start. */
  async listOwn(userId: string, eventId: string, query: PageQueryDto): Promise<Page<UnavailabilityResponse>> {
    const event = await this.event(eventId);
    const [rows, total] = await this.unavailabilities.findAndCount({
      where: { userId, eventId },
      order: { startsAt: query.order === 'desc' ? 'DESC' : 'ASC', id: 'ASC' },
      skip: pageOffset(query),
      take: query.pageSize,
    });
    return toPage(rows.map((r) => UnavailabilityResponse.from(r, event.timeZone)), total, query);
  }

  /** Records a range, typed in the event's zone, that must lie within the event. */
  async create(userId: string, eventId: string, dto: CreateUnavailabilityDto): Promise<UnavailabilityResponse> {
    const event = await this.event(eventId);
    if (!(await this.profiles.existsBy({ userId }))) throw notFound('Speaker');
    const range = {
      startsAt: parseZonedDateTime(dto.startsAt, event.timeZone, 'startsAt'),
      endsAt: parseZonedDateTime(dto.endsAt, event.timeZone, 'endsAt'),
    };
    this.assertAcceptable(range, event);
    const saved = await this.unavailabilities.save(this.unavailabilities.create({ userId, eventId, ...range, note: dto.note ?? null }));
    return UnavailabilityResponse.from(saved, event.timeZone);
  }

  /** Removes one of the caller's own unavailabilities; anyone else's id answers 404 like a missing one. */
  async remove(userId: string, eventId: string, id: string): Promise<void> {
    const { affected } = await this.unavailabilities.delete({ id, userId, eventId });
    if (!affected) throw notFound('Unavailability');
  }

  /** Every speaker's unavailabilities for an event with their names (organisers): two queries and the event. */
  async listForEvent(eventId: string, query: ListEventUnavailabilitiesQuery): Promise<Page<EventUnavailabilityResponse>> {
    const event = await this.event(eventId);
    const [rows, total] = await this.unavailabilities.findAndCount({
      where: query.userId ? { eventId, userId: In([...new Set(query.userId)]) } : { eventId },
      order: { startsAt: query.order === 'desc' ? 'DESC' : 'ASC', id: 'ASC' },
      skip: pageOffset(query),
      take: query.pageSize,
    });
    const userIds = [...new Set(rows.map((r) => r.userId))];
    const names = userIds.length
      ? await this.profiles.find({ select: { userId: true, firstName: true, lastName: true }, where: { userId: In(userIds) } })
      : [];
    const byId = new Map(names.map((n) => [n.userId, n]));
    const items = rows.map((r) =>
      EventUnavailabilityResponse.withSpeaker(r, event.timeZone, {
        userId: r.userId,
        firstName: byId.get(r.userId)?.firstName ?? '',
        lastName: byId.get(r.userId)?.lastName ?? '',
      }),
    );
    return toPage(items, total, query);
  }

  /** Every unavailability of an event, in UTC, by start. */
  async forEvent(eventId: string): Promise<{ userId: string; startsAt: Date; endsAt: Date }[]> {
    const rows = await this.unavailabilities.find({
      select: { userId: true, startsAt: true, endsAt: true },
      where: { eventId },
      order: { startsAt: 'ASC', userId: 'ASC' },
    });
    return rows.map(({ userId, startsAt, endsAt }) => ({ userId, startsAt, endsAt }));
  }

  private async event(eventId: string): Promise<EventPeriod> {
    const event = await this.events.get(eventId);
    return { startsAt: new Date(event.startsAtUtc), endsAt: new Date(event.endsAtUtc), timeZone: event.timeZone };
  }

  private assertAcceptable(range: { startsAt: Date; endsAt: Date }, event: EventPeriod): void {
    const problem = unavailabilityProblem(range, event);
    if (problem === 'ends-before-start') throw new DomainError(422, 'VALIDATION_FAILED', 'endsAt must be after startsAt');
    if (problem === 'outside-event') {
      const from = formatInZone(event.startsAt, event.timeZone);
      const to = formatInZone(event.endsAt, event.timeZone);
      throw new DomainError(422, 'VALIDATION_FAILED', `The unavailability must lie within the event, from ${from} to ${to}`, {
        eventStartsAt: from,
        eventEndsAt: to,
      });
    }
  }
}
