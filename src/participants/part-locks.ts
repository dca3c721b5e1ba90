/**
 * A part's row lock and counter, inside the caller's transaction: every seat given or taken reads
 * `admitted_count` under `SELECT … FOR UPDATE` on `event_parts`, so the check and the change are one
 * step whatever the concurrency; several parts are locked in id order (no cycle of waits).
 */
import type { EntityManager } from 'typeorm';
import { notFound } from '../common/errors/domain-error.js';
import type { AdmissionRule, AdmissionStatus } from './admission-rules.js';

/** A part's row as read under its lock. */
export interface LockedPart {
  id: string;
  eventId: string;
  code: string;
  nameFr: string;
  nameEn: string | null;
  admission: AdmissionRule;
  capacity: number | null;
  admittedCount: number;
  displayOrder: number;
}

interface PartRow {
  id: string;
  event_id: string;
  code: string;
  name_fr: string;
  name_en: string | null;
  admission: AdmissionRule;
  capacity: number | null;
  admitted_count: number;
  display_order: number;
}

const PART_COLUMNS = 'p.id, p.event_id, p.code, p.name_fr, p.name_en, p.admission, p.capacity, p.admitted_count, p.display_order';

function toLockedPart(r: PartRow): LockedPart {
  return {
    id: r.id,
    eventId: r.event_id,
    code: r.code,
    nameFr: r.name_fr,
    nameEn: r.name_en,
    admission: r.admission,
    capacity: r.capacity,
    admittedCount: r.admitted_count,
    displayOrder: r.display_order,
  };
}

/** The rows of an UPDATE … RETURNING: TypeORM's postgres driver answers such a query with [rows, affected]. */
export function returned<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

/** Locks the part's row for the rest of the transaction and reads its counter (404 for an unknown part). */
export async function lockPart(manager: EntityManager, partId: string): Promise<LockedPart> {
  const rows: PartRow[] = await manager.query(`SELECT ${PART_COLUMNS} FROM event_parts p WHERE p.id = $1 FOR UPDATE`, [partId]);
  if (!rows[0]) throw notFound('Part', { partId });
  return toLockedPart(rows[0]);
}

/** Locks the part's row and reads its counter and the participant's current place in it, in one query. */
export async function lockPartFor(manager: EntityManager, partId: string, participantId: string): Promise<{ part: LockedPart; current: AdmissionStatus | null }> {
  const rows: (PartRow & { current: AdmissionStatus | null })[] = await manager.query(
    `SELECT ${PART_COLUMNS}, (SELECT a.status FROM part_admissions a WHERE a.part_id = p.id AND a.participant_id = $2) AS current
     FROM event_parts p WHERE p.id = $1 FOR UPDATE OF p`,
    [partId, participantId],
  );
  if (!rows[0]) throw notFound('Part', { partId });
  return { part: toLockedPart(rows[0]), current: rows[0].current };
}

/** Locks several parts in one statement, in id order; answers them in the order of `ids` (sorted by the caller); 404 for one missing. */
export async function lockParts(manager: EntityManager, ids: string[]): Promise<LockedPart[]> {
  const rows: PartRow[] = await manager.query(`SELECT ${PART_COLUMNS} FROM event_parts p WHERE p.id = ANY($1::uuid[]) ORDER BY p.id FOR UPDATE OF p`, [ids]);
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound('Part', { partId: id });
    return toLockedPart(row);
  });
}

/** Moves the locked part's counter by `delta` (the row and the in-memory copy). */
export async function addAdmitted(manager: EntityManager, part: LockedPart, delta: number): Promise<void> {
  await manager.query(`UPDATE event_parts SET admitted_count = admitted_count + $2 WHERE id = $1`, [part.id, delta]);
  part.admittedCount += delta;
}
