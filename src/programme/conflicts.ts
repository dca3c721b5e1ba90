/**
 * Conflict detection for the programme: a pure function over plain data (no HTTP, no TypeORM).
 *
 * Rules (each a small function below), their stable codes and default severities:
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
 * Rooms holding two sessions at once are not reported: a PostgreSQL exclusion constraint forbids them.
 *
 * Complexity: O(n log n + k) for n commitments/talks/sessions and k conflicts reported. Per person,
 * commitments are sorted by start and swept: a min-heap by end holds the commitments still running,
 * so each overlapping pair is found once; overlapping pairs reported per person are capped
 * (`maxOverlapsPerPerson`, default 200) so that one person in 10,000 simultaneous talks stays n log n.
 * Travel compares each commitment with the one that ended last before it (running max end).
 * Unavailabilities are merged per person and looked up by binary search; openings likewise per venue.
 */
import { type BilingualMessage, formatRange } from './conflict-messages.js';

export type ConflictCode =
  | 'SPEAKER_DOUBLE_BOOKED'
  | 'CHAIR_DOUBLE_BOOKED'
  | 'CHAIR_SPEAKING_ELSEWHERE'
  | 'SPEAKER_UNAVAILABLE'
  | 'CHAIR_UNAVAILABLE'
  | 'TRAVEL_TOO_SHORT'
  | 'OUTSIDE_VENUE_HOURS'
  | 'OVER_CAPACITY'
  | 'TALK_NOT_CONFIRMED'
  | 'PROPOSAL_NOT_PLACED';

export type ConflictSeverity = 'error' | 'warning' | 'ignore';

export const DEFAULT_SEVERITIES: Readonly<Record<ConflictCode, ConflictSeverity>> = {
  SPEAKER_DOUBLE_BOOKED: 'error',
  CHAIR_DOUBLE_BOOKED: 'error',
  CHAIR_SPEAKING_ELSEWHERE: 'error',
  SPEAKER_UNAVAILABLE: 'error',
  CHAIR_UNAVAILABLE: 'error',
  TRAVEL_TOO_SHORT: 'error',
  OUTSIDE_VENUE_HOURS: 'warning',
  OVER_CAPACITY: 'warning',
  TALK_NOT_CONFIRMED: 'warning',
  PROPOSAL_NOT_PLACED: 'warning',
};

export interface ProgrammeSession {
  id: string;
  roomId: string;
  venueId: string;
  startsAt: Date;
  endsAt: Date;
  kind: string;
  chairIds: string[];
  /** People speaking for the whole session (a keynote without talks); optional. */
  speakerIds?: string[];
  expectedAttendance?: number | null;
  title?: string | null;
}

export interface ProgrammeTalk {
  id: string;
  sessionId: string;
  startsAt: Date;
  endsAt: Date;
  speakerIds: string[];
  proposalState: string;
  proposalId?: string;
  title?: string | null;
}

export interface ProgrammeRoom {
  id: string;
  venueId: string;
  capacity: number | null;
}

export interface VenueOpening {
  opensAt: Date;
  closesAt: Date;
}

export interface ProgrammeVenue {
  id: string;
  name?: string;
  /** Empty: hours unknown, no warning. */
  openings: VenueOpening[];
}

export interface TravelTime {
  venueAId: string;
  venueBId: string;
  /** The shorter known of walking and transit. */
  minutes: number;
}

