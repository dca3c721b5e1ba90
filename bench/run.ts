/**
 * `npm run bench`: first the programme's conflict detection at 1×, 2× and 4× (bench/conflicts.ts, no
 * database), then throughput and latency of GET /api/events/:id against bare routes of the same
 * Nest application on the same database, then the organisers' list of proposals over thousands of
 * fictitious proposals with their reviews, then the public programme of a seeded and published
 * two-day programme with and without If-None-Match, as JSON and as a page (GET /programme/:slug,
 * against the constant route), in one run. See bench/README.md.
 *
 * Settings (environment): BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 20),
 * BENCH_WARMUP (s, default 2), BENCH_DATABASE_URL or DATABASE_URL (a PostgreSQL server: the bench
 * runs in a throwaway database created there; unset: the embedded engine, in memory),
 * BENCH_LOG_LEVEL (pino level of the app under load, default silent), BENCH_SUBMISSIONS (proposals
 * seeded for the listing: default 5000 on a server, 1000 on the embedded engine; 0 skips it),
 * BENCH_REGISTRATIONS (registrations, and as many plain inserts: default 6000 on a server, 600 on the
 * embedded engine; 0 skips them), BENCH_REGISTRATION_CLIENTS (default 200), BENCH_OUTBOX_POLL_MS
 * (the outbox worker of the app under load, default 0: off).
 * BENCH_BADGES (participants printed as badges through POST /api/events/:eventId/badges/print against bare
 * pdfkit drawing the same, bench/badges.ts: default 1000; 0 skips it).
 *
 * BENCH_LABELS (the Label's palmarès, bench/labels.ts: the CSV import of every commune of France in one
 * request, then GET /api/labels/:year/stats on 13 years of labels; default 1, 0 skips it).
 *
 * BENCH_CHECKINS (badges checked in through POST /api/check-ins by concurrent scanners, first scan,
 * second scan and simultaneous double scans, bench/check-ins.ts: default 2000 on a server, 500 on the
 * embedded engine; 0 skips it), BENCH_CHECKIN_SCANNERS (concurrent scanners, default 50).
 *
 * BENCH_CEREMONY (towns of the Label ceremony's palmarès for its running order and certificates,
 * bench/ceremony.ts: default 356, a server only; 0 skips it).
 *
 * BENCH_WALKINS (walk-ins registered without an email at the reception desk and their badge printed
 * at once, POST /api/events/:eventId/desk/walk-ins then GET /api/participants/:id/badge.pdf,
 * bench/walk-ins.ts: default 200 on a server, 50 on the embedded engine; 0 skips it),
 * BENCH_WALKIN_DESKS (desks registering at once, default 4).
 *
 * BENCH_WEBAPP (the web app's researchers' pages, bench/web-app.ts: the gzipped JavaScript they load,
 * and the proposal form's time to interactive in headless Chromium, median of this many runs:
 * default 7; 0 skips it). The JavaScript budgets of the researchers' and the organisers' pages (bench/js-budgets.ts)
 * are printed with it, from dist/web (no browser).
 *
 * BENCH_GRID (the organisers' programme grid with 400 sessions and 3,000 talks, bench/programme-grid.ts:
 * runs of its time to interactive in headless Chromium, default 5; 0 skips the grid), BENCH_GRID_MOVES
 * (keyboard moves whose round trip is measured, default 40; 0 skips them).
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { runBadgeBench, type BadgeReport } from './badges.js';
import { runCheckInBench, type CheckInReport } from './check-ins.js';
import { runCeremonyBench, type CeremonyReport } from './ceremony.js';
import { runConflictBench } from './conflicts.js';
import { runLabelsBench, type LabelsReport } from './labels.js';
import { runRegistrationBench, type RegistrationReport } from './registrations.js';
import { runWalkInBench, type WalkInReport } from './walk-ins.js';
import { printWebApp, runWebAppBench } from './web-app.js';
import { measureBudgets, printBudgets } from './js-budgets.js';
import { printGrid, runGridBench } from './programme-grid.js';
import { findWrk, runWrk } from './wrk.js';
import { DataSource } from 'typeorm';
import type { SeededSubmissions } from './seed-submissions.js';
import type { SeededProgramme } from './seed-programme.js';
import type { CpuTime, QueryCount, SeedProgrammeReply, SeedSubmissionsReply, ServerReady } from './server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS_DIR = join(ROOT, 'bench', 'results');
const SERVER_SCRIPT = fileURLToPath(new URL('./server.js', import.meta.url));

function intSetting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number between ${min} and ${max}`);
  return value;
}

const DURATION = intSetting('BENCH_DURATION', 10, 1, 600);
const CONNECTIONS = intSetting('BENCH_CONNECTIONS', 20, 1, 1000);
const WARMUP = intSetting('BENCH_WARMUP', 2, 0, 60);
/**
 * What loads the read routes: wrk when installed (bench/wrk.ts: it reads a 30 KB answer for far less
 * CPU than autocannon, which shares the two cores with the application), else autocannon.
 * BENCH_LOAD_GENERATOR=autocannon forces the latter.
 */
