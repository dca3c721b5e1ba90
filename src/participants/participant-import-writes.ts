import type { EntityManager } from 'typeorm';
import type { ImportField } from './participant-import-columns.js';
import type { ImportedParticipant } from './participant-import-rows.js';
import { normaliseEmail } from './participant-fields.js';
import { guestKey } from './programme-sync.js';
import { returnedRows } from './participant-sql.js';

/**
 * What the participants' import reads and writes in its transaction (ParticipantImportService): the
 * anonymised emails a file may not bring back, the people without an email matched by name, and the
 * one statement that writes every good row.
 */

/** The columns of `participants` each optional field writes, with its SQL type and the value when absent. */
export const OPTIONAL_COLUMNS: ReadonlyArray<{ field: Exclude<ImportField, 'email' | 'firstName' | 'lastName'>; column: string; array: string; nullable: boolean }> = [
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

export async function anonymisedEmails(manager: EntityManager, eventId: string, emails: string[]): Promise<Set<string>> {
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
export async function matchGuests(
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
export async function updateGuests(
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
export async function upsert(
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
