import { Injectable } from '@nestjs/common';
import { csvTooLarge } from '../common/http/csv-upload.interceptor.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { EventsService } from '../events/events.service.js';
import type { ImportMode } from './dto/import-participants.query.js';
import type { ImportParticipantsResponse, ImportRejectedRowResponse } from './dto/import-participants.response.js';
import { IMPORT_COLUMN_NAMES, IMPORT_FIELDS, mapHeader, REQUIRED_IMPORT_FIELDS, describeField } from './participant-import-columns.js';
import { CsvFileError, parseCsv } from './participant-import-csv.js';
import { duplicateEmails, validateImportRow, type ImportedParticipant, type RowError } from './participant-import-rows.js';
import { anonymisedEmails, matchGuests, OPTIONAL_COLUMNS, updateGuests, upsert } from './participant-import-writes.js';

/** Largest file accepted (multer stops reading beyond: 413). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Most rows in one file (422 beyond). */
export const MAX_IMPORT_ROWS = 20_000;

/** How far an import has gone, for an import job's status (participant-import-jobs.service.ts). */
export interface ImportProgress {
  /** The file is read: it holds `rows` rows. */
  read(rows: number): void;
  /** `checked` rows of the file are checked. */
  checked(checked: number): void;
  /** Every row is checked: the good ones are being written. */
  writing(): void;
}

/** Rows checked between two reports of progress (and two yields to the event loop, so that status requests are answered). */
const PROGRESS_STEP = 500;

/**
 * The CSV import of an event's participants. Every row is checked first (pure rules in
 * participant-import-rows.ts, then one query for rows naming an anonymised participant); then,
 * in ONE transaction, one INSERT … SELECT FROM unnest(…) ON CONFLICT (event, email) DO UPDATE
 * writes every good row: new emails are created, changed rows updated, identical rows untouched
 * (the update's WHERE compares the columns the file gives), and RETURNING (xmax = 0) tells created
 * from updated. Columns absent from the file keep what is stored. No seat in any part is asked
 * for: admissions stay with the parts' routes.
 */
@Injectable()
export class ParticipantImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  async import(eventId: string, file: Buffer | undefined, mode: ImportMode, progress?: ImportProgress): Promise<ImportParticipantsResponse> {
    const event = await this.events.get(eventId);
    if (!file) throw new DomainError(400, 'BAD_REQUEST', 'Send the CSV as the multipart/form-data field « file »');
    if (file.length > MAX_IMPORT_BYTES) throw csvTooLarge(MAX_IMPORT_BYTES);
    const csv = this.read(file);
    const header = mapHeader(csv.header);
    if (header.missing.length) {
      throw new DomainError(422, 'IMPORT_COLUMNS_MISSING', `The header lacks the required column(s) ${header.missing.join(', ')}`, {
        missing: header.missing,
        found: csv.header,
        accepted: acceptedColumns(),
      });
    }
    if (header.duplicates.length) {
      throw new DomainError(422, 'IMPORT_DUPLICATE_COLUMNS', 'Several columns give the same field: keep one of each', {
        duplicates: header.duplicates.map((d) => ({ field: describeField(d.field), columns: d.columns })),
      });
    }
    if (!csv.records.length) {
      throw new DomainError(422, 'IMPORT_NO_ROWS', 'The file has a header but no row to import');
    }

