/**
 * Walk-ins at the reception desk (issue « Badges and the reception desk »: « register a walk-in
 * (name, affiliation, category) and print at once »): BENCH_WALKINS people (default 200 on a
 * server, 50 on the embedded engine; 0 skips) registered without an email by BENCH_WALKIN_DESKS (4)
 * desks at once, each as the page does it: `POST /api/events/:eventId/desk/walk-ins` as a reception
 * account, then `GET /api/participants/:id/badge.pdf` for the badge. First 20 walk-ins at one desk
 * alone (their own latency), then the rest across the desks. Latency is measured per request in this
 * process (request sent to body read), p50/p90/p99/max for the registration, the badge and the two
 * together; afterwards the database must hold exactly one `desk` participant without an email per
 * walk-in, each with one badge print and a seat in today's day part. See bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { json, send, pool, percentile } from './http.js';

export interface WalkInBenchContext {
  base: string;
  admin: { email: string; password: string };
  /** A database the bench owns (throwaway on the server, or the embedded engine in memory). */
  disposable: boolean;
  walkIns: number;
  desks: number;
}

export interface Latency {
  p50: number;
  p90: number;
  p99: number;
  average: number;
  max: number;
}

export interface WalkInPhase {
  name: 'alone' | 'desks';
  label: string;
  walkIns: number;
  seconds: number;
  perSecond: number;
  registerMs: Latency;
  badgeMs: Latency;
  totalMs: Latency;
  badgeBytes: { average: number; max: number };
  statusCodes: Record<string, number>;
}

export interface WalkInReport {
  measured: boolean;
  reason?: string;
  walkIns?: number;
  desks?: number;
  phases?: WalkInPhase[];
  /** Read back from the API afterwards: each walk-in a `desk` participant without an email, printed once, seated today. */
  check?: { found: number; withoutEmail: number; printedOnce: number; seatedToday: number; expected: number; ok: boolean };
}

