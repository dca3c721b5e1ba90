import { Injectable } from '@nestjs/common';
import { csvTooLarge } from '../common/http/csv-upload.interceptor.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { EventsService } from '../events/events.service.js';
import type { ImportMode } from './dto/import-participants.query.js';
import type { ImportParticipantsResponse, ImportRejectedRowResponse } from './dto/import-participants.response.js';
import { IMPORT_COLUMN_NAMES, IMPORT_FIELDS, mapHeader, REQUIRED_IMPORT_FIELDS, describeField, type ImportField } from './participant-import-columns.js';
import { CsvFileError, parseCsv } from './participant-import-csv.js';
import { duplicateEmails, validateImportRow, type ImportedParticipant, type RowError } from './participant-import-rows.js';
import { normaliseEmail } from './participant-fields.js';
import { guestKey } from './programme-sync.js';
import { returnedRows } from './participant-sql.js';

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

/** The columns of `participants` each optional field writes, with its SQL type and the value when absent. */
const OPTIONAL_COLUMNS: ReadonlyArray<{ field: Exclude<ImportField, 'email' | 'firstName' | 'lastName'>; column: string; array: string; nullable: boolean }> = [
  { field: 'affiliation', column: 'affiliation', array: 'text[]', nullable: true },
  { field: 'town', column: 'town', array: 'text[]', nullable: true },
  { field: 'townInsee', column: 'town_insee', array: 'text[]', nullable: true },
  { field: 'categories', column: 'categories', array: 'text[]', nullable: false },
  { field: 'days', column: 'days', array: 'text[]', nullable: false },
  { field: 'dietaryNeeds', column: 'dietary_needs', array: 'text[]', nullable: true },
  { field: 'accessibilityNeeds', column: 'accessibility_needs', array: 'text[]', nullable: true },
  { field: 'consentPublicList', column: 'consent_public_list', array: 'boolean[]', nullable: false },
  { field: 'consentPhoto', column: 'consent_photo', array: 'boolean[]', nullable: false },
  { field: 'labelForm', column: 'label_form', array: 'text[]', nullable: false },
];

