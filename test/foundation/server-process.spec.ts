import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request as httpRequest } from 'node:http';
import { describeOnEmbeddedPass, EMBEDDED_PASS_ONLY, startServer, stopServer, freePort } from '../support/server-process.js';

/**
 * `npm start` as a user runs it: the compiled server (dist/, built by `npm test`) on an embedded
 * database in a data directory, its log read as text, stopped with SIGTERM and started again.
 */
/** Up to two starts and stops a test, each allowed the start-up deadline. */
const TEST_TIMEOUT_MS = 240_000;

describeOnEmbeddedPass(`The server process (npm start)${EMBEDDED_PASS_ONLY}`, () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'vtn-data-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on an embedded database, prints where the docs are and a one-time password, keeps data across a SIGTERM', async () => {
    const first = await startServer({ DATA_DIR: dataDir });
    let token: string;
    let eventId: string;
    try {
      const log = first.output();
      expect(log).toContain('/docs');
      const match = log.match(/email: (admin@localhost)\s+password: (\S+)/);
      expect(match).not.toBeNull();
      const [, email, password] = match as RegExpMatchArray;
      const login = await fetch(`${first.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(login.status).toBe(200);
      token = ((await login.json()) as { accessToken: string }).accessToken;
      const events = (await (await fetch(`${first.base}/api/events?slug=vtn2012`)).json()) as { items: { id: string }[] };
      expect(events.items).toHaveLength(1);
      const created = await fetch(`${first.base}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ slug: 'persisted', nameFr: 'Gardé après redémarrage', startDate: '2012-02-08' }),
      });
      expect(created.status).toBe(201);
      eventId = ((await created.json()) as { id: string }).id;
      const docs = await fetch(`${first.base}/docs-json`);
      expect(docs.status).toBe(200);
      // the log never shows the password typed at login, nor the token handed out
      const after = first.output();
      expect(after.split(password).length).toBe(2); // printed once, at creation only
      expect(after).not.toContain(token);
      expect(after).toMatch(/"msg":"request completed"|"res":\{"statusCode":200/);
    } finally {
      expect(await stopServer(first)).toBe(0);
    }
    expect(first.output()).toMatch(/SIGTERM/);

    const second = await startServer({ DATA_DIR: dataDir });
    try {
      const res = await fetch(`${second.base}/api/events/${eventId}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { nameFr: string }).nameFr).toBe('Gardé après redémarrage');
      expect(second.output()).not.toMatch(/shown only now/);
      const events = (await (await fetch(`${second.base}/api/events?slug=vtn2012`)).json()) as { total: number };
      expect(events.total).toBe(1);
    } finally {
      expect(await stopServer(second, 'SIGINT')).toBe(0);
    }
  }, TEST_TIMEOUT_MS);

  it('refuses a second server on the same data directory with a clear message', async () => {
    const first = await startServer({ DATA_DIR: dataDir });
    try {
      const port = await freePort();
      const second = spawn(process.execPath, ['dist/src/main.js'], {
        env: { PATH: process.env.PATH, PORT: String(port), DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      second.stdout?.on('data', (d) => (out += d));
      second.stderr?.on('data', (d) => (out += d));
      const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
      expect(code).not.toBe(0);
      expect(out).toMatch(/in use by process/);
    } finally {
      await stopServer(first);
    }
  }, TEST_TIMEOUT_MS);

  it('creates an organiser from the command line (npm run cli -- create-user) who can then log in', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['dist/src/cli.js', ...args], {
          env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout?.on('data', (d) => (out += d));
        child.stderr?.on('data', (d) => (out += d));
        child.once('exit', (code) => resolve({ code, out }));
      });
    const created = await run(['create-user', '--role', 'organiser', '--email', 'Chef@Example.org', '--name', 'Cheffe']);
    expect(created.code).toBe(0);
    const password = created.out.match(/password \(shown once\): (\S+)/)?.[1];
    expect(password).toBeDefined();
    const duplicate = await run(['create-user', '--role', 'reception', '--email', 'chef@example.org', '--password', 'another-pass-1']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.out).toContain('already exists');
    const badRole = await run(['create-user', '--role', 'king', '--email', 'x@example.org']);
    expect(badRole.code).toBe(1);
    expect(badRole.out).toContain('unknown role');

    const server = await startServer({ DATA_DIR: dataDir });
    try {
      const login = await fetch(`${server.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'chef@example.org', password }),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { user: { roles: string[] } }).user.roles).toEqual(['organiser']);
    } finally {
      await stopServer(server);
    }
  }, TEST_TIMEOUT_MS);

  it('keeps an idle keep-alive connection open longer than clients keep theirs, finishes a request in flight when told to stop, then exits at once', async () => {
    const server = await startServer({ DATA_DIR: ':memory:', ADMIN_EMAIL: 'boss@example.org', ADMIN_PASSWORD: 'boss-password-1' });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // a client that never closes its idle connections itself (Node's global agent would after 5 s)
    const patient = new Agent({ keepAlive: true });
    try {
      const health = () =>
        new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
          const req = httpRequest(`${server.base}/health`, { agent }, (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
          });
          req.on('error', reject);
          req.end();
        });
      expect(await health()).toEqual({ status: 200, reused: false });
      // Node's own default (5 s) would have closed it by now: a client reusing it at that moment gets ECONNRESET
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await health()).toEqual({ status: 200, reused: true });

      // that idle connection stays open while the server is told to stop: it must not hold the exit up
      const body = JSON.stringify({ email: 'boss@example.org', password: 'boss-password-1' });
      let signalled = 0;
      const exited = new Promise<{ code: number | null; after: number }>((resolve) =>
        server.child.once('exit', (code) => resolve({ code, after: Date.now() - signalled })),
      );
      const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest(`${server.base}/api/auth/login`, { agent: patient, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        // half the body now, SIGTERM while the request is in flight, the rest afterwards
        req.write(body.slice(0, 10));
        setTimeout(() => {
          signalled = Date.now();
          server.child.kill('SIGTERM');
        }, 300);
        setTimeout(() => req.end(body.slice(10)), 800);
      });
      const res = await answer;
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text).user.email).toBe('boss@example.org');
      const { code, after } = await exited;
      expect(code).toBe(0);
      expect(after).toBeLessThan(5_000);
    } finally {
      agent.destroy();
      patient.destroy();
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    }
  }, TEST_TIMEOUT_MS);

  it('stops with a readable message on a bad setting', async () => {
    const child = spawn(process.execPath, ['dist/src/main.js'], { env: { PATH: process.env.PATH, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr?.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(out).toContain('Configuration error: PORT must be a whole number');
  }, TEST_TIMEOUT_MS);
});
