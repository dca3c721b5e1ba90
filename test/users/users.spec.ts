import { ADMIN, expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

describe('Users (staff accounts)', () => {
  let t: TestApp;
  let admin: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const countUsers = async () => Number((await t.booted.dataSource.query('SELECT count(*)::int AS n FROM users'))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    admin = await t.adminToken();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates reception and organiser accounts that can log in', async () => {
    const res = await t.http
      .post('/api/users')
      .set(auth())
      .send({ email: 'Hélène.Accueil@Example.org', password: 'bienvenue-2012', displayName: 'Hélène Dupré', roles: ['reception'] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email: 'hélène.accueil@example.org',
      displayName: 'Hélène Dupré',
      roles: ['reception'],
      disabled: false,
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|scrypt/i);
    const token = await t.login('HÉLÈNE.accueil@example.org', 'bienvenue-2012');
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).body.roles).toEqual(['reception']);
  });

  it('refuses a second account with the same email in another case (409)', async () => {
    const before = await countUsers();
    const res = await t.http.post('/api/users').set(auth()).send({ email: ADMIN.email.toUpperCase(), password: 'another-password', roles: ['reception'] });
    expect(res.status).toBe(409);
    expectErrorBody(res.body, 409);
    expect(await countUsers()).toBe(before);
  });

  it('lists accounts paginated, filtered by role and text, never with hashes', async () => {
    for (let i = 0; i < 3; i++) {
      await t.http.post('/api/users').set(auth()).send({ email: `staff${i}@test.local`, password: 'staff-password-1', roles: ['reception'] }).expect(201);
    }
    const page = await t.http.get('/api/users?role=reception&pageSize=2&page=1&sort=email').set(auth());
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBe(4);
    expect(page.body.pageSize).toBe(2);
    const second = await t.http.get('/api/users?role=reception&pageSize=2&page=2&sort=email').set(auth());
    expect(second.body.items).toHaveLength(2);
    const emails = [...page.body.items, ...second.body.items].map((u: { email: string }) => u.email);
    expect(emails).toEqual([...emails].sort());
    const search = await t.http.get('/api/users?q=STAFF1').set(auth());
    expect(search.body.items.map((u: { email: string }) => u.email)).toEqual(['staff1@test.local']);
    expect(JSON.stringify(page.body)).not.toMatch(/scrypt|password/i);
  });

  it('changes roles and name, and refuses to hand out the speaker role here', async () => {
    const created = await t.http.post('/api/users').set(auth()).send({ email: 'promo@test.local', password: 'promo-password', roles: ['reception'] });
    const res = await t.http.patch(`/api/users/${created.body.id}`).set(auth()).send({ roles: ['organiser', 'reception'], displayName: 'Promue' });
    expect(res.status).toBe(200);
    expect(res.body.roles.sort()).toEqual(['organiser', 'reception']);
    const speaker = await t.http.patch(`/api/users/${created.body.id}`).set(auth()).send({ roles: ['speaker'] });
    expect(speaker.status).toBe(400);
    expectErrorBody(speaker.body, 400, 'VALIDATION_FAILED');
  });

  it('disables and enables an account, but never the caller’s own', async () => {
    const created = await t.http.post('/api/users').set(auth()).send({ email: 'tmp@test.local', password: 'temporary-pw', roles: ['reception'] });
    const off = await t.http.post(`/api/users/${created.body.id}/disable`).set(auth());
    expect(off.body.disabled).toBe(true);
    const on = await t.http.post(`/api/users/${created.body.id}/enable`).set(auth());
    expect(on.body.disabled).toBe(false);
    const me = await t.http.get('/api/auth/me').set(auth());
    const self = await t.http.post(`/api/users/${me.body.id}/disable`).set(auth());
    expect(self.status).toBe(409);
    expectErrorBody(self.body, 409);
    const demote = await t.http.patch(`/api/users/${me.body.id}`).set(auth()).send({ roles: ['reception'] });
    expect(demote.status).toBe(409);
  });

  it('answers hostile input with 4xx and creates nothing', async () => {
    const before = await countUsers();
    const bodies: unknown[] = [
      {},
      { email: 'a@b.c', password: 'short', roles: ['reception'] },
      { email: 'not-an-email', password: 'long-enough-pw', roles: ['reception'] },
      { email: `${'x'.repeat(100_000)}@test.local`, password: 'long-enough-pw', roles: ['reception'] },
      { email: 'ok@test.local', password: 'p'.repeat(100_000), roles: ['reception'] },
      { email: 'ok@test.local', password: 'long-enough-pw', roles: [] },
      { email: 'ok@test.local', password: 'long-enough-pw', roles: ['god'] },
      { email: 'ok@test.local', password: 'long-enough-pw', roles: 'organiser' },
      { email: 'ok@test.local', password: 'long-enough-pw', roles: ['reception', 'reception'] },
      { email: 'ok@test.local', password: 12345678901, roles: ['reception'] },
      { email: 'ok@test.local', password: 'long-enough-pw', roles: ['reception'], isAdmin: true },
      { email: { $ne: null }, password: 'long-enough-pw', roles: ['reception'] },
    ];
    for (const body of bodies) {
      const res = await t.http.post('/api/users').set(auth()).send(body as object);
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    }
    for (const path of ['/api/users/nope', '/api/users/00000000-0000-4000-8000-000000000000']) {
      const res = await t.http.get(path).set(auth());
      expect([400, 404]).toContain(res.status);
      expectErrorBody(res.body, res.status);
    }
    const badPage = await t.http.get('/api/users?pageSize=101').set(auth());
    expect(badPage.status).toBe(400);
    expect(await countUsers()).toBe(before);
  });
});
