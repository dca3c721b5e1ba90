import type { EntityManager } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import type { BadgePrintResponse } from './dto/badge-print.response.js';

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

/** A page of an event's print log (null: no such event), newest first with order desc. */
export async function readPrintLog(
  manager: EntityManager,
  eventId: string,
  options: { reprint?: boolean; failed?: boolean; order: 'asc' | 'desc'; limit: number; offset: number },
): Promise<{ items: BadgePrintResponse[]; total: number } | null> {
  const [event] = await manager.query<Array<{ total: number }>>(
    `SELECT (SELECT count(*) FROM badge_prints b WHERE b.event_id = e.id AND ($2::boolean IS NULL OR b.reprint = $2) AND ($3::boolean IS NULL OR (b.failed_at IS NOT NULL) = $3))::int AS total FROM events e WHERE e.id = $1`,
    [eventId, options.reprint ?? null, options.failed ?? null],
  );
  if (!event) return null;
  const dir = options.order === 'desc' ? 'DESC' : 'ASC';
  const rows = await manager.query<
    Array<{ id: string; participant_id: string; first_name: string; last_name: string; template: string; reprint: boolean; reason: string | null; batch_id: string | null; printed_at: Date; email: string | null; failed_at: Date | null; failure_reason: string | null }>
  >(
    `SELECT b.id, b.participant_id, p.first_name, p.last_name, b.template, b.reprint, b.reason, b.batch_id, b.printed_at, u.email, b.failed_at, b.failure_reason
     FROM badge_prints b JOIN participants p ON p.id = b.participant_id LEFT JOIN users u ON u.id = b.printed_by
     WHERE b.event_id = $1 AND ($2::boolean IS NULL OR b.reprint = $2) AND ($5::boolean IS NULL OR (b.failed_at IS NOT NULL) = $5)
     ORDER BY b.printed_at ${dir}, b.id ${dir} LIMIT $3 OFFSET $4`,
    [eventId, options.reprint ?? null, options.limit, options.offset, options.failed ?? null],
  );
  return {
    total: event.total,
    items: rows.map((r) => ({
      id: r.id,
      participantId: r.participant_id,
      firstName: r.first_name,
      lastName: r.last_name,
      template: r.template,
      reprint: r.reprint,
      reason: r.reason,
      printJobId: r.batch_id,
      printedAt: r.printed_at.toISOString(),
      printedByEmail: r.email,
      failedAt: r.failed_at?.toISOString() ?? null,
      failureReason: r.failure_reason,
    })),
  };
}
