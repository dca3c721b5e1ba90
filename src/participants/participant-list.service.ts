import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { pageOffset, toPage, type Page, type PageQueryDto } from '../common/pagination/page-query.dto.js';
import type { ExportParticipantsQuery, ListParticipantsQuery } from './dto/list-participants.query.js';
import type { ParticipantSummaryResponse } from './dto/participant-summary.response.js';
import type { PublicParticipantResponse } from './dto/public-participant.response.js';
import { participantOrder, participantWhere, type ParticipantFilter } from './participant-query.js';
import { admissionsJoin, participantColumns, toPublic, toSummary, type ParticipantRow } from './participant-row.js';
import { ProgrammeSyncService } from './programme-sync.service.js';

/** Most participants one export holds; past it, the organiser narrows the filters. */
export const MAX_EXPORT_ROWS = 50_000;

export interface EventRef {
  id: string;
  slug: string;
  time_zone: string;
}

function filterOf(eventId: string, query: ExportParticipantsQuery): ParticipantFilter {
  return { eventId, q: query.q, category: query.category, partId: query.partId, admission: query.admission, status: query.status, day: query.day, badgePrinted: query.badgePrinted, checkedIn: query.checkedIn };
}

/**
 * Reads of an event's participants: the organisers' and reception's list (one query a page, the
 * total and each row's admissions included), the rows of the exports, and the public list. The
 * list and the exports first bring the participants in line with the latest published programme
 * (`ProgrammeSyncService.ensureSynced`: one indexed query when nothing new was published).
 */
@Injectable()
export class ParticipantListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programmeSync: ProgrammeSyncService,
  ) {}

  async event(eventId: string): Promise<EventRef> {
    const [event] = await this.dataSource.query<EventRef[]>(`SELECT id, slug, time_zone FROM events WHERE id = $1`, [eventId]);
    if (!event) throw notFound('Event');
    return event;
  }

  async list(eventId: string, query: ListParticipantsQuery): Promise<Page<ParticipantSummaryResponse>> {
    await this.event(eventId);
    await this.programmeSync.ensureSynced(eventId);
    const where = participantWhere(filterOf(eventId, query));
    const params = [...where.params, query.pageSize, pageOffset(query)];
    const rows = await this.dataSource.query<Array<ParticipantRow & { total: string }>>(
      `WITH page AS (
         SELECT p.id, count(*) OVER () AS total, row_number() OVER (ORDER BY ${participantOrder(query.sort, query.order)}) AS ordinal
         FROM participants p WHERE ${where.sql}
         ORDER BY ordinal LIMIT $${params.length - 1} OFFSET $${params.length}
       )
       SELECT ${participantColumns('p')}, page.total
       FROM page JOIN participants p ON p.id = page.id ${admissionsJoin('p')}
       ORDER BY page.ordinal`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : query.page > 1 ? await this.count(where.sql, where.params) : 0;
    return toPage(rows.map(toSummary), total, query);
  }

  /** Every matching participant, needs included, for the organisers' exports. */
  async exportRows(eventId: string, query: ExportParticipantsQuery): Promise<{ event: EventRef; rows: ParticipantRow[] }> {
    const event = await this.event(eventId);
    await this.programmeSync.ensureSynced(eventId);
    const where = participantWhere(filterOf(eventId, query));
    const rows = await this.dataSource.query<ParticipantRow[]>(
      `SELECT ${participantColumns('p')}
       FROM participants p ${admissionsJoin('p')}
       WHERE ${where.sql}
       ORDER BY ${participantOrder(query.sort, query.order)}
       LIMIT ${MAX_EXPORT_ROWS + 1}`,
      where.params,
    );
    if (rows.length > MAX_EXPORT_ROWS) {
      throw new DomainError(422, 'EXPORT_TOO_LARGE', `More than ${MAX_EXPORT_ROWS} participants match: narrow the filters and export in parts`, {
        maxRows: MAX_EXPORT_ROWS,
      });
    }
    return { event, rows };
  }

  /**
   * The public list: registered participants who consented, names, affiliation, town and badge
   * category only, by name; 404 PUBLIC_LIST_CLOSED unless the organisers turned it on.
   */
  async publicList(eventId: string, query: PageQueryDto): Promise<Page<PublicParticipantResponse>> {
    await this.event(eventId);
    const [settings] = await this.dataSource.query<Array<{ public_list: boolean }>>(`SELECT public_list FROM participant_settings WHERE event_id = $1`, [eventId]);
    if (!settings?.public_list) throw new DomainError(404, 'PUBLIC_LIST_CLOSED', 'The list of participants of this event is not public');
    const visible = `p.event_id = $1 AND p.status = 'registered' AND p.consent_public_list AND p.anonymised_at IS NULL`;
    const rows = await this.dataSource.query<Array<Pick<ParticipantRow, 'first_name' | 'last_name' | 'affiliation' | 'town' | 'categories' | 'programme_roles'> & { total: string }>>(
      `SELECT p.first_name, p.last_name, p.affiliation, p.town, p.categories, p.programme_roles, count(*) OVER () AS total
       FROM participants p WHERE ${visible}
       ORDER BY ${participantOrder('name', query.order)}
       LIMIT $2 OFFSET $3`,
      [eventId, query.pageSize, pageOffset(query)],
    );
    const total = rows.length ? Number(rows[0].total) : query.page > 1 ? await this.count(visible, [eventId]) : 0;
    return toPage(rows.map(toPublic), total, query);
  }

  private async count(whereSql: string, params: unknown[]): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM participants p WHERE ${whereSql}`, params);
    return row.n;
  }
}
