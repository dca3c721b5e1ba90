import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { ChangeFeedService } from '../change-feed/change-feed.service.js';
import type { KeptReads } from '../change-feed/kept-reads.js';
import { conflict, DomainError, notFound } from '../common/errors/domain-error.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import { VenuesService } from '../venues/venues.service.js';
import type { CreateEventDto } from './dto/create-event.dto.js';
import { EventResponse, type EventVenueResponse } from './dto/event.response.js';
import type { ListEventsQuery } from './dto/list-events.query.js';
import type { UpdateEventDto } from './dto/update-event.dto.js';
import { resolvePeriod } from './event-period.js';
import { EventVenue } from './event-venue.entity.js';
import { Event } from './event.entity.js';

const REQUIRED_FIELDS = ['slug', 'kind', 'nameFr', 'timeZone'] as const;
const OPTIONAL_TEXT = ['nameEn', 'themeFr', 'themeEn', 'website', 'contactEmail', 'contactPhone'] as const;

/** What a public event answer is read from. */
const PUBLIC_TABLES = ['events', 'event_venues', 'venues'];

@Injectable()
export class EventsService {
  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectRepository(EventVenue) private readonly eventVenues: Repository<EventVenue>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly venues: VenuesService,
    feed: ChangeFeedService,
  ) {
    this.publicEvents = feed.cache('public events', PUBLIC_TABLES);
  }

  /** The public reads (GET /api/events…), kept until an event or its venues change (src/change-feed). */
  private readonly publicEvents: KeptReads<string, Page<EventResponse> | EventResponse>;

  /** GET /api/events: kept per query. */
  listPublic(query: ListEventsQuery): Promise<Page<EventResponse>> {
    return this.publicEvents.get(`list:${JSON.stringify(query)}`, () => this.list(query)) as Promise<Page<EventResponse>>;
  }

  /** GET /api/events/:id: kept per event (a 404 is not kept). */
  getPublic(id: string): Promise<EventResponse> {
    return this.publicEvents.get(`event:${id.toLowerCase()}`, () => this.get(id)) as Promise<EventResponse>;
  }

  /** Throws 404 NOT_FOUND when there is no such event. */
  async assertExists(id: string): Promise<void> {
    if (!(await this.events.existsBy({ id }))) throw notFound('Event');
  }

  async list(query: ListEventsQuery): Promise<Page<EventResponse>> {
    const qb = this.events.createQueryBuilder('e');
    if (query.kind) qb.andWhere('e.kind = :kind', { kind: query.kind });
    if (query.slug) qb.andWhere('e.slug = :slug', { slug: query.slug });
    if (query.parentEventId) qb.andWhere('e.parent_event_id = :parent', { parent: query.parentEventId });
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const column = { startsAt: 'e.starts_at', name: 'e.name_fr', createdAt: 'e.created_at' }[query.sort];
    qb.orderBy(column, direction).addOrderBy('e.id', 'ASC');
    const [rows, total] = await qb.skip(pageOffset(query)).take(query.pageSize).getManyAndCount();
    return toPage(await this.toResponses(rows), total, query);
  }

  /** One event with its venues and linked events: the event and its linked events come in one query. */
  async get(id: string): Promise<EventResponse> {
    const family = await this.events.find({
      where: [{ id }, { parentEventId: id }],
      relations: { venueLinks: true },
      order: { startsAt: 'ASC' },
    });
    const event = family.find((e) => e.id === id);
    if (!event) throw notFound('Event');
    const [response] = await this.toResponses([event], family.filter((e) => e.parentEventId === id));
    return response;
  }

  /** The event with this slug, or null (the seed looks events up this way). */
  async findIdBySlug(slug: string): Promise<string | null> {
    const row = await this.events.findOne({ select: { id: true }, where: { slug } });
    return row?.id ?? null;
  }

  async create(dto: CreateEventDto): Promise<EventResponse> {
    const period = resolvePeriod(dto, null);
    if (await this.events.existsBy({ slug: dto.slug })) throw conflict(`An event with the slug "${dto.slug}" already exists`);
    if (dto.parentEventId) await this.assertValidParent(dto.parentEventId, null);
    await this.venues.assertAllExist(dto.venueIds ?? []);
    const id = await this.dataSource.transaction(async (manager) => {
      const event = manager.create(Event, {
        slug: dto.slug,
        kind: dto.kind ?? 'colloquium',
        parentEventId: dto.parentEventId ?? null,
        nameFr: dto.nameFr,
        nameEn: dto.nameEn ?? null,
        themeFr: dto.themeFr ?? null,
        themeEn: dto.themeEn ?? null,
        website: dto.website ?? null,
        contactEmail: dto.contactEmail ?? null,
        contactPhone: dto.contactPhone ?? null,
        ...period,
      });
      const saved = await manager.save(event);
      await this.replaceVenues(manager, saved.id, dto.venueIds ?? []);
      return saved.id;
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateEventDto): Promise<EventResponse> {
    const event = await this.load(id);
    for (const field of REQUIRED_FIELDS) {
      if (dto[field] === null) throw new DomainError(422, 'VALIDATION_FAILED', `${field} cannot be cleared`);
    }
    const period = resolvePeriod(dto, event);
    if (dto.slug !== undefined && dto.slug !== event.slug && (await this.events.existsBy({ slug: dto.slug }))) {
      throw conflict(`An event with the slug "${dto.slug}" already exists`);
    }
    if (dto.parentEventId) await this.assertValidParent(dto.parentEventId, id);
    if (dto.venueIds) await this.venues.assertAllExist(dto.venueIds);
    if (dto.slug !== undefined) event.slug = dto.slug;
    if (dto.kind !== undefined) event.kind = dto.kind;
    if (dto.nameFr !== undefined) event.nameFr = dto.nameFr;
    if (dto.parentEventId !== undefined) event.parentEventId = dto.parentEventId;
    for (const field of OPTIONAL_TEXT) if (dto[field] !== undefined) event[field] = dto[field] ?? null;
    Object.assign(event, period);
    await this.dataSource.transaction(async (manager) => {
      await manager.save(event);
      if (dto.venueIds) await this.replaceVenues(manager, id, dto.venueIds);
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const result = await this.events.delete({ id });
    if (!result.affected) throw notFound('Event');
  }

  private async load(id: string): Promise<Event> {
    const event = await this.events.findOneBy({ id });
    if (!event) throw notFound('Event');
    return event;
  }

  /** A linked event hangs under a top-level event: one level, so no cycle can form. */
  private async assertValidParent(parentId: string, selfId: string | null): Promise<void> {
    if (parentId === selfId) throw new DomainError(422, 'VALIDATION_FAILED', 'An event cannot be its own parent');
    const parent = await this.events.findOneBy({ id: parentId });
    if (!parent) throw new DomainError(422, 'VALIDATION_FAILED', 'parentEventId does not name an event');
    if (parent.parentEventId) throw new DomainError(422, 'VALIDATION_FAILED', 'The parent event is itself linked to another event');
    if (selfId && (await this.events.existsBy({ parentEventId: selfId }))) {
      throw new DomainError(422, 'VALIDATION_FAILED', 'This event has linked events of its own, so it cannot be linked under another');
    }
  }

  private async replaceVenues(manager: EntityManager, eventId: string, venueIds: string[]): Promise<void> {
    await manager.delete(EventVenue, { eventId });
    if (venueIds.length) await manager.insert(EventVenue, venueIds.map((venueId) => ({ eventId, venueId })));
  }

  /**
   * Responses for a page of events in three queries whatever the page size; one when the venue
   * links and the linked events came with the events.
   */
  private async toResponses(events: Event[], knownChildren?: Event[]): Promise<EventResponse[]> {
    if (events.length === 0) return [];
    const ids = events.map((e) => e.id);
    const [links, children] = await Promise.all([
      events.every((e) => e.venueLinks) ? events.flatMap((e) => e.venueLinks ?? []) : this.eventVenues.find({ where: { eventId: In(ids) } }),
      knownChildren ?? this.events.find({ where: { parentEventId: In(ids) }, order: { startsAt: 'ASC' } }),
    ]);
    const summaries = await this.venues.summaries([...new Set(links.map((l) => l.venueId))]);
    const venueById = new Map<string, EventVenueResponse>(summaries.map((v) => [v.id, v]));
    return events.map((event) =>
      EventResponse.from(
        event,
        links
          .filter((l) => l.eventId === event.id)
          .map((l) => venueById.get(l.venueId))
          .filter((v): v is EventVenueResponse => v !== undefined)
          .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
        children.filter((c) => c.parentEventId === event.id),
      ),
    );
  }
}
