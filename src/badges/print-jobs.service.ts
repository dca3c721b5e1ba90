import { Injectable, Logger } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { pageOffset, toPage, type Page, type PageQueryDto } from '../common/pagination/page-query.dto.js';
import { BadgeDataReader } from './badge-data.reader.js';
import { selectionProblem, type BadgeFilter } from './badge-filter.js';
import { pagesFor, placeBadges, sheetLayout } from './badge-layout.js';
import { logPrints, readPrintLog } from './badge-print-log.js';
import type { BadgeDocument, PreparedBadge } from './badge-renderer.js';
import type { BadgeTemplate } from './badge-template.js';
import { BadgeTemplates } from './badge-templates.js';
import { BadgesService, type BadgeJob } from './badges.service.js';
import type { PrintJobResponse, PrintJobSummaryResponse } from './dto/print-job.response.js';
import type { BadgePrintResponse } from './dto/badge-print.response.js';
import type { ListBadgePrintsQuery } from './dto/list-badge-prints.query.js';
import { PrintJobReader } from './print-job.reader.js';

/**
 * How long a job holds its people out of « not yet printed »: after its creation (time to start the
 * download) and while its PDF streams (renewed every third of it). A process killed mid-stream
 * releases them when it runs out.
 */
export const RESERVATION_SECONDS = 60;

/** What a print job is asked for: the filter (or « all »), a template, the reason of reprints. */
export interface PrintJobRequest {
  filter?: BadgeFilter;
  all?: boolean;
  template?: string;
  reason?: string;
}

/** What an operator reports as not come out: pages, participants, or (neither) the whole job. */
export interface PrintJobFailure {
  pages?: number[];
  participantIds?: string[];
  reason: string;
}

interface Run {
  template: BadgeTemplate;
  badges: (PreparedBadge | null)[];
}

const logger = new Logger('PrintJobs');
const DETAIL_LIMIT = 100;

/**
 * Print jobs: the people a filter selects, fixed in a job with the page and slot of each badge;
 * its PDF streamed on demand; its badges logged as printed only when a download finished whole;
 * failures reported by the operator put their people back in « not yet printed ».
 */
