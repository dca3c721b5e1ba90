import { expectErrorBody, startTestApp, type TestApp } from '../../support/test-app.js';
import { BEFORE, bearer, clock, contactToken, counts, seedCeremony, type CeremonyFixture } from './ceremony-support.js';

/**
 * Delegates of labelled towns: registered by organisers or by the town's contact through their
 * personal link, seated at the ceremony within the hall's capacity (waiting list beyond), one email
 * per event; the link works for its own town and year only, and stops when replaced or revoked.
 */
describe('Label ceremony: delegates and the town contact’s link', () => {
  let t: TestApp;
  let admin: string;
  let fx: CeremonyFixture;
  const person = (n: number, extra: Record<string, unknown> = {}) => ({ email: `Delegue.${n}@Mairie.test`, firstName: `Élise ${n}`, lastName: `Dû-Pré ${n}`, ...extra });

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '0' });
    admin = await t.adminToken();
    fx = await seedCeremony(t, 3);
    clock(t).set(BEFORE);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('mails the contact a personal link (French) and keeps only its SHA-256', async () => {
    const res = await t.http.post('/api/labels/2012/towns/13094/contact-link').set(bearer(admin)).send({ email: ' Numerique@Saint-Remy.test ', firstName: 'Claire' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ year: 2012, insee: '13094', townName: 'Saint-Rémy-de-Provence', contactEmail: 'numerique@saint-remy.test', replacedPrevious: false });
    expect(JSON.stringify(res.body)).not.toMatch(/[A-Za-z0-9_-]{43}/);
    const [mail] = await t.booted.dataSource.query(`SELECT subject, text_body, locale FROM outbox_messages WHERE template = 'label-contact-link'`);
    expect(mail.locale).toBe('fr');
    expect(mail.subject).toBe('Délégation de Saint-Rémy-de-Provence à la « Remise du Label Ville Internet 2012 »');
    expect(mail.text_body).toContain('Bonjour Claire,');
    const token = /contact\/([A-Za-z0-9_-]{43})/.exec(mail.text_body)![1];
    const [row] = await t.booted.dataSource.query(`SELECT contact_token_hash, contact_email FROM label_awards WHERE year = 2012 AND insee = '13094'`);
    expect(row.contact_email).toBe('numerique@saint-remy.test');
    expect(row.contact_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.contact_token_hash).not.toContain(token);
  });

  it('lets the contact see the town without its level before the reveal, and register a delegate seated at the ceremony', async () => {
    const token = await contactToken(t, admin, '13094', 'numerique@saint-remy.test');
    const view = await t.http.get(`/api/labels/2012/towns/13094/contact/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ year: 2012, insee: '13094', townName: 'Saint-Rémy-de-Provence', level: null, levelRevealed: false, delegates: [], maxDelegates: 6 });
    expect(view.body.ceremony).toEqual({ eventId: fx.eventId, name: 'Remise du Label Ville Internet 2012', startsAt: '2012-02-06T18:00:00+01:00' });
    expect(JSON.stringify(view.body)).not.toContain('"level":3');

    const res = await t.http.post(`/api/labels/2012/towns/13094/contact/${token}/delegates`).send(person(1, { affiliation: 'Adjointe au maire' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      firstName: 'Élise 1', lastName: 'Dû-Pré 1', email: 'delegue.1@mairie.test', affiliation: 'Adjointe au maire',
      town: 'Saint-Rémy-de-Provence', townInsee: '13094', admission: 'admitted', waitingPosition: null, present: false, source: 'self',
    });
    const [p] = await t.booted.dataSource.query(`SELECT categories, town, town_insee, days::text[] AS days, event_id, access_token_hash FROM participants WHERE id = $1`, [res.body.id]);
    expect(p).toMatchObject({ categories: ['city-representative'], town: 'Saint-Rémy-de-Provence', town_insee: '13094', days: ['2012-02-06'], event_id: fx.eventId });
    expect(p.access_token_hash).toMatch(/^[0-9a-f]{64}$/);
    // the delegate is mailed their own personal link, which the registrations' routes honour
    const [mail] = await t.booted.dataSource.query(`SELECT text_body FROM outbox_messages WHERE template = 'registration-confirmed' AND to_address = 'delegue.1@mairie.test'`);
    expect(mail.text_body).toContain('Cérémonie du Label : place confirmée');
    const own = /registrations\/([A-Za-z0-9_-]{43})/.exec(mail.text_body)![1];
    expect((await t.http.get(`/api/registrations/${own}`)).status).toBe(200);
    const again = await t.http.get(`/api/labels/2012/towns/13094/contact/${token}`);
    expect(again.body.delegates.map((d: { lastName: string }) => d.lastName)).toEqual(['Dû-Pré 1']);
  });

  it('refuses a token on another town or year, a replaced or revoked one, and a malformed one, with the same 404', async () => {
    const token = await contactToken(t, admin, '59350', 'contact@lille.test');
    const before = await counts(t);
    for (const url of [
      `/api/labels/2012/towns/13094/contact/${token}`,
      `/api/labels/2011/towns/59350/contact/${token}`,
      `/api/labels/2012/towns/59350/contact/${'A'.repeat(43)}`,
      `/api/labels/2012/towns/59350/contact/short`,
      `/api/labels/2012/towns/59350/contact/${token}x`,
    ]) {
      const get = await t.http.get(url);
      expect([url, get.status]).toEqual([url, 404]);
      expectErrorBody(get.body, 404, 'NOT_FOUND');
      const post = await t.http.post(`${url}/delegates`).send(person(9));
      expect([url, post.status]).toEqual([url, 404]);
    }
    expect((await t.http.get(`/api/labels/2012/towns/59350/contact/${token}`)).status).toBe(200);
    // replaced: the old link stops at once
    const fresh = await contactToken(t, admin, '59350', 'contact@lille.test');
    expect((await t.http.get(`/api/labels/2012/towns/59350/contact/${token}`)).status).toBe(404);
    expect((await t.http.get(`/api/labels/2012/towns/59350/contact/${fresh}`)).status).toBe(200);
    // revoked
    expect((await t.http.delete('/api/labels/2012/towns/59350/contact-link').set(bearer(admin))).status).toBe(204);
    expect((await t.http.get(`/api/labels/2012/towns/59350/contact/${fresh}`)).status).toBe(404);
    expect((await t.http.post(`/api/labels/2012/towns/59350/contact/${fresh}/delegates`).send(person(9))).status).toBe(404);
    const after = await counts(t);
    expect(after.participants).toBe(before.participants);
    // a new link needs no address when one is known; a town without one gets 422
    const reissued = await t.http.post('/api/labels/2012/towns/59350/contact-link').set(bearer(admin)).send({});
    expect(reissued.body).toMatchObject({ contactEmail: 'contact@lille.test', replacedPrevious: false });
    const none = await t.http.post('/api/labels/2012/towns/62041/contact-link').set(bearer(admin)).send({});
    expect(none.status).toBe(422);
    expectErrorBody(none.body, 422, 'CONTACT_EMAIL_REQUIRED');
    expect((await t.http.post('/api/labels/2012/towns/75056/contact-link').set(bearer(admin)).send({ email: 'a@b.test' })).status).toBe(404);
  });

  it('seats delegates within the hall’s capacity, queues the rest, and gives a withdrawn seat to the head of the queue', async () => {
    // capacity 3: one seat taken by the first delegate above
    const token = await contactToken(t, admin, '13094', 'numerique@saint-remy.test');
    const org1 = await t.http.post('/api/labels/2012/towns/92040/delegates').set(bearer(admin)).send(person(2));
    const org2 = await t.http.post('/api/labels/2012/towns/92040/delegates').set(bearer(admin)).send(person(3));
    expect([org1.status, org1.body.admission, org1.body.source]).toEqual([201, 'admitted', 'organiser']);
    expect([org2.status, org2.body.admission]).toEqual([201, 'admitted']);
    const waiting1 = await t.http.post('/api/labels/2012/towns/92040/delegates').set(bearer(admin)).send(person(4));
    const waiting2 = await t.http.post(`/api/labels/2012/towns/13094/contact/${token}/delegates`).send(person(5));
    expect([waiting1.status, waiting1.body.admission, waiting1.body.waitingPosition]).toEqual([201, 'waiting', 1]);
    expect([waiting2.status, waiting2.body.admission, waiting2.body.waitingPosition]).toEqual([201, 'waiting', 2]);
    const [part] = await t.booted.dataSource.query(`SELECT admitted_count, capacity FROM event_parts WHERE id = $1`, [fx.partId]);
    expect(part).toEqual({ admitted_count: 3, capacity: 3 });
    const list = await t.http.get('/api/labels/2012/towns/92040/delegates?pageSize=2').set(bearer(admin));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(list.body.items.map((d: { lastName: string; admission: string }) => [d.lastName, d.admission])).toEqual([['Dû-Pré 2', 'admitted'], ['Dû-Pré 3', 'admitted']]);
    // the contact withdraws their first delegate: the head of the queue (Issy's) is admitted and mailed
    const view = await t.http.get(`/api/labels/2012/towns/13094/contact/${token}`);
    const first = view.body.delegates.find((d: { lastName: string }) => d.lastName === 'Dû-Pré 1');
    // another town's delegate cannot be withdrawn through this link
    expect((await t.http.delete(`/api/labels/2012/towns/13094/contact/${token}/delegates/${org1.body.id}`)).status).toBe(404);
    expect((await t.http.delete(`/api/labels/2012/towns/13094/contact/${token}/delegates/${first.id}`)).status).toBe(204);
    const [promoted] = await t.booted.dataSource.query(`SELECT status FROM part_admissions WHERE participant_id = $1`, [waiting1.body.id]);
    expect(promoted.status).toBe('admitted');
    const granted = await t.booted.dataSource.query(`SELECT to_address FROM outbox_messages WHERE template = 'admission-granted'`);
    expect(granted).toEqual([{ to_address: 'delegue.4@mairie.test' }]);
    const [after] = await t.booted.dataSource.query(`SELECT admitted_count FROM event_parts WHERE id = $1`, [fx.partId]);
    expect(after.admitted_count).toBe(3);
    const [withdrawn] = await t.booted.dataSource.query(`SELECT status FROM participants WHERE id = $1`, [first.id]);
    expect(withdrawn.status).toBe('cancelled');
  });

  it('refuses an email already in the event (any case) and writes nothing', async () => {
    const before = await counts(t);
    const res = await t.http.post('/api/labels/2012/towns/59009/delegates').set(bearer(admin)).send(person(2, { email: 'DELEGUE.2@mairie.TEST' }));
    expect(res.status).toBe(409);
    expectErrorBody(res.body, 409, 'EMAIL_TAKEN');
    expect(await counts(t)).toEqual(before);
  });

  it('bounds a contact to 6 delegates per town (organisers may add more) and honours a closed registration', async () => {
    await t.booted.dataSource.query(`UPDATE event_parts SET capacity = 100 WHERE id = $1`, [fx.partId]);
    const token = await contactToken(t, admin, '2A004', 'contact@ajaccio.test');
    for (let i = 0; i < 6; i++) {
      const res = await t.http.post(`/api/labels/2012/towns/2A004/contact/${token}/delegates`).send(person(100 + i));
      expect(res.status).toBe(201);
    }
    const before = await counts(t);
    const seventh = await t.http.post(`/api/labels/2012/towns/2a004/contact/${token}/delegates`).send(person(107));
    expect(seventh.status).toBe(409);
    expectErrorBody(seventh.body, 409, 'DELEGATE_LIMIT_REACHED');
    expect(await counts(t)).toEqual(before);
    expect((await t.http.post('/api/labels/2012/towns/2A004/delegates').set(bearer(admin)).send(person(107))).status).toBe(201);

    await t.booted.dataSource.query(`INSERT INTO participant_settings (event_id, registration_open) VALUES ($1, false)`, [fx.eventId]);
    const lille = await contactToken(t, admin, '59350', 'contact@lille.test');
    const closed = await t.http.post(`/api/labels/2012/towns/59350/contact/${lille}/delegates`).send(person(108));
    expect(closed.status).toBe(409);
    expectErrorBody(closed.body, 409, 'REGISTRATION_CLOSED');
    expect((await t.http.post('/api/labels/2012/towns/59350/delegates').set(bearer(admin)).send(person(108))).status).toBe(201);
    await t.booted.dataSource.query(`DELETE FROM participant_settings WHERE event_id = $1`, [fx.eventId]);
  });

  it('answers a year without a ceremony part with 409, and unknown towns and years with 404', async () => {
    await t.booted.dataSource.query(`INSERT INTO label_years (year) VALUES (2011)`);
    await t.booted.dataSource.query(`INSERT INTO label_awards (year, insee, town_name, departement, region, level) VALUES (2011, '59350', 'Lille', '59', 'Nord-Pas-de-Calais', 4)`);
    const before = await counts(t);
    const none = await t.http.post('/api/labels/2011/towns/59350/delegates').set(bearer(admin)).send(person(200));
    expect(none.status).toBe(409);
    expectErrorBody(none.body, 409, 'CEREMONY_NOT_SET');
    expect((await t.http.post('/api/labels/2013/towns/59350/delegates').set(bearer(admin)).send(person(200))).status).toBe(404);
    expect((await t.http.post('/api/labels/2012/towns/75056/delegates').set(bearer(admin)).send(person(200))).status).toBe(404);
    expect((await t.http.get('/api/labels/2012/towns/75056/delegates').set(bearer(admin))).status).toBe(404);
    expect(await counts(t)).toEqual(before);
  });

  it('under concurrent requests, never seats more than the capacity nor lets a contact go past 6 delegates', async () => {
    await t.booted.dataSource.query(`UPDATE event_parts SET capacity = admitted_count + 4 WHERE id = $1`, [fx.partId]);
    const [{ admitted_count: seatedBefore }] = await t.booted.dataSource.query(`SELECT admitted_count FROM event_parts WHERE id = $1`, [fx.partId]);
    const token = await contactToken(t, admin, '97411', 'contact@saint-denis.test');
    const results = await Promise.all([
      ...Array.from({ length: 10 }, (_v, i) => t.http.post(`/api/labels/2012/towns/97411/contact/${token}/delegates`).send(person(400 + i))),
      ...Array.from({ length: 6 }, (_v, i) => t.http.post('/api/labels/2012/towns/33063/delegates').set(bearer(admin)).send(person(500 + i))),
    ]);
    const contact = results.slice(0, 10);
    expect(contact.filter((r) => r.status === 201)).toHaveLength(6);
    expect(contact.filter((r) => r.status === 409).map((r) => r.body.error)).toEqual(Array(4).fill('DELEGATE_LIMIT_REACHED'));
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(12);
    expect(created.filter((r) => r.body.admission === 'admitted')).toHaveLength(4);
    // the waiting ones queue behind whoever was already waiting, each at their own place
    const positions = created.filter((r) => r.body.admission === 'waiting').map((r) => r.body.waitingPosition as number).sort((a, b) => a - b);
    expect(positions).toHaveLength(8);
    expect(positions).toEqual(positions.map((_p, i) => positions[0] + i));
    const [part] = await t.booted.dataSource.query(`SELECT admitted_count, capacity FROM event_parts WHERE id = $1`, [fx.partId]);
    expect(part.admitted_count).toBe(seatedBefore + 4);
    expect(part.admitted_count).toBe(part.capacity);
    const [{ n }] = await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM participants WHERE town_insee = '97411' AND status = 'registered'`);
    expect(n).toBe(6);
  });

  it('replays the first answer for a retried Idempotency-Key on the contact’s route, and refuses the key with another body', async () => {
    await t.booted.dataSource.query(`UPDATE event_parts SET capacity = admitted_count + 10 WHERE id = $1`, [fx.partId]);
    const token = await contactToken(t, admin, '62041', 'contact@arras.test');
    const url = `/api/labels/2012/towns/62041/contact/${token}/delegates`;
    const first = await t.http.post(url).set('Idempotency-Key', 'arras-1').send(person(600));
    expect(first.status).toBe(201);
    const before = await counts(t);
    const retry = await t.http.post(url).set('Idempotency-Key', 'arras-1').send(person(600));
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await counts(t)).toEqual(before);
    const reused = await t.http.post(url).set('Idempotency-Key', 'arras-1').send(person(601));
    expect(reused.status).toBe(422);
    expectErrorBody(reused.body, 422, 'IDEMPOTENCY_KEY_REUSED');
    // without the key, the same body again is a second registration of the same email
    expect((await t.http.post(url).send(person(600))).status).toBe(409);
    // a refused request leaves its key free: the same key works once the request is valid
    const refused = await t.http.post(url).set('Idempotency-Key', 'arras-2').send(person(600));
    expect(refused.status).toBe(409);
    expect((await t.http.post(url).set('Idempotency-Key', 'arras-2').send(person(602))).status).toBe(201);
    for (const bad of ['', 'é', 'x'.repeat(201), 'tab\there']) {
      const res = await t.http.post(url).set('Idempotency-Key', bad).send(person(603));
      expect([bad.slice(0, 10), res.status]).toEqual([bad.slice(0, 10), 400]);
      expectErrorBody(res.body, 400);
    }
    expect(await counts(t)).toEqual({ ...before, participants: before.participants + 1, admissions: before.admissions + 1, seats: before.seats + 1, mails: before.mails + 1 });
  });

  it('answers hostile paths and bodies with a 4xx in the error shape and writes nothing', async () => {
    const token = await contactToken(t, admin, '38185', 'contact@grenoble.test');
    const before = await counts(t);
    const huge = 'é'.repeat(100_000);
    const bodies: unknown[] = [
      {}, [], 'text', 42, null, { ...person(300), extra: 1 }, { ...person(300), email: 'not-an-email' }, { ...person(300), email: huge },
      { ...person(300), firstName: '' }, { ...person(300), firstName: 'a\u0000b' }, { ...person(300), lastName: huge }, { ...person(300), lastName: ['x'] },
      { ...person(300), email: { $gt: '' } }, { ...person(300), affiliation: 'two\nlines' }, { ...person(300), language: 'de' },
      { constructor: { prototype: { x: 1 } } },
    ];
    const routes = ['/api/labels/2012/towns/38185/delegates', `/api/labels/2012/towns/38185/contact/${token}/delegates`];
    for (const url of routes) {
      for (const body of bodies) {
        const res = await t.http.post(url).set(bearer(admin)).set('content-type', 'application/json').send(JSON.stringify(body) ?? 'null');
        expect([url, JSON.stringify(body)?.slice(0, 40), res.status >= 400 && res.status < 500]).toEqual([url, JSON.stringify(body)?.slice(0, 40), true]);
        expectErrorBody(res.body, res.status);
      }
      const proto = JSON.stringify(person(300)).replace('{', '{"__proto__":{"admin":true},');
      for (const raw of ['{"email": ', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000), proto]) {
        const res = await t.http.post(url).set(bearer(admin)).set('content-type', 'application/json').send(raw);
        expect(res.status).toBe(400);
        expectErrorBody(res.body, 400);
      }
    }
    for (const body of [{ email: 'nope' }, { email: huge }, { firstName: 12 }, { extra: true }, { email: 'a@b.test', firstName: 'x\u0007' }]) {
      const res = await t.http.post('/api/labels/2012/towns/38185/contact-link').set(bearer(admin)).send(body);
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    }
    for (const url of [
      '/api/labels/12/towns/38185/delegates', '/api/labels/deux/towns/38185/delegates', '/api/labels/2012.5/towns/38185/delegates', `/api/labels/${'9'.repeat(400)}/towns/38185/delegates`,
      '/api/labels/2012/towns/3818/delegates', '/api/labels/2012/towns/%00%27;DROP/delegates', '/api/labels/2012/towns/2C004/delegates',
      '/api/labels/1789/towns/38185/delegates',
    ]) {
      const res = await t.http.get(url).set(bearer(admin));
      expect([url, res.status]).toEqual([url, 400]);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    }
    const badId = await t.http.delete(`/api/labels/2012/towns/38185/contact/${token}/delegates/not-a-uuid`);
    expect(badId.status).toBe(400);
    expectErrorBody(badId.body, 400);
    expect(await counts(t)).toEqual(before);
  });
});
