/** What organisers and the publication see of detected conflicts: acknowledged or not, blocking or not. Pure. */
import type { Conflict, ConflictSeverity } from './conflict-types.js';

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

/** How many conflicts of each severity. */
export function countBySeverity(conflicts: readonly Pick<Conflict, 'severity'>[]): Record<ConflictSeverity, number> {
  const counts: Record<ConflictSeverity, number> = { error: 0, warning: 0, ignore: 0 };
  for (const c of conflicts) counts[c.severity] += 1;
  return counts;
}
