/**
 * Check-in latency (issue « Badges and the reception desk »): BENCH_CHECKINS participants (default
 * 2,000 on a server, 500 on the embedded engine; 0 skips) imported into the seeded colloquium and
 * admitted to a part of their own, then scanned by BENCH_CHECKIN_SCANNERS (50) concurrent scanners
 * through `POST /api/check-ins {token, part, nonce}` as a reception account: 100 badges by one
 * scanner alone (a scan's own latency), then 50 desks each scanning one badge every two seconds (25 scans
 * a second sent on schedule, open loop, 10 s), then every other badge once (201, a check-in written), then every badge again (200 « already checked in », nothing written), then
 * each badge of a second set scanned twice at the same moment (the race UQ_check_ins_once settles).
 * Latency is measured per request in this process (request sent to body read, keep-alive fetch),
 * p50/p90/p99/max per phase; afterwards the live stats must count exactly one check-in per badge.
 * See bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { json, send, pool, percentile } from './http.js';

/** The open-loop phase (issue 16): 50 desks scanning one badge every two seconds each, for 10 s. */
const OPEN_LOOP_DESKS = 50;
const OPEN_LOOP_RATE = OPEN_LOOP_DESKS / 2;
const OPEN_LOOP_SECONDS = 10;

export interface CheckInBenchContext {
  base: string;
  admin: { email: string; password: string };
  /** A database the bench owns (throwaway on the server, or the embedded engine in memory). */
  disposable: boolean;
  participants: number;
  scanners: number;
}

export interface CheckInPhase {
  name: 'alone' | 'open-loop' | 'first-scan' | 'second-scan' | 'double-scan';
  label: string;
  requests: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; average: number; max: number };
  statusCodes: Record<string, number>;
}

export interface CheckInReport {
  measured: boolean;
  reason?: string;
  participants?: number;
  scanners?: number;
  seededSeconds?: number;
  phases?: CheckInPhase[];
  /** From GET /api/events/:eventId/check-ins/stats after the run: one check-in per badge, whatever the scans. */
  check?: { admitted: number; checkedIn: number; expected: number; statusesOk: boolean; ok: boolean };
}

function phase(name: CheckInPhase['name'], label: string, samples: { ms: number; status: number }[], seconds: number): CheckInPhase {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const statusCodes: Record<string, number> = {};
  for (const s of samples) statusCodes[s.status] = (statusCodes[s.status] ?? 0) + 1;
  return {
    name,
    label,
    requests: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    latencyMs: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      average: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
      max: sorted[sorted.length - 1] ?? 0,
    },
    statusCodes,
  };
}