function latency(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    average: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

interface Sample {
  registerMs: number;
  badgeMs: number;
  status: string;
  bytes: number;
  id: string | null;
}

/** Names as the desk types them: accents, a hyphen, Polish and Greek letters. */
const FIRST = ['Hélène', 'Łucja', 'Jean-Baptiste', 'Zoé', 'Αικατερίνη', 'Ørjan', 'Anaïs', 'Kévin'];
const LAST = ['Dupré', 'Wróblewska', 'de La Rochefoucauld', 'Œuvray', 'Παπαδοπούλου', 'Lefèvre-Müller', 'Ngô', 'Martin'];
const AFFILIATIONS = ['Mairie de Brest', 'Université Toulouse Le Mirail', 'Mairie d’Issy-les-Moulineaux', null];
const CATEGORIES = ['city-representative', 'guest', 'press', 'researcher'];

export async function runWalkInBench(ctx: WalkInBenchContext): Promise<WalkInReport> {
  if (ctx.walkIns === 0) return { measured: false, reason: 'BENCH_WALKINS=0' };
  if (!ctx.disposable) return { measured: false, reason: 'the database is not the bench’s own (it would get hundreds of walk-ins)' };
  const admin = (await send(`${ctx.base}/api/auth/login`, 'POST', null, ctx.admin)).body.accessToken as string | undefined;
  if (!admin) throw new Error(`walk-ins: cannot log in as ${ctx.admin.email}`);
  const events = await json(await fetch(`${ctx.base}/api/events?slug=vtn2012`));
  const eventId = (events.items as { id: string }[] | undefined)?.[0]?.id;
  if (!eventId) return { measured: false, reason: 'the colloquium (vtn2012) is not seeded' };
  const run = randomBytes(3).toString('hex');

  const receptionEmail = `walkin-desk-${run}@bench.local`;
  const created = await send(`${ctx.base}/api/users`, 'POST', admin, { email: receptionEmail, password: `bench-${run}-password`, roles: ['reception'], displayName: 'Accueil bench' });
  if (created.status !== 201) throw new Error(`walk-ins: reception account ${created.status}: ${JSON.stringify(created.body).slice(0, 300)}`);
  const reception = (await send(`${ctx.base}/api/auth/login`, 'POST', null, { email: receptionEmail, password: `bench-${run}-password` })).body.accessToken as string;
  const context = await send(`${ctx.base}/api/events/${eventId}/desk`, 'GET', reception);
  // today's day part exists only during the event: outside it a walk-in is registered without a seat (the check says so)
  const hasDayPart = typeof context.body.todayPartNameFr === 'string';

  const walkIn = async (i: number): Promise<Sample> => {
    const body = {
      firstName: `${FIRST[i % FIRST.length]} ${run}`,
      lastName: `${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`,
      affiliation: AFFILIATIONS[i % AFFILIATIONS.length],
      category: CATEGORIES[i % CATEGORIES.length],
    };
    const t0 = performance.now();
    const res = await send(`${ctx.base}/api/events/${eventId}/desk/walk-ins`, 'POST', reception, body);
    const registerMs = performance.now() - t0;
    if (res.status !== 201) return { registerMs, badgeMs: 0, status: `walk-in ${res.status}`, bytes: 0, id: null };
    const id = res.body.id as string;
    const t1 = performance.now();
    const pdf = await fetch(`${ctx.base}/api/participants/${id}/badge.pdf`, { headers: { authorization: `Bearer ${reception}` } });
    const bytes = Buffer.from(await pdf.arrayBuffer());
    const badgeMs = performance.now() - t1;
    const ok = pdf.status === 200 && bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    return { registerMs, badgeMs, status: ok ? '201+200' : `badge ${pdf.status}`, bytes: bytes.length, id };
  };

  const phase = (name: WalkInPhase['name'], label: string, samples: Sample[], seconds: number): WalkInPhase => {
    const statusCodes: Record<string, number> = {};
    for (const s of samples) statusCodes[s.status] = (statusCodes[s.status] ?? 0) + 1;
    const printed = samples.filter((s) => s.bytes > 0);
    return {
      name,
      label,
      walkIns: samples.length,
      seconds,
      perSecond: samples.length / seconds,
      registerMs: latency(samples.map((s) => s.registerMs)),
      badgeMs: latency(printed.map((s) => s.badgeMs)),
      totalMs: latency(samples.map((s) => s.registerMs + s.badgeMs)),
      badgeBytes: { average: printed.reduce((a, s) => a + s.bytes, 0) / Math.max(1, printed.length), max: Math.max(0, ...printed.map((s) => s.bytes)) },
      statusCodes,
    };
  };

  const aloneCount = Math.min(20, ctx.walkIns);
  const indexes = Array.from({ length: ctx.walkIns }, (_, i) => i);
  let t = performance.now();
  const alone = await pool(indexes.slice(0, aloneCount), 1, walkIn);
  const phases = [phase('alone', 'one desk alone', alone, (performance.now() - t) / 1000)];
  let all = alone;
  if (ctx.walkIns > aloneCount) {
    t = performance.now();
    const desks = await pool(indexes.slice(aloneCount), ctx.desks, walkIn);
    phases.push(phase('desks', `${ctx.desks} desks at once`, desks, (performance.now() - t) / 1000));
    all = [...alone, ...desks];
  }

  // read back through the desk's own search, by id: source desk is seen by the list's row
  const ids = all.flatMap((s) => (s.id ? [s.id] : []));
  const people = await pool(ids, 8, async (id) => {
    const found = await send(`${ctx.base}/api/events/${eventId}/desk/participants?id=${id}`, 'GET', reception);
    return (found.body.items as Array<{ email: string | null; printCount?: number; printed: boolean; parts: Array<{ today: boolean; status: string }> }> | undefined)?.[0] ?? null;
  });
  const found = people.filter((p) => p !== null);
  const withoutEmail = found.filter((p) => p.email === null).length;
  const printedOnce = found.filter((p) => p.printed && (p.printCount === undefined || p.printCount === 1)).length;
  const seatedToday = found.filter((p) => p.parts.some((part) => part.today && part.status === 'admitted')).length;
  const expected = ctx.walkIns;
  const ok = found.length === expected && withoutEmail === expected && printedOnce === expected && (!hasDayPart || seatedToday === expected);
  return { measured: true, walkIns: ctx.walkIns, desks: ctx.desks, phases, check: { found: found.length, withoutEmail, printedOnce, seatedToday, expected, ok } };
}
