/**
 * Conflict detection on a synthetic programme (no database): 3,000 talks in 400 sessions, 40 rooms,
 * 3 venues and 1,500 people at 1×, measured at 1×, 2× and 4× that size. Growth ratios are printed
 * next to what n log n and n² would predict. Part of `npm run bench`; alone:
 * `npm run build && npx tsc -p bench/tsconfig.json && node dist/bench/conflicts.js`.
 * BENCH_CONFLICT_RUNS (default 15): measured runs per size, after warm-up; the median is reported.
 */
import { fileURLToPath } from 'node:url';
import {
  type ProgrammeInput,
  type ProgrammeSession,
  type ProgrammeTalk,
  type TravelTime,
  type Unavailability,
  type UnplacedProposal,
  type ProgrammeRoom,
  type ProgrammeVenue,
  detectConflicts,
} from '../src/programme/conflicts.js';

export interface ConflictBenchRow {
  scale: number;
  talks: number;
  sessions: number;
  rooms: number;
  venues: number;
  people: number;
  /** Talks + sessions + commitments (speakers of talks, chairs): the n of the growth ratios. */
  items: number;
  conflicts: number;
  conflictsByCode: Record<string, number>;
  medianMs: number;
  runsMs: number[];
}

export interface ConflictBenchReport {
  rows: ConflictBenchRow[];
  /** t(2×)/t(1×) and t(4×)/t(2×), with what n log n and n² predict for the same item counts. */
  growth: Array<{ from: number; to: number; measured: number; nLogN: number; nSquared: number }>;
  /** One person speaking in 10,000 simultaneous talks (overlapping pairs capped per person). */
  pathological: { talks: number; conflicts: number; medianMs: number };
}

const RUNS = Math.max(1, Number(process.env.BENCH_CONFLICT_RUNS ?? 15) || 15);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** 2012-02-06 00:00 UTC. */
const DAY0 = Date.UTC(2012, 1, 6);
/** Session slots in a day (UTC hours): four in the day, one in the evening. */
const SLOTS = [7, 9.25, 12.5, 14.75, 17];
const SESSION_MINUTES = 120;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A two-day programme at `scale` × (3,000 talks, 400 sessions, 40 rooms, 3 venues, 1,500 people). */
export function syntheticProgramme(scale: number, seed = 2012): ProgrammeInput {
  const rand = mulberry32(seed + scale);
  const int = (n: number) => Math.floor(rand() * n);
  const nVenues = 3 * scale;
  const nRooms = 40 * scale;
  const nSessions = 400 * scale;
  const nTalks = 3000 * scale;
  const nPeople = 1500 * scale;
  const person = () => `person-${int(nPeople)}`;

  const venues: ProgrammeVenue[] = [];
  const travelTimes: TravelTime[] = [];
  for (let v = 0; v < nVenues; v++) {
    const openings = [0, 1].map((d) => ({ opensAt: new Date(DAY0 + d * DAY + 7 * 60 * MIN), closesAt: new Date(DAY0 + d * DAY + 18.5 * 60 * MIN) }));
    venues.push({ id: `venue-${v}`, name: `Venue ${v}`, openings: v % 3 === 2 ? [] : openings });
    // Travel times known within each group of three venues (the CNRS, Espace Cardin, a hotel).
    if (v % 3 !== 0) travelTimes.push({ venueAId: `venue-${v - 1}`, venueBId: `venue-${v}`, minutes: 10 + int(30) });
    if (v % 3 === 2) travelTimes.push({ venueAId: `venue-${v - 2}`, venueBId: `venue-${v}`, minutes: 15 + int(30) });
  }
  const rooms: ProgrammeRoom[] = Array.from({ length: nRooms }, (_, r) => ({ id: `room-${r}`, venueId: `venue-${r % nVenues}`, capacity: 30 + int(300) }));

  // Ten sessions a room: five slots on each of two days.
  const sessions: ProgrammeSession[] = [];
  for (let i = 0; i < nSessions; i++) {
    const room = rooms[i % nRooms];
    const slot = Math.floor(i / nRooms);
    const start = DAY0 + Math.floor(slot / SLOTS.length) * DAY + SLOTS[slot % SLOTS.length] * 60 * MIN;
    sessions.push({
      id: `session-${i}`,
      roomId: room.id,
      venueId: room.venueId,
      startsAt: new Date(start),
      endsAt: new Date(start + SESSION_MINUTES * MIN),
      kind: 'plenary',
      chairIds: rand() < 0.3 ? [person(), person()] : [person()],
      expectedAttendance: 20 + int(300),
      title: `Session ${i}`,
    });
  }

  // 7.5 talks a session on average, 15 minutes each, one or two speakers.
  const talks: ProgrammeTalk[] = [];
  const perSession = new Array<number>(nSessions).fill(0);
  for (let t = 0; t < nTalks; t++) {
    const s = t < nSessions * 7 ? t % nSessions : int(nSessions);
    const order = perSession[s]++;
    const start = sessions[s].startsAt.getTime() + order * 15 * MIN;
    talks.push({
      id: `talk-${t}`,
      sessionId: sessions[s].id,
      startsAt: new Date(start),
      endsAt: new Date(start + 15 * MIN),
      speakerIds: rand() < 0.25 ? [person(), person()] : [person()],
      proposalState: rand() < 0.9 ? 'confirmed' : 'accepted',
      proposalId: `proposal-${t}`,
      title: `Talk ${t}`,
    });
  }

  const unavailabilities: Unavailability[] = [];
  for (let p = 0; p < nPeople; p++) {
    if (rand() >= 0.2) continue;
    const start = DAY0 + int(2) * DAY + (7 + int(10)) * 60 * MIN;
    unavailabilities.push({ personId: `person-${p}`, startsAt: new Date(start), endsAt: new Date(start + (1 + int(3)) * 60 * MIN) });
  }
  const unplacedProposals: UnplacedProposal[] = Array.from({ length: 100 * scale }, (_, i) => ({ id: `unplaced-${i}`, title: `Proposal ${i}`, speakerIds: [person()] }));
  return { sessions, talks, rooms, venues, travelTimes, unavailabilities, unplacedProposals };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function itemCount(input: ProgrammeInput): number {
  const commitments =
    input.talks.reduce((n, t) => n + t.speakerIds.length, 0) + input.sessions.reduce((n, s) => n + s.chairIds.length + (s.speakerIds?.length ?? 0), 0);
  return input.talks.length + input.sessions.length + commitments;
}

function measure(scale: number): ConflictBenchRow {
  const input = syntheticProgramme(scale);
  const run = () => detectConflicts(input, { timeZone: 'Europe/Paris' });
  run(); // warm-up at this size
  const runsMs: number[] = [];
  let conflicts = run();
  // Each sample repeats the detection so that it covers the same work at every size (8 runs at 1×,
  // 4 at 2×, 2 at 4×), which evens out garbage collection pauses; the time of one run is reported.
  const reps = Math.max(1, Math.round(8 / scale));
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) conflicts = run();
    runsMs.push(Number(process.hrtime.bigint() - t0) / 1e6 / reps);
  }
  const conflictsByCode: Record<string, number> = {};
  for (const c of conflicts) conflictsByCode[c.code] = (conflictsByCode[c.code] ?? 0) + 1;
  return {
    scale,
    talks: input.talks.length,
    sessions: input.sessions.length,
    rooms: input.rooms.length,
    venues: input.venues.length,
    people: 1500 * scale,
    items: itemCount(input),
    conflicts: conflicts.length,
    conflictsByCode,
    medianMs: median(runsMs),
    runsMs,
  };
}

