/**
 * The palmarès embargo as pure functions (no HTTP, no database): when a year's levels stop being
 * secret, and who sees what meanwhile. The ceremony (src/labels/ceremony) and every route of the
 * labels use these, so the rule lives in one place.
 *
 * The embargo ends at the first of these that is set, in this order (not the earliest of them):
 * an organiser's explicit reveal time (`reveal_at`, earlier or later than the ceremony), the
 * ceremony session's start, the ceremony event's start. With none of them the levels stay secret
 * until an organiser reveals them.
 */
import type { Role } from '../common/auth/role.js';

export interface EmbargoTimes {
  /** label_years.reveal_at: an organiser's explicit reveal time. */
  revealAt: Date | null;
  /** Start of label_years.ceremony_session_id. */
  sessionStartsAt: Date | null;
  /** Start of label_years.event_id. */
  eventStartsAt: Date | null;
}

/** The instant the levels become public, or null when nothing says when (secret until revealed). */
export function embargoEndsAt(times: EmbargoTimes): Date | null {
  return times.revealAt ?? times.sessionStartsAt ?? times.eventStartsAt ?? null;
}

/** True once `now` has reached the end of the embargo. */
export function isRevealedAt(times: EmbargoTimes, now: Date): boolean {
  const end = embargoEndsAt(times);
  return end !== null && now.getTime() >= end.getTime();
}

/** Organisers always see levels; anyone else (anonymous, speaker, reception) only once revealed. */
export function canSeeLevels(roles: readonly Role[] | undefined, revealed: boolean): boolean {
  return revealed || isOrganiser(roles);
}

/** The aggregate figures: to whoever sees the levels, and to everyone once organisers publish them. */
export function canSeeStats(roles: readonly Role[] | undefined, revealed: boolean, statsPublished: boolean): boolean {
  return statsPublished || canSeeLevels(roles, revealed);
}

export function isOrganiser(roles: readonly Role[] | undefined): boolean {
  return roles?.includes('organiser') ?? false;
}
