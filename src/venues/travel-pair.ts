import type { FieldProblem } from './opening-hours.js';

/** An unordered pair of venues in its stored form. */
export interface VenuePair {
  venueAId: string;
  venueBId: string;
}

/** The largest travel time accepted, in minutes (a day). */
export const MAX_TRAVEL_MINUTES = 1440;

/**
 * The stored form of the pair {from, to}: lower-case ids, the smaller first. PostgreSQL orders
 * uuids byte by byte, which is the order of their lower-case text, so the CHECK
 * venue_a_id < venue_b_id holds. Null when both ids name the same venue.
 */
export function orderVenuePair(fromVenueId: string, toVenueId: string): VenuePair | null {
  const from = fromVenueId.toLowerCase();
  const to = toVenueId.toLowerCase();
  if (from === to) return null;
  return from < to ? { venueAId: from, venueBId: to } : { venueAId: to, venueBId: from };
}

/** A travel time needs at least one of walking or transit minutes. */
export function travelMinutesProblems(minutes: { walkingMinutes?: number | null; transitMinutes?: number | null }): FieldProblem[] {
  const none = (minutes.walkingMinutes ?? null) === null && (minutes.transitMinutes ?? null) === null;
  return none ? [{ field: 'walkingMinutes', errors: ['Give walkingMinutes, transitMinutes or both'] }] : [];
}