/** One person in 10,000 talks, all at once, in 10,000 sessions: the cap keeps it n log n. */
function measurePathological(): ConflictBenchReport['pathological'] {
  const n = 10_000;
  const start = DAY0 + 8 * 60 * MIN;
  const sessions: ProgrammeSession[] = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    roomId: `r${i}`,
    venueId: 'v',
    startsAt: new Date(start),
    endsAt: new Date(start + 60 * MIN),
    kind: 'plenary',
    chairIds: [],
  }));
  const talks: ProgrammeTalk[] = sessions.map((s, i) => ({
    id: `t${i}`,
    sessionId: s.id,
    startsAt: s.startsAt,
    endsAt: new Date(start + (30 + (i % 30)) * MIN),
    speakerIds: ['one-person'],
    proposalState: 'confirmed',
  }));
  const input: ProgrammeInput = { sessions, talks, rooms: [], venues: [], travelTimes: [], unavailabilities: [], unplacedProposals: [] };
  const run = () => detectConflicts(input, { timeZone: 'Europe/Paris' });
  let conflicts = run();
  const runsMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    conflicts = run();
    runsMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { talks: n, conflicts: conflicts.length, medianMs: median(runsMs) };
}

/** Measures 1×, 2× and 4× (after a warm-up at 1×) and prints the table. */
export function runConflictBench(): ConflictBenchReport {
  for (let i = 0; i < 3; i++) detectConflicts(syntheticProgramme(1), { timeZone: 'Europe/Paris' });
  const rows = [1, 2, 4].map(measure);
  const growth = [0, 1].map((i) => {
    const [a, b] = [rows[i], rows[i + 1]];
    const r = b.items / a.items;
    return {
      from: a.scale,
      to: b.scale,
      measured: b.medianMs / a.medianMs,
      nLogN: (r * Math.log(b.items)) / Math.log(a.items),
      nSquared: r * r,
    };
  });
  const report = { rows, growth, pathological: measurePathological() };
  printConflictBench(report);
  return report;
}

export function printConflictBench(report: ConflictBenchReport): void {
  console.log(`\nConflict detection (pure function, no database; median of ${RUNS} samples after warm-up):`);
  const header = ['size', 'talks', 'sessions', 'rooms', 'venues', 'people', 'items (n)', 'conflicts', 'median ms'];
  const lines = report.rows.map((r) => [`${r.scale}×`, r.talks, r.sessions, r.rooms, r.venues, r.people, r.items, r.conflicts, r.medianMs.toFixed(1)].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(`${row(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const l of lines) console.log(row(l));
  for (const g of report.growth) {
    console.log(
      `  t(${g.to}×)/t(${g.from}×) = ${g.measured.toFixed(2)}  (n log n predicts ${g.nLogN.toFixed(2)}, n² predicts ${g.nSquared.toFixed(2)})`,
    );
  }
  const p = report.pathological;
  console.log(`  One person in ${p.talks} simultaneous talks: ${p.medianMs.toFixed(1)} ms, ${p.conflicts} conflicts (overlapping pairs capped at 200 a person)`);
  const byCode = report.rows[0].conflictsByCode;
  console.log(`  Conflicts at 1×: ${Object.entries(byCode).map(([code, n]) => `${code} ${n}`).join(', ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runConflictBench();
