/**
 * A part's waiting list, inside the caller's transaction and under the part's lock: queue order is
 * `queue_no` (given when the place is written under the lock), a position counts the waiting places
 * up to one's own.
 */
import type { EntityManager } from 'typeorm';
import { promotable } from './admission-rules.js';
import { addAdmitted, returned, type LockedPart } from './part-locks.js';

/** Admits the head of the locked part's waiting list while seats are free; answers the participants admitted. */
export async function promoteWaiting(manager: EntityManager, part: LockedPart): Promise<string[]> {
  const [{ n }]: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM part_admissions WHERE part_id = $1 AND status = 'waiting'`, [part.id]);
  const free = promotable(part, n);
  if (free <= 0) return [];
  const limit = Number.isFinite(free) ? free : n;
  const admitted = returned<{ participant_id: string }>(
    await manager.query(
      `UPDATE part_admissions a SET status = 'admitted', admitted_at = now()
       FROM (SELECT id FROM part_admissions WHERE part_id = $1 AND status = 'waiting' ORDER BY queue_no LIMIT $2 FOR UPDATE) head
       WHERE a.id = head.id RETURNING a.participant_id`,
      [part.id, limit],
    ),
  );
  if (!admitted.length) return [];
  await addAdmitted(manager, part, admitted.length);
  return admitted.map((r) => r.participant_id);
}

/** A waiting participant's position in the part's queue (1: the head), as admissionsOf counts it. */
export async function positionIn(manager: EntityManager, partId: string, participantId: string): Promise<number> {
  const rows: { n: number }[] = await manager.query(
    `SELECT count(*)::int AS n FROM part_admissions w
     WHERE w.part_id = $1 AND w.status = 'waiting' AND w.queue_no <= (SELECT queue_no FROM part_admissions WHERE part_id = $1 AND participant_id = $2)`,
    [partId, participantId],
  );
  return rows[0].n;
}