export async function runCheckInBench(ctx: CheckInBenchContext): Promise<CheckInReport> {
  if (ctx.participants === 0) return { measured: false, reason: 'BENCH_CHECKINS=0' };
  if (!ctx.disposable) return { measured: false, reason: 'the database is not the bench’s own (it would get thousands of participants and check-ins)' };
  const admin = (await send(`${ctx.base}/api/auth/login`, 'POST', null, ctx.admin)).body.accessToken as string | undefined;
  if (!admin) throw new Error(`check-ins: cannot log in as ${ctx.admin.email}`);
  const events = await json(await fetch(`${ctx.base}/api/events?slug=vtn2012`));
  const eventId = (events.items as { id: string }[] | undefined)?.[0]?.id;
  if (!eventId) return { measured: false, reason: 'the colloquium (vtn2012) is not seeded' };
  const run = randomBytes(3).toString('hex');

  // a reception account: the desk's staff scan
  const receptionEmail = `reception-${run}@bench.local`;
  const created = await send(`${ctx.base}/api/users`, 'POST', admin, { email: receptionEmail, password: `bench-${run}-password`, roles: ['reception'], displayName: 'Accueil bench' });
  if (created.status !== 201) throw new Error(`check-ins: reception account ${created.status}: ${JSON.stringify(created.body).slice(0, 300)}`);
  const reception = (await send(`${ctx.base}/api/auth/login`, 'POST', null, { email: receptionEmail, password: `bench-${run}-password` })).body.accessToken as string;

  // the part, the participants (one CSV import), their admissions, their tokens
  const t0 = performance.now();
  const code = `bench-${run}`;
  const part = await send(`${ctx.base}/api/events/${eventId}/parts`, 'POST', admin, { code, nameFr: `Accueil bench ${run}`, kind: 'other', admission: 'open' });
  if (part.status !== 201) throw new Error(`check-ins: part ${part.status}: ${JSON.stringify(part.body).slice(0, 300)}`);
  const partId = part.body.id as string;
  const total = ctx.participants;
  const csv = ['Nom,Prénom,Courriel,Catégories', ...Array.from({ length: total }, (_, i) => `Scanné ${i},Hélène,checkin-${run}-${i}@bench.local,researcher`)].join('\r\n');
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'check-ins.csv');
  const imported = await fetch(`${ctx.base}/api/events/${eventId}/participants/import`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
  if (imported.status !== 200 && imported.status !== 201) throw new Error(`check-ins: import ${imported.status}: ${(await imported.text()).slice(0, 300)}`);
  const people: { id: string; badgeToken: string }[] = [];
  for (let page = 1; people.length < total; page++) {
    const res = await send(`${ctx.base}/api/events/${eventId}/desk/participants?q=${encodeURIComponent(`checkin-${run}-`)}&pageSize=100&page=${page}`, 'GET', reception);
    const items = res.body.items as { id: string; badgeToken: string }[] | undefined;
    if (res.status !== 200 || !items?.length) throw new Error(`check-ins: desk search page ${page}: ${res.status}, ${people.length} of ${total} found`);
    people.push(...items);
  }
  await pool(people, 10, async (p) => {
    const res = await send(`${ctx.base}/api/parts/${partId}/admissions`, 'POST', admin, { participantId: p.id });
    if (res.status !== 200 && res.status !== 201) throw new Error(`check-ins: admission ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  });
  const seededSeconds = (performance.now() - t0) / 1000;

  const scan = async (token: string) => {
    const start = performance.now();
    const res = await fetch(`${ctx.base}/api/check-ins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${reception}` },
      body: JSON.stringify({ token, part: code, nonce: `bench-${randomBytes(9).toString('base64url')}` }),
    });
    await res.arrayBuffer();
    return { ms: performance.now() - start, status: res.status };
  };
  const timed = async (tokens: string[]) => {
    const start = performance.now();
    const samples = await pool(tokens, ctx.scanners, scan);
    return { samples, seconds: (performance.now() - start) / 1000 };
  };

  // warm-up (JIT, pool, plans) on a few badges kept out of the measured sets
  const warm = people.slice(0, Math.min(100, Math.floor(total / 10)));
  await pool(warm.map((p) => p.badgeToken), ctx.scanners, scan);
  const aloneSet = people.slice(warm.length, warm.length + Math.min(100, Math.floor(total / 10))).map((p) => p.badgeToken);
  const afterAlone = people.slice(warm.length + aloneSet.length);
  // 50 desks each scanning one badge every two seconds: 25 scans a second, sent on time whatever the answers (open loop), for 10 s
  const openSet = afterAlone.slice(0, Math.min(OPEN_LOOP_RATE * OPEN_LOOP_SECONDS, Math.floor(afterAlone.length / 2))).map((p) => p.badgeToken);
  const rest = afterAlone.slice(openSet.length);
  const half = Math.floor(rest.length * 0.8);
  const main = rest.slice(0, half).map((p) => p.badgeToken);
  const raced = rest.slice(half).map((p) => p.badgeToken);

  const aloneStart = performance.now();
  const aloneSamples = await pool(aloneSet, 1, scan);
  const aloneSeconds = (performance.now() - aloneStart) / 1000;
  const openStart = performance.now();
  const openSamples = await Promise.all(
    openSet.map(async (token, k) => {
      const due = openStart + (k * 1000) / OPEN_LOOP_RATE;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      return scan(token);
    }),
  );
  const openSeconds = (performance.now() - openStart) / 1000;
  const first = await timed(main);
  const second = await timed(main);
  const double = await timed(raced.flatMap((t) => [t, t]));
  const phases = [
    phase('alone', 'one scanner alone (201): one scan’s service time', aloneSamples, aloneSeconds),
    phase('open-loop', `${OPEN_LOOP_DESKS} desks, one scan every 2 s each (${OPEN_LOOP_RATE} scans/s, open loop, 201)`, openSamples, openSeconds),
    phase('first-scan', 'first scan of each badge (201, one row written)', first.samples, first.seconds),
    phase('second-scan', 'the same badges again (200 « already checked in », nothing written)', second.samples, second.seconds),
    phase('double-scan', 'each badge of another set scanned twice at once (one 201, one 200)', double.samples, double.seconds),
  ];

  const stats = await send(`${ctx.base}/api/events/${eventId}/check-ins/stats`, 'GET', reception);
  const line = (stats.body.parts as { partId: string; admitted: number; checkedIn: number }[] | undefined)?.find((p) => p.partId === partId);
  const statusesOk =
    phases[0].statusCodes['201'] === aloneSet.length &&
    phases[1].statusCodes['201'] === openSet.length &&
    phases[2].statusCodes['201'] === main.length &&
    phases[3].statusCodes['200'] === main.length &&
    phases[4].statusCodes['201'] === raced.length &&
    phases[4].statusCodes['200'] === raced.length;
  const check = {
    admitted: line?.admitted ?? -1,
    checkedIn: line?.checkedIn ?? -1,
    expected: total,
    statusesOk,
    ok: statusesOk && line?.admitted === total && line?.checkedIn === total,
  };
  return { measured: true, participants: total, scanners: ctx.scanners, seededSeconds, phases, check };
}
