/** The rules a session must keep, as pure functions over plain data (no HTTP, no database). */

/** Most chairs one session takes. */
export const MAX_CHAIRS = 20;

export interface Period {
  startsAt: Date;
  endsAt: Date;
}

export type SessionProblem = 'INVALID_PERIOD' | 'SESSION_OUTSIDE_EVENT' | 'TALKS_OVERFLOW';

/**
 * Why a session cannot take this period, or null: it must end after it starts, lie within the event
 * (touching its start or end is fine), and be long enough for its talks (minutes, in total).
 */
export function sessionPeriodProblem(session: Period, event: Period, talksMinutes: number): SessionProblem | null {
  const start = session.startsAt.getTime();
  const end = session.endsAt.getTime();
  if (end <= start) return 'INVALID_PERIOD';
  if (start < event.startsAt.getTime() || end > event.endsAt.getTime()) return 'SESSION_OUTSIDE_EVENT';
  if (talksMinutes * 60_000 > end - start) return 'TALKS_OVERFLOW';
  return null;
}

/** A chair as typed: exactly one of an account id, an account email, or a guest's name. */
export interface ChairInput {
  userId?: string;
  email?: string;
  guestName?: string;
  guestAffiliation?: string | null;
}

/** What is wrong with one chair as typed, or null. */
export function chairProblem(chair: ChairInput): string | null {
  const given = [chair.userId, chair.email, chair.guestName].filter((v) => v !== undefined && v !== null).length;
  if (given !== 1) return 'give exactly one of userId, email or guestName';
  if (chair.guestAffiliation && !chair.guestName) return 'guestAffiliation goes only with guestName';
  return null;
}

/** Titles: at least one of French and English. */
export function hasTitle(titles: { titleFr: string | null; titleEn: string | null }): boolean {
  return !!titles.titleFr || !!titles.titleEn;
}

/** The accounts named twice among chairs (after resolving emails to ids). */
export function duplicateIds(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

/** Proposal states that may be placed in the programme. */
export const PLACEABLE_STATES = ['accepted', 'confirmed'] as const;

export function isPlaceable(state: string): boolean {
  return (PLACEABLE_STATES as readonly string[]).includes(state);
}

/** Proposal states still under review: such a proposal may be placed, but only tentatively. */
export const REVIEW_STATES = ['submitted'] as const;

export function isUnderReview(state: string): boolean {
  return (REVIEW_STATES as readonly string[]).includes(state);
}

export type PlacementProblem = 'PROPOSAL_NOT_ACCEPTED' | 'TENTATIVE_REQUIRED' | 'TENTATIVE_NOT_UNDER_REVIEW';

/**
 * Why a proposal in `state` cannot be placed with this `tentative` flag, or null. Accepted and
 * confirmed proposals are placed for good (never tentatively); proposals under review only
 * tentatively; others (draft, rejected, withdrawn, cancelled) not at all.
 */
export function placementProblem(state: string, tentative: boolean): PlacementProblem | null {
  if (isPlaceable(state)) return tentative ? 'TENTATIVE_NOT_UNDER_REVIEW' : null;
  if (isUnderReview(state)) return tentative ? null : 'TENTATIVE_REQUIRED';
  return 'PROPOSAL_NOT_ACCEPTED';
}
