import { randomUUID } from 'node:crypto';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, tableCounts } from './participants-support.js';

interface Registration {
  participant: { id: string; email: string; days: string[]; firstName: string; status: string };
  admissions: { code: string; status: string; position: number | null }[];
  token: string;
  link: string;
}

/**
 * Self-registration and the personal link through HTTP: change one's days and parts (a dropped seat
 * goes to the head of the waiting list, who is mailed), revoke the link (the old one is dead, the new
 * one mailed), closed registration, cancel (every seat released, the queue promoted in each part),
 * and hostile bodies refused with no row written.
 */
describe('Registrations: the personal link', () => {
  let t: TestApp;
  let organiser: string;
  let eventId: string;

  const register = async (email: string, parts: string[] = [], extra: Record<string, unknown> = {}): Promise<Registration> => {
    const res = await t.http.post(`/api/events/${eventId}/registrations`).send({ firstName: 'Zoë', lastName: email.split('@')[0], email, category: 'researcher', parts, ...extra });
    expect({ email, status: res.status }).toEqual({ email, status: 201 });
    return res.body as Registration;
  };
  const part = async (code: string, capacity: number, admission = 'sign-up') => {
    const res = await t.http.post(`/api/events/${eventId}/parts`).set(bearer(organiser)).send({ code, nameFr: `Partie ${code}`, kind: 'workshop', admission, capacity });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const statusIn = (r: { admissions: { code: string; status: string }[] }, code: string) => r.admissions.find((a) => a.code === code)?.status ?? null;
  const mailsTo = async (email: string, template: string): Promise<string[]> =>
    ((await t.booted.dataSource.query(`SELECT text_body FROM outbox_messages WHERE to_address = $1 AND template = $2 ORDER BY created_at`, [email, template])) as { text_body: string }[]).map(
      (r) => r.text_body,
    );
  const counts = async () => ({
    ...(await tableCounts(t)),
    outbox: Number((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages`))[0].n),
    keys: Number((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM idempotency_keys`))[0].n),
  });

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    const event = await t.http.post('/api/events').set(bearer(organiser)).send({ slug: 'link2030', nameFr: 'Villes et territoires numériques', startDate: '2030-02-06', endDate: '2030-02-07' });
    eventId = event.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers, mails the personal link, and shows the registration through it', async () => {
    await part('jour-1', 100, 'open');
    const me = await register('Helene.Dupre@Example.org', ['jour-1'], { firstName: 'Hélène', lastName: 'Dupré', days: ['2030-02-06'] });
    expect(me.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(me.link).toBe(`${t.config.publicUrl}/api/registrations/${me.token}`);
    expect(me.participant).toMatchObject({ email: 'helene.dupre@example.org', firstName: 'Hélène', days: ['2030-02-06'], status: 'registered' });
    expect(statusIn(me, 'jour-1')).toBe('admitted');
    const [mail] = await mailsTo('helene.dupre@example.org', 'registration-confirmed');
    expect(mail).toContain(me.link);
    const view = await t.http.get(`/api/registrations/${me.token}`);
    expect(view.status).toBe(200);
    expect(view.body).toEqual({ participant: me.participant, admissions: me.admissions });
    expect(view.body.token).toBeUndefined();
  });

  it('changes days, names and needs through the link; a day outside the event is 422 and changes nothing', async () => {
    const me = await register('days@example.org');
    const res = await t.http.patch(`/api/registrations/${me.token}`).send({ days: ['2030-02-07', '2030-02-06'], firstName: 'Łukasz', dietaryNeeds: 'sans gluten' });
    expect(res.status).toBe(200);
    expect(res.body.participant).toMatchObject({ firstName: 'Łukasz', dietaryNeeds: 'sans gluten' });
    expect([...res.body.participant.days].sort()).toEqual(['2030-02-06', '2030-02-07']);
    const outside = await t.http.patch(`/api/registrations/${me.token}`).send({ days: ['2030-02-08'], firstName: 'Autre' });
    expectErrorBody(outside.body, 422, 'VALIDATION_FAILED');
    const after = (await t.http.get(`/api/registrations/${me.token}`)).body;
    expect(after.participant).toMatchObject({ firstName: 'Łukasz' });
    expect([...after.participant.days].sort()).toEqual(['2030-02-06', '2030-02-07']);
    const cleared = await t.http.patch(`/api/registrations/${me.token}`).send({ days: [], dietaryNeeds: null });
    expect(cleared.body.participant).toMatchObject({ days: [], dietaryNeeds: null });
  });

  it('adds and drops parts through the link; a dropped seat goes to the head of the waiting list, who is mailed', async () => {
    await part('atelier-a', 2);
    await part('atelier-b', 5);
    const first = await register('first@example.org', ['atelier-a']);
    await register('second@example.org', ['atelier-a']);
    const third = await register('third@example.org', ['atelier-a']);
    const fourth = await register('fourth@example.org', ['atelier-a']);
    expect([statusIn(third, 'atelier-a'), statusIn(fourth, 'atelier-a')]).toEqual(['waiting', 'waiting']);
    expect(fourth.admissions[0].position).toBe(2);

    const moved = await t.http.patch(`/api/registrations/${first.token}`).send({ dropParts: ['atelier-a'], addParts: ['atelier-b'] });
    expect(moved.status).toBe(200);
    expect(moved.body.admissions.map((a: { code: string; status: string }) => [a.code, a.status])).toEqual([['atelier-b', 'admitted']]);
    const thirdNow = (await t.http.get(`/api/registrations/${third.token}`)).body;
    expect(statusIn(thirdNow, 'atelier-a')).toBe('admitted');
    const fourthNow = (await t.http.get(`/api/registrations/${fourth.token}`)).body;
    expect(fourthNow.admissions[0]).toMatchObject({ status: 'waiting', position: 1 });
    expect(await mailsTo('third@example.org', 'admission-granted')).toHaveLength(1);
    expect(await mailsTo('fourth@example.org', 'admission-granted')).toHaveLength(0);

    // adding a part one holds, or dropping one not held, changes nothing
    const again = await t.http.patch(`/api/registrations/${first.token}`).send({ addParts: ['atelier-b'], dropParts: ['jour-1'] });
    expect(again.status).toBe(200);
    expect(again.body.admissions.map((a: { code: string; status: string }) => [a.code, a.status])).toEqual([['atelier-b', 'admitted']]);
    // asking again for the part one left puts one at the end of its queue
    const back = await t.http.patch(`/api/registrations/${first.token}`).send({ addParts: ['atelier-a'] });
    expect(back.body.admissions.find((a: { code: string }) => a.code === 'atelier-a')).toMatchObject({ status: 'waiting', position: 2 });

    const before = await counts();
    const both = await t.http.patch(`/api/registrations/${first.token}`).send({ addParts: ['atelier-b'], dropParts: ['atelier-b'] });
    expectErrorBody(both.body, 422, 'VALIDATION_FAILED');
    const unknown = await t.http.patch(`/api/registrations/${first.token}`).send({ addParts: ['atelier-z'], firstName: 'Pas changé' });
    expectErrorBody(unknown.body, 422, 'VALIDATION_FAILED');
    expect(unknown.body.details).toMatchObject({ unknown: ['atelier-z'] });
    expect(await counts()).toEqual(before);
    expect((await t.http.get(`/api/registrations/${first.token}`)).body.participant.firstName).toBe('Zoë');
  });

  it('revokes the link: the old token is 404 everywhere, the new link is mailed to the registration’s address and works', async () => {
    const me = await register('revoke@example.org', ['jour-1']);
    const res = await t.http.post(`/api/registrations/${me.token}/revoke`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ revoked: true });
    expectErrorBody((await t.http.get(`/api/registrations/${me.token}`)).body, 404, 'NOT_FOUND');
    expectErrorBody((await t.http.patch(`/api/registrations/${me.token}`).send({ firstName: 'X' })).body, 404, 'NOT_FOUND');
    expectErrorBody((await t.http.delete(`/api/registrations/${me.token}`)).body, 404, 'NOT_FOUND');
    expectErrorBody((await t.http.post(`/api/registrations/${me.token}/revoke`)).body, 404, 'NOT_FOUND');
    const mails = await mailsTo('revoke@example.org', 'registration-confirmed');
    expect(mails).toHaveLength(2);
    expect(mails[1]).not.toContain(me.token);
    const fresh = /\/api\/registrations\/([A-Za-z0-9_-]{43})/.exec(mails[1])?.[1];
    expect(fresh).toBeDefined();
    const view = await t.http.get(`/api/registrations/${fresh}`);
    expect(view.status).toBe(200);
    expect(view.body.participant.id).toBe(me.participant.id);
    expect(mails[1]).toContain('Partie jour-1');
    // nobody else was mailed a link
    expect(Number((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE text_body LIKE $1 AND to_address <> 'revoke@example.org'`, [`%${fresh}%`]))[0].n)).toBe(0);
  });

  it('refuses registrations while registration is closed (409 REGISTRATION_CLOSED), writing nothing', async () => {
    const close = await t.http.put(`/api/events/${eventId}/participant-settings`).set(bearer(organiser)).send({ registrationOpen: false });
    expect(close.status).toBe(200);
    const before = await counts();
    const res = await t.http.post(`/api/events/${eventId}/registrations`).set('Idempotency-Key', 'closed-1').send({ firstName: 'A', lastName: 'B', email: 'late@example.org', category: 'guest', parts: ['jour-1'] });
    expect(res.status).toBe(409);
    expectErrorBody(res.body, 409, 'REGISTRATION_CLOSED');
    expect(await counts()).toEqual(before);
    await t.http.put(`/api/events/${eventId}/participant-settings`).set(bearer(organiser)).send({ registrationOpen: true });
    const late = await register('late@example.org', ['jour-1']);
    expect(statusIn(late, 'jour-1')).toBe('admitted');
  });

  it('cancels through the link: every seat is released and the head of each waiting list admitted and mailed', async () => {
    await part('diner', 1);
    await part('visite', 1);
    const leaver = await register('leaver@example.org', ['diner', 'visite', 'jour-1']);
    expect(leaver.admissions.map((a) => a.status)).toEqual(['admitted', 'admitted', 'admitted']);
    const dinerNext = await register('diner-next@example.org', ['diner']);
    const visiteNext = await register('visite-next@example.org', ['visite']);
    const visiteAfter = await register('visite-after@example.org', ['visite']);
    expect([statusIn(dinerNext, 'diner'), statusIn(visiteNext, 'visite'), statusIn(visiteAfter, 'visite')]).toEqual(['waiting', 'waiting', 'waiting']);
    const jourBefore = (await t.booted.dataSource.query(`SELECT admitted_count FROM event_parts WHERE code = 'jour-1'`))[0].admitted_count as number;

    expect((await t.http.delete(`/api/registrations/${leaver.token}`)).status).toBe(204);
    const gone = await t.http.get(`/api/registrations/${leaver.token}`);
    expect(gone.body.participant.status).toBe('cancelled');
    expect(gone.body.admissions).toEqual([]);
    expect(statusIn((await t.http.get(`/api/registrations/${dinerNext.token}`)).body, 'diner')).toBe('admitted');
    expect(statusIn((await t.http.get(`/api/registrations/${visiteNext.token}`)).body, 'visite')).toBe('admitted');
    expect((await t.http.get(`/api/registrations/${visiteAfter.token}`)).body.admissions[0]).toMatchObject({ status: 'waiting', position: 1 });
    expect(await mailsTo('diner-next@example.org', 'admission-granted')).toHaveLength(1);
    expect(await mailsTo('visite-next@example.org', 'admission-granted')).toHaveLength(1);
    expect(await mailsTo('visite-after@example.org', 'admission-granted')).toHaveLength(0);
    const seats: { code: string; admitted_count: number }[] = await t.booted.dataSource.query(`SELECT code, admitted_count FROM event_parts WHERE code IN ('diner', 'visite', 'jour-1') ORDER BY code`);
    expect(seats).toEqual([
      { code: 'diner', admitted_count: 1 },
      { code: 'jour-1', admitted_count: jourBefore - 1 },
      { code: 'visite', admitted_count: 1 },
    ]);

    // a cancelled registration cannot take seats again through the link; cancelling twice is harmless
    expectErrorBody((await t.http.patch(`/api/registrations/${leaver.token}`).send({ addParts: ['diner'] })).body, 409, 'REGISTRATION_CANCELLED');
    expect((await t.http.delete(`/api/registrations/${leaver.token}`)).status).toBe(204);
    expect((await t.booted.dataSource.query(`SELECT admitted_count FROM event_parts WHERE code = 'diner'`))[0].admitted_count).toBe(1);
  });

  it('refuses hostile bodies and tokens on every registration route with a 4xx in the error shape, writing nothing', async () => {
    const me = await register('target@example.org', ['jour-1']);
    const valid = { firstName: 'Ève', lastName: 'Martin', email: 'hostile@example.org', category: 'researcher' };
    const before = await counts();
    const post = (body: unknown, key?: string) => {
      const req = t.http.post(`/api/events/${eventId}/registrations`);
      if (key) req.set('Idempotency-Key', key);
      return req.send(body as object);
    };
    const hostileCreates: unknown[] = [
      [],
      'x',
      { ...valid, email: 'not-an-email' },
      { ...valid, email: 'x'.repeat(300) + '@example.org' },
      { ...valid, firstName: '' },
      { ...valid, firstName: 'x'.repeat(100_000) },
      { ...valid, firstName: { $ne: null } },
      { ...valid, category: 'organiser' },
      { ...valid, category: 'speaker' },
      { ...valid, parts: 'jour-1' },
      { ...valid, parts: ['JOUR 1'] },
      { ...valid, parts: ['jour-1', 'jour-1'] },
      { ...valid, parts: Array.from({ length: 51 }, (_, i) => `p-${i}`) },
      { ...valid, parts: ['atelier-inconnu'] },
      { ...valid, parts: [randomUUID()] },
      { ...valid, days: ['2030-02-08'] },
      { ...valid, days: ['06/02/2030'] },
      { ...valid, days: '2030-02-06' },
      { ...valid, consentPublicList: 'yes' },
      { ...valid, category: 'city-representative' },
      { ...valid, status: 'registered' },
      { ...valid, accessTokenHash: 'x' },
      { ...valid, language: 'de' },
      { ...valid, email: 'TARGET@example.org' },
    ];
    for (const body of hostileCreates) {
      const res = await post(body, 'hostile-key');
      expect({ body: JSON.stringify(body).slice(0, 80), status: res.status >= 400 && res.status < 500 }).toEqual({ body: JSON.stringify(body).slice(0, 80), status: true });
      expectErrorBody(res.body, res.status);
    }
    const raw = async (method: 'post' | 'patch', path: string, text: string) => t.http[method](path).set('content-type', 'application/json').send(text);
    for (const text of ['{"firstName": ', '{"__proto__": {"admin": true}, "firstName": "A"}', '{"constructor": {"prototype": {}}}', `${'['.repeat(40)}${']'.repeat(40)}`]) {
      for (const [method, path] of [['post', `/api/events/${eventId}/registrations`], ['patch', `/api/registrations/${me.token}`]] as const) {
        const res = await raw(method, path, text);
        expect({ text: text.slice(0, 40), path, status: res.status }).toEqual({ text: text.slice(0, 40), path, status: 400 });
        expectErrorBody(res.body, 400);
      }
    }
    expectErrorBody((await post(valid, 'é-not-ascii')).body, 400);
    expectErrorBody((await post(valid, 'k'.repeat(201))).body, 400);
    expectErrorBody((await t.http.post(`/api/events/${randomUUID()}/registrations`).send(valid)).body, 404);
    expectErrorBody((await t.http.post('/api/events/not-a-uuid/registrations').send(valid)).body, 400);

    const hostilePatches: unknown[] = [
      [],
      { firstName: '' },
      { firstName: null },
      { email: 'new@example.org' },
      { category: 'organiser' },
      { status: 'cancelled' },
      { addParts: 'jour-1' },
      { addParts: ['jour-1', 'jour-1'] },
      { addParts: ['inconnu'] },
      { dropParts: [randomUUID()] },
      { addParts: ['jour-1'], dropParts: ['jour-1'] },
      { days: ['2030-02-05'] },
      { days: [42] },
      { consentPhoto: 'true' },
      { lastName: 'x'.repeat(100_000) },
    ];
    for (const body of hostilePatches) {
      const res = await t.http.patch(`/api/registrations/${me.token}`).send(body as object);
      expect({ body: JSON.stringify(body).slice(0, 80), status: res.status >= 400 && res.status < 500 }).toEqual({ body: JSON.stringify(body).slice(0, 80), status: true });
      expectErrorBody(res.body, res.status);
    }
    for (const token of ['a'.repeat(43), 'short', `${me.token}x`, `${me.token.slice(0, 42)}%00`, '..%2F..%2Fetc%2Fpasswd']) {
      expectErrorBody((await t.http.get(`/api/registrations/${token}`)).body, 404);
      expectErrorBody((await t.http.patch(`/api/registrations/${token}`).send({ firstName: 'X' })).body, 404);
      expectErrorBody((await t.http.delete(`/api/registrations/${token}`)).body, 404);
      expectErrorBody((await t.http.post(`/api/registrations/${token}/revoke`)).body, 404);
    }
    expect(await counts()).toEqual(before);
    const still = (await t.http.get(`/api/registrations/${me.token}`)).body;
    expect(still.participant).toMatchObject({ firstName: 'Zoë', email: 'target@example.org', status: 'registered' });
    expect(statusIn(still, 'jour-1')).toBe('admitted');
  });
});