/** How an optional column's unnest value is read into the column (categories and days travel as comma-joined text). */
function readAs(column: string): string {
  if (column === 'categories') return `coalesce(string_to_array(nullif(r.categories, ''), ','), '{}')::text[]`;
  if (column === 'days') return `coalesce(string_to_array(nullif(r.days, ''), ','), '{}')::date[]`;
  if (column === 'consent_public_list' || column === 'consent_photo') return `coalesce(r.${column}, false)`;
  if (column === 'label_form') return `coalesce(r.label_form, 'neutral')`;
  return `r.${column}`;
}

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
      const anonymised = await this.anonymisedEmails(manager, eventId, good.flatMap((g) => (g.value.email === null ? [] : [g.value.email])));
      for (const g of good) {
        if (g.value.email !== null && anonymised.has(g.value.email)) {
          reject(g.line, g.value.email, [{ column: emailColumn, message: 'this participant has been anonymised: the row cannot be imported' }]);
        }
      }
      // rows without an email: guest chairs of the published programme and the desk's walk-ins without one (as the export writes them), found by name
      const guestIds = await this.matchGuests(manager, eventId, good.filter((g) => g.value.email === null && !rejected.has(g.line)), (line, message) =>
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
      const { created, updated } = await this.upsert(manager, eventId, accepted, present);
      const guestsUpdated = await this.updateGuests(manager, eventId, guests, present);
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

  private async anonymisedEmails(manager: EntityManager, eventId: string, emails: string[]): Promise<Set<string>> {
    if (!emails.length) return new Set();
    const rows = await manager.query<Array<{ email: string }>>(
      `SELECT email FROM participants WHERE event_id = $1 AND anonymised_at IS NOT NULL AND email = ANY($2::text[])`,
      [eventId, emails],
    );
    return new Set(rows.map((r) => normaliseEmail(r.email)));
  }

  /**
   * Rows without an email are people the event holds without one, as the export writes them: guest
   * chairs of the published programme (no email until an organiser adds one) and walk-ins the
   * reception desk registered without one (source `desk`). Each row is matched by name (guestKey of
   * « first last »): to a guest by the key the programme gave it or by its names as they are now, to
   * a walk-in by its names. Several stored people of one name (two walk-ins « Jean Martin ») are
   * taken one per row in the order the export lists them by default (by name, then id); a row once they
   * are all taken, or matching nobody, is rejected through `reject` (the import creates only people
   * with an email). Answers line → participant id.
   */
  private async matchGuests(
    manager: EntityManager,
    eventId: string,
    rows: Array<{ line: number; value: ImportedParticipant }>,
    reject: (line: number, message: string) => void,
  ): Promise<Map<number, string>> {
    const matched = new Map<number, string>();
    if (!rows.length) return matched;
    const stored = await manager.query<Array<{ id: string; guest_key: string | null; first_name: string; last_name: string }>>(
      `SELECT id, guest_key, first_name, last_name FROM participants
       WHERE event_id = $1 AND email IS NULL AND (guest_key IS NOT NULL OR source = 'desk') AND anonymised_at IS NULL ORDER BY created_at, id`,
      [eventId],
    );
    const byKey = new Map<string, string[]>();
    const add = (key: string, id: string) => {
      const ids = byKey.get(key) ?? [];
      if (!ids.includes(id)) ids.push(id);
      byKey.set(key, ids);
    };
    for (const g of stored) if (g.guest_key !== null) add(g.guest_key, g.id);
    for (const g of stored) if (g.guest_key === null || !byKey.has(guestKey(`${g.first_name} ${g.last_name}`))) add(guestKey(`${g.first_name} ${g.last_name}`), g.id);
    const guests = new Set(stored.filter((g) => g.guest_key !== null).map((g) => g.id));
    // namesakes in the default export's order (by name, then id; a uuid compares as its hex text), guests first
    const rank = (id: string) => (guests.has(id) ? 0 : 1);
    for (const ids of byKey.values()) ids.sort((a, b) => rank(a) - rank(b) || (rank(a) === 0 ? 0 : a < b ? -1 : a > b ? 1 : 0));
    const taken = new Map<string, number>();
    const firstLine = new Map<string, number>();
    for (const { line, value } of rows) {
      const candidates = value.guestKey === undefined ? undefined : byKey.get(value.guestKey);
      if (!candidates) {
        reject(line, 'is required (only a guest chair of the published programme or a walk-in registered at the desk without one, recognised by name, may be without one)');
        continue;
      }
      const id = candidates.find((c) => !taken.has(c));
      if (id === undefined) {
        const earlier = firstLine.get(value.guestKey as string) ?? taken.get(candidates[0]);
        const who = candidates.every((c) => guests.has(c)) ? 'programme guest' : 'participant without an email';
        reject(line, candidates.length > 1 ? `the same ${who} as line ${earlier} (the event holds ${candidates.length} by this name)` : `the same ${who} as line ${earlier}`);
        continue;
      }
      taken.set(id, line);
      if (!firstLine.has(value.guestKey as string)) firstLine.set(value.guestKey as string, line);
      matched.set(line, id);
    }
    return matched;
  }

  /** The guests' optional columns the file gives (their names are how they were found: kept), in one statement; answers how many changed. */
  private async updateGuests(
    manager: EntityManager,
    eventId: string,
    guests: Array<{ id: string; value: ImportedParticipant }>,
    present: typeof OPTIONAL_COLUMNS,
  ): Promise<number> {
    if (!guests.length || !present.length) return 0;
    const params: unknown[] = [
      eventId,
      guests.map((g) => g.id),
      ...present.map((c) =>
        guests.map(({ value }) => {
          const v = value[c.field];
          return Array.isArray(v) ? v.join(',') : (v ?? null);
        }),
      ),
    ];
    const names = ['id', ...present.map((c) => c.column)];
    const types = ['uuid[]', ...present.map((c) => c.array)];
    const stored = (column: string) => (OPTIONAL_COLUMNS.find((c) => c.column === column)?.nullable ? `nullif(p.${column}, '')` : `p.${column}`);
    const sql = `
      UPDATE participants AS p SET ${present.map((c) => `${c.column} = ${readAs(c.column)}`).join(', ')}, updated_at = now()
      FROM unnest(${types.map((t, i) => `$${i + 2}::${t}`).join(', ')}) AS r(${names.join(', ')})
      WHERE p.id = r.id AND p.event_id = $1 AND p.anonymised_at IS NULL
        AND (${present.map((c) => stored(c.column)).join(', ')}) IS DISTINCT FROM (${present.map((c) => readAs(c.column)).join(', ')})
      RETURNING p.id`;
    return returnedRows<{ id: string }>(await manager.query(sql, params)).length;
  }

  /** One statement for every row; `present` are the optional columns the file gives (the others are kept on update). */
  private async upsert(
    manager: EntityManager,
    eventId: string,
    rows: ImportedParticipant[],
    present: typeof OPTIONAL_COLUMNS,
  ): Promise<{ created: number; updated: number }> {
    if (!rows.length) return { created: 0, updated: 0 };
    const params: unknown[] = [
      eventId,
      rows.map((r) => r.email as string),
      rows.map((r) => r.firstName),
      rows.map((r) => r.lastName),
      ...present.map((c) =>
        rows.map((r) => {
          const v = r[c.field];
          return Array.isArray(v) ? v.join(',') : (v ?? null);
        }),
      ),
    ];
    const names = ['email', 'first_name', 'last_name', ...present.map((c) => c.column)];
    const types = ['text[]', 'text[]', 'text[]', ...present.map((c) => c.array)];
    const unnest = `unnest(${types.map((t, i) => `$${i + 2}::${t}`).join(', ')}) AS r(${names.join(', ')})`;
    const insertColumns = ['event_id', 'email', 'first_name', 'last_name', ...present.map((c) => c.column), 'source'];
    const insertValues = ['$1::uuid', 'r.email', 'r.first_name', 'r.last_name', ...present.map((c) => readAs(c.column)), `'import'`];
    const updated = ['first_name', 'last_name', ...present.map((c) => c.column)];
    // '' and NULL are the same to a CSV cell: a needs text stored as '' by the API is not « changed » by an empty cell
    const stored = (column: string) => (OPTIONAL_COLUMNS.find((c) => c.column === column)?.nullable ? `nullif(p.${column}, '')` : `p.${column}`);
    const sql = `
      INSERT INTO participants AS p (${insertColumns.join(', ')})
      SELECT ${insertValues.join(', ')} FROM ${unnest}
      ON CONFLICT ON CONSTRAINT "UQ_participants_event_email" DO UPDATE
        SET ${updated.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
        WHERE p.anonymised_at IS NULL
          AND (${updated.map(stored).join(', ')}) IS DISTINCT FROM (${updated.map((c) => `EXCLUDED.${c}`).join(', ')})
      RETURNING (xmax = 0) AS created`;
    const result = returnedRows<{ created: boolean }>(await manager.query(sql, params));
    const created = result.filter((r) => r.created).length;
    return { created, updated: result.length - created };
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
