/**
 * Placing several new participants in the same parts at once (the registrations' group commit):
 * the plan and the answers are pure functions of the locked parts; the places, the counters and the
 * waiting lists' lengths are one statement (writeNewcomers), sent while the parts are locked.
 */
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { nextStatus, type AdmissionOutcome } from './admission-rules.js';
import { inDisplayOrder, type AdmissionView } from './admission-view.js';
import type { LockedPart } from './part-locks.js';

/** Every place to write, part by part then participant by participant (arrival order), and each part's new admissions. */
export interface NewcomerPlan {
  partIds: string[];
  participantIds: string[];
  statuses: AdmissionOutcome[];
  /** Per part (in the order of `parts`): how many are admitted. */
  added: number[];
}

/**
 * Admitted while seats remain, then waiting (first come, first served); requested for an
 * on-request part; a part by invitation refuses them all (409 INVITATION_ONLY). The parts'
 * in-memory counters are moved as the places are planned.
 */
export function planNewcomers(parts: LockedPart[], participantIds: readonly string[]): NewcomerPlan {
  const plan: NewcomerPlan = { partIds: [], participantIds: [], statuses: [], added: [] };
  for (const part of parts) {
    const before = part.admittedCount;
    for (const participantId of participantIds) {
      const next = nextStatus(null, part, false);
      if (next === null || typeof next !== 'string') {
        throw new DomainError(409, 'INVITATION_ONLY', `« ${part.nameFr} » is by invitation: only the organisers admit to it`, { partId: part.id, code: part.code });
      }
      if (next === 'admitted') part.admittedCount += 1;
      plan.partIds.push(part.id);
      plan.participantIds.push(participantId);
      plan.statuses.push(next);
    }
    plan.added.push(part.admittedCount - before);
  }
  return plan;
}

/**
 * Each participant's places (in the order of participantIds), as admissionsOf shows them: a waiting
 * one's position follows the `waitingBefore` of its part (the waiting list's length before these).
 */
export function newcomerAnswers(parts: LockedPart[], plan: NewcomerPlan, participantCount: number, waitingBefore: readonly number[]): AdmissionView[][] {
  const answers: Array<Array<AdmissionView & { displayOrder: number }>> = Array.from({ length: participantCount }, () => []);
  let k = 0;
  parts.forEach((part, i) => {
    let queued = Number(waitingBefore[i]);
    for (let j = 0; j < participantCount; j += 1) {
      const status = plan.statuses[k++];
      const position = status === 'waiting' ? ++queued : null;
      answers[j].push({ partId: part.id, code: part.code, nameFr: part.nameFr, nameEn: part.nameEn, status, position, displayOrder: part.displayOrder });
    }
  });
  return answers.map(inDisplayOrder);
}

/**
 * Writes the plan in one statement: the places (in plan order, so queue numbers follow arrival),
 * the counters, and each part's waiting list's length before these places (the statement's snapshot
 * is taken under the parts' locks, so it sees every place queued before). Answers those lengths.
 */
export async function writeNewcomers(manager: EntityManager, parts: LockedPart[], plan: NewcomerPlan): Promise<number[]> {
  const ids = parts.map((p) => p.id);
  const [result]: { placed: number; counted: number; waiting: number[] }[] = await manager.query(
    `WITH placed AS (
       INSERT INTO part_admissions (part_id, participant_id, status, admitted_at)
       SELECT x.part_id, x.participant_id, x.status, CASE WHEN x.status = 'admitted' THEN now() END
       FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) WITH ORDINALITY AS x(part_id, participant_id, status, ord)
       ORDER BY x.ord
       RETURNING 1),
     counted AS (
       UPDATE event_parts e SET admitted_count = e.admitted_count + c.n
       FROM unnest($4::uuid[], $5::int[]) AS c(id, n) WHERE e.id = c.id AND c.n > 0 RETURNING 1)
     SELECT (SELECT count(*)::int FROM placed) AS placed, (SELECT count(*)::int FROM counted) AS counted,
            ARRAY(SELECT (SELECT count(*)::int FROM part_admissions w WHERE w.part_id = p.id AND w.status = 'waiting')
                  FROM unnest($4::uuid[]) WITH ORDINALITY AS p(id, ord) ORDER BY p.ord) AS waiting`,
    [plan.partIds, plan.participantIds, plan.statuses, ids, plan.added],
  );
  const counters = plan.added.filter((n) => n > 0).length;
  if (result.placed !== plan.partIds.length || result.counted !== counters) {
    throw new Error(`placeNewcomers: ${result.placed} places and ${result.counted} counters written, ${plan.partIds.length} and ${counters} expected`);
  }
  return result.waiting.map(Number);
}
