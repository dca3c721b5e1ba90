import type { Response } from 'supertest';
import { CLOCK, type SettableClock } from '../../src/common/time/clock.js';
import { ADMIN, expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

describe('Authentication', () => {
  let t: TestApp;
  let clock: SettableClock;
  beforeAll(async () => {
    // the pair's limit and first delay are the defaults (5 failures, then 30 s, doubling)
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', LOGIN_MAX_FAILURES_PER_ACCOUNT: '20', LOGIN_MAX_FAILURES_PER_ADDRESS: '12' });
    clock = t.booted.app.get<SettableClock>(CLOCK);
  });
  afterEach(() => clock.set(null));
  afterAll(async () => {
    await t?.close();
  });

  /** A login attempt from `address` (the app trusts X-Forwarded-For from loopback, as behind a local proxy). */
  const attempt = (email: string, password: string, address: string) =>
    t.http.post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });
  const createAccount = async (email: string, password: string) => {
    await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${await t.adminToken()}`)
      .send({ email, password, roles: ['reception'] })
      .expect(201);
  };
  const expectThrottled = (res: Response, retryAfter?: number) => {
    expect(res.status).toBe(429);
    expectErrorBody(res.body, 429, 'TOO_MANY_REQUESTS');
    const header = Number(res.headers['retry-after']);
    expect(Number.isInteger(header) && header >= 1).toBe(true);
    expect(res.body.details).toEqual({ retryAfterSeconds: header });
    if (retryAfter !== undefined) expect(header).toBe(retryAfter);
  };
  const advance = (seconds: number) => clock.set(new Date(clock.now().getTime() + seconds * 1000));

  it('logs in the first organiser from ADMIN_EMAIL/ADMIN_PASSWORD, whatever the email case', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: ADMIN.email.toUpperCase(), password: ADMIN.password });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.body.user).toEqual({ id: expect.any(String), email: ADMIN.email, roles: ['organiser'] });
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.user);
  });

  it('stores a scrypt hash and the SHA-256 of tokens, never the secrets', async () => {
    const token = await t.login(ADMIN.email, ADMIN.password);
    const [user] = await t.booted.dataSource.query(`SELECT password_hash FROM users WHERE email = $1`, [ADMIN.email]);
    // the test apps hash at cost 10 (TEST_SETTINGS); the default, 14, is checked in test/users/password-hash-cost.spec.ts
    expect(user.password_hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(user.password_hash).not.toContain(ADMIN.password);
    const stored = await t.booted.dataSource.query(`SELECT token_hash FROM auth_tokens`);
    expect(stored.some((r: { token_hash: string }) => r.token_hash === token)).toBe(false);
  });

  it('gives the same 401 for an unknown email and a wrong password', async () => {
    const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody@test.local', password: 'whatever-123' });
    const wrong = await t.http.post('/api/auth/login').send({ email: 'reception-x@test.local', password: 'wrong-password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expectErrorBody(unknown.body, 401, 'UNAUTHENTICATED');
    const { requestId: _a, ...u } = unknown.body;
    const { requestId: _b, ...w } = wrong.body;
    expect(u).toEqual(w);
  });

  it('revokes the token on logout', async () => {
    const token = await t.login(ADMIN.email, ADMIN.password);
    expect((await t.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`)).status).toBe(204);
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(401);
    expectErrorBody(me.body, 401, 'UNAUTHENTICATED');
  });

  it('refuses missing, malformed and made-up tokens with 401', async () => {
    for (const header of [undefined, 'Bearer', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'a'.repeat(43)}`, 'Bearer ../../etc/passwd', `Bearer ${'x'.repeat(5000)}`]) {
      const req = t.http.get('/api/auth/me');
      if (header) req.set('Authorization', header);
      const res = await req;
      expect(res.status).toBe(401);
      expectErrorBody(res.body, 401, 'UNAUTHENTICATED');
    }
  });

  it('stops a disabled account’s tokens at once', async () => {
    const admin = await t.adminToken();
    const created = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email: 'desk@test.local', password: 'desk-password-1', roles: ['reception'] });
    const token = await t.login('desk@test.local', 'desk-password-1');
    await t.http.post(`/api/users/${created.body.id}/disable`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    const relogin = await t.http.post('/api/auth/login').send({ email: 'desk@test.local', password: 'desk-password-1' });
    expect(relogin.status).toBe(401);
  });

  it('counts a burst of 40 wrong passwords before checking any: at most 5 are checked (401), the others get 429', async () => {
    await createAccount('burst@test.local', 'burst-password-1');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt('burst@test.local', `guess-${i}`, '198.51.100.1')));
    const checked = answers.filter((r) => r.status === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    for (const res of answers.filter((r) => r.status !== 401)) expectThrottled(res);
    const [{ n }] = await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM login_failures WHERE email = 'burst@test.local'`);
    expect(n).toBe(checked);
  });

  it('counts a burst over 40 accounts from one address: at most the address ceiling (12) is checked', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(`burst-${i}@test.local`, 'password-123', '198.51.100.2')));
    const checked = answers.filter((r) => r.status === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(12);
    for (const res of answers.filter((r) => r.status !== 401)) expectThrottled(res);
  });

  it('lets the owner log in from the desk while a stranger guessing from another address waits, even with the right password', async () => {
    await createAccount('owner@test.local', 'owner-password-1');
    for (let i = 0; i < 5; i++) expect((await attempt('owner@test.local', `guess-${i}`, '203.0.113.66')).status).toBe(401);
    expectThrottled(await attempt('owner@test.local', 'guess-5', '203.0.113.66'));
    expectThrottled(await attempt('OWNER@test.local', 'owner-password-1', '203.0.113.66'));
    const desk = await attempt('owner@test.local', 'owner-password-1', '192.0.2.10');
    expect(desk.status).toBe(200);
    expect(desk.body.user.email).toBe('owner@test.local');
    // the owner's success clears only the desk's own failures (none): the stranger still waits
    expectThrottled(await attempt('owner@test.local', 'guess-6', '203.0.113.66'));
  });

  it('makes a pair wait after 5 failures, 30 s doubling after each further failure up to the window (15 min); a success clears it', async () => {
    await createAccount('delays@test.local', 'delays-password-1');
    clock.set(new Date());
    const from = '203.0.113.70';
    for (let i = 0; i < 5; i++) expect((await attempt('delays@test.local', `guess-${i}`, from)).status).toBe(401);
    for (const delay of [30, 60, 120, 240, 480, 900, 900]) {
      expectThrottled(await attempt('delays@test.local', 'guess', from), delay);
      advance(delay - 1);
      expectThrottled(await attempt('delays@test.local', 'delays-password-1', from), 1);
      advance(1);
      expect((await attempt('delays@test.local', 'guess', from)).status).toBe(401);
    }
    advance(900);
    expect((await attempt('delays@test.local', 'delays-password-1', from)).status).toBe(200);
    // cleared: five free failures again
    for (let i = 0; i < 5; i++) expect((await attempt('delays@test.local', `guess-${i}`, from)).status).toBe(401);
    expectThrottled(await attempt('delays@test.local', 'guess', from), 30);
  });

  it('at the account ceiling (20 failures from all addresses in the window) refuses the addresses that failed, never a fresh one', async () => {
    await createAccount('ceiling@test.local', 'ceiling-password-1');
    clock.set(new Date());
    for (const from of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']) {
      for (let i = 0; i < 5; i++) expect((await attempt('ceiling@test.local', `guess-${i}`, from)).status).toBe(401);
    }
    advance(60); // past the pairs' delays: only the ceiling refuses now
    expectThrottled(await attempt('ceiling@test.local', 'ceiling-password-1', '203.0.113.1'), 840);
    // an address without failures on the account gets its check, and after a wrong one waits too
    expect((await attempt('ceiling@test.local', 'guess', '203.0.113.5')).status).toBe(401);
    expectThrottled(await attempt('ceiling@test.local', 'ceiling-password-1', '203.0.113.5'), 840);
    expect((await attempt('ceiling@test.local', 'ceiling-password-1', '192.0.2.20')).status).toBe(200);
    // once the failures have left the window, an address with few failures is let through again
    advance(840);
    expect((await attempt('ceiling@test.local', 'ceiling-password-1', '203.0.113.5')).status).toBe(200);
  });

  it('at the address ceiling (12 failures over all accounts in the window) refuses that address, even a right password', async () => {
    await createAccount('wifi@test.local', 'wifi-password-12');
    clock.set(new Date());
    let last: Response | undefined;
    for (let i = 0; i < 14; i++) last = await attempt(`spray-${i}@test.local`, 'password-123', '198.51.100.99');
    expectThrottled(last!, 900);
    expectThrottled(await attempt('wifi@test.local', 'wifi-password-12', '198.51.100.99'), 900);
    expect((await attempt('wifi@test.local', 'wifi-password-12', '198.51.100.100')).status).toBe(200);
    advance(900);
    expect((await attempt('wifi@test.local', 'wifi-password-12', '198.51.100.99')).status).toBe(200);
  });
});
