/** What organisers and the publication see of detected conflicts: acknowledged or not, blocking or not. Pure. */
import type { Conflict, ConflictCode, ConflictSeverity } from './conflict-types.js';

/** What a report restricted to a change's neighbourhood read completely (see programme-input.loader.ts). */
export interface Cover {
  sessionIds: ReadonlySet<string>;
  personIds: ReadonlySet<string>;
  proposalIds: ReadonlySet<string>;
}

/** Conflicts about one person's commitments: exact for the people a cover holds, with all their commitments. */
const PERSON_CODES: ReadonlySet<ConflictCode> = new Set<ConflictCode>([
  'SPEAKER_DOUBLE_BOOKED',
  'CHAIR_DOUBLE_BOOKED',
  'CHAIR_SPEAKING_ELSEWHERE',
  'SPEAKER_UNAVAILABLE',
  'CHAIR_UNAVAILABLE',
  'TRAVEL_TOO_SHORT',
]);

type Scoped = Pick<Conflict, 'code' | 'sessionIds' | 'personIds' | 'proposalIds'>;

/**
 * True when a conflict found in a neighbourhood's data is exact there: about a person it covers,
 * a proposal it covers, or (session, room, talk rules) one of the sessions the change writes.
 */
export function withinCover(c: Scoped, cover: Cover): boolean {
  if (PERSON_CODES.has(c.code)) return c.personIds.some((id) => cover.personIds.has(id));
  if (c.code === 'PROPOSAL_NOT_PLACED') return c.proposalIds.some((id) => cover.proposalIds.has(id));
  return c.sessionIds.some((id) => cover.sessionIds.has(id));
}

export interface ConflictView extends Conflict {
  /** An organiser acknowledged this conflict (by its key). Only matters for severity `warning`. */
  acknowledged: boolean;
}

export interface ConflictEvaluation {
  conflicts: ConflictView[];
  /** Severity `error`, and `warning` not acknowledged: what publication refuses. `ignore` never blocks. */
  blocking: ConflictView[];
}

/** True when a conflict must be fixed (error) or acknowledged (warning) before publishing. */
export function isBlocking(c: Pick<ConflictView, 'severity' | 'acknowledged'>): boolean {
  return c.severity === 'error' || (c.severity === 'warning' && !c.acknowledged);
}

export function evaluation(conflicts: readonly Conflict[], acknowledgedKeys: ReadonlySet<string>): ConflictEvaluation {
  const views = conflicts.map((c) => ({ ...c, acknowledged: acknowledgedKeys.has(c.key) }));
  return { conflicts: views, blocking: views.filter(isBlocking) };
}

/** The conflicts present after a change and not before it (by key), severity `ignore` left out. */
export function introducedConflicts<T extends Pick<Conflict, 'key' | 'severity'>>(before: readonly T[], after: readonly T[]): T[] {
  const known = new Set(before.map((c) => c.key));
  return after.filter((c) => !known.has(c.key) && c.severity !== 'ignore');
}

/**
 * `introducedConflicts` between two neighbourhood reports of one change. Someone who joined the
 * change's sessions (not covered before) had no commitment there before, so their conflicts that
 * involve those sessions are new, and their others (between sessions the change did not write)
 * were there already: only the first count.
 */
export function introducedByChange<T extends Pick<Conflict, 'key' | 'severity'> & Scoped>(before: readonly T[], after: readonly T[], coverBefore: Cover, coverAfter: Cover): T[] {
  return introducedConflicts(before, after).filter(
    (c) => !PERSON_CODES.has(c.code) || c.personIds.some((id) => coverBefore.personIds.has(id)) || c.sessionIds.some((id) => coverAfter.sessionIds.has(id)),
  );
}

/** How many conflicts of each severity. */
export function countBySeverity(conflicts: readonly Pick<Conflict, 'severity'>[]): Record<ConflictSeverity, number> {
  const counts: Record<ConflictSeverity, number> = { error: 0, warning: 0, ignore: 0 };
  for (const c of conflicts) counts[c.severity] += 1;
  return counts;
}