@Injectable()
export class PrintJobsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: BadgeTemplates,
    private readonly badges: BadgesService,
  ) {}

  /**
   * Creates a job (its people read and placed under the per-event print lock, so that two
   * « not yet printed » jobs at once do not take the same people) and returns its id.
   */
  async create(eventId: string, user: RequestUser, request: PrintJobRequest): Promise<string> {
    const filter = request.filter ?? {};
    const problem = selectionProblem(filter, request.all === true);
    if (problem) throw new DomainError(400, 'VALIDATION_FAILED', problem);
    const event = await this.badges.event(eventId);
    const explicit = request.template ? this.templates.get(request.template) : null;
    return this.dataSource.transaction(async (manager) => {
      await this.lock(manager, eventId);
      if (filter.participantIds) {
        const missing = await BadgeDataReader.missing(manager, eventId, [...new Set(filter.participantIds)]);
        if (missing.length) {
          throw new DomainError(422, 'UNKNOWN_PARTICIPANTS', `${missing.length} of the participant ids are not registered participants of this event`, {
            participantIds: missing.slice(0, DETAIL_LIMIT),
          });
        }
      }
      const people = await BadgeDataReader.people(manager, eventId, filter);
      if (people.length === 0) throw new DomainError(422, 'NO_BADGES', 'No participant matches this filter: nothing to print');
      const groups = await this.badges.assign(manager, event, people, explicit);
      const runs = groups.map((g) => ({ count: g.people.length, perSheet: sheetLayout(g.template).perSheet, duplex: g.template.back !== null }));
      const places = placeBadges(runs);
      const items = groups.flatMap((g) => g.people.map((p) => ({ participantId: p.participantId, template: g.template.name })));
      const stored = { all: request.all === true, ...filter };
      const [{ id }] = await manager.query(
        `INSERT INTO badge_print_jobs (event_id, created_by, filter, template, reason, badges, pages, reserved_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8)) RETURNING id`,
        [eventId, user.id, JSON.stringify(stored), request.template ?? null, request.reason ?? null, items.length, pagesFor(runs), RESERVATION_SECONDS],
      );
      await manager.query(
        `INSERT INTO badge_print_job_items (job_id, position, participant_id, template, page, back_page, slot)
         SELECT $1, u.ord - 1, u.participant_id, u.template, u.page, u.back_page, u.slot
         FROM unnest($2::uuid[], $3::text[], $4::int[], $5::int[], $6::int[]) WITH ORDINALITY AS u(participant_id, template, page, back_page, slot, ord)`,
        [id, items.map((i) => i.participantId), items.map((i) => i.template), places.map((p) => p.page), places.map((p) => p.backPage), places.map((p) => p.slot)],
      );
      return id as string;
    });
  }

  /** The job with a page of its people (PDF order); 404 when it is not one of this event's. */
  async find(eventId: string, jobId: string, people: { page: number; pageSize: number }): Promise<PrintJobResponse> {
    const [summary] = await PrintJobReader.summaries(this.dataSource.manager, eventId, { ids: [jobId] });
    if (!summary) throw notFound('Print job');
    return { ...summary, people: await PrintJobReader.people(this.dataSource.manager, jobId, people) };
  }

  /** The event's jobs, oldest first (or newest with ?order=desc). */
  /** The event's print log: every badge printed, single or in a job, with reprints and reasons. */
  async printLog(eventId: string, query: ListBadgePrintsQuery): Promise<Page<BadgePrintResponse>> {
    const log = await readPrintLog(this.dataSource.manager, eventId, { reprint: query.reprint, failed: query.failed, order: query.order, limit: query.pageSize, offset: pageOffset(query) });
    if (!log) throw notFound('Event');
    return toPage(log.items, log.total, query);
  }

  async list(eventId: string, query: PageQueryDto): Promise<Page<PrintJobSummaryResponse>> {
    const [event]: { total: number }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM badge_print_jobs j WHERE j.event_id = e.id)::int AS total FROM events e WHERE e.id = $1`,
      [eventId],
    );
    if (!event) throw notFound('Event');
    const total = event.total;
    const items = await PrintJobReader.summaries(this.dataSource.manager, eventId, { order: query.order, limit: query.pageSize, offset: pageOffset(query) });
    return toPage(items, total, query);
  }

  /**
   * The job's PDF, ready to stream: each badge on the page and in the slot fixed at creation, with
   * the people as they are now. Its people are held from « not yet printed » while it streams; a
   * stream that finished whole logs them as printed and makes the job `delivered`, an aborted one
   * only releases them.
   */
  async pdf(eventId: string, jobId: string, user: RequestUser): Promise<BadgeJob> {
    const [job]: { reason: string | null }[] = await this.dataSource.query(`SELECT reason FROM badge_print_jobs WHERE id = $1 AND event_id = $2`, [jobId, eventId]);
    if (!job) throw notFound('Print job');
    const event = await this.badges.event(eventId);
    const doc = this.badges.document(event, `Badges — ${event.name}`);
    const runs = this.runs(await BadgeDataReader.jobPeople(this.dataSource.manager, jobId), doc);
    const printed = runs.flatMap((r) => r.badges.flatMap((b) => (b ? [{ participantId: b.person.participantId, template: r.template.name }] : [])));
    const prepared = runs.flatMap((r) => r.badges.filter((b): b is PreparedBadge => b !== null));
    await this.reserve(jobId);
    return {
      jobId,
      badges: printed.length,
      sheets: runs.reduce((n, r) => n + Math.ceil(r.badges.length / sheetLayout(r.template).perSheet), 0),
      templates: runs.map((r) => r.template.name),
      overflows: prepared.filter((b) => b.overflows.length).map((b) => ({ participantId: b.person.participantId, elements: b.overflows })),
      filename: `badges-${jobId}.pdf`,
      write: (out) => this.stream(jobId, doc, out, runs, async (delivered) => {
        if (delivered) await this.delivered(eventId, jobId, user, printed, job.reason);
        else await this.release(jobId);
      }),
    };
  }

  /**
   * The operator says pages, participants, or the whole job did not come out: those badges are
   * marked failed on the job and in the print log (back in « not yet printed »); the whole job
   * becomes `failed`.
   */
  async markFailed(eventId: string, jobId: string, failure: PrintJobFailure): Promise<PrintJobResponse> {
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager, eventId);
      const [job]: { pages: number }[] = await manager.query(`SELECT pages FROM badge_print_jobs WHERE id = $1 AND event_id = $2 FOR UPDATE`, [jobId, eventId]);
      if (!job) throw notFound('Print job');
      const pages = [...new Set(failure.pages ?? [])];
      const outside = pages.filter((p) => p > job.pages);
      if (outside.length) {
        throw new DomainError(422, 'VALIDATION_FAILED', `The job has ${job.pages} page(s): ${outside.length} of the pages given are not in it`, { pages: outside.slice(0, DETAIL_LIMIT), pageCount: job.pages });
      }
      const ids = [...new Set(failure.participantIds ?? [])];
      if (ids.length) {
        const strangers: { id: string }[] = await manager.query(
          `SELECT u.id::text AS id FROM unnest($2::uuid[]) AS u(id) WHERE NOT EXISTS (SELECT 1 FROM badge_print_job_items i WHERE i.job_id = $1 AND i.participant_id = u.id)`,
          [jobId, ids],
        );
        if (strangers.length) {
          throw new DomainError(422, 'NOT_IN_PRINT_JOB', `${strangers.length} of the participant ids are not in this print job`, { participantIds: strangers.map((s) => s.id).slice(0, DETAIL_LIMIT) });
        }
      }
      const whole = failure.pages === undefined && failure.participantIds === undefined;
      // (a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count])
      await manager.query(
        `WITH failed AS (
           UPDATE badge_print_job_items SET failed_at = coalesce(failed_at, now()), failure_reason = $5
           WHERE job_id = $1 AND ($2 OR page = ANY($3::int[]) OR back_page = ANY($3::int[]) OR participant_id = ANY($4::uuid[])) RETURNING participant_id)
         UPDATE badge_prints SET failed_at = now(), failure_reason = $5
         WHERE batch_id = $1 AND failed_at IS NULL AND participant_id IN (SELECT participant_id FROM failed)`,
        [jobId, whole, pages, ids, failure.reason],
      );
      // the whole job, or every badge of it, failed: the job is failed and holds nobody any more
      await manager.query(
        `UPDATE badge_print_jobs SET state = 'failed', failed_at = now(), failure_reason = $2, reserved_until = NULL
         WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM badge_print_job_items i WHERE i.job_id = $1 AND i.failed_at IS NULL)`,
        [jobId, failure.reason],
      );
    });
    return this.find(eventId, jobId, { page: 1, pageSize: 100 });
  }

  /** The job's badges in runs of one template, each badge at the index its page and slot give. */
  private runs(items: Awaited<ReturnType<typeof BadgeDataReader.jobPeople>>, doc: BadgeDocument): Run[] {
    const runs: (Run & { firstPage: number; perSheet: number; pagesPerSheet: number })[] = [];
    for (const item of items) {
      let run = runs.at(-1);
      if (!run || run.template.name !== item.template) {
        const template = this.templates.get(item.template);
        run = { template, badges: [], firstPage: item.page, perSheet: sheetLayout(template).perSheet, pagesPerSheet: template.back ? 2 : 1 };
        runs.push(run);
      }
      if (item.slot > run.perSheet) {
        throw new DomainError(409, 'PRINT_JOB_TEMPLATE_CHANGED', `Template "${item.template}" no longer holds the job's layout: create a new print job`);
      }
      const index = ((item.page - run.firstPage) / run.pagesPerSheet) * run.perSheet + item.slot - 1;
      while (run.badges.length < index) run.badges.push(null);
      run.badges[index] = item.person ? doc.prepare(item.person, run.template) : null;
    }
    return runs;
  }

  /**
   * Writes the PDF into `out`, renewing the job's hold on its people meanwhile; then `settle(true)`
   * when the response finished whole ('finish': its last byte handed to the connection), else
   * `settle(false)` (the client went away, the process failed). Stops rendering once the client is gone.
   */
  private async stream(jobId: string, doc: BadgeDocument, out: Writable, runs: Run[], settle: (delivered: boolean) => Promise<void>): Promise<void> {
    const gone = new AbortController();
    const finished = new Promise<boolean>((resolve) => {
      out.once('finish', () => resolve(true));
      out.once('close', () => resolve(out.writableFinished));
      // the client may have left while the job was read: 'close' is then already past
      if (out.destroyed || out.closed) resolve(out.writableFinished);
    });
    out.once('close', () => gone.abort());
    if (out.destroyed || out.closed) gone.abort();
    const renew = setInterval(() => void quietly(() => this.reserve(jobId, true)), (RESERVATION_SECONDS * 1000) / 3);
    try {
      doc.doc.pipe(out);
      for (const run of runs) await doc.addBadges(run.template, run.badges, false, gone.signal);
      doc.end();
      const whole = await finished;
      clearInterval(renew);
      await quietly(() => settle(whole));
    } catch (error) {
      clearInterval(renew);
      await quietly(() => settle(false));
      throw error;
    }
  }

  /** A whole download: its badges logged as printed (reprints with the job's reason), the job delivered, its hold released — one transaction. */
  private async delivered(eventId: string, jobId: string, user: RequestUser, printed: { participantId: string; template: string }[], reason: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager, eventId);
      await logPrints(manager, { eventId, user, entries: printed, reason, batchId: jobId });
      await manager.query(
        `UPDATE badge_print_jobs SET state = 'delivered', delivered_at = now(), deliveries = deliveries + 1, failed_at = NULL, failure_reason = NULL, reserved_until = NULL WHERE id = $1`,
        [jobId],
      );
      await manager.query(`UPDATE badge_print_job_items SET failed_at = NULL, failure_reason = NULL WHERE job_id = $1 AND failed_at IS NOT NULL`, [jobId]);
    });
  }

  /**
   * Holds the job's people out of « not yet printed » for RESERVATION_SECONDS from now; a renewal
   * does nothing once the hold was released (a late one must not hold people again).
   */
  private async reserve(jobId: string, renewal = false): Promise<void> {
    await this.dataSource.query(
      `UPDATE badge_print_jobs SET reserved_until = now() + make_interval(secs => $2) WHERE id = $1 ${renewal ? 'AND reserved_until IS NOT NULL' : ''}`,
      [jobId, RESERVATION_SECONDS],
    );
  }

  private async release(jobId: string): Promise<void> {
    await this.dataSource.query(`UPDATE badge_print_jobs SET reserved_until = NULL WHERE id = $1`, [jobId]);
  }

  /** The per-event lock every print job write takes (creation, delivery, failure), before its reads. */
  private async lock(manager: EntityManager, eventId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('badge-prints:' || $1))`, [eventId]);
  }
}

/** Runs a bookkeeping step whose failure must not break the response (it is logged). */
async function quietly(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    logger.error(`print job bookkeeping failed: ${(error as Error).message}`, (error as Error).stack);
  }
}