export interface Unavailability {
  personId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface UnplacedProposal {
  id: string;
  title?: string | null;
  speakerIds: string[];
}

export interface ProgrammePerson {
  id: string;
  name: string;
}

export interface ProgrammeInput {
  sessions: ProgrammeSession[];
  talks: ProgrammeTalk[];
  rooms: ProgrammeRoom[];
  venues: ProgrammeVenue[];
  travelTimes: TravelTime[];
  unavailabilities: Unavailability[];
  /** Accepted proposals with no talk (see `unplacedProposals` to compute them). */
  unplacedProposals: UnplacedProposal[];
  /** Names for messages; ids are shown otherwise. */
  people?: ProgrammePerson[];
}

export interface ConflictOptions {
  /** IANA zone the messages name times in (the event's). */
  timeZone: string;
  severities?: Partial<Record<ConflictCode, ConflictSeverity>>;
  /** Cap on overlapping pairs reported per person (default 200). */
  maxOverlapsPerPerson?: number;
}

export interface Conflict {
  /** Stable across runs: code and sorted ids of what is concerned. */
  key: string;
  code: ConflictCode;
  severity: ConflictSeverity;
  sessionIds: string[];
  talkIds: string[];
  personIds: string[];
  proposalIds: string[];
  /** First time concerned (null for unplaced proposals). */
  startsAt: Date | null;
  message: BilingualMessage;
}

/** A conflict before severity is applied. */
export type RawConflict = Omit<Conflict, 'severity'>;

/** What a person is doing during an interval: speaking in a talk, speaking for a session, chairing it. */
export interface Commitment {
  personId: string;
  role: 'talk' | 'session-speaker' | 'chair';
  /** Talk id for 'talk', session id otherwise. */
  itemId: string;
  sessionId: string;
  venueId: string;
  start: number;
  end: number;
}

/** What the rules need to write messages: the zone, people's names, sessions and talks by id. */
export interface ConflictContext {
  zone: string;
  names: Map<string, string>;
  sessions: Map<string, ProgrammeSession>;
  talks: Map<string, ProgrammeTalk>;
}

const DEFAULT_MAX_OVERLAPS = 200;

function by<T>(...keys: Array<(t: T) => number | string>): (a: T, b: T) => number {
  return (a, b) => {
    for (const k of keys) {
      const x = k(a);
      const y = k(b);
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
}

const byStart = by<Commitment>(
  (c) => c.start,
  (c) => c.end,
  (c) => c.role,
  (c) => c.itemId,
);

function uniqSorted(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

function makeKey(code: ConflictCode, parts: Record<string, string[]>): string {
  const segments = Object.entries(parts)
    .filter(([, ids]) => ids.length > 0)
    .map(([name, ids]) => `${name}=${uniqSorted(ids).join(',')}`);
  return [code, ...segments].join('|');
}

function raw(
  code: ConflictCode,
  ids: { sessionIds?: string[]; talkIds?: string[]; personIds?: string[]; proposalIds?: string[]; extra?: string },
  startsAt: Date | null,
  message: BilingualMessage,
): RawConflict {
  const sessionIds = uniqSorted(ids.sessionIds ?? []);
  const talkIds = uniqSorted(ids.talkIds ?? []);
  const personIds = uniqSorted(ids.personIds ?? []);
  const proposalIds = uniqSorted(ids.proposalIds ?? []);
  let key = makeKey(code, { person: personIds, session: sessionIds, talk: talkIds, proposal: proposalIds });
  if (ids.extra) key += `|${ids.extra}`;
  return { key, code, sessionIds, talkIds, personIds, proposalIds, startsAt, message };
}

// ---------------------------------------------------------------- commitments

/** Every person's commitments, grouped per person, each list sorted by start. Invalid intervals are skipped. */
export function commitmentsByPerson(sessions: ProgrammeSession[], talks: ProgrammeTalk[]): Map<string, Commitment[]> {
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const out = new Map<string, Commitment[]>();
  const add = (c: Commitment) => {
    if (!(c.end > c.start)) return;
    const list = out.get(c.personId);
    if (list) list.push(c);
    else out.set(c.personId, [c]);
  };
  for (const s of sessions) {
    const base = { sessionId: s.id, itemId: s.id, venueId: s.venueId, start: s.startsAt.getTime(), end: s.endsAt.getTime() };
    for (const p of new Set(s.chairIds)) add({ ...base, personId: p, role: 'chair' });
    for (const p of new Set(s.speakerIds ?? [])) add({ ...base, personId: p, role: 'session-speaker' });
  }
  for (const t of talks) {
    const s = sessionById.get(t.sessionId);
    if (!s) continue;
    for (const p of new Set(t.speakerIds)) {
      add({ personId: p, role: 'talk', itemId: t.id, sessionId: s.id, venueId: s.venueId, start: t.startsAt.getTime(), end: t.endsAt.getTime() });
    }
  }
  for (const list of out.values()) list.sort(byStart);
  return out;
}

// ---------------------------------------------------------------- overlaps

/** The code of two overlapping commitments of one person, or null when they are compatible. */
export function overlapCode(a: Commitment, b: Commitment): ConflictCode | null {
  if (a.role === 'chair' && b.role === 'chair') return 'CHAIR_DOUBLE_BOOKED';
  if (a.role !== 'chair' && b.role !== 'chair') {
    // A session speaker also speaking in a talk of that same session is one commitment.
    if (a.sessionId === b.sessionId && a.role !== b.role) return null;
    return 'SPEAKER_DOUBLE_BOOKED';
  }
  // Chairing one, speaking in the other: fine inside the session one chairs.
  return a.sessionId === b.sessionId ? null : 'CHAIR_SPEAKING_ELSEWHERE';
}

/** Min-heap of commitments by end. */
class EndHeap {
  readonly items: Commitment[] = [];
  push(c: Commitment): void {
    const h = this.items;
    h.push(c);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p].end <= h[i].end) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }
  peek(): Commitment | undefined {
    return this.items[0];
  }
  pop(): void {
    const h = this.items;
    const last = h.pop();
    if (!last || h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l].end < h[m].end) m = l;
      if (r < h.length && h[r].end < h[m].end) m = r;
      if (m === i) break;
      [h[m], h[i]] = [h[i], h[m]];
      i = m;
    }
  }
}