const LOAD_GENERATOR: { name: 'wrk'; path: string } | { name: 'autocannon' } = (() => {
  const asked = process.env.BENCH_LOAD_GENERATOR?.trim() || '';
  if (asked && asked !== 'wrk' && asked !== 'autocannon') throw new Error('BENCH_LOAD_GENERATOR must be wrk or autocannon');
  const wrk = asked === 'autocannon' ? null : findWrk();
  if (asked === 'wrk' && !wrk) throw new Error('BENCH_LOAD_GENERATOR=wrk, but no wrk on the PATH (Debian: apt-get install wrk)');
  return wrk ? { name: 'wrk', path: wrk } : { name: 'autocannon' };
})();
const SERVER_URL = process.env.BENCH_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim() || null;
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL?.trim() || 'silent';
const DATA_DIR = process.env.BENCH_DATA_DIR?.trim() || ':memory:';
/** Proposals seeded for the listing: the issue asks for 5,000 on a server; the one-connection embedded engine gets fewer. */
const SUBMISSIONS = intSetting('BENCH_SUBMISSIONS', SERVER_URL ? 5000 : 1000, 0, 100_000);
/** Registrations under contention (bench/registrations.ts): how many, and how many clients at once. */
const REGISTRATIONS = intSetting('BENCH_REGISTRATIONS', SERVER_URL ? 6000 : 600, 0, 1_000_000);
const REGISTRATION_CLIENTS = intSetting('BENCH_REGISTRATION_CLIENTS', 200, 1, 1000);
/** Towns of the ceremony's palmarès (bench/ceremony.ts; a server only): 356 as in 2012. */
const CEREMONY_TOWNS = intSetting('BENCH_CEREMONY', 356, 0, 40_000);
/** Badges checked in (bench/check-ins.ts), and how many scanners at once. */
const CHECKINS = intSetting('BENCH_CHECKINS', SERVER_URL ? 2000 : 500, 0, 100_000);
const CHECKIN_SCANNERS = intSetting('BENCH_CHECKIN_SCANNERS', 50, 1, 1000);
/** Walk-ins registered without an email and printed at once (bench/walk-ins.ts), and how many desks at once. */
const WALKINS = intSetting('BENCH_WALKINS', SERVER_URL ? 200 : 50, 0, 10_000);
const WALKIN_DESKS = intSetting('BENCH_WALKIN_DESKS', 4, 1, 100);
/** Runs of the proposal form's time to interactive in Chromium (bench/web-app.ts); 0 skips the web app's part. */
const WEBAPP_RUNS = intSetting('BENCH_WEBAPP', 7, 0, 100);
/** Runs of the programme grid's time to interactive (bench/programme-grid.ts; 0 skips the grid), and moves measured. */
const GRID_RUNS = intSetting('BENCH_GRID', 5, 0, 100);
const GRID_MOVES = intSetting('BENCH_GRID_MOVES', 40, 0, 1000);
/** Badges printed in one job (bench/badges.ts), against bare pdfkit drawing as many. */
const BADGES = intSetting('BENCH_BADGES', 1000, 0, 20_000);
/** The Label's palmarès (bench/labels.ts): 1 measures it, 0 skips it. */
const LABELS = intSetting('BENCH_LABELS', 1, 0, 1);
/** The programme page's throughput goal, as a share of the constant route's (issue 12). */
const PAGE_GOAL = 0.7;
/** Page sizes whose SQL statement counts must be equal (no N+1). */
const SMALL_PAGE = 10;
const LARGE_PAGE = 50;

interface RouteResult {
  name: string;
  label: string;
  path: string;
  requestsPerSecond: number;
  totalRequests: number;
  latencyMs: { p50: number; p97_5: number; p99: number; average: number; max: number };
  bytesPerResponse: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** SQL statements sent for one request (measured alone, before the load). */
  queriesPerRequest: number;
  /**
   * CPU time the application process spent per request during the measured run (user + system, µs):
   * what the route costs the server, whatever the load generator's own work (autocannon decodes every
   * body to a string) and the other processes of the machine take.
   */
  serverCpuMicrosPerRequest: number;
}

/** The organisers' list of proposals: what was seeded, and the SQL a page costs at two sizes. */
interface ListingReport {
  measured: boolean;
  reason?: string;
  seeded?: SeededSubmissions;
  /** SQL statements for one page, per route, at SMALL_PAGE and LARGE_PAGE (auth guard included). */
  queriesPerPage?: Record<string, { [pageSize: string]: number }>;
  queriesConstant?: boolean;
}

interface EventTarget {
  id: string;
  slug: string;
  source: 'seeded' | 'existing' | 'created by the bench';
}

/** The body as sent (no decompression): node:http, not fetch. */
function rawBody(url: string, headers: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, init);
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: res.status, body: text };
  }
}

function firstItem(body: unknown): { id: string; slug: string } | null {
  const items = (body as { items?: Array<{ id?: unknown; slug?: unknown }> } | null)?.items;
  const item = Array.isArray(items) ? items.find((i) => typeof i.id === 'string') : undefined;
  return item ? { id: item.id as string, slug: String(item.slug) } : null;
}

/** Runs one statement on the server (through TypeORM, which the project already types). */
async function onServer(url: string, sql: string): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url, extra: { max: 1 } });
  await ds.initialize();
  try {
    await ds.query(sql);
  } finally {
    await ds.destroy();
  }
}

/** A throwaway database on the server, so the bench sees a fresh, seeded schema and leaves nothing. */
async function createThrowawayDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> } | null> {
  const name = `bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  try {
    await onServer(baseUrl, `CREATE DATABASE "${name}"`);
  } catch (error) {
    const e = error as { code?: string; driverError?: { code?: string } };
    if ((e.driverError?.code ?? e.code) === '42501') {
      console.warn('! no CREATEDB privilege: benchmarking the database of the URL itself (migrations and seed apply to it)');
      return null;
    }
    throw error;
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

function startServer(env: NodeJS.ProcessEnv): { child: ChildProcess; ready: Promise<ServerReady> } {
  // stdout (pino's request log when BENCH_LOG_LEVEL is not silent) is discarded; errors stay visible.
  const child = fork(SERVER_SCRIPT, [], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: ['--enable-source-maps'] });
  const ready = new Promise<ServerReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the application did not start within 120 s')), 120_000);
    child.on('message', (message: ServerReady) => {
      if (message?.type === 'ready') {
        clearTimeout(timer);
        resolve(message);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the application exited during start-up (code ${code})`));
    });
  });
  return { child, ready };
}

/** SQL statements the application has sent so far (asked over IPC). */
function queryCount(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer to count')), 5_000);
    const onMessage = (message: QueryCount) => {
      if (message?.type !== 'count') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message.queries);
    };
    child.on('message', onMessage);
    child.send('count');
  });
}

/** The application process's CPU time since start-up, µs (user + system). */
function serverCpu(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer to cpu')), 5_000);
    const onMessage = (message: CpuTime) => {
      if (message?.type !== 'cpu') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message.micros);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

/** Statements one request costs: the count before and after one request, nothing else running. */
async function queriesPerRequest(child: ChildProcess, url: string, headers: Record<string, string> = {}): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const before = await queryCount(child);
    await (await fetch(url, { headers })).arrayBuffer();
    samples.push((await queryCount(child)) - before);
  }
  return Math.min(...samples);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send('stop');
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The event to request: the seeded colloquium (slug vtn2012) when the seed has loaded it, else any
 * event, else one created through the API as the organiser.
 */
