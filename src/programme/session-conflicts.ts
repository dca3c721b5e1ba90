/** Rules over sessions, talks and proposals: venue hours, capacity, unconfirmed and unplaced talks. */
import { firstEndingAfter, mergeIntervals, raw, type Interval } from './conflict-kit.js';
import { formatRange } from './conflict-messages.js';
import type { ConflictContext, ProgrammeRoom, ProgrammeSession, ProgrammeTalk, ProgrammeVenue, RawConflict, UnplacedProposal } from './conflict-types.js';

// ---------------------------------------------------------------- venue hours

/** Rule: a session not contained in one opening of its venue (venues without openings are skipped). */
export function venueHoursConflicts(sessions: ProgrammeSession[], venues: ProgrammeVenue[], ctx: ConflictContext): RawConflict[] {
  const openings = new Map<string, Interval[]>();
  const names = new Map<string, string>();
  for (const v of venues) {
    if (v.name) names.set(v.id, v.name);
    const merged = mergeIntervals(v.openings.map((o) => ({ start: o.opensAt.getTime(), end: o.closesAt.getTime() })));
    if (merged.length > 0) openings.set(v.id, merged);
  }
  const out: RawConflict[] = [];
  for (const s of sessions) {
    const merged = openings.get(s.venueId);
    if (!merged) continue;
    const start = s.startsAt.getTime();
    const end = s.endsAt.getTime();
    const i = firstEndingAfter(merged, start);
    if (i < merged.length && merged[i].start <= start && merged[i].end >= end) continue;
    const venue = names.get(s.venueId) ?? s.venueId;
    const title = s.title ?? s.id;
    const span = (l: 'fr' | 'en') => formatRange(s.startsAt, s.endsAt, ctx.zone, l);
    out.push(
      raw('OUTSIDE_VENUE_HOURS', { sessionIds: [s.id] }, s.startsAt, {
        fr: `La session « ${title} » (${span('fr')}) déborde des heures d'ouverture de ${venue}.`,
        en: `The session "${title}" (${span('en')}) is outside the opening hours of ${venue}.`,
      }),
    );
  }
  return out;
}

// ---------------------------------------------------------------- capacity, confirmation, placement

/** Rule: expected attendance above the room's capacity. */
export function capacityConflicts(sessions: ProgrammeSession[], rooms: ProgrammeRoom[], ctx: ConflictContext): RawConflict[] {
  const capacity = new Map(rooms.map((r) => [r.id, r.capacity]));
  const out: RawConflict[] = [];
  for (const s of sessions) {
    const cap = capacity.get(s.roomId);
    if (cap == null || s.expectedAttendance == null || s.expectedAttendance <= cap) continue;
    const title = s.title ?? s.id;
    const span = (l: 'fr' | 'en') => formatRange(s.startsAt, s.endsAt, ctx.zone, l);
    out.push(
      raw('OVER_CAPACITY', { sessionIds: [s.id] }, s.startsAt, {
        fr: `La session « ${title} » (${span('fr')}) attend ${s.expectedAttendance} personnes pour une salle de ${cap} places.`,
        en: `The session "${title}" (${span('en')}) expects ${s.expectedAttendance} people in a room of ${cap} seats.`,
      }),
    );
  }
  return out;
}

/** Rule: a placed talk whose proposal is not confirmed by its speaker. */
export function unconfirmedTalkConflicts(talks: ProgrammeTalk[], ctx: ConflictContext): RawConflict[] {
  const out: RawConflict[] = [];
  for (const t of talks) {
    if (t.proposalState === 'confirmed' || t.tentative) continue;
    const title = t.title ?? t.id;
    const span = (l: 'fr' | 'en') => formatRange(t.startsAt, t.endsAt, ctx.zone, l);
    out.push(
      raw('TALK_NOT_CONFIRMED', { talkIds: [t.id], sessionIds: [t.sessionId], personIds: t.speakerIds, proposalIds: t.proposalId ? [t.proposalId] : [] }, t.startsAt, {
        fr: `L'exposé « ${title} » (${span('fr')}) n'est pas confirmé par son orateur (état : ${t.proposalState}).`,
        en: `The talk "${title}" (${span('en')}) is not confirmed by its speaker (state: ${t.proposalState}).`,
      }),
    );
  }
  return out;
}

/** Rule: a talk placed tentatively (« provisoire »): blocks publication until its proposal is accepted or the talk removed. */
export function tentativeTalkConflicts(talks: ProgrammeTalk[], ctx: ConflictContext): RawConflict[] {
  const out: RawConflict[] = [];
  for (const t of talks) {
    if (!t.tentative) continue;
    const title = t.title ?? t.id;
    const span = (l: 'fr' | 'en') => formatRange(t.startsAt, t.endsAt, ctx.zone, l);
    out.push(
      raw('TALK_TENTATIVE', { talkIds: [t.id], sessionIds: [t.sessionId], personIds: t.speakerIds, proposalIds: t.proposalId ? [t.proposalId] : [] }, t.startsAt, {
        fr: `L'exposé « ${title} » (${span('fr')}) est placé à titre provisoire (proposition à l'état ${t.proposalState}) : acceptez la proposition ou retirez l'exposé avant de publier.`,
        en: `The talk "${title}" (${span('en')}) is placed tentatively (proposal in state ${t.proposalState}): accept the proposal or remove the talk before publishing.`,
      }),
    );
  }
  return out;
}

/** Rule: accepted proposals not placed in the programme (listed). */
export function unplacedProposalConflicts(proposals: UnplacedProposal[]): RawConflict[] {
  return proposals.map((p) => {
    const title = p.title ?? p.id;
    return raw('PROPOSAL_NOT_PLACED', { proposalIds: [p.id], personIds: p.speakerIds }, null, {
      fr: `La proposition acceptée « ${title} » n'est pas encore placée au programme.`,
      en: `The accepted proposal "${title}" is not placed in the programme yet.`,
    });
  });
}

/** Accepted (or confirmed) proposals that no talk places. */
export function unplacedProposals(
  accepted: Array<UnplacedProposal & { state?: string }>,
  talks: Array<Pick<ProgrammeTalk, 'proposalId'>>,
): UnplacedProposal[] {
  const placed = new Set(talks.map((t) => t.proposalId).filter((id): id is string => !!id));
  return accepted
    .filter((p) => !placed.has(p.id) && (p.state === undefined || p.state === 'accepted' || p.state === 'confirmed'))
    .map(({ id, title, speakerIds }) => ({ id, title, speakerIds }));
}

// ---------------------------------------------------------------- all together