/**
 * Overlapping pairs of one person's commitments (sorted by start), in sweep order, at most `max`:
 * the heap holds what is still running when each commitment starts.
 */
export function overlappingPairs(sorted: Commitment[], max = Infinity): Array<[Commitment, Commitment]> {
  const pairs: Array<[Commitment, Commitment]> = [];
  const running = new EndHeap();
  for (const c of sorted) {
    while ((running.peek()?.end ?? Infinity) <= c.start) running.pop();
    for (const other of running.items) {
      if (overlapCode(other, c) === null) continue;
      pairs.push([other, c]);
      if (pairs.length >= max) return pairs;
    }
    running.push(c);
  }
  return pairs;
}

function describe(c: Commitment, ctx: ConflictContext): BilingualMessage {
  const session = ctx.sessions.get(c.sessionId);
  const sessionTitle = session?.title ? ` « ${session.title} »` : ` ${c.sessionId}`;
  const when = (l: 'fr' | 'en') => formatRange(new Date(c.start), new Date(c.end), ctx.zone, l);
  if (c.role === 'talk') {
    const talk = ctx.talks.get(c.itemId);
    const t = talk?.title ? `« ${talk.title} »` : c.itemId;
    return { fr: `l'exposé ${t} (${when('fr')})`, en: `the talk ${t.replace(/« | »/g, '"')} (${when('en')})` };
  }
  const en = sessionTitle.replace(/« | »/g, '"');
  if (c.role === 'chair') return { fr: `la présidence de la session${sessionTitle} (${when('fr')})`, en: `chairing the session${en} (${when('en')})` };
  return { fr: `la session${sessionTitle} (${when('fr')})`, en: `the session${en} (${when('en')})` };
}

function personName(id: string, ctx: ConflictContext): string {
  return ctx.names.get(id) ?? id;
}

function idsOf(cs: Commitment[]): { sessionIds: string[]; talkIds: string[] } {
  return {
    sessionIds: cs.map((c) => c.sessionId),
    talkIds: cs.filter((c) => c.role === 'talk').map((c) => c.itemId),
  };
}

function overlapConflict(a: Commitment, b: Commitment, code: ConflictCode, ctx: ConflictContext): RawConflict {
  const who = personName(a.personId, ctx);
  const da = describe(a, ctx);
  const db = describe(b, ctx);
  const head: Record<string, BilingualMessage> = {
    SPEAKER_DOUBLE_BOOKED: { fr: `${who} intervient deux fois en même temps`, en: `${who} speaks twice at the same time` },
    CHAIR_DOUBLE_BOOKED: { fr: `${who} préside deux sessions en même temps`, en: `${who} chairs two sessions at the same time` },
    CHAIR_SPEAKING_ELSEWHERE: { fr: `${who} préside une session tout en intervenant ailleurs`, en: `${who} chairs a session while speaking elsewhere` },
  };
  return raw(
    code,
    { personIds: [a.personId], ...idsOf([a, b]), extra: `items=${[`${a.role}:${a.itemId}`, `${b.role}:${b.itemId}`].sort().join(',')}` },
    new Date(Math.min(a.start, b.start)),
    { fr: `${head[code].fr} : ${da.fr} et ${db.fr}.`, en: `${head[code].en}: ${da.en} and ${db.en}.` },
  );
}

/** Rule: double bookings (speaker, chair, chair speaking elsewhere), per person by sort and sweep. */
export function doubleBookingConflicts(byPerson: Map<string, Commitment[]>, ctx: ConflictContext, maxPerPerson: number): RawConflict[] {
  const out: RawConflict[] = [];
  for (const list of byPerson.values()) {
    for (const [a, b] of overlappingPairs(list, maxPerPerson)) out.push(overlapConflict(a, b, overlapCode(a, b)!, ctx));
  }
  return out;
}

// ---------------------------------------------------------------- travel

/** Map of "venueA|venueB" (both orders) to minutes, keeping the shortest when listed twice. */
export function travelIndex(travelTimes: TravelTime[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const t of travelTimes) {
    for (const k of [`${t.venueAId}|${t.venueBId}`, `${t.venueBId}|${t.venueAId}`]) {
      const known = index.get(k);
      if (known === undefined || t.minutes < known) index.set(k, t.minutes);
    }
  }
  return index;
}

/**
 * Consecutive commitments of one person (sorted by start): each commitment that starts after all
 * earlier ones have ended, with the one that ended last (the later in sort order on equal ends).
 */