async function findOrCreateEvent(base: string, admin: { email: string; password: string }): Promise<EventTarget | string> {
  const bySlug = await getJson(`${base}/api/events?slug=vtn2012&pageSize=1`);
  if (bySlug.status === 404) return 'GET /api/events answers 404: the events API is not there';
  const seeded = bySlug.status === 200 ? firstItem(bySlug.body) : null;
  if (seeded?.slug === 'vtn2012') return { ...seeded, source: 'seeded' };
  const any = await getJson(`${base}/api/events?pageSize=1`);
  const existing = any.status === 200 ? firstItem(any.body) : null;
  if (existing) return { ...existing, source: 'existing' };

  const login = await getJson(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const token = (login.body as { accessToken?: string }).accessToken;
  if (login.status !== 200 || !token) return `no event, and cannot log in as ${admin.email} to create one (${login.status})`;
  const created = await getJson(`${base}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      slug: 'benchevent',
      kind: 'colloquium',
      nameFr: 'Événement du banc d’essai',
      nameEn: 'Benchmark event',
      themeFr: 'Données fictives créées par npm run bench',
      timeZone: 'Europe/Paris',
      startDate: '2012-02-06',
      endDate: '2012-02-07',
      website: 'https://example.org',
      contactEmail: 'bench@example.org',
    }),
  });
  const id = (created.body as { id?: string }).id;
  if (created.status !== 201 || !id) return `no event, and POST /api/events answered ${created.status}: ${JSON.stringify(created.body)}`;
  return { id, slug: 'benchevent', source: 'created by the bench' };
}

/** Asks the application process to seed the proposals (bench/seed-submissions.ts). */
function seedInServer(child: ChildProcess, count: number): Promise<SeededSubmissions> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('seeding the proposals took more than 120 s')), 120_000);
    const onMessage = (message: SeedSubmissionsReply) => {
      if (message?.type !== 'seeded' && message?.type !== 'seed-failed') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      if (message.type === 'seeded') resolve(message.result);
      else reject(new Error(`seeding the proposals failed: ${message.error}`));
    };
    child.on('message', onMessage);
    child.send({ type: 'seed-submissions', count });
  });
}

/** What one load generator measured on a route: the part of RouteResult that does not come from the server. */
type Load = Omit<RouteResult, 'name' | 'label' | 'path' | 'queriesPerRequest' | 'serverCpuMicrosPerRequest'>;

/** `seconds` of autocannon on `url`; with an expected status (304), every other answer counts as a failure. */
async function loadWithAutocannon(url: string, headers: Record<string, string>, seconds: number, expectStatus?: number): Promise<Load> {
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]));
  return {
    requestsPerSecond: r.requests.average,
    totalRequests: r.requests.total,
    latencyMs: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, average: r.latency.average, max: r.latency.max },
    bytesPerResponse: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
    non2xx: expectStatus ? r.requests.total - (statusCodes[String(expectStatus)] ?? 0) : r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
  };
}

/**
 * `seconds` of wrk on `url` (bench/wrk.ts). wrk does not count answers per status: the status is
 * checked on a request made just before the run, with the same headers (the routes answer the same
 * to every one of them), and wrk counts every answer of 400 or more and every socket error.
 */
async function loadWithWrk(wrk: string, url: string, headers: Record<string, string>, seconds: number, expectStatus?: number): Promise<Load> {
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  const statusOk = expectStatus ? res.status === expectStatus : res.ok;
  const r = await runWrk(wrk, url, headers, CONNECTIONS, seconds);
  return {
    requestsPerSecond: r.requestsPerSecond,
    totalRequests: r.totalRequests,
    // wrk reports 50/75/90/99 %: p97.5 is not measured
    latencyMs: { p50: r.latencyMs.p50, p97_5: Number.NaN, p99: r.latencyMs.p99, average: r.latencyMs.average, max: r.latencyMs.max },
    bytesPerResponse: r.bytesPerResponse,
    non2xx: statusOk ? r.non2xx3xx : r.totalRequests,
    errors: r.socketErrors,
    timeouts: r.timeouts,
    statusCodes: { [String(res.status)]: statusOk ? r.totalRequests - r.non2xx3xx : 0 },
  };
}

async function measure(
  child: ChildProcess,
  base: string,
  name: string,
  label: string,
  path: string,
  headers: Record<string, string> = {},
  expectStatus?: number,
): Promise<RouteResult> {
  const url = `${base}${path}`;
  const perRequest = await queriesPerRequest(child, url, headers);
  const load = (seconds: number) =>
    LOAD_GENERATOR.name === 'wrk' ? loadWithWrk(LOAD_GENERATOR.path, url, headers, seconds, expectStatus) : loadWithAutocannon(url, headers, seconds, expectStatus);
  if (WARMUP > 0) await load(WARMUP);
  process.stdout.write(`  ${label}: ${DURATION} s, ${CONNECTIONS} connections (${LOAD_GENERATOR.name}) … `);
  const cpuBefore = await serverCpu(child);
  const measured = await load(DURATION);
  const cpuMicros = (await serverCpu(child)) - cpuBefore;
  const result: RouteResult = {
    name,
    label,
    path,
    ...measured,
    queriesPerRequest: perRequest,
    serverCpuMicrosPerRequest: measured.totalRequests ? cpuMicros / measured.totalRequests : 0,
  };
  console.log(`${Math.round(result.requestsPerSecond)} req/s`);
  return result;
}

const fmt = (n: number, digits = 1) => (Number.isNaN(n) ? '—' : n.toFixed(digits));

function printTable(rows: RouteResult[]): void {
  const header = ['route', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'avg ms', 'max ms', 'bytes/resp', 'SQL/req', 'server CPU µs/req', 'non-2xx', 'errors'];
  const lines = rows.map((r) => [
    r.label,
    fmt(r.requestsPerSecond, 0),
    fmt(r.latencyMs.p50),
    fmt(r.latencyMs.p97_5),
    fmt(r.latencyMs.p99),
    fmt(r.latencyMs.average, 2),
    fmt(r.latencyMs.max),
    String(r.bytesPerResponse),
    String(r.queriesPerRequest),
    fmt(r.serverCpuMicrosPerRequest, 0),
    String(r.non2xx),
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${row(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const l of lines) console.log(row(l));
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

interface PlannedRoute {
  name: string;
  label: string;
  path: string;
  headers?: Record<string, string>;
  /** The status every answer must have (default: any 2xx). */
  expectStatus?: number;
}

interface ProgrammeReport {
  measured: boolean;
  reason?: string;
  seeded?: SeededProgramme;
  version?: number;
  etag?: string;
  bytes?: number;
  /** The same as sent to a client that accepts gzip, or brotli. */
  gzipBytes?: number;
  brBytes?: number;
  /** The programme page (GET /programme/:slug): its path, ETag and size. */
  page?: { path: string; etag: string; bytes: number };
}

/** Asks the application process to seed the fictitious programme (bench/seed-programme.ts). */
function seedProgrammeInServer(child: ChildProcess): Promise<SeededProgramme> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('seeding the programme took more than 120 s')), 120_000);
    const onMessage = (message: SeedProgrammeReply) => {
      if (message?.type !== 'programme-seeded' && message?.type !== 'programme-seed-failed') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      if (message.type === 'programme-seeded') resolve(message.result);
      else reject(new Error(`seeding the programme failed: ${message.error}`));
    };
    child.on('message', onMessage);
    child.send({ type: 'seed-programme' });
  });
}

/**
 * Seeds a two-day programme (bench/seed-programme.ts), publishes it through the API as an organiser
 * and plans the public programme routes: GET /api/events/:id/programme without, then with,
 * If-None-Match (every answer must then be a 304). Only in a database the bench owns.
 */
async function prepareProgramme(
  child: ChildProcess,
  base: string,
  admin: { email: string; password: string },
  disposable: boolean,
): Promise<{ routes: PlannedRoute[]; report: ProgrammeReport }> {
  if (!disposable) {
    const reason = 'the bench is not running in a database of its own: no fictitious programme written';
    console.warn(`\n! Public programme skipped: ${reason}.\n`);
    return { routes: [], report: { measured: false, reason } };
  }
  process.stdout.write('Seeding a fictitious two-day programme … ');
  const seeded = await seedProgrammeInServer(child);
  console.log(`${seeded.sessions} sessions, ${seeded.talks} talks in ${fmt(seeded.seconds)} s`);
  const login = await getJson(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const token = (login.body as { accessToken?: string }).accessToken;
  if (login.status !== 200 || !token) throw new Error(`cannot log in as ${admin.email} to publish the programme (${login.status})`);
  const release = await getJson(`${base}/api/events/${seeded.eventId}/programme/releases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ note: 'Programme du banc d’essai' }),
  });
  if (release.status !== 201) throw new Error(`publishing the programme answered ${release.status}: ${JSON.stringify(release.body).slice(0, 500)}`);
  const path = `/api/events/${seeded.eventId}/programme`;
  const res = await fetch(`${base}${path}`);
  const etag = res.headers.get('etag');
  const body = await res.arrayBuffer();
  if (res.status !== 200 || !etag) throw new Error(`GET ${path} answered ${res.status} with ETag ${etag}`);
  const conditional = await fetch(`${base}${path}`, { headers: { 'if-none-match': etag } });
  if (conditional.status !== 304) throw new Error(`GET ${path} with If-None-Match answered ${conditional.status}, not 304`);
  const version = (release.body as { version?: number }).version;
  // what is sent to a client that takes gzip (or brotli): the stored compressed bytes
  const gzipBytes = (await rawBody(`${base}${path}`, { 'accept-encoding': 'gzip' })).length;
  const brBytes = (await rawBody(`${base}${path}`, { 'accept-encoding': 'br' })).length;
  // the same release as a public page (src/programme-pages), as a browser asks for it
  const event = await getJson(`${base}/api/events/${seeded.eventId}`);
  const pagePath = `/programme/${(event.body as { slug: string }).slug}`;
  // as a browser asks: HTML, gzip accepted (the page is stored compressed once, beside the plain bytes)
  const html = { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br' };
  const pageRes = await fetch(`${base}${pagePath}`, { headers: html });
  const pageEtag = pageRes.headers.get('etag');
  const pageBody = await pageRes.text();
  if (pageRes.status !== 200 || !pageEtag || !pageRes.headers.get('content-type')?.startsWith('text/html')) {
    throw new Error(`GET ${pagePath} answered ${pageRes.status} (${pageRes.headers.get('content-type')}) with ETag ${pageEtag}`);
  }
  const talkLinks = pageBody.match(/class="talk-title"/g)?.length ?? 0;
  if (talkLinks !== seeded.talks) throw new Error(`GET ${pagePath} shows ${talkLinks} talks, not the ${seeded.talks} published`);
  const pageConditional = await fetch(`${base}${pagePath}`, { headers: { ...html, 'if-none-match': pageEtag } });
  if (pageConditional.status !== 304) throw new Error(`GET ${pagePath} with If-None-Match answered ${pageConditional.status}, not 304`);
  return {
    routes: [
      { name: 'programme', label: `GET /api/events/:id/programme (${seeded.talks} talks, gzip)`, path, headers: { 'accept-encoding': 'gzip' } },
      { name: 'programme-304', label: '  … with If-None-Match (304)', path, headers: { 'accept-encoding': 'gzip', 'if-none-match': etag }, expectStatus: 304 },
      // the constant route again, right before the page, so that the ratio compares neighbours in time
      { name: 'constant-beside-page', label: 'GET /api/bench/constant (again, beside the page)', path: '/api/bench/constant' },
      { name: 'programme-page', label: `GET /programme/:slug (HTML page, ${seeded.sessions} sessions, ${seeded.talks} talks)`, path: pagePath, headers: html },
      { name: 'programme-page-304', label: '  … with If-None-Match (304)', path: pagePath, headers: { ...html, 'if-none-match': pageEtag }, expectStatus: 304 },
    ],
    report: { measured: true, seeded, version, etag, bytes: body.byteLength, gzipBytes, brBytes, page: { path: pagePath, etag: pageEtag, bytes: Buffer.byteLength(pageBody) } },
  };
}

