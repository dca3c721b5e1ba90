/**
 * Registrations under contention (issue « Participants »): BENCH_REGISTRATIONS public
 * registrations (`POST /api/events/:eventId/registrations`) for one part, sent by
 * BENCH_REGISTRATION_CLIENTS (200) concurrent keep-alive clients, against the same number of plain
 * single-row inserts (`POST /api/bench/insert`: the same body, DTO and validation pipe, one INSERT
 * into a scratch table) with the same clients, in the same application, pool and run. The part holds
 * half of them, so both the admitted and the waiting paths run, all behind the part's row lock.
 * See bench/README.md.
 */
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import type { LockProfile, ScratchTableReply } from './server.js';

export interface RegistrationPhase {
  name: 'inserts' | 'registrations';
  label: string;
  requests: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p97_5: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** SQL statements one request sends, measured alone before the load. */
  queriesPerRequest: number;
}

export interface RegistrationReport {
  measured: boolean;
  reason?: string;
  note?: string;
  clients?: number;
  requests?: number;
  capacity?: number;
  inserts?: RegistrationPhase;
  registrations?: RegistrationPhase;
  /** registrations/s ÷ inserts/s. */
  ratio?: number;
  /** What the part holds afterwards: admitted must equal the capacity, admitted + waiting the requests. */
  check?: { admitted: number; waiting: number; ok: boolean };
  /** How long each registration held the part's row lock (server process, TypeORM afterQuery). */
  lock?: Omit<LockProfile, 'type'>;
}

export interface RegistrationBenchContext {
  child: ChildProcess;
  base: string;
  admin: { email: string; password: string };
  /** A database the bench owns (throwaway on the server, or the embedded engine in memory). */
  disposable: boolean;
  embedded: boolean;
  /** SQL statements the application has sent so far. */
  queryCount(): Promise<number>;
  requests: number;
  clients: number;
}

