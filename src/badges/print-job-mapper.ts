import type { PrintJobFilterResponse, PrintJobSummaryResponse } from './dto/print-job.response.js';

/** A badge_print_jobs row with its creator's email. */
export interface JobRow {
  id: string;
  event_id: string;
  created_by: string | null;
  created_by_email: string | null;
  filter: Record<string, unknown>;
  template: string | null;
  reason: string | null;
  state: string;
  badges: number;
  pages: number;
  deliveries: number;
  delivered_at: Date | null;
  failed_at: Date | null;
  failure_reason: string | null;
  reserved_until: Date | null;
  created_at: Date;
}

/** One template's run of a job, aggregated from its items. */
export interface JobTemplateRow {
  job_id: string;
  template: string;
  badges: number;
  first_page: number;
  last_page: number;
  duplex: boolean;
  failed: number;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The filter as stored, shown with the explicit ids counted. */
export function toFilterResponse(stored: Record<string, unknown>): PrintJobFilterResponse {
  const ids = stored.participantIds;
  return {
    all: stored.all === true,
    categories: Array.isArray(stored.categories) ? (stored.categories as string[]) : null,
    partId: typeof stored.partId === 'string' ? stored.partId : null,
    day: typeof stored.day === 'string' ? stored.day : null,
    notYetPrinted: stored.notYetPrinted === true,
    participantIdCount: Array.isArray(ids) ? ids.length : null,
  };
}

/** The API's view of a job (`reserved_until` read as NULL once over). */
export function toPrintJobSummary(job: JobRow, runs: JobTemplateRow[]): PrintJobSummaryResponse {
  return {
    id: job.id,
    eventId: job.event_id,
    state: job.state,
    filter: toFilterResponse(job.filter),
    template: job.template,
    reason: job.reason,
    badges: job.badges,
    sheets: runs.reduce((n, r) => n + (r.last_page - r.first_page + 1) / (r.duplex ? 2 : 1), 0),
    pages: job.pages,
    perTemplate: runs.map((r) => ({
      template: r.template,
      badges: r.badges,
      sheets: (r.last_page - r.first_page + 1) / (r.duplex ? 2 : 1),
      firstPage: r.first_page,
      lastPage: r.last_page,
      duplex: r.duplex,
    })),
    failedBadges: runs.reduce((n, r) => n + r.failed, 0),
    deliveries: job.deliveries,
    deliveredAt: iso(job.delivered_at),
    failedAt: iso(job.failed_at),
    failureReason: job.failure_reason,
    reservedUntil: iso(job.reserved_until),
    createdById: job.created_by,
    createdByEmail: job.created_by_email,
    createdAt: new Date(job.created_at).toISOString(),
  };
}
