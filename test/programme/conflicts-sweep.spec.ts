/**
 * The sweep against a naive all-pairs implementation written here, on small random programmes
 * (fixed seed): double bookings and travel must report exactly the same conflicts.
 */
import { type ProgrammeInput, type ProgrammeSession, type ProgrammeTalk, detectConflicts } from '../../src/programme/conflicts.js';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = Date.UTC(2012, 1, 6, 7, 0);
const minute = 60_000;

function randomProgramme(rand: () => number): ProgrammeInput {
  const int = (n: number) => Math.floor(rand() * n);
  const people = Array.from({ length: 2 + int(5) }, (_, i) => `p${i}`);
  const pick = (max: number) => [...new Set(Array.from({ length: int(max + 1) }, () => people[int(people.length)]))];
  const venues = ['v0', 'v1', 'v2'];
  const sessions: ProgrammeSession[] = [];
  const talks: ProgrammeTalk[] = [];
  const nSessions = 1 + int(8);
  for (let i = 0; i < nSessions; i++) {
    const start = BASE + int(60) * 5 * minute;
    const length = (2 + int(24)) * 5 * minute;
    const venueId = venues[int(3)];
    const s: ProgrammeSession = {
      id: `s${i}`,
      roomId: `r${i}`,
      venueId,
      startsAt: new Date(start),
      endsAt: new Date(start + length),
      kind: 'plenary',
      chairIds: pick(2),
      speakerIds: rand() < 0.2 ? pick(1) : [],
    };
    sessions.push(s);
    let t = start;
    for (let j = 0; j < int(4); j++) {
      const d = (1 + int(6)) * 5 * minute;
      if (t + d > start + length) break;
      talks.push({ id: `t${i}.${j}`, sessionId: s.id, startsAt: new Date(t), endsAt: new Date(t + d), speakerIds: pick(2), proposalState: 'confirmed' });
      t += d + int(3) * 5 * minute;
    }
  }
  const travelTimes = [
    ['v0', 'v1'],
    ['v0', 'v2'],
    ['v1', 'v2'],
  ]
    .filter(() => rand() < 0.8)
    .map(([a, b]) => ({ venueAId: a, venueBId: b, minutes: 5 + int(40) }));
  return { sessions, talks, rooms: [], venues: [], travelTimes, unavailabilities: [], unplacedProposals: [] };
}

interface C {
  personId: string;
  role: string;
  itemId: string;
  sessionId: string;
  venueId: string;
  start: number;
  end: number;
}

function naiveCommitments(input: ProgrammeInput): C[] {
  const out: C[] = [];
  for (const s of input.sessions) {
    for (const p of s.chairIds) out.push({ personId: p, role: 'chair', itemId: s.id, sessionId: s.id, venueId: s.venueId, start: +s.startsAt, end: +s.endsAt });
    for (const p of s.speakerIds ?? []) out.push({ personId: p, role: 'session-speaker', itemId: s.id, sessionId: s.id, venueId: s.venueId, start: +s.startsAt, end: +s.endsAt });
  }
  for (const t of input.talks) {
    const s = input.sessions.find((x) => x.id === t.sessionId)!;
    for (const p of t.speakerIds) out.push({ personId: p, role: 'talk', itemId: t.id, sessionId: s.id, venueId: s.venueId, start: +t.startsAt, end: +t.endsAt });
  }
  return out;
}

const pairKey = (code: string, a: C, b: C) => {
  const sessions = [...new Set([a.sessionId, b.sessionId])].sort().join(',');
  const talks = [a, b].filter((c) => c.role === 'talk').map((c) => c.itemId).sort().join(',');
  const items = [`${a.role}:${a.itemId}`, `${b.role}:${b.itemId}`].sort().join(',');
  return `${code}|person=${a.personId}|session=${sessions}${talks ? `|talk=${talks}` : ''}|items=${items}`;
};

function naiveDoubleBookings(input: ProgrammeInput): string[] {
  const cs = naiveCommitments(input);
  const keys: string[] = [];
  for (let i = 0; i < cs.length; i++) {
    for (let j = i + 1; j < cs.length; j++) {
      const [a, b] = [cs[i], cs[j]];
      if (a.personId !== b.personId || !(a.start < b.end && b.start < a.end)) continue;
      const chairs = [a, b].filter((c) => c.role === 'chair').length;
      let code: string | null;
      if (chairs === 2) code = 'CHAIR_DOUBLE_BOOKED';
      else if (chairs === 1) code = a.sessionId === b.sessionId ? null : 'CHAIR_SPEAKING_ELSEWHERE';
      else code = a.sessionId === b.sessionId && a.role !== b.role ? null : 'SPEAKER_DOUBLE_BOOKED';
      if (code) keys.push(pairKey(code, a, b));
    }
  }
  return keys.sort();
}

function naiveTravel(input: ProgrammeInput): string[] {
  const order = (a: C, b: C) => a.start - b.start || a.end - b.end || (a.role < b.role ? -1 : a.role > b.role ? 1 : 0) || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0);
  const minutes = (x: string, y: string) =>
    input.travelTimes.find((t) => (t.venueAId === x && t.venueBId === y) || (t.venueAId === y && t.venueBId === x))?.minutes;
  const cs = naiveCommitments(input);
  const keys: string[] = [];
  for (const b of cs) {
    const earlier = cs.filter((a) => a.personId === b.personId && order(a, b) < 0);
    if (earlier.length === 0) continue;
    // Overlapping something earlier: the double-booking rule's business.
    if (earlier.some((a) => a.end > b.start)) continue;
    const latestEnd = Math.max(...earlier.map((a) => a.end));
    const prev = earlier.filter((a) => a.end === latestEnd).sort(order).at(-1)!;
    if (prev.venueId === b.venueId) continue;
    const m = minutes(prev.venueId, b.venueId);
    if (m !== undefined && (b.start - prev.end) / minute < m) keys.push(pairKey('TRAVEL_TOO_SHORT', prev, b));
  }
  return keys.sort();
}

describe('sweep against all pairs (200 random programmes, fixed seed)', () => {
  it('finds exactly the double bookings and travel conflicts of the naive implementation', () => {
    const rand = mulberry32(20120206);
    let doubles = 0;
    let travels = 0;
    for (let i = 0; i < 200; i++) {
      const input = randomProgramme(rand);
      const found = detectConflicts(input, { timeZone: 'Europe/Paris', maxOverlapsPerPerson: Infinity });
      const swept = (codes: string[]) => found.filter((c) => codes.includes(c.code)).map((c) => c.key).sort();
      const expectedDoubles = naiveDoubleBookings(input);
      const expectedTravel = naiveTravel(input);
      expect(swept(['SPEAKER_DOUBLE_BOOKED', 'CHAIR_DOUBLE_BOOKED', 'CHAIR_SPEAKING_ELSEWHERE'])).toEqual(expectedDoubles);
      expect(swept(['TRAVEL_TOO_SHORT'])).toEqual(expectedTravel);
      doubles += expectedDoubles.length;
      travels += expectedTravel.length;
    }
    // The random programmes do exercise both rules.
    expect(doubles).toBeGreaterThan(100);
    expect(travels).toBeGreaterThan(20);
  });
});