function ask<T extends { type: string }>(child: ChildProcess, message: unknown, types: string[], what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within 60 s`)), 60_000);
    const onMessage = (reply: T) => {
      if (!types.includes(reply?.type)) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(reply);
    };
    child.on('message', onMessage);
    child.send(message as object);
  });
}

async function postJson(url: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A registration's body: the same for both routes, a fresh email each time. */
const bodyFor = (email: string, part: string) => JSON.stringify({ firstName: 'Zoë', lastName: 'Lefèvre', email, category: 'researcher', parts: [part] });

/**
 * Sends `amount` requests from `clients` connections; `lastResponseAt` is when the last answer came
 * (performance.now()). autocannon itself only notices that it is done at its next one-second sample,
 * so timing its promise would round every run up to whole seconds (6,000 requests: 1,200, 1,000,
 * 857 or 750 a second and nothing between).
 */
async function load(url: string, amount: number, clients: number, emailPrefix: string, part: string, title: string) {
  let n = 0;
  let lastResponseAt = 0;
  // the promise autocannon answers is its tracker, an EventEmitter (the types in autocannon.d.ts leave that out)
  const instance = autocannon({
    url,
    connections: clients,
    amount,
    title,
    timeout: 60,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodyFor(`${emailPrefix}${++n}@bench.example.org`, part) }),
      },
    ],
  }) as Promise<autocannon.Result> & { on(event: 'response', listener: () => void): unknown };
  instance.on('response', () => {
    lastResponseAt = performance.now();
  });
  const result = await instance;
  return { result, lastResponseAt };
}

async function phase(ctx: RegistrationBenchContext, name: RegistrationPhase['name'], label: string, url: string, part: string, runId: string): Promise<RegistrationPhase> {
  // one request alone, three times, to count its statements (the fewest: the outbox worker polls now and then); into the warm-up part
  const samples: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const before = await ctx.queryCount();
    const alone = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodyFor(`${runId}-${name}-alone${i}@bench.example.org`, 'echauffement') });
    await alone.arrayBuffer();
    samples.push((await ctx.queryCount()) - before);
    if (alone.status !== 201) throw new Error(`${label} answered ${alone.status} before the run`);
  }
  const queriesPerRequest = Math.min(...samples);
  process.stdout.write(`  ${label}: ${ctx.requests} requests, ${ctx.clients} clients … `);
  const started = performance.now();
  const { result: r, lastResponseAt } = await load(url, ctx.requests, ctx.clients, `${runId}-${name}-`, part, name);
  const seconds = ((lastResponseAt || performance.now()) - started) / 1000;
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]));
  const result: RegistrationPhase = {
    name,
    label,
    requests: r.requests.total,
    seconds,
    perSecond: r.requests.total / seconds,
    latencyMs: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, average: r.latency.average, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
    queriesPerRequest,
  };
  console.log(`${Math.round(result.perSecond)} /s (${result.seconds.toFixed(1)} s)`);
  return result;
}

export async function runRegistrationBench(ctx: RegistrationBenchContext): Promise<RegistrationReport> {
  if (ctx.requests === 0) return { measured: false, reason: 'BENCH_REGISTRATIONS=0' };
  if (!ctx.disposable) {
    const reason = 'the bench is not running in a database of its own: no fictitious registrations or scratch table written';
    console.warn(`\n! Registrations skipped: ${reason}.\n`);
    return { measured: false, reason };
  }
  const created = await ask<ScratchTableReply>(ctx.child, { type: 'create-scratch-table' }, ['scratch-table-created', 'scratch-table-failed'], 'creating the scratch table');
  if (created.type === 'scratch-table-failed') throw new Error(`creating the scratch table failed: ${created.error}`);
  const login = await postJson(`${ctx.base}/api/auth/login`, ctx.admin);
  const token = login.body.accessToken as string | undefined;
  if (login.status !== 200 || !token) throw new Error(`cannot log in as ${ctx.admin.email} to create the registrations' event (${login.status})`);
  const event = await postJson(
    `${ctx.base}/api/events`,
    { slug: 'benchreg', nameFr: 'Inscriptions du banc d’essai', themeFr: 'Données fictives créées par npm run bench', startDate: '2030-02-06', endDate: '2030-02-07' },
    token,
  );
  if (event.status !== 201) throw new Error(`POST /api/events answered ${event.status}: ${JSON.stringify(event.body).slice(0, 300)}`);
  const eventId = event.body.id as string;
  const capacity = Math.max(1, Math.floor(ctx.requests / 2));
  const warmupCount = Math.min(ctx.requests, 2 * ctx.clients);
  const makePart = async (code: string, seats: number) => {
    const part = await postJson(`${ctx.base}/api/events/${eventId}/parts`, { code, nameFr: `Atelier ${code}`, kind: 'workshop', admission: 'sign-up', capacity: seats }, token);
    if (part.status !== 201) throw new Error(`POST …/parts answered ${part.status}: ${JSON.stringify(part.body).slice(0, 300)}`);
    return part.body.id as string;
  };
  await makePart('echauffement', Math.max(1, Math.floor(warmupCount / 2)));
  const partId = await makePart('atelier-banc', capacity);
  const registrationsUrl = `${ctx.base}/api/events/${eventId}/registrations`;
  const insertsUrl = `${ctx.base}/api/bench/insert`;
  const runId = `b${Date.now().toString(36)}`;

  console.log(`\nRegistrations under contention: one part of ${capacity} seats, ${ctx.requests} registrations and as many plain inserts, ${ctx.clients} concurrent clients`);
  if (ctx.embedded) console.log('  (embedded engine: one connection, so every request waits its turn; the contention numbers only mean something on a server)');
  // warm-up: both routes, the registrations into a part of their own
  await load(insertsUrl, warmupCount, ctx.clients, `${runId}-warm-i-`, 'echauffement', 'warm-up');
  await load(registrationsUrl, warmupCount, ctx.clients, `${runId}-warm-r-`, 'echauffement', 'warm-up');

  const inserts = await phase(ctx, 'inserts', 'POST /api/bench/insert (one INSERT)', insertsUrl, 'atelier-banc', runId);
  ctx.child.send({ type: 'lock-profile-start' });
  const registrations = await phase(ctx, 'registrations', 'POST /api/events/:id/registrations (one part)', registrationsUrl, 'atelier-banc', runId);
  const profile = await ask<LockProfile>(ctx.child, { type: 'lock-profile-read' }, ['lock-profile'], 'reading the lock profile');
  const { type: _type, ...lock } = profile;

  const counts = await fetch(`${ctx.base}/api/parts/${partId}`, { headers: { authorization: `Bearer ${token}` } });
  const part = (await counts.json()) as { admitted: number; waiting: number };
  const check = { admitted: part.admitted, waiting: part.waiting, ok: part.admitted === capacity && part.admitted + part.waiting === registrations.requests };
  return {
    measured: true,
    note: ctx.embedded ? 'embedded engine (one connection): the contention numbers only mean something on a server' : undefined,
    clients: ctx.clients,
    requests: ctx.requests,
    capacity,
    inserts,
    registrations,
    ratio: registrations.perSecond / inserts.perSecond,
    check,
    lock,
  };
}