    progress?.read(csv.records.length);
    const rejected = new Map<number, ImportRejectedRowResponse>();
    const reject = (line: number, email: string | null, errors: RowError[]) => {
      const row = rejected.get(line) ?? { line, email, errors: [] };
      row.errors.push(...errors);
      rejected.set(line, row);
    };
    const emailIndex = header.columns.email as number;
    const good: Array<{ line: number; value: ImportedParticipant }> = [];
    for (const [i, record] of csv.records.entries()) {
      const result = validateImportRow(record.cells, header, csv.header.length, event);
      if (result.ok) good.push({ line: record.line, value: result.value });
      else reject(record.line, emailCell(record.cells, emailIndex), result.errors);
      if (progress && (i + 1) % PROGRESS_STEP === 0) {
        progress.checked(i + 1);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    progress?.checked(csv.records.length);
    const emailColumn = header.names.email ?? 'email';
    const duplicates = duplicateEmails(csv.records.map((r) => ({ line: r.line, email: emailCell(r.cells, emailIndex) ?? undefined })));
    for (const [line, first] of duplicates) {
      const record = csv.records.find((r) => r.line === line);
      reject(line, emailCell(record?.cells ?? [], emailIndex), [{ column: emailColumn, message: `the same email as line ${first}` }]);
    }

    progress?.writing();
    return this.dataSource.transaction(async (manager) => {
      const anonymised = await anonymisedEmails(manager, eventId, good.flatMap((g) => (g.value.email === null ? [] : [g.value.email])));
      for (const g of good) {
        if (g.value.email !== null && anonymised.has(g.value.email)) {
          reject(g.line, g.value.email, [{ column: emailColumn, message: 'this participant has been anonymised: the row cannot be imported' }]);
        }
      }
      // rows without an email: guest chairs of the published programme and the desk's walk-ins without one (as the export writes them), found by name
      const guestIds = await matchGuests(manager, eventId, good.filter((g) => g.value.email === null && !rejected.has(g.line)), (line, message) =>
        reject(line, null, [{ column: emailColumn, message }]),
      );
      const report = [...rejected.values()].sort((a, b) => a.line - b.line);
      const accepted = good.filter((g) => !rejected.has(g.line) && g.value.email !== null).map((g) => g.value);
      const guests = good.filter((g) => !rejected.has(g.line) && g.value.email === null).map((g) => ({ id: guestIds.get(g.line)!, value: g.value }));
      const answer: ImportParticipantsResponse = {
        mode,
        delimiter: csv.delimiter,
        rows: csv.records.length,
        created: 0,
        updated: 0,
        unchanged: 0,
        rejected: report.length,
        rejectedRows: report,
        ignoredColumns: header.ignored,
      };
      if (report.length && mode === 'all-or-nothing') {
        throw new DomainError(
          422,
          'IMPORT_ROWS_INVALID',
          `${report.length} of ${csv.records.length} rows are not valid: nothing was imported (fix them, or send ?mode=valid-rows to import the others)`,
          answer as unknown as Record<string, unknown>,
        );
      }
      const present = OPTIONAL_COLUMNS.filter((c) => header.columns[c.field] !== undefined);
      const { created, updated } = await upsert(manager, eventId, accepted, present);
      const guestsUpdated = await updateGuests(manager, eventId, guests, present);
      const written = accepted.length + guests.length;
      return { ...answer, created, updated: updated + guestsUpdated, unchanged: written - created - updated - guestsUpdated };
    });
  }

  private read(file: Buffer) {
    try {
      return parseCsv(file, MAX_IMPORT_ROWS);
    } catch (error) {
      if (!(error instanceof CsvFileError)) throw error;
      if (error.kind === 'not-text') throw new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', error.message);
      if (error.kind === 'empty') {
        throw new DomainError(422, 'IMPORT_COLUMNS_MISSING', `The file is empty: it needs a header with at least ${REQUIRED_IMPORT_FIELDS.map(describeField).join(', ')}`, {
          missing: REQUIRED_IMPORT_FIELDS.map(describeField),
          accepted: acceptedColumns(),
        });
      }
      if (error.kind === 'too-many-rows') throw new DomainError(422, 'IMPORT_TOO_MANY_ROWS', error.message, error.details);
      throw new DomainError(422, 'IMPORT_MALFORMED_CSV', error.message, error.details);
    }
  }
}

function emailCell(cells: readonly string[], index: number): string | null {
  const cell = (cells[index] ?? '').trim();
  return cell === '' ? null : cell.slice(0, 254);
}

/** Every accepted header name per field, for the 422's details and the documentation. */
export function acceptedColumns(): Record<string, readonly string[]> {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, IMPORT_COLUMN_NAMES[f]]));
}
