import type { EntityManager } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';

/**
 * Writes one print-log row per badge (badge_prints), in one statement: a reprint when the
 * participant had a badge printed before that was not reported as failed (the reason kept then).
 */
export async function logPrints(
  manager: EntityManager,
  log: { eventId: string; user: RequestUser; entries: { participantId: string; template: string }[]; reason: string | null; batchId: string | null },
): Promise<void> {
  if (log.entries.length === 0) return;
  await manager.query(
    `INSERT INTO badge_prints (event_id, participant_id, printed_by, template, reprint, reason, batch_id)
     SELECT $1, e.id, $2, e.template, r.reprint, CASE WHEN r.reprint THEN $3 END, $4
     FROM unnest($5::uuid[], $6::text[]) AS e(id, template)
     CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM badge_prints b WHERE b.participant_id = e.id AND b.failed_at IS NULL) AS reprint) r`,
    [log.eventId, log.user.id, log.reason, log.batchId, log.entries.map((e) => e.participantId), log.entries.map((e) => e.template)],
  );
}
