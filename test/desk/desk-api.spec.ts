import { randomBytes } from 'node:crypto';
import { DESK_CSP } from '../../src/desk/desk-page.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, colloquiumId, createPart, createParticipant, receptionToken, setNow } from '../check-ins/check-ins-support.js';

/** The desk's own API (search, today's context, walk-ins) and how the page is served. */
describe('Reception desk API and page', () => {
  let t: TestApp;
  let organiser: string;
  let reception: string;
  let eventId: string;
  let day1: string;
  let helene: { id: string; token: string };

  beforeAll(async () => {
    t = await startTestApp();
    organiser = await t.adminToken();
    reception = await receptionToken(t, 'Jeanne Martin', 'jeanne.martin@test.local');
    eventId = await colloquiumId(t);
    day1 = await createPart(t, eventId, 'jour-1', 'day', '2012-02-06', 500, 'Lundi 6 février');
    await createPart(t, eventId, 'jour-2', 'day', '2012-02-07', null, 'Mardi 7 février');
    helene = await createParticipant(
      t,
      organiser,
      eventId,
      { firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@example.org', categories: ['researcher'], affiliation: 'CNRS' },
      [day1],
    );
    await createParticipant(t, organiser, eventId, { firstName: 'Hervé', lastName: 'Lenoir', email: 'herve@example.org', categories: ['press'] });
    setNow(t, '2012-02-06T08:12:00Z');
  });
  afterAll(async () => {
    await t?.close();
  });

  const desk = (suffix: string) => `/api/events/${eventId}/desk${suffix}`;

  it('serves the page outside /api with a strict Content-Security-Policy, and its script and style', async () => {
    const page = await t.http.get('/desk');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(page.headers['content-security-policy']).toBe(DESK_CSP);
    expect(DESK_CSP).toContain("script-src 'self'");
    expect(DESK_CSP).not.toContain('unsafe-inline');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('<script src="/desk/desk.js" defer></script>');
    expect(page.text).not.toMatch(/<script>|<script [^>]*>[^<]+<\/script>|\son[a-z]+=|style=/i);
    const script = await t.http.get('/desk/desk.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    expect((await t.http.get('/desk/desk.css')).headers['content-type']).toMatch(/^text\/css/);
    const missing = await t.http.get('/desk/other.js');
    expect(missing.status).toBe(404);
    expectErrorBody(missing.body, 404);
    expect((await t.http.get('/api/desk')).status).toBe(404);
  });

  it('gives the desk today’s date in Paris, today’s day part and the walk-in categories in French', async () => {
    const res = await t.http.get(desk('')).set(bearer(reception));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ eventId, timeZone: 'Europe/Paris', today: '2012-02-06', todayPartNameFr: 'Lundi 6 février' });
    expect(res.body.categories).toContainEqual({ code: 'city-representative', labelFr: 'Ville Internet' });
    expect(res.body.parts.map((p: { code: string }) => p.code)).toEqual(['jour-1', 'jour-2']);
    expect(res.body.categories.map((c: { code: string }) => c.code)).not.toContain('speaker');
  });

  it('finds people by name whatever the accents and case, and by badge token, with what the desk shows', async () => {
    for (const q of ['helene', 'HÉLÈNE', 'dupre helene', 'Dupré']) {
      const res = await t.http.get(desk(`/participants?q=${encodeURIComponent(q)}`)).set(bearer(reception));
      expect(res.status).toBe(200);
      expect(res.body.items.map((p: { lastName: string }) => p.lastName)).toEqual(['Dupré']);
    }
    const res = await t.http.get(desk(`/participants?token=${helene.token}`)).set(bearer(reception));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    expect(res.body.items[0]).toMatchObject({
      id: helene.id,
      firstName: 'Hélène',
      categoryLabelFr: 'Chercheur·euse',
      badgeToken: helene.token,
      printed: false,
      printCount: 0,
      checkedInToday: false,
      parts: [{ partId: day1, code: 'jour-1', status: 'admitted', today: true, checkedInAt: null }],
    });
    expect((await t.http.post('/api/check-ins').set(bearer(reception)).send({ token: helene.token })).status).toBe(201);
    const after = await t.http.get(desk(`/participants?q=helene`)).set(bearer(reception));
    expect(after.body.items[0]).toMatchObject({ checkedInToday: true, parts: [{ checkedInAt: '2012-02-06T09:12:00+01:00', checkedInBy: 'Jeanne Martin' }] });

    const byId = await t.http.get(desk(`/participants?id=${helene.id}`)).set(bearer(reception));
    expect(byId.body.items.map((p: { id: string }) => p.id)).toEqual([helene.id]);
    const everyone = await t.http.get(desk('/participants?pageSize=1&page=2')).set(bearer(reception));
    expect(everyone.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(everyone.body.items).toHaveLength(1);
    const nobody = await t.http.get(desk(`/participants?token=${randomBytes(32).toString('base64url')}`)).set(bearer(reception));
    expect(nobody.body).toMatchObject({ items: [], total: 0 });
    const wildcard = await t.http.get(desk(`/participants?q=${encodeURIComponent('%_')}`)).set(bearer(reception));
    expect(wildcard.body.total).toBe(0);
  });

  it('registers a walk-in with the category, seated in today’s day part, in one go; a known email is 409', async () => {
    const res = await t.http
      .post(desk('/walk-ins'))
      .set(bearer(reception))
      .send({ firstName: '  Zoé ', lastName: 'Œuvray', email: 'Zoe.Oeuvray@Example.org', affiliation: 'Mairie de Brest', category: 'city-representative' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      firstName: 'Zoé',
      lastName: 'Œuvray',
      email: 'zoe.oeuvray@example.org',
      affiliation: 'Mairie de Brest',
      primaryCategory: 'city-representative',
      categoryLabelFr: 'Ville Internet',
      status: 'registered',
      printed: false,
      parts: [{ code: 'jour-1', status: 'admitted', today: true }],
    });
    expect(res.body.badgeToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await t.booted.dataSource.query(`SELECT source, days::text[] AS days FROM participants WHERE id = $1`, [res.body.id]);
    expect(row).toEqual({ source: 'desk', days: ['2012-02-06'] });
    expect((await t.http.post('/api/check-ins').set(bearer(reception)).send({ token: res.body.badgeToken })).status).toBe(201);

    const count = async () => (await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM participants`))[0].n as number;
    const before = await count();
    const again = await t.http
      .post(desk('/walk-ins'))
      .set(bearer(reception))
      .send({ firstName: 'Zoé', lastName: 'Autre', email: 'ZOE.OEUVRAY@example.org', category: 'guest' });
    expect(again.status).toBe(409);
    expectErrorBody(again.body, 409, 'EMAIL_TAKEN');
    expect(await count()).toBe(before);
  });

  it('answers hostile searches and walk-ins with a 4xx in the error shape and writes nothing', async () => {
    const count = async () => (await t.booted.dataSource.query(`SELECT (SELECT count(*) FROM participants) + (SELECT count(*) FROM part_admissions) AS n`))[0].n as string;
    const before = await count();
    const queries = [
      `q=${'x'.repeat(5000)}`,
      'q=%00',
      'token=short',
      `token=${'a'.repeat(44)}`,
      'pageSize=1000',
      'page=0',
      'sort=name',
      'q[]=a&q[]=b',
      'id=42',
    ];
    for (const q of queries) {
      const res = await t.http.get(desk(`/participants?${q}`)).set(bearer(reception));
      expect([q, res.status]).toEqual([q, 400]);
      expectErrorBody(res.body, 400);
    }
    const bodies: unknown[] = [
      {},
      { firstName: 'A', lastName: 'B', email: 'not-an-email', category: 'guest' },
      { firstName: 'A', lastName: 'B', email: 'a@b.org', category: 'speaker' },
      { firstName: 'A', lastName: 'B', email: 'a@b.org', category: 'guest', extra: 1 },
      { firstName: 'A'.repeat(100_000), lastName: 'B', email: 'a@b.org', category: 'guest' },
      { firstName: 'A\u0000', lastName: 'B', email: 'a@b.org', category: 'guest' },
      { firstName: '   ', lastName: 'B', email: 'a@b.org', category: 'guest' },
      { firstName: ['A'], lastName: 'B', email: 'a@b.org', category: 'guest' },
      { firstName: 'A', lastName: 'B', email: 'a@b.org', category: 'guest', affiliation: { $gt: '' } },
    ];
    for (const body of bodies) {
      const res = await t.http.post(desk('/walk-ins')).set(bearer(reception)).send(body as object);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorBody(res.body, res.status);
    }
    const unknownEvent = await t.http
      .post('/api/events/00000000-0000-4000-8000-000000000000/desk/walk-ins')
      .set(bearer(reception))
      .send({ firstName: 'A', lastName: 'B', email: 'a@b.org', category: 'guest' });
    expect(unknownEvent.status).toBe(404);
    expectErrorBody(unknownEvent.body, 404);
    expect(await count()).toBe(before);
  });
});