/**
 * Seeds the proposals and plans the listing routes: the organisers' list filtered on submitted
 * proposals sorted by mean score, 50 a page, alone and with a speaker filter. Only in a database
 * the bench owns (a throwaway database on the server, or the embedded engine in memory), so that
 * fictitious proposals never land in a real one.
 */
async function prepareListing(
  child: ChildProcess,
  base: string,
  admin: { email: string; password: string },
  disposable: boolean,
): Promise<{ routes: PlannedRoute[]; report: ListingReport }> {
  if (SUBMISSIONS === 0) return { routes: [], report: { measured: false, reason: 'BENCH_SUBMISSIONS=0' } };
  if (!disposable) {
    const reason = 'the bench is not running in a database of its own (no CREATEDB privilege, or BENCH_DATA_DIR set): no fictitious proposals written';
    console.warn(`\n! Proposals listing skipped: ${reason}.\n`);
    return { routes: [], report: { measured: false, reason } };
  }
  process.stdout.write(`Seeding ${SUBMISSIONS} fictitious proposals with signers and reviews … `);
  const seeded = await seedInServer(child, SUBMISSIONS);
  console.log(
    `${seeded.proposals} proposals (${seeded.submitted} submitted), ${seeded.signers} signers, ${seeded.reviews} reviews in ${fmt(seeded.seconds)} s`,
  );
  const login = await getJson(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const token = (login.body as { accessToken?: string }).accessToken;
  if (login.status !== 200 || !token) throw new Error(`cannot log in as ${admin.email} to list the proposals (${login.status})`);
  const headers = { authorization: `Bearer ${token}` };
  const list = (pageSize: number, extra = '') =>
    `/api/events/${seeded.eventId}/submissions?state=submitted&sort=score&order=desc&pageSize=${pageSize}${extra}`;
  const speaker = '&speaker=helene%20dupre';
  const routes: PlannedRoute[] = [
    { name: 'listing', label: `GET …/submissions?state=submitted&sort=score (${LARGE_PAGE}/page)`, path: list(LARGE_PAGE), headers },
    { name: 'listing-speaker', label: `  … &speaker=helene dupre (${LARGE_PAGE}/page)`, path: list(LARGE_PAGE, speaker), headers },
  ];
  const expectedTotals: Record<string, number> = { listing: seeded.submitted, 'listing-speaker': seeded.matchingHeleneDupre };
  const queriesPerPage: Record<string, { [pageSize: string]: number }> = {};
  for (const [name, extra] of [
    ['listing', ''],
    ['listing-speaker', speaker],
  ] as const) {
    const check = await getJson(`${base}${list(LARGE_PAGE, extra)}`, { headers });
    const body = check.body as { total?: number; items?: unknown[] };
    if (check.status !== 200 || body.total !== expectedTotals[name]) {
      throw new Error(`${name}: answered ${check.status} with total ${body.total}, expected ${expectedTotals[name]}: ${JSON.stringify(check.body).slice(0, 300)}`);
    }
    queriesPerPage[name] = {
      [SMALL_PAGE]: await queriesPerRequest(child, `${base}${list(SMALL_PAGE, extra)}`, headers),
      [LARGE_PAGE]: await queriesPerRequest(child, `${base}${list(LARGE_PAGE, extra)}`, headers),
    };
  }
  const queriesConstant = Object.values(queriesPerPage).every((q) => q[SMALL_PAGE] === q[LARGE_PAGE]);
  return { routes, report: { measured: true, seeded, queriesPerPage, queriesConstant } };
}

/** Prints the registrations' section; false when a request failed or the part's counts are wrong. */
function printRegistrations(report: RegistrationReport): boolean {
  if (!report.measured) {
    console.log(`Registrations under contention: not measured (${report.reason}).`);
    return true;
  }
  const { inserts, registrations, ratio, check, lock } = report as Required<RegistrationReport>;
  const line = (p: typeof inserts) =>
    `  ${p.label.padEnd(48)} ${fmt(p.perSecond, 0).padStart(6)} /s  p50 ${fmt(p.latencyMs.p50)} ms  p99 ${fmt(p.latencyMs.p99)} ms  ` +
    `SQL/req ${p.queriesPerRequest}  non-2xx ${p.non2xx}  errors ${p.errors}`;
  console.log(`\nRegistrations under contention (${report.requests} each, ${report.clients} concurrent clients, one part of ${report.capacity} seats):`);
  console.log(line(inserts));
  console.log(line(registrations));
  console.log(
    `  Ratio registrations / plain inserts: ${fmt(ratio, 2)} (${fmt(registrations.perSecond, 0)} registrations a second, ` +
      `${fmt(registrations.perSecond * 60, 0)} a minute)`,
  );
  console.log(
    `  Part's row lock held ${fmt(lock.meanHeldMs, 2)} ms a transaction on average (${fmt(lock.meanStatements, 1)} statements, ` +
      `${fmt(lock.meanDatabaseMs, 2)} ms of them answered by the database), over ${lock.transactions} transactions ` +
      `for ${report.requests ?? 0} registrations (${fmt((report.requests ?? 0) / Math.max(1, lock.transactions), 1)} a transaction: group commit)`,
  );
  for (const st of lock.statements) console.log(`    ${fmt(st.meanMs, 2).padStart(6)} ms  ×${st.count}  ${st.statement}`);
  console.log(`  The part afterwards: ${check.admitted} admitted (capacity ${report.capacity}), ${check.waiting} waiting — ${check.ok ? 'as expected' : 'WRONG'}`);
  if (report.note) console.log(`  Note: ${report.note}.`);
  const failed = [inserts, registrations].filter((p) => p.non2xx > 0 || p.errors > 0);
  for (const f of failed) console.warn(`! ${f.name}: ${f.non2xx} non-2xx answers, ${f.errors} errors (${JSON.stringify(f.statusCodes)})`);
  return failed.length === 0 && check.ok;
}

/** Prints the badges' section. */
function printBadges(report: BadgeReport): void {
  console.log('');
  if (!report.measured) {
    console.log(`Badges: not measured (${report.reason}).`);
    return;
  }
  const api = report.api!;
  const floor = report.floor!;
  console.log(
    `Badges: ${report.badges} A6 badges, ${api.sheets} A4 sheets, through POST /api/events/:eventId/badges/print (imported in ${fmt(report.seededSeconds!, 1)} s):`,
  );
  console.log(`  API:   ${fmt(api.ms, 0)} ms (median of ${api.runsMs.map((v) => fmt(v, 0)).join(', ')}), ${fmt(api.msPerBadge, 3)} ms a badge, first byte after ${fmt(api.firstByteMs, 0)} ms, ${api.bytes} bytes (${fmt(api.bytesPerBadge, 0)} bytes a badge), ${api.overflow} overflowing`);
  console.log(`  floor: ${fmt(floor.ms, 0)} ms (median of ${floor.runsMs.map((v) => fmt(v, 0)).join(', ')}), ${fmt(floor.msPerBadge, 3)} ms a badge, ${floor.bytes} bytes (${fmt(floor.bytesPerBadge, 0)} bytes a badge), bare pdfkit in the bench process`);
  console.log(`  ratio API / floor: ×${fmt(report.ratio!, 2)} (aim: within ×1.5)`);
}

/** Prints the Label's section. */
function printLabels(report: LabelsReport): void {
  console.log('');
  if (!report.measured) {
    console.log(`Label palmarès: not measured (${report.reason}).`);
    return;
  }
  const i = report.import!;
  const s = report.stats!;
  console.log(`Label palmarès: CSV import of every commune of France in one request (${i.rows} rows, ${fmt(i.bytes / 1024 / 1024, 2)} MB):`);
  console.log(`  first import ${fmt(i.firstMs, 0)} ms (${i.created} created), the same file again ${fmt(i.againMs, 0)} ms (${i.unchangedAgain} unchanged)`);
  console.log(`  13 years of labels (${report.history!.labels} labels; the 12 earlier years imported in ${fmt(report.history!.seconds, 1)} s)`);
  console.log(`  GET /api/labels/:year/stats alone, ${s.requests} requests: p50 ${fmt(s.p50Ms, 1)} ms, p90 ${fmt(s.p90Ms, 1)} ms, max ${fmt(s.maxMs, 1)} ms (${s.labelsSinceFirst} labels in ${s.yearsSinceFirst} years)`);
}

/** Prints the check-ins' section; false when a scan got an unexpected answer or the counts are wrong. */
function printCheckIns(report: CheckInReport): boolean {
  console.log('');
  if (!report.measured) {
    console.log(`Check-in latency: not measured (${report.reason}).`);
    return true;
  }
  console.log(
    `Check-in latency: ${report.participants} badges, ${report.scanners} concurrent scanners, POST /api/check-ins as reception (seeded and admitted in ${fmt(report.seededSeconds!, 1)} s):`,
  );
  for (const p of report.phases!) {
    const l = p.latencyMs;
    console.log(
      `  ${p.label}: ${p.requests} scans in ${fmt(p.seconds, 1)} s (${fmt(p.perSecond, 0)}/s), p50 ${fmt(l.p50, 1)} ms, p90 ${fmt(l.p90, 1)} ms, ` +
        `p99 ${fmt(l.p99, 1)} ms, max ${fmt(l.max, 1)} ms — ${JSON.stringify(p.statusCodes)}`,
    );
  }
  const c = report.check!;
  console.log(`  Afterwards (live stats): ${c.checkedIn} checked in, ${c.admitted} admitted, ${c.expected} expected — ${c.ok ? 'as expected' : 'WRONG'}`);
  return c.ok;
}

/** Prints the walk-ins' section; false when a walk-in failed or the database does not hold what was registered. */
function printWalkIns(report: WalkInReport): boolean {
  console.log('');
  if (!report.measured) {
    console.log(`Walk-ins at the desk: not measured (${report.reason}).`);
    return true;
  }
  console.log(`Walk-ins at the desk: ${report.walkIns} people without an email, registered then printed at once (POST …/desk/walk-ins, GET …/badge.pdf) as reception:`);
  const ms = (l: { p50: number; p99: number; max: number }) => `p50 ${fmt(l.p50, 1)} ms, p99 ${fmt(l.p99, 1)} ms, max ${fmt(l.max, 1)} ms`;
  for (const p of report.phases!) {
    console.log(
      `  ${p.label}: ${p.walkIns} walk-ins in ${fmt(p.seconds, 1)} s (${fmt(p.perSecond, 1)}/s); register ${ms(p.registerMs)}; badge ${ms(p.badgeMs)}; ` +
        `both ${ms(p.totalMs)}; badge PDF ${fmt(p.badgeBytes.average / 1024, 1)} KB average — ${JSON.stringify(p.statusCodes)}`,
    );
  }
  const c = report.check!;
  console.log(
    `  Afterwards: ${c.found} found, ${c.withoutEmail} without an email, ${c.printedOnce} printed once, ${c.seatedToday} seated today, ${c.expected} expected — ${c.ok ? 'as expected' : 'WRONG'}`,
  );
  return c.ok && report.phases!.every((p) => Object.keys(p.statusCodes).every((k) => k === '201+200'));
}

/** Prints the ceremony's section; false when a document failed under load. */
function printCeremony(report: CeremonyReport): boolean {
  console.log('');
  if (!report.measured) {
    console.log(`Label ceremony documents: not measured (${report.reason}).`);
    return true;
  }
  const s = report.seeded!;
  console.log(`Label ceremony documents: ${s.towns} labelled towns, ${s.delegates} delegates, ${s.present} checked in (seeded in ${fmt(s.seconds, 1)} s)`);
  for (const d of report.alone!) {
    console.log(`  alone: ${d.path} first ${fmt(d.firstMs, 0)} ms, again ${fmt(d.againMs, 0)} ms, ${d.bytes} bytes${d.pages ? `, ${d.pages} pages` : ''}`);
  }
  printTable(report.routes as RouteResult[]);
  const failed = report.routes!.filter((r) => r.non2xx > 0 || r.errors > 0);
  for (const f of failed) console.warn(`! ${f.name}: ${f.non2xx} non-2xx answers, ${f.errors} errors`);
  return failed.length === 0;
}

/** Issue 16's goals: each public read as a share of the constant route's requests/s, measured in the same run. */
const READ_GOALS: Array<{ name: string; goal: number | null }> = [
  { name: 'health', goal: null },
  { name: 'event', goal: 0.5 },
  { name: 'venues', goal: 0.5 },
  { name: 'organisations', goal: 0.5 },
  { name: 'programme', goal: 0.7 },
  { name: 'programme-304', goal: 0.7 },
  { name: 'programme-page', goal: 0.7 },
  { name: 'programme-page-304', goal: 0.7 },
];

interface ReadRatio {
  name: string;
  label: string;
  requestsPerSecond: number;
  vsConstant: number;
  /** The constant route's server CPU per request ÷ this route's: the same comparison without the load generator's share. */
  cpuVsConstant: number;
  goal: number | null;
  met: boolean | null;
}

/** Prints the reads against the constant route (the one measured nearest in time for the page). */
function printReadsTable(results: RouteResult[], programme: ProgrammeReport): ReadRatio[] {
  const constant = results.find((r) => r.name === 'constant') as RouteResult;
  const beside = results.find((r) => r.name === 'constant-beside-page');
  const rows: ReadRatio[] = [];
  console.log(`\nReads against the constant route of the same application (${fmt(constant.requestsPerSecond, 0)} req/s${beside ? `; ${fmt(beside.requestsPerSecond, 0)} req/s measured again beside the page` : ''}):`);
  console.log(`  ${'route'.padEnd(58)} ${'req/s'.padStart(7)}  × constant  goal          server CPU µs/req (× constant by CPU)`);
  for (const { name, goal } of READ_GOALS) {
    const r = results.find((x) => x.name === name);
    if (!r) continue;
    const reference = name.startsWith('programme-page') && beside ? Math.max(beside.requestsPerSecond, constant.requestsPerSecond) : constant.requestsPerSecond;
    const vsConstant = r.requestsPerSecond / reference;
    const met = goal === null ? null : vsConstant >= goal;
    const cpuReference = name.startsWith('programme-page') && beside ? Math.min(beside.serverCpuMicrosPerRequest, constant.serverCpuMicrosPerRequest) : constant.serverCpuMicrosPerRequest;
    const cpuVsConstant = r.serverCpuMicrosPerRequest ? cpuReference / r.serverCpuMicrosPerRequest : 0;
    rows.push({ name, label: r.label.trim(), requestsPerSecond: r.requestsPerSecond, vsConstant, cpuVsConstant, goal, met });
    const goalText = goal === null ? '—' : `≥ ${goal} ${met ? 'met' : 'NOT MET'}`;
    console.log(
      `  ${r.label.trim().padEnd(58)} ${fmt(r.requestsPerSecond, 0).padStart(7)}  ${fmt(vsConstant, 2).padStart(9)}  ${goalText.padEnd(12)}  ${fmt(r.serverCpuMicrosPerRequest, 0).padStart(5)} (${fmt(cpuVsConstant, 2)})`,
    );
  }
  if (programme.gzipBytes) {
    const kb = programme.gzipBytes / 1024;
    console.log(`  The ${programme.seeded?.talks}-talk programme: ${fmt((programme.bytes ?? 0) / 1024, 1)} KB of JSON, ${fmt(kb, 1)} KB gzipped (goal < 40 KB: ${kb < 40 ? 'met' : 'NOT MET'}), ${fmt((programme.brBytes ?? 0) / 1024, 1)} KB brotli`);
  }
  return rows;
}

async function main(): Promise<number> {
  // Conflict detection first, alone on the CPU (pure function, no database): see bench/conflicts.ts.
  const conflictDetection = runConflictBench();
  const throwaway = SERVER_URL ? await createThrowawayDatabase(SERVER_URL) : null;
  const databaseUrl = throwaway?.url ?? SERVER_URL ?? '';
  const admin =
    process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD && !throwaway
      ? { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }
      : { email: 'bench-organiser@bench.local', password: `bench-${randomBytes(12).toString('hex')}` };
  const { child, ready } = startServer({
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: DATA_DIR,
    LOG_LEVEL: LOG_LEVEL,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    // the registrations write thousands of mails to the outbox (measured); sending them (.eml files) would only compete for the CPU
    OUTBOX_POLL_MS: process.env.BENCH_OUTBOX_POLL_MS?.trim() || '0',
  });
  const stopOnSignal = () => {
    child.kill('SIGTERM');
    process.exit(130);
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    const t0 = Date.now();
    const server = await ready;
    const engine = server.embedded ? 'embedded PGlite (in memory, one connection)' : 'PostgreSQL server (pool of 10)';
    const base = `http://127.0.0.1:${server.port}`;
    console.log(`Application up in ${((Date.now() - t0) / 1000).toFixed(1)} s on ${base} — database: ${engine}`);

    const target = await findOrCreateEvent(base, admin);
    const routes: PlannedRoute[] = [
      { name: 'constant', label: 'GET /api/bench/constant (no database)', path: '/api/bench/constant' },
      { name: 'bare', label: 'GET /api/bench/bare (SELECT 1)', path: '/api/bench/bare' },
    ];
    if (typeof target === 'string') {
      console.warn(`\n! The event route cannot be measured: ${target}. Measuring the bare routes only.\n`);
    } else {
      const check = await getJson(`${base}/api/events/${target.id}`);
      if (check.status !== 200) {
        console.warn(`\n! GET /api/events/${target.id} answered ${check.status}; measuring it anyway (non-2xx are counted).\n`);
      }
      console.log(`Event: ${target.slug} (${target.id}), ${target.source}`);
      routes.push({ name: 'event', label: 'GET /api/events/:id', path: `/api/events/${target.id}` });
    }
    // the other public reads kept in memory (issue 16), and the health check
    routes.push(
      { name: 'health', label: 'GET /health', path: '/health' },
      { name: 'venues', label: 'GET /api/venues', path: '/api/venues', headers: { 'accept-encoding': 'gzip, deflate, br' } },
      { name: 'organisations', label: 'GET /api/organisations', path: '/api/organisations', headers: { 'accept-encoding': 'gzip, deflate, br' } },
    );
    for (const r of routes) {
      const check = await getJson(`${base}${r.path}`, { headers: r.headers });
      if (check.status !== 200) throw new Error(`${r.path} answered ${check.status} before the run: ${JSON.stringify(check.body)}`);
    }
    const disposable = throwaway !== null || (server.embedded && DATA_DIR === ':memory:');
    const listing = await prepareListing(child, base, admin, disposable);
    routes.push(...listing.routes);
    const programme = await prepareProgramme(child, base, admin, disposable);
    routes.push(...programme.routes);

    console.log(`\nMeasuring with ${LOAD_GENERATOR.name} (warm-up ${WARMUP} s each):`);
    const results: RouteResult[] = [];
    for (const r of routes) results.push(await measure(child, base, r.name, r.label, r.path, r.headers, r.expectStatus));
    printTable(results);

    const bare = results.find((r) => r.name === 'bare') as RouteResult;
    const constant = results.find((r) => r.name === 'constant') as RouteResult;
    const event = results.find((r) => r.name === 'event') ?? null;
    const ratio = event
      ? {
          throughput: event.requestsPerSecond / bare.requestsPerSecond,
          latencyP50: event.latencyMs.p50 / bare.latencyMs.p50,
          latencyP99: event.latencyMs.p99 / bare.latencyMs.p99,
        }
      : null;
    const bareVsConstant = bare.requestsPerSecond / constant.requestsPerSecond;
    console.log('');
    if (ratio) {
      console.log(
        `Ratio event / bare: throughput ${fmt(ratio.throughput, 2)} ` +
          `(GET /api/events/:id serves ${fmt(ratio.throughput * 100, 0)} % of the requests/s of SELECT 1), ` +
          `latency p50 ×${fmt(ratio.latencyP50, 2)}, p99 ×${fmt(ratio.latencyP99, 2)}`,
      );
    } else {
      console.log('Ratio event / bare: not measured (no event route).');
    }
    console.log(`Ratio bare / constant: throughput ${fmt(bareVsConstant, 2)} (what one database round trip costs the stack)`);
    if (listing.report.measured) {
      const { seeded, queriesPerPage, queriesConstant } = listing.report as Required<ListingReport>;
      console.log(
        `Proposals listing: ${seeded.proposals} proposals of one event (${seeded.submitted} submitted, ` +
          `${seeded.matchingHeleneDupre} of them signed by Hélène Dupré), ${seeded.signers} signers, ${seeded.reviews} reviews` +
          (server.embedded ? ' (embedded engine: a smaller set; set BENCH_DATABASE_URL for the 5,000 on a server)' : ''),
      );
      for (const [name, counts] of Object.entries(queriesPerPage)) {
        console.log(
          `  SQL statements per page, ${name}: ${counts[SMALL_PAGE]} at pageSize ${SMALL_PAGE}, ${counts[LARGE_PAGE]} at pageSize ${LARGE_PAGE} ` +
            '(auth guard: token and account; the event; the page with its total, review statistics and signers)',
        );
      }
      console.log(`  Constant whatever the page size: ${queriesConstant ? 'yes' : 'NO — an N+1 crept in'}`);
    } else {
      console.log(`Proposals listing: not measured (${listing.report.reason}).`);
    }

    const programmeFull = results.find((r) => r.name === 'programme');
    const programme304 = results.find((r) => r.name === 'programme-304');
    const programmeRatio =
      programmeFull && programme304
        ? {
            fullVsBare: programmeFull.requestsPerSecond / bare.requestsPerSecond,
            notModifiedVsBare: programme304.requestsPerSecond / bare.requestsPerSecond,
            notModifiedVsFull: programme304.requestsPerSecond / programmeFull.requestsPerSecond,
          }
        : null;
    if (programmeRatio && programme.report.seeded) {
      console.log(
        `Public programme (${programme.report.seeded.sessions} sessions, ${programme.report.seeded.talks} talks, ${programme.report.bytes} bytes, version ${programme.report.version}): ` +
          `throughput ${fmt(programmeRatio.fullVsBare, 2)} × bare without If-None-Match, ${fmt(programmeRatio.notModifiedVsBare, 2)} × bare with it (304), ` +
          `304 serves ${fmt(programmeRatio.notModifiedVsFull, 2)} × the requests/s of the full answer`,
      );
    } else {
      console.log(`Public programme: not measured (${programme.report.reason ?? 'no result'}).`);
    }
    // the programme as a page: the goal is ≥ 0.7 × the requests/s of the constant route (issue 12)
    const page = results.find((r) => r.name === 'programme-page');
    const page304 = results.find((r) => r.name === 'programme-page-304');
    const besidePage = results.find((r) => r.name === 'constant-beside-page');
    const pageRatio =
      page && page304 && besidePage
        ? {
            pageVsConstant: page.requestsPerSecond / constant.requestsPerSecond,
            pageVsConstantBeside: page.requestsPerSecond / besidePage.requestsPerSecond,
            notModifiedVsConstantBeside: page304.requestsPerSecond / besidePage.requestsPerSecond,
            goal: PAGE_GOAL,
          }
        : null;
    if (pageRatio && programme.report.page) {
      const met = Math.min(pageRatio.pageVsConstant, pageRatio.pageVsConstantBeside) >= PAGE_GOAL;
      console.log(
        `Programme page (${programme.report.page.path}, ${programme.report.page.bytes} bytes of HTML): throughput ${fmt(pageRatio.pageVsConstant, 2)} × the constant route ` +
          `(${fmt(pageRatio.pageVsConstantBeside, 2)} × the constant measured beside it; 304: ${fmt(pageRatio.notModifiedVsConstantBeside, 2)} ×); ` +
          `goal ≥ ${PAGE_GOAL}: ${met ? 'met' : 'NOT MET'}`,
      );
    }

    const readsTable = printReadsTable(results, programme.report);

    const registrations = await runRegistrationBench({
      child,
      base,
      admin,
      disposable,
      embedded: server.embedded,
      queryCount: () => queryCount(child),
      requests: REGISTRATIONS,
      clients: REGISTRATION_CLIENTS,
    });
    const registrationsOk = printRegistrations(registrations);

    const ceremony = await runCeremonyBench({
      base,
      admin,
      databaseUrl: server.embedded ? null : databaseUrl,
      disposable,
      towns: CEREMONY_TOWNS,
      measure: (name, label, path, headers) => measure(child, base, name, label, path, headers),
    });
    const ceremonyOk = printCeremony(ceremony);

    const badges = await runBadgeBench({ base, admin, disposable, badges: BADGES });
    printBadges(badges);

    const labels = await runLabelsBench({ base, admin, disposable, enabled: LABELS === 1 });
    printLabels(labels);

    const checkIns = await runCheckInBench({ base, admin, disposable, participants: CHECKINS, scanners: CHECKIN_SCANNERS });
    const checkInsOk = printCheckIns(checkIns);

    const walkIns = await runWalkInBench({ base, admin, disposable, walkIns: WALKINS, desks: WALKIN_DESKS });
    const walkInsOk = printWalkIns(walkIns);

    const webApp = await runWebAppBench({ base, admin, disposable, runs: WEBAPP_RUNS });
    printWebApp(webApp);
    const jsBudgets = measureBudgets();
    printBudgets(jsBudgets);

    const grid = await runGridBench({ child, base, admin, disposable, runs: GRID_RUNS, moves: GRID_MOVES });
    printGrid(grid);

    const failures = results.filter((r) => r.non2xx > 0 || r.errors > 0);
    for (const f of failures) console.warn(`! ${f.name}: ${f.non2xx} non-2xx answers, ${f.errors} errors (${JSON.stringify(f.statusCodes)})`);

    const report = {
      date: new Date().toISOString(),
      commit: gitCommit(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      database: server.embedded ? 'embedded' : 'server',
      engine,
      settings: { durationSeconds: DURATION, warmupSeconds: WARMUP, connections: CONNECTIONS, logLevel: LOG_LEVEL, loadGenerator: LOAD_GENERATOR.name },
      event: typeof target === 'string' ? { measured: false, reason: target } : { measured: true, ...target },
      routes: results,
      ratio: ratio && { ...ratio, bareVsConstantThroughput: bareVsConstant },
      conflictDetection,
      publicProgramme: { ...programme.report, ratio: programmeRatio, pageRatio },
      readsAgainstConstant: readsTable,
      submissionsListing: { ...listing.report, settings: { proposals: SUBMISSIONS, pageSizes: [SMALL_PAGE, LARGE_PAGE] } },
      registrations,
      ceremony,
      checkIns,
      walkIns,
      webApp,
      jsBudgets: {
        entry: jsBudgets.entry,
        researchers: { gzipBytes: jsBudgets.researchers.gzipBytes, goalBytes: jsBudgets.researchers.goalBytes, withinGoal: jsBudgets.researchers.withinGoal, files: jsBudgets.researchers.files },
        organisers: { gzipBytes: jsBudgets.organisers.gzipBytes, goalBytes: jsBudgets.organisers.goalBytes, withinGoal: jsBudgets.organisers.withinGoal, files: jsBudgets.organisers.files },
        organiserChunksInResearchers: jsBudgets.organiserChunksInResearchers,
      },
      programmeGrid: grid,
      labels,
      badges,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `${report.date.replace(/[:.]/g, '-')}-${report.database}.json`);
    const json = `${JSON.stringify(report, null, 2)}\n`;
    writeFileSync(file, json);
    writeFileSync(join(RESULTS_DIR, `latest-${report.database}.json`), json);
    console.log(`\nResults written to ${file.slice(ROOT.length)}`);
    return ratio && failures.length === 0 && listing.report.queriesConstant !== false && registrationsOk && ceremonyOk && checkInsOk && walkInsOk ? 0 : 1;
  } finally {
    await stopServer(child);
    await throwaway?.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
