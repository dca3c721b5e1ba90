import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { localDay } from '../check-ins/check-in-rules.js';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { isViolation } from '../common/errors/postgres-error.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import { CLOCK, type Clock } from '../common/time/clock.js';
import { EventsService } from '../events/events.service.js';
import { AdmissionsService } from '../participants/admissions.service.js';
import { PARTICIPANT_CATEGORY_LABELS } from '../participants/participant-category.js';
import { ASSIGNABLE_CATEGORIES, PLAIN_CATEGORY, normaliseEmail } from '../participants/participant-fields.js';
import { participantOrder, participantWhere } from '../participants/participant-query.js';
import type { DeskContextResponse } from './dto/desk-context.response.js';
import type { DeskPersonResponse } from './dto/desk-person.response.js';
import type { DeskSearchQuery } from './dto/desk-search.query.js';
import type { WalkInDto } from './dto/walk-in.dto.js';
import { toDeskPerson, type DeskPersonRow } from './desk-person.js';

/**
 * The reception desk's reads and its one write. The search uses the participants' own filter
 * (participantWhere: unaccent(lower(…)) on names, email and town) and reads each person's places,
 * check-ins and badge prints in the same query (a read model over participants, parts, check_ins
 * and badge_prints). A walk-in is created as organisers create participants (same columns), with
 * source `desk` and an email only if one was given (CHK_participants_email_or_guest lets a desk
 * walk-in go without; nobody is then mailed), and seated in today's day part through
 * AdmissionsService, in one transaction.
 */
@Injectable()
export class DeskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly admissions: AdmissionsService,
  ) {}

  async context(eventId: string): Promise<DeskContextResponse> {
    const event = await this.events.get(eventId);
    const today = localDay(this.clock.now(), event.timeZone);
    const part = await this.todayPart(this.dataSource.manager, eventId, today);
    const parts = await this.dataSource.query<Array<{ id: string; code: string; name_fr: string; kind: string; day: string | null }>>(
      `SELECT id, code, name_fr, kind, day::text AS day FROM event_parts WHERE event_id = $1 ORDER BY display_order, day NULLS LAST, code LIMIT 200`,
      [eventId],
    );
    return {
      eventId,
      nameFr: event.nameFr,
      timeZone: event.timeZone,
      today,
      todayPartNameFr: part?.name_fr ?? null,
      parts: parts.map((p) => ({ id: p.id, code: p.code, nameFr: p.name_fr, kind: p.kind, day: p.day })),
      categories: ASSIGNABLE_CATEGORIES.map((code) => ({ code, labelFr: PARTICIPANT_CATEGORY_LABELS[code].fr })),
      defaultCategory: PLAIN_CATEGORY,
    };
  }

  async search(eventId: string, query: DeskSearchQuery): Promise<Page<DeskPersonResponse>> {
    const event = await this.events.get(eventId);
    const today = localDay(this.clock.now(), event.timeZone);
    const where = query.token
      ? { sql: `p.event_id = $1 AND p.badge_token = $2`, params: [eventId, query.token] }
      : query.id
        ? { sql: `p.event_id = $1 AND p.id = $2`, params: [eventId, query.id] }
        : participantWhere({ eventId, q: query.q }, 'p', 1);
    const condition = `${where.sql} AND p.anonymised_at IS NULL`;
    const n = where.params.length;
    const [{ total }] = await this.dataSource.query<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM participants p WHERE ${condition}`, where.params);
    const rows = await this.dataSource.query<DeskPersonRow[]>(
      `${personSelect(`$${n + 1}::date`)} WHERE ${condition} ORDER BY ${participantOrder('name', query.order)} LIMIT $${n + 2} OFFSET $${n + 3}`,
      [...where.params, today, query.pageSize, pageOffset(query)],
    );
    return toPage(
      rows.map((r) => toDeskPerson(r, event.timeZone, today)),
      total,
      query,
    );
  }

  async walkIn(eventId: string, dto: WalkInDto): Promise<DeskPersonResponse> {
    const event = await this.events.get(eventId);
    const today = localDay(this.clock.now(), event.timeZone);
    const email = dto.email ? normaliseEmail(dto.email) : null;
    const days = today >= event.startDate && today <= event.endDate ? [today] : [];
    try {
      const id = await this.dataSource.transaction(async (manager) => {
        const [row] = await manager.query<Array<{ id: string }>>(
          `INSERT INTO participants (event_id, email, first_name, last_name, affiliation, categories, days, source)
           VALUES ($1, $2, $3, $4, $5, $6::text[], $7::date[], 'desk') RETURNING id`,
          [eventId, email, dto.firstName, dto.lastName, dto.affiliation ?? null, [dto.category], days],
        );
        const part = await this.todayPart(manager, eventId, today);
        if (part) await this.admissions.requestSeats(manager, row.id, [part.id], { byOrganiser: true });
        return row.id;
      });
      return await this.person(eventId, id, event.timeZone, today);
    } catch (error) {
      if (isViolation(error, '23505', 'UQ_participants_event_email')) {
        throw conflict('Another participant of this event has this email: search for them instead', { email }, 'EMAIL_TAKEN');
      }
      throw error;
    }
  }

  private async person(eventId: string, id: string, zone: string, today: string): Promise<DeskPersonResponse> {
    const [row] = await this.dataSource.query<DeskPersonRow[]>(`${personSelect('$3::date')} WHERE p.event_id = $1 AND p.id = $2`, [eventId, id, today]);
    if (!row) throw notFound('Participant');
    return toDeskPerson(row, zone, today);
  }

  private async todayPart(manager: EntityManager, eventId: string, today: string): Promise<{ id: string; name_fr: string } | null> {
    const [row] = await manager.query<Array<{ id: string; name_fr: string }>>(
      `SELECT id, name_fr FROM event_parts WHERE event_id = $1 AND kind = 'day' AND day = $2::date ORDER BY display_order, code LIMIT 1`,
      [eventId, today],
    );
    return row ?? null;
  }
}

/** The desk's columns for alias `p`; `today` is the SQL of today's date (a check-in of a part other than a day counts today). */
function personSelect(today: string): string {
  return `SELECT p.id, p.first_name, p.last_name, p.email, p.affiliation, p.town, p.categories, p.programme_roles, p.label_form, p.status, p.badge_token,
      (SELECT count(*) FROM badge_prints b WHERE b.participant_id = p.id AND b.failed_at IS NULL)::int AS print_count,
      (SELECT max(b.printed_at) FROM badge_prints b WHERE b.participant_id = p.id AND b.failed_at IS NULL) AS last_printed_at,
      coalesce((
        SELECT json_agg(json_build_object(
                 'partId', ep.id, 'code', ep.code, 'nameFr', ep.name_fr, 'kind', ep.kind, 'day', ep.day::text, 'status', a.status, 'quota', a.quota,
                 'displayOrder', ep.display_order, 'checkedInAt', c.checked_in_at, 'checkedInBy', coalesce(u.display_name, u.email)))
          FROM part_admissions a
          JOIN event_parts ep ON ep.id = a.part_id
          LEFT JOIN check_ins c ON c.participant_id = p.id AND c.part_id = ep.id
                               AND c.day = CASE WHEN ep.kind = 'day' AND ep.day IS NOT NULL THEN ep.day ELSE ${today} END
          LEFT JOIN users u ON u.id = c.checked_in_by
         WHERE a.participant_id = p.id AND a.status <> 'cancelled'), '[]'::json) AS parts
    FROM participants p`;
}
