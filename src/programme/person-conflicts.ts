/** Rules over each person's commitments: double bookings, chairs, travel between venues, unavailability. */
import { byStart, describe, firstEndingAfter, idsOf, mergeIntervals, personName, raw, type Interval } from './conflict-kit.js';
import { type BilingualMessage, formatRange } from './conflict-messages.js';
import type { Commitment, ConflictCode, ConflictContext, ProgrammeSession, ProgrammeTalk, RawConflict, TravelTime, Unavailability } from './conflict-types.js';


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

