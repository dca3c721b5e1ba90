import { ADMIN, expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

describe('Authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES_PER_ADDRESS: '12' });
  });
  afterAll(async () => {
    await t?.close();
  });

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
    expect(user.password_hash).toMatch(/^scrypt\$/);
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

  it('throttles repeated failures for one account with 429, even with the right password', async () => {
    const admin = await t.adminToken();
    await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email: 'target@test.local', password: 'target-password-1', roles: ['reception'] })
      .expect(201);
    for (let i = 0; i < 5; i++) {
      expect((await t.http.post('/api/auth/login').send({ email: 'target@test.local', password: `guess-${i}` })).status).toBe(401);
    }
    const blocked = await t.http.post('/api/auth/login').send({ email: 'TARGET@test.local', password: 'target-password-1' });
    expect(blocked.status).toBe(429);
    expectErrorBody(blocked.body, 429, 'TOO_MANY_REQUESTS');
  });

  it('throttles one address trying many accounts', async () => {
    let last = 0;
    for (let i = 0; i < 14; i++) {
      last = (await t.http.post('/api/auth/login').send({ email: `spray-${i}@test.local`, password: 'password-123' })).status;
    }
    expect(last).toBe(429);
  });
});
