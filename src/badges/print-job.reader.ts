import type { EntityManager } from 'typeorm';
import type { PrintJobPeopleResponse, PrintJobSummaryResponse } from './dto/print-job.response.js';
import { toPrintJobSummary, type JobRow, type JobTemplateRow } from './print-job-mapper.js';

/** The reads of print jobs (its own tables, and the names of their people), as plain SQL. */
export const PrintJobReader = {
  /** Jobs of the event with their runs and failures: the given ids, or a page in creation order. Three queries. */
  async summaries(manager: EntityManager, eventId: string, which: { ids: string[] } | { order: 'asc' | 'desc'; limit: number; offset: number }): Promise<PrintJobSummaryResponse[]> {
    const byIds = 'ids' in which;
    const direction = !byIds && which.order === 'desc' ? 'DESC' : 'ASC';
    const jobs: JobRow[] = await manager.query(
      `SELECT j.id, j.event_id, j.created_by, j.filter, j.template, j.reason, j.state, j.badges, j.pages, j.deliveries, j.delivered_at,
              j.failed_at, j.failure_reason, CASE WHEN j.reserved_until > now() THEN j.reserved_until END AS reserved_until, j.created_at,
              u.email AS created_by_email
       FROM badge_print_jobs j LEFT JOIN users u ON u.id = j.created_by
       WHERE j.event_id = $1 ${byIds ? 'AND j.id = ANY($2::uuid[])' : ''}
       ORDER BY j.created_at ${direction}, j.id ${direction} ${byIds ? '' : 'LIMIT $2 OFFSET $3'}`,
      byIds ? [eventId, which.ids] : [eventId, which.limit, which.offset],
    );
    if (jobs.length === 0) return [];
    const templates: JobTemplateRow[] = await manager.query(
      `SELECT job_id, template, count(*)::int AS badges, min(page) AS first_page, max(coalesce(back_page, page)) AS last_page,
              bool_or(back_page IS NOT NULL) AS duplex, count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed
       FROM badge_print_job_items WHERE job_id = ANY($1::uuid[]) GROUP BY job_id, template ORDER BY job_id, min(page)`,
      [jobs.map((j) => j.id)],
    );
    return jobs.map((j) => toPrintJobSummary(j, templates.filter((t) => t.job_id === j.id)));
  },

  /** A page of a job's people in PDF order, with their names as they are now. */
  async people(manager: EntityManager, jobId: string, page: { page: number; pageSize: number }): Promise<PrintJobPeopleResponse> {
    const rows: { participant_id: string; first_name: string; last_name: string; template: string; page: number; back_page: number | null; slot: number; printable: boolean; failed_at: Date | null; failure_reason: string | null; total: number }[] =
      await manager.query(
        `SELECT i.participant_id, p.first_name, p.last_name, i.template, i.page, i.back_page, i.slot, i.failed_at, i.failure_reason,
                (p.status = 'registered' AND p.anonymised_at IS NULL) AS printable, count(*) OVER ()::int AS total
         FROM badge_print_job_items i JOIN participants p ON p.id = i.participant_id
         WHERE i.job_id = $1 ORDER BY i.position LIMIT $2 OFFSET $3`,
        [jobId, page.pageSize, (page.page - 1) * page.pageSize],
      );
    const total = rows.length ? rows[0].total : (await manager.query(`SELECT count(*)::int AS n FROM badge_print_job_items WHERE job_id = $1`, [jobId]))[0].n as number;
    return {
      items: rows.map((r) => ({
        participantId: r.participant_id,
        firstName: r.first_name,
        lastName: r.last_name,
        template: r.template,
        page: r.page,
        backPage: r.back_page,
        slot: r.slot,
        printable: r.printable,
        failed: r.failed_at !== null,
        failureReason: r.failure_reason,
      })),
      page: page.page,
      pageSize: page.pageSize,
      total,
    };
  },
};
