import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { pageOffset, toPage, type Page } from '../../common/pagination/page-query.dto.js';
import { EventsService } from '../../events/events.service.js';
import { Submission } from '../submission.entity.js';
import type { ExportEventSubmissionsQuery, ListEventSubmissionsQuery } from './dto/list-event-submissions.query.js';
import type { SubmissionSummaryResponse } from './dto/submission-summary.response.js';
import { languageComplete, submissionOrder, submissionWhere, type SubmissionFilter } from './submission-filter.js';
import { toSubmissionSummary, type SubmissionListRow } from './submission-list-row.js';
import { submissionsCsv } from './submissions-csv.js';

/** Most proposals one CSV export holds; past it, the organiser narrows the filters. */
export const MAX_EXPORT_ROWS = 20_000;

export interface SubmissionsCsvFile {
  filename: string;
  content: Buffer;
}

function filterOf(eventId: string, query: ExportEventSubmissionsQuery): SubmissionFilter {
  return {
    eventId,
    states: query.state,
    typeId: query.typeId,
    trackId: query.trackId,
    language: query.language,
    speaker: query.speaker,
    q: query.q,
    placed: query.placed,
  };
}

/**
 * The organisers' list and CSV export of an event's proposals. A page costs the same two
 * queries whatever its size: the event's existence, and the page itself, which brings the total,
 * the review statistics (a LEFT JOIN on reviews grouped by proposal), the type, the track, the
 * main speaker and the co-speakers of every row (a third, the count, only for a page past the end).
 */
@Injectable()
export class SubmissionListService {
  constructor(
    @InjectRepository(Submission) private readonly submissions: Repository<Submission>,
    private readonly events: EventsService,
  ) {}

  async list(eventId: string, query: ListEventSubmissionsQuery): Promise<Page<SubmissionSummaryResponse>> {
    await this.events.assertExists(eventId);
    const filter = filterOf(eventId, query);
    const offset = pageOffset(query);
    const rows = await this.rows(filter, query, { limit: query.pageSize, offset, forExport: false });
    // every row carries the total; a page past the end has none, and only then is it counted apart
    const total = rows.length ? Number(rows[0].total) : offset > 0 ? await this.count(filter) : 0;
    return toPage(rows.map(toSubmissionSummary), total, query);
  }

  async exportCsv(eventId: string, query: ExportEventSubmissionsQuery): Promise<SubmissionsCsvFile> {
    const event = await this.events.get(eventId);
    const rows = await this.rows(filterOf(eventId, query), query, { limit: MAX_EXPORT_ROWS + 1, offset: 0, forExport: true });
    if (rows.length > MAX_EXPORT_ROWS) {
      throw new DomainError(
        422,
        'EXPORT_TOO_LARGE',
        `More than ${MAX_EXPORT_ROWS} proposals match: narrow the filters (state, type, track…) and export in parts`,
        { maxRows: MAX_EXPORT_ROWS },
      );
    }
    return {
      filename: `propositions-${event.slug}.csv`,
      content: Buffer.from(submissionsCsv(rows, event.timeZone), 'utf8'),
    };
  }

  private async count(filter: SubmissionFilter): Promise<number> {
    const where = submissionWhere(filter);
    const [row] = await this.submissions.query<Array<{ total: number }>>(
      `SELECT count(*)::int AS total FROM submissions s WHERE ${where.sql}`,
      where.params,
    );
    return row.total;
  }

  /**
   * The matching proposals in the requested order, in one query: `matching` applies the filters,
   * `stats` aggregates the reviews of the matching proposals (grouped by proposal), `page` sorts
   * them with their statistics, counts them all and cuts the page, and the outer query adds the
   * text, type, track, main speaker and co-speakers of the rows of the page only.
   */
  private async rows(
    filter: SubmissionFilter,
    sort: Pick<ExportEventSubmissionsQuery, 'sort' | 'order'>,
    options: { limit: number; offset: number; forExport: boolean },
  ): Promise<SubmissionListRow[]> {
    const where = submissionWhere(filter);
    const params = [...where.params, options.limit, options.offset];
    const limit = `$${params.length - 1}`;
    const offset = `$${params.length}`;
    const order = submissionOrder(sort.sort, sort.order);
    const exportColumns = options.forExport ? `s.abstract_fr, s.abstract_en,` : '';
    const sql = `
      WITH matching AS (
        SELECT s.id, s.title_fr, s.title_en, s.submitted_at, s.created_at
        FROM submissions s
        WHERE ${where.sql}
      ), stats AS (
        SELECT r.submission_id, count(*)::int AS review_count, avg(r.score) AS mean_score
        FROM reviews r JOIN matching m ON m.id = r.submission_id
        GROUP BY r.submission_id
      ), page AS (
        SELECT s.id, coalesce(st.review_count, 0) AS review_count, round(st.mean_score, 2)::text AS mean_score,
               row_number() OVER (ORDER BY ${order}) AS ordinal, count(*) OVER () AS total
        FROM matching s LEFT JOIN stats st ON st.submission_id = s.id
        ORDER BY ${order}
        LIMIT ${limit} OFFSET ${offset}
      )
      SELECT s.id, s.state, s.title_fr, s.title_en, s.submitted_at, s.created_at,
             ${languageComplete('fr')} AS lang_fr, ${languageComplete('en')} AS lang_en,
             p.review_count, p.mean_score, p.total, ${exportColumns}
             t.id AS type_id, t.code AS type_code, t.name_fr AS type_name_fr, t.name_en AS type_name_en,
             tr.id AS track_id, tr.name_fr AS track_name_fr, tr.name_en AS track_name_en,
             m.user_id AS main_user_id, m.email AS main_email, m.first_name AS main_first_name,
             m.last_name AS main_last_name, m.affiliation AS main_affiliation,
             coalesce(co.co_count, 0) AS co_count, co.co_list
      FROM page p
      JOIN submissions s ON s.id = p.id
      JOIN submission_types t ON t.id = s.type_id
      LEFT JOIN tracks tr ON tr.id = s.track_id
      LEFT JOIN LATERAL (
        SELECT ss.user_id, ss.email, sp.first_name, sp.last_name, sp.affiliation
        FROM submission_speakers ss LEFT JOIN speaker_profiles sp ON sp.user_id = ss.user_id
        WHERE ss.submission_id = p.id AND ss.role = 'main'
        ORDER BY ss.position, ss.created_at
        LIMIT 1
      ) m ON true
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS co_count,
               json_agg(json_build_object('userId', ss.user_id, 'name', coalesce(nullif(concat_ws(' ', sp.first_name, sp.last_name), ''), ss.email), 'status', ss.status)
                        ORDER BY ss.position, ss.created_at) AS co_list
        FROM submission_speakers ss LEFT JOIN speaker_profiles sp ON sp.user_id = ss.user_id
        WHERE ss.submission_id = p.id AND ss.role = 'co' AND ss.status <> 'declined'
      ) co ON true
      ORDER BY p.ordinal`;
    return this.submissions.query<SubmissionListRow[]>(sql, params);
  }
}
