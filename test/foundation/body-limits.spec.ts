import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * One public request must not freeze an instance: a body's shape (keys, array items, multipart
 * fields) is bounded before validation runs, refusals are small, and error details are capped.
 * Timings are taken as the best of a few tries (the machine is shared); before the bounds each
 * try took seconds, so the best of three still fails then.
 */

interface Answer {
  status: number;
  text: string;
  ms: number;
}

/** A request over a real socket to the listening app. */
function send(base: string, method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = httpRequest(`${base}${path}`, { method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      res.on('error', (error) => resolve({ status: 0, text: String(error), ms: performance.now() - started }));
    });
    // a reset connection is an answer too (status 0): the test then says what it got
    req.on('error', (error) => resolve({ status: 0, text: String(error), ms: performance.now() - started }));
    req.end(body);
  });
}

/** A sign-up for the colloquium plus `extra` unknown keys: 85,000 of them make 0.9 MB. */
function registrationWithKeys(extra: number): string {
  const body: Record<string, unknown> = { firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@example.org', category: 'guest' };
  for (let i = 0; i < extra; i++) body[`k${String(i).padStart(5, '0')}`] = 0;
  return JSON.stringify(body);
}

/** multipart/form-data with `count` small text fields, and a file part when `file` is given. */
function multipartWithFields(count: number, file?: { field: string; name: string; type: string; bytes: Buffer }): { type: string; body: Buffer } {
  const boundary = 'body-limits-boundary';
  const parts: Buffer[] = [];
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  for (let i = 0; i < count; i++) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nv\r\n`));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

interface ClientRun {
  idleMs: number;
  health: { status: number; ms: number }[];
  statuses: number[];
}

/**
 * From another process (so that the app's event loop serves requests and nothing else): the
 * slowest of three idle /health probes, then four 85,000-key registrations at once and /health
 * probed one after another until all four are answered (at least three probes).
 */
const CLIENT = `
import { request } from 'node:http';
const { PROBE_BASE: base, PROBE_PATH: path } = process.env;
function send(method, target, body) {
  const started = performance.now();
  return new Promise((resolve) => {
    const headers = body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {};
    const req = request(base + target, { method, headers }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve({ status: res.statusCode, ms: Math.round(performance.now() - started) }));
    });
    req.on('error', () => resolve({ status: 0, ms: Math.round(performance.now() - started) }));
    req.end(body);
  });
}
const fields = { firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@example.org', category: 'guest' };
for (let i = 0; i < 85000; i++) fields['k' + String(i).padStart(5, '0')] = 0;
const body = Buffer.from(JSON.stringify(fields));
const idle = [await send('GET', '/health'), await send('GET', '/health'), await send('GET', '/health')];
const posts = [1, 2, 3, 4].map(() => send('POST', path, body));
let pending = posts.length;
for (const p of posts) p.finally(() => pending--);
const health = [];
while (pending > 0 || health.length < 3) health.push(await send('GET', '/health'));
const statuses = (await Promise.all(posts)).map((a) => a.status);
console.log(JSON.stringify({ idleMs: Math.max(...idle.map((h) => h.ms)), health, statuses }));
`;

function clientRun(base: string, path: string): Promise<ClientRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CLIENT], { env: { PATH: process.env.PATH, PROBE_BASE: base, PROBE_PATH: path }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as ClientRun) : reject(new Error(`client exited ${code}: ${out}`))));
  });
}

async function fastest(tries: number, attempt: () => Promise<Answer>): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; i < tries; i++) answers.push(await attempt());
  return answers.sort((a, b) => a.ms - b.ms);
}

/** What a failed expectation shows: each answer's status, time and size. */
const summary = (answers: Answer[]) => answers.map((a) => ({ status: a.status, ms: Math.round(a.ms), bytes: a.text.length }));

describe('Bounded request bodies', () => {
  let t: TestApp;
  let base: string;
  let eventId: string;
  let registrations: string;

  beforeAll(async () => {
    t = await startTestApp();
    eventId = (await t.http.get('/api/events?slug=vtn2012')).body.items[0].id;
    registrations = `/api/events/${eventId}/registrations`;
    const server = await t.booted.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  const json = { 'content-type': 'application/json' };
  const participants = async () => (await t.booted.dataSource.query('SELECT count(*)::int AS n FROM participants'))[0].n as number;

  it('refuses an 85,000-key body (0.9 MB) to the public registration route in under 200 ms, with a small error body', async () => {
    const body = registrationWithKeys(85_000);
    expect(body.length).toBeGreaterThan(900_000);
    expect(body.length).toBeLessThan(1_000_000);
    const before = await participants();
    await send(base, 'POST', registrations, json, body); // warm-up
    const answers = await fastest(3, () => send(base, 'POST', registrations, json, body));
    const seen = summary(answers);
    expect(seen.every((a) => a.status === 413 && a.bytes < 1_000) && seen[0].ms < 200 ? 'small 413s, the fastest under 200 ms' : seen).toBe(
      'small 413s, the fastest under 200 ms',
    );
    for (const a of answers) {
      const error = JSON.parse(a.text);
      expectErrorBody(error, 413, 'PAYLOAD_TOO_LARGE');
      expect(error.message).toMatch(/more than 200 keys/);
    }
    // the same through the app without a socket (supertest)
    const started = performance.now();
    const res = await t.http.post(registrations).set(json).send(body);
    expect(res.status).toBe(413);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await participants()).toBe(before);
  }, 120_000);

  it('keeps /health within 50 ms of its idle time while four such bodies arrive at once, and spends little CPU on them', async () => {
    const runs: (ClientRun & { serverCpuMs: number })[] = [];
    const passes = (r: (typeof runs)[number]) =>
      r.statuses.every((s) => s === 413) && r.health.every((h) => h.status === 200 && h.ms < 50 + r.idleMs) && r.serverCpuMs < 400;
    // Up to eight runs, each against the slowest of three idle probes just before it: on a busy shared
    // machine /health alone may take tens of milliseconds. A probe over a second is no such delay
    // (before the bounds /health answered 503 after its 3 s database timeout): no retry then. The
    // CPU the app spent in a run (four bodies, six or so probes) is the measure that load hardly
    // changes: before the bounds, each body alone took seconds of it.
    for (let run = 0; run < 8; run++) {
      const cpu = process.cpuUsage();
      const result = await clientRun(base, registrations);
      const used = process.cpuUsage(cpu);
      runs.push({ ...result, serverCpuMs: Math.round((used.user + used.system) / 1000) });
      if (passes(runs[runs.length - 1]) || result.health.some((h) => h.ms > 1_000)) break;
    }
    const verdict = 'every body 413, every /health probe 200 within 50 ms of its idle time, under 400 ms of CPU for the run';
    expect(passes(runs[runs.length - 1]) ? verdict : runs).toBe(verdict);
  }, 300_000);

  it('refuses bodies with 100,000-item arrays the same way, whatever the nesting', async () => {
    const items = Array.from({ length: 100_000 }, () => 'jour-1');
    const bodies = [
      JSON.stringify({ firstName: 'A', lastName: 'B', email: 'a@example.org', category: 'guest', parts: items }),
      JSON.stringify(Array.from({ length: 100_000 }, () => ({}))),
      JSON.stringify({ firstName: 'A', lastName: 'B', email: 'a@example.org', category: 'guest', days: [items.map(() => 0)] }),
    ];
    for (const body of bodies) {
      expect(body.length).toBeLessThan(1_000_000);
      await send(base, 'POST', registrations, json, body); // warm-up
      const answers = await fastest(3, () => send(base, 'POST', registrations, json, body));
      const seen = summary(answers);
      expect(seen.every((a) => a.status === 413 && a.bytes < 1_000) && seen[0].ms < 200 ? 'small 413s, the fastest under 200 ms' : seen).toBe(
        'small 413s, the fastest under 200 ms',
      );
      expectErrorBody(JSON.parse(answers[0].text), 413, 'PAYLOAD_TOO_LARGE');
    }
  }, 120_000);

  it('refuses more keys, items or objects in all than any route takes, and keeps the largest legitimate bodies', async () => {
    const withParts = (parts: unknown) => JSON.stringify({ firstName: 'A', lastName: 'B', email: 'a@example.org', category: 'guest', parts });
    // 120 objects of 190 keys: each object within its bound, 22,800 keys in all
    const spread = await t.http.post(registrations).set(json).send(withParts(Array.from({ length: 120 }, (_, i) => Object.fromEntries(Array.from({ length: 190 }, (_, k) => [`k${i}_${k}`, 0])))));
    expectErrorBody(spread.body, 413, 'PAYLOAD_TOO_LARGE');
    expect(spread.body.message).toMatch(/more than 5,000 keys in all/);
    // 1,500 empty objects: each a DTO to build
    const objects = await t.http.post(registrations).set(json).send(withParts(Array.from({ length: 1_500 }, () => ({}))));
    expectErrorBody(objects.body, 413, 'PAYLOAD_TOO_LARGE');
    expect(objects.body.message).toMatch(/more than 1,000 objects and arrays/);
    // the largest legitimate array: 5,000 badge ids to print (passes the bounds, reaches the route)
    const admin = await t.adminToken();
    const ids = Array.from({ length: 5_000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const print = await t.http.post(`/api/events/${eventId}/badges/print`).set('Authorization', `Bearer ${admin}`).send({ filter: { participantIds: ids } });
    expect(print.status).not.toBe(413);
    expect(print.status).toBeLessThan(500);
  });

  it('lists at most 20 validation failures, with how many there were', async () => {
    const res = await t.http.post(registrations).set(json).send(registrationWithKeys(190));
    expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    expect(res.body.details.errors).toHaveLength(20);
    expect(res.body.details.errorCount).toBe(190);
    expect(res.body.details.errors[0]).toEqual({ field: 'k00000', errors: ['property k00000 should not exist'] });
    // hundreds of failures in nested objects: 300 opening days without their date and hours
    const admin = await t.adminToken();
    const venue = await t.http.post('/api/venues').set('Authorization', `Bearer ${admin}`).send({ name: 'Salle', openingHours: Array.from({ length: 300 }, () => ({})) });
    expectErrorBody(venue.body, 400, 'VALIDATION_FAILED');
    expect(venue.body.details.errors).toHaveLength(20);
    expect(venue.body.details.errorCount).toBeGreaterThanOrEqual(300);
    expect(venue.text.length).toBeLessThan(5_000);
    // a few failures: all listed, no count needed
    const few = await t.http.post(registrations).set(json).send(registrationWithKeys(2));
    expect(few.body.details.errors).toHaveLength(2);
    expect(few.body.details.errorCount).toBeUndefined();
  });

  it('does not echo a huge unknown key back', async () => {
    const key = 'k'.repeat(500_000);
    const res = await t.http.post(registrations).set(json).send(`{"firstName":"A","lastName":"B","email":"a@example.org","category":"guest","${key}":1}`);
    expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    expect(res.text.length).toBeLessThan(2_000);
  });

  it('bounds urlencoded bodies too, with a message that says why', async () => {
    const form = Array.from({ length: 5_000 }, (_, i) => `k${i}=1`).join('&');
    const res = await t.http.post(registrations).set('content-type', 'application/x-www-form-urlencoded').send(form);
    expectErrorBody(res.body, 413, 'PAYLOAD_TOO_LARGE');
    expect(res.body.message).toMatch(/more fields than the 200/);
  });

  it('reads JSON only in UTF-8, the charset of JSON (RFC 8259)', async () => {
    const body = Buffer.from(JSON.stringify({ firstName: 'A' }), 'utf16le');
    const res = await send(base, 'POST', registrations, { 'content-type': 'application/json; charset=utf-16le' }, body);
    expect(res.status).toBe(415);
    expectErrorBody(JSON.parse(res.text), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses multipart bodies with thousands of fields or parts on every upload route, quickly and in the error shape', async () => {
    const admin = await t.adminToken();
    const speaker = (
      await t.http.post('/api/speakers/signup').send({ email: 'limits-speaker@example.org', password: 'speaker-password-1', firstName: 'A', lastName: 'B', affiliation: 'X', countryCode: 'FR' })
    ).body.accessToken as string;
    const organisation = (await t.http.get('/api/organisations?pageSize=1')).body.items[0].id as string;
    const routes: { method: string; path: string; token?: string; file: string }[] = [
      { method: 'POST', path: '/api/speakers/signup', file: 'photo' },
      { method: 'PUT', path: '/api/me/speaker-profile/photo', token: speaker, file: 'file' },
      { method: 'PUT', path: `/api/organisations/${organisation}/logo`, token: admin, file: 'file' },
      { method: 'POST', path: `/api/events/${eventId}/participants/import`, token: admin, file: 'file' },
      { method: 'POST', path: `/api/events/${eventId}/participants/import-jobs`, token: admin, file: 'file' },
      { method: 'POST', path: '/api/labels/2012/awards/import', token: admin, file: 'file' },
    ];
    const csv = { name: 'x.csv', type: 'text/csv', bytes: Buffer.from('Nom;Prénom;Courriel\nA;B;a@example.org\n') };
    const users = async () => (await t.booted.dataSource.query('SELECT count(*)::int AS n FROM users'))[0].n as number;
    const before = { users: await users(), participants: await participants() };
    for (const route of routes) {
      const headers = (type: string): Record<string, string> => ({ 'content-type': type, ...(route.token ? { authorization: `Bearer ${route.token}` } : {}) });
      const bodies = [
        multipartWithFields(5_000),
        multipartWithFields(5_000, { field: route.file, ...csv }),
        // thousands of files
        (() => {
          const many = multipartWithFields(0);
          const boundary = 'body-limits-boundary';
          const file = `--${boundary}\r\nContent-Disposition: form-data; name="${route.file}"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nx\r\n`;
          return { type: many.type, body: Buffer.concat([Buffer.from(file.repeat(3_000)), many.body]) };
        })(),
        // one field far longer than any form field
        (() => {
          const boundary = 'body-limits-boundary';
          return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="firstName"\r\n\r\n${'x'.repeat(200_000)}\r\n--${boundary}--\r\n`) };
        })(),
      ];
      for (const { type, body } of bodies) {
        const res = await send(base, route.method, route.path, headers(type), body);
        const label = `${route.method} ${route.path} (${body.length} bytes): ${res.status} ${res.text.slice(0, 200)}`;
        expect({ label, clientError: res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 403 }).toEqual({ label, clientError: true });
        expectErrorBody(JSON.parse(res.text), res.status);
        expect(res.text.length).toBeLessThan(1_000);
        expect(res.ms).toBeLessThan(2_000);
      }
    }
    expect({ users: await users(), participants: await participants() }).toEqual(before);
  });

  it('answers a malformed id in the path 400 VALIDATION_FAILED, as every other validation failure', async () => {
    for (const path of ['/api/venues/not-a-uuid', `/api/events/not-a-uuid`, `/api/venues/${'1'.repeat(36)}`]) {
      const res = await t.http.get(path);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    }
    const res = await t.http.post('/api/events/not-a-uuid/registrations').send({ firstName: 'A', lastName: 'B', email: 'a@example.org', category: 'guest' });
    expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
  });
});