export function consecutivePairs(sorted: Commitment[]): Array<[Commitment, Commitment]> {
  const pairs: Array<[Commitment, Commitment]> = [];
  let last: Commitment | null = null;
  for (const c of sorted) {
    if (last && last.end <= c.start) pairs.push([last, c]);
    if (!last || c.end >= last.end) last = c;
  }
  return pairs;
}

/** Rule: not enough time to go from one venue to the next between consecutive commitments. */
export function travelConflicts(byPerson: Map<string, Commitment[]>, travel: Map<string, number>, ctx: ConflictContext, venueNames: Map<string, string>): RawConflict[] {
  const out: RawConflict[] = [];
  for (const list of byPerson.values()) {
    for (const [a, b] of consecutivePairs(list)) {
      if (a.venueId === b.venueId) continue;
      const minutes = travel.get(`${a.venueId}|${b.venueId}`);
      if (minutes === undefined) continue;
      const gap = (b.start - a.end) / 60_000;
      if (gap >= minutes) continue;
      const who = personName(a.personId, ctx);
      const from = venueNames.get(a.venueId) ?? a.venueId;
      const to = venueNames.get(b.venueId) ?? b.venueId;
      const da = describe(a, ctx);
      const db = describe(b, ctx);
      const g = Math.round(gap);
      out.push(
        raw(
          'TRAVEL_TOO_SHORT',
          { personIds: [a.personId], ...idsOf([a, b]), extra: `items=${[`${a.role}:${a.itemId}`, `${b.role}:${b.itemId}`].sort().join(',')}` },
          new Date(a.start),
          {
            fr: `${who} doit aller de ${from} à ${to} en ${g} min alors que le trajet en demande ${minutes} : ${da.fr} puis ${db.fr}.`,
            en: `${who} must go from ${from} to ${to} in ${g} min but the journey takes ${minutes}: ${da.en} then ${db.en}.`,
          },
        ),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------- intervals

interface Interval {
  start: number;
  end: number;
}

/** Sorted, merged (touching intervals joined) union of intervals; empty ones dropped. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** Index of the first merged interval ending after `t` (binary search). */
function firstEndingAfter(merged: Interval[], t: number): number {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid].end > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ---------------------------------------------------------------- unavailability

/** Rule: speaking or chairing while declared unavailable (one conflict per commitment and merged unavailability). */
export function unavailabilityConflicts(byPerson: Map<string, Commitment[]>, unavailabilities: Unavailability[], ctx: ConflictContext): RawConflict[] {
  const perPerson = new Map<string, Interval[]>();
  for (const u of unavailabilities) {
    const list = perPerson.get(u.personId) ?? [];
    list.push({ start: u.startsAt.getTime(), end: u.endsAt.getTime() });
    perPerson.set(u.personId, list);
  }
  const out: RawConflict[] = [];
  for (const [personId, intervals] of perPerson) {
    const commitments = byPerson.get(personId);
    if (!commitments) continue;
    const merged = mergeIntervals(intervals);
    for (const c of commitments) {
      for (let i = firstEndingAfter(merged, c.start); i < merged.length && merged[i].start < c.end; i++) {
        const u = merged[i];
        const code: ConflictCode = c.role === 'chair' ? 'CHAIR_UNAVAILABLE' : 'SPEAKER_UNAVAILABLE';
        const who = personName(personId, ctx);
        const d = describe(c, ctx);
        const span = (l: 'fr' | 'en') => formatRange(new Date(u.start), new Date(u.end), ctx.zone, l);
        out.push(
          raw(code, { personIds: [personId], ...idsOf([c]), extra: `item=${c.role}:${c.itemId}|unavailable=${new Date(u.start).toISOString()}` }, new Date(c.start), {
            fr: `${who} s'est déclaré(e) indisponible (${span('fr')}) mais est programmé(e) : ${d.fr}.`,
            en: `${who} declared themselves unavailable (${span('en')}) but is scheduled: ${d.en}.`,
          }),
        );
      }
    }
  }
  return out;
}

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
    if (t.proposalState === 'confirmed') continue;
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

const compareConflicts = by<Conflict>(
  (c) => c.code,
  (c) => (c.startsAt ? c.startsAt.getTime() : Number.MAX_SAFE_INTEGER),
  (c) => c.key,
);

/** Applies organisers' severities (defaults otherwise). */
export function withSeverity(conflicts: RawConflict[], overrides: Partial<Record<ConflictCode, ConflictSeverity>> = {}): Conflict[] {
  return conflicts.map((c) => ({ ...c, severity: overrides[c.code] ?? DEFAULT_SEVERITIES[c.code] }));
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
    ...unplacedProposalConflicts(input.unplacedProposals),
  ];
  return withSeverity(all, options.severities).sort(compareConflicts);
}
