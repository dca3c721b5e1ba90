import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import { conflict, DomainError, notFound } from '../common/errors/domain-error.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import { CLOCK, type Clock } from '../common/time/clock.js';
import { formatInZone, parseZonedDateTime } from '../common/time/zoned-time.js';
import type { CreateLabelYearDto, UpdateLabelYearDto } from './dto/label-year.dto.js';
import type { LabelYearResponse } from './dto/label-year.response.js';
import type { ListLabelYearsQuery } from './dto/list-label-years.query.js';
import { LabelEmbargoService, type LabelEmbargoState } from './label-embargo.service.js';

/**
 * Label years: their ceremony (event and session), the reveal, the publication of the figures.
 * A year is created by an organiser or by the first import of its palmarès; either way, without an
 * explicit event, it is linked to the event whose slug is `label<year>` (the seed's `label2012`).
 */
@Injectable()
export class LabelYearsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly embargo: LabelEmbargoService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A page of years, latest first unless `order=asc` (the embargo state of each, and its towns), in two queries. */
  async list(query: ListLabelYearsQuery): Promise<Page<LabelYearResponse>> {
    const rows = await this.dataSource.query<Array<{ year: number; towns: number; total: number }>>(
      `SELECT y.year, count(a.id)::int AS towns, count(*) OVER ()::int AS total FROM label_years y LEFT JOIN label_awards a ON a.year = y.year
        GROUP BY y.year ORDER BY y.year ${query.order === 'asc' ? 'ASC' : 'DESC'} LIMIT ${query.pageSize} OFFSET ${pageOffset(query)}`,
    );
    const states = await this.embargo.findAll();
    const items = rows.filter((r) => states.has(r.year)).map((r) => toResponse(states.get(r.year)!, r.towns));
    return toPage(items, rows[0]?.total ?? states.size, query);
  }

  async get(year: number, manager?: EntityManager): Promise<LabelYearResponse> {
    const state = await this.embargo.get(year, manager);
    const [{ towns }] = await (manager ?? this.dataSource.manager).query<Array<{ towns: number }>>(
      `SELECT count(*)::int AS towns FROM label_awards WHERE year = $1`,
      [year],
    );
    return toResponse(state, towns);
  }

  async create(dto: CreateLabelYearDto): Promise<LabelYearResponse> {
    return this.dataSource.transaction(async (manager) => {
      const exists = await manager.query(`SELECT 1 FROM label_years WHERE year = $1`, [dto.year]);
      if (exists.length) throw conflict(`The label year ${dto.year} already exists`, { year: dto.year }, 'LABEL_YEAR_EXISTS');
      const eventId = dto.eventId === undefined ? await this.defaultEvent(manager, dto.year) : dto.eventId;
      if (eventId) await this.assertEvent(manager, eventId);
      if (dto.ceremonySessionId) await this.assertSession(manager, dto.ceremonySessionId, eventId);
      await manager.query(`INSERT INTO label_years (year, event_id, ceremony_session_id, stats_published) VALUES ($1, $2, $3, $4)`, [
        dto.year,
        eventId,
        dto.ceremonySessionId ?? null,
        dto.statsPublished ?? false,
      ]);
      return this.get(dto.year, manager);
    });
  }

  /** The year, created and linked to its `label<year>` event when it does not exist yet (inside the caller's transaction). */
  async ensure(manager: EntityManager, year: number): Promise<void> {
    const eventId = await this.defaultEvent(manager, year);
    await manager.query(`INSERT INTO label_years (year, event_id) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT "PK_label_years" DO NOTHING`, [year, eventId]);
  }

  async update(year: number, dto: UpdateLabelYearDto): Promise<LabelYearResponse> {
    return this.dataSource.transaction(async (manager) => {
      const state = await this.embargo.get(year, manager);
      const eventId = dto.eventId === undefined ? state.eventId : dto.eventId;
      const sessionId = dto.ceremonySessionId === undefined ? state.ceremonySessionId : dto.ceremonySessionId;
      if (dto.eventId) await this.assertEvent(manager, dto.eventId);
      if (sessionId && (dto.ceremonySessionId !== undefined || dto.eventId !== undefined)) await this.assertSession(manager, sessionId, eventId);
      await manager.query(
        `UPDATE label_years SET event_id = $2, ceremony_session_id = $3, stats_published = $4, updated_at = now() WHERE year = $1`,
        [year, eventId, sessionId, dto.statsPublished ?? state.statsPublished],
      );
      return this.get(year, manager);
    });
  }

  async remove(year: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.embargo.get(year, manager);
      const [{ towns }] = await manager.query<Array<{ towns: number }>>(`SELECT count(*)::int AS towns FROM label_awards WHERE year = $1`, [year]);
      if (towns > 0) throw conflict(`The label year ${year} has ${towns} labelled towns: delete them first`, { year, towns }, 'LABEL_YEAR_IN_USE');
      await manager.query(`DELETE FROM label_years WHERE year = $1`, [year]);
    });
  }

  /** Levels public now, or at `at` (wall-clock in the ceremony's zone or with an offset), earlier or later than the ceremony. */
  async reveal(year: number, at: string | undefined, caller: RequestUser): Promise<LabelYearResponse> {
    return this.dataSource.transaction(async (manager) => {
      const state = await this.embargo.get(year, manager);
      const when = at === undefined ? this.clock.now() : parseZonedDateTime(at, state.timeZone, 'at');
      await manager.query(`UPDATE label_years SET reveal_at = $2, revealed_by = $3, updated_at = now() WHERE year = $1`, [year, when, caller.id]);
      return this.get(year, manager);
    });
  }

  private async defaultEvent(manager: EntityManager, year: number): Promise<string | null> {
    const rows = await manager.query<Array<{ id: string }>>(`SELECT id FROM events WHERE slug = $1`, [`label${year}`]);
    return rows[0]?.id ?? null;
  }

  private async assertEvent(manager: EntityManager, eventId: string): Promise<void> {
    const rows = await manager.query(`SELECT 1 FROM events WHERE id = $1`, [eventId]);
    if (!rows.length) throw notFound('Event', { eventId });
  }

  /** The ceremony session must belong to the ceremony event or to an event linked with it (the colloquium). */
  private async assertSession(manager: EntityManager, sessionId: string, eventId: string | null): Promise<void> {
    const rows = await manager.query<Array<{ event_id: string; parent_event_id: string | null }>>(
      `SELECT s.event_id, e.parent_event_id FROM sessions s JOIN events e ON e.id = s.event_id WHERE s.id = $1`,
      [sessionId],
    );
    const session = rows[0];
    if (!session) throw notFound('Session', { sessionId });
    if (!eventId) return;
    const [ceremony] = await manager.query<Array<{ parent_event_id: string | null }>>(`SELECT parent_event_id FROM events WHERE id = $1`, [eventId]);
    const linked = session.event_id === eventId || session.parent_event_id === eventId || session.event_id === ceremony?.parent_event_id;
    if (!linked) {
      throw new DomainError(422, 'SESSION_NOT_IN_CEREMONY', 'The ceremony session must be a session of the ceremony event or of its linked event', { sessionId, eventId });
    }
  }
}

export function toResponse(state: LabelEmbargoState, towns: number): LabelYearResponse {
  return {
    year: state.year,
    eventId: state.eventId,
    ceremonySessionId: state.ceremonySessionId,
    embargoEndsAt: state.embargoEndsAt ? formatInZone(state.embargoEndsAt, state.timeZone) : null,
    embargoEndsAtUtc: state.embargoEndsAt ? state.embargoEndsAt.toISOString() : null,
    revealed: state.revealed,
    statsPublished: state.statsPublished,
    towns,
  };
}
