import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, notFound } from '../../common/errors/domain-error.js';
import { EventsService } from '../../events/events.service.js';
import type { ImportMode } from '../dto/import-participants.query.js';
import { csvTooLarge } from '../../common/http/csv-upload.interceptor.js';
import { MAX_IMPORT_BYTES, ParticipantImportService } from '../participant-import.service.js';
import type { ImportJobResponse } from './import-job.response.js';

/** Finished jobs are kept this long for their page to read them. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;
/** Most jobs held at once (the oldest finished ones go first). */
const MAX_JOBS = 200;

/**
 * Imports run as jobs, so that the organisers' page can show how far the server is while it checks
 * a large file (20,000 rows) instead of waiting on one long request: POST answers 202 with the job at
 * once, the import runs (ParticipantImportService, reporting its progress), and GET answers its
 * state, the rows checked so far, then the report or the error the synchronous import would have
 * answered. The job's state lives in this process's memory (it is a view of work in progress; what
 * the import writes is in PostgreSQL, in one transaction): jobs are forgotten an hour after they
 * end, or when the process restarts, and a deployment with several processes must route an
 * event's import calls to one (or use the synchronous import).
 */
@Injectable()
export class ParticipantImportJobsService {
  private readonly logger = new Logger(ParticipantImportJobsService.name);
  private readonly jobs = new Map<string, ImportJobResponse>();

  constructor(
    private readonly imports: ParticipantImportService,
    private readonly events: EventsService,
  ) {}

  /** Checks what can be checked at once (the event, a file), then starts the job and answers it, running. */
  async start(eventId: string, file: Buffer | undefined, mode: ImportMode): Promise<ImportJobResponse> {
    await this.events.get(eventId);
    if (!file) throw new DomainError(400, 'BAD_REQUEST', 'Send the CSV as the multipart/form-data field « file »');
    if (file.length > MAX_IMPORT_BYTES) throw csvTooLarge(MAX_IMPORT_BYTES);
    this.prune(Date.now());
    const job: ImportJobResponse = {
      id: randomUUID(),
      eventId,
      mode,
      state: 'running',
      phase: 'reading',
      rows: null,
      checkedRows: 0,
      createdAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    const answer = { ...job };
    setImmediate(() => void this.run(job, file));
    return answer;
  }

  /** A job of this event (another event's, or a forgotten one: 404). */
  get(eventId: string, jobId: string): ImportJobResponse {
    const job = this.jobs.get(jobId);
    if (!job || job.eventId !== eventId) throw notFound('Import job');
    return { ...job };
  }

  private async run(job: ImportJobResponse, file: Buffer): Promise<void> {
    try {
      job.result = await this.imports.import(job.eventId, file, job.mode as ImportMode, {
        read: (rows) => {
          job.rows = rows;
          job.phase = 'checking';
        },
        checked: (checked) => {
          job.checkedRows = checked;
        },
        writing: () => {
          job.phase = 'writing';
        },
      });
      job.state = 'done';
    } catch (error) {
      job.state = 'failed';
      if (error instanceof DomainError) {
        job.error = { statusCode: error.status, error: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
      } else {
        this.logger.error({ err: error, jobId: job.id }, 'import job failed');
        job.error = { statusCode: 500, error: 'INTERNAL_ERROR', message: 'The import failed unexpectedly: nothing was written. Try again; if it fails again, tell the administrators' };
      }
    } finally {
      job.phase = 'finished';
      job.finishedAt = new Date().toISOString();
    }
  }

  private prune(now: number): void {
    for (const [id, job] of this.jobs) {
      if (job.finishedAt && now - Date.parse(job.finishedAt) > KEEP_FINISHED_MS) this.jobs.delete(id);
    }
    if (this.jobs.size < MAX_JOBS) return;
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt).sort((a, b) => Date.parse(a.finishedAt!) - Date.parse(b.finishedAt!));
    for (const job of finished.slice(0, this.jobs.size - MAX_JOBS + 1)) this.jobs.delete(job.id);
    if (this.jobs.size >= MAX_JOBS) throw new DomainError(429, 'TOO_MANY_REQUESTS', `${MAX_JOBS} imports are running: wait for one to end`);
  }
}
