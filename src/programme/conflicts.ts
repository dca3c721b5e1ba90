/**
 * Conflict detection for the programme: a pure function over plain data (no HTTP, no TypeORM).
 *
 * Rules (each a small function in person-conflicts.ts or session-conflicts.ts), their stable codes and
 * default severities (conflict-types.ts):
 * - SPEAKER_DOUBLE_BOOKED (error): one person speaking in two overlapping talks/sessions, any rooms.
 *   A speaker of a talk is busy during the talk only, not the whole session.
 * - CHAIR_DOUBLE_BOOKED (error): one person chairing two overlapping sessions (busy the whole session).
 * - CHAIR_SPEAKING_ELSEWHERE (error): chairing a session while speaking in an overlapping talk of
 *   another session (speaking inside the session one chairs is fine).
 * - SPEAKER_UNAVAILABLE (error) / CHAIR_UNAVAILABLE (error): speaking / chairing during a declared unavailability.
 * - TRAVEL_TOO_SHORT (error): two consecutive, non-overlapping commitments of one person at two
 *   venues with a gap shorter than the known travel time (unknown pair: no warning).
 * - OUTSIDE_VENUE_HOURS (warning): a session not contained in one opening of its venue (venue
 *   without known openings: no warning).
 * - OVER_CAPACITY (warning): expected attendance above the room's capacity.
 * - TALK_NOT_CONFIRMED (warning): a placed talk whose proposal is not `confirmed`.
 * - PROPOSAL_NOT_PLACED (warning): an accepted proposal with no talk in the programme.
 * - TALK_TENTATIVE (error, not adjustable): a talk placed tentatively, its proposal still under review
 *   (or no longer accepted): publication waits until it is accepted or the talk removed. Such a talk
 *   is not also reported as TALK_NOT_CONFIRMED.
 * Rooms holding two sessions at once are not reported: a PostgreSQL exclusion constraint forbids them.
 *
 * Complexity: O(n log n + k) for n commitments/talks/sessions and k conflicts reported. Per person,
 * commitments are sorted by start and swept: a min-heap by end holds the commitments still running,
 * so each overlapping pair is found once; overlapping pairs reported per person are capped
 * (`maxOverlapsPerPerson`, default 200) so that one person in 10,000 simultaneous talks stays n log n.
 * Travel compares each commitment with the one that ended last before it (running max end).
 * Unavailabilities are merged per person and looked up by binary search; openings likewise per venue.
 */
import { by } from './conflict-kit.js';
import { DEFAULT_SEVERITIES, FIXED_SEVERITY_CODES, type Conflict, type ConflictCode, type ConflictContext, type ConflictOptions, type ConflictSeverity, type ProgrammeInput, type RawConflict } from './conflict-types.js';
import { commitmentsByPerson, doubleBookingConflicts, travelConflicts, travelIndex, unavailabilityConflicts } from './person-conflicts.js';
import { capacityConflicts, tentativeTalkConflicts, unconfirmedTalkConflicts, unplacedProposalConflicts, venueHoursConflicts } from './session-conflicts.js';

export * from './conflict-types.js';
export { mergeIntervals } from './conflict-kit.js';
export * from './person-conflicts.js';
export * from './session-conflicts.js';

const DEFAULT_MAX_OVERLAPS = 200;


const compareConflicts = by<Conflict>(
  (c) => c.code,
  (c) => (c.startsAt ? c.startsAt.getTime() : Number.MAX_SAFE_INTEGER),
  (c) => c.key,
);

/** Applies organisers' severities (defaults otherwise). */
export function withSeverity(conflicts: RawConflict[], overrides: Partial<Record<ConflictCode, ConflictSeverity>> = {}): Conflict[] {
  return conflicts.map((c) => ({
    ...c,
    severity: FIXED_SEVERITY_CODES.includes(c.code) ? DEFAULT_SEVERITIES[c.code] : (overrides[c.code] ?? DEFAULT_SEVERITIES[c.code]),
  }));
}

/** Every conflict of the programme, in a deterministic order (code, first time, key). */
export function detectConflicts(input: ProgrammeInput, options: ConflictOptions): Conflict[] {
  const ctx: ConflictContext = {
    zone: options.timeZone,
    names: new Map((input.people ?? []).map((p) => [p.id, p.name])),
    sessions: new Map(input.sessions.map((s) => [s.id, s])),
    talks: new Map(input.talks.map((t) => [t.id, t])),
  };
  const venueNames = new Map(input.venues.filter((v) => v.name).map((v) => [v.id, v.name!]));
  const byPerson = commitmentsByPerson(input.sessions, input.talks);
  const all = [
    ...doubleBookingConflicts(byPerson, ctx, options.maxOverlapsPerPerson ?? DEFAULT_MAX_OVERLAPS),
    ...travelConflicts(byPerson, travelIndex(input.travelTimes), ctx, venueNames),
    ...unavailabilityConflicts(byPerson, input.unavailabilities, ctx),
    ...venueHoursConflicts(input.sessions, input.venues, ctx),
    ...capacityConflicts(input.sessions, input.rooms, ctx),
    ...unconfirmedTalkConflicts(input.talks, ctx),
    ...tentativeTalkConflicts(input.talks, ctx),
    ...unplacedProposalConflicts(input.unplacedProposals),
  ];
  return withSeverity(all, options.severities).sort(compareConflicts);
}
