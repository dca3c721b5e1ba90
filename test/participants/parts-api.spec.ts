import { randomUUID } from 'node:crypto';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, tableCounts } from './participants-support.js';

/**
 * The organisers' parts through HTTP: create, read, change and delete with their validation; a
 * capacity below the seats given is refused, a larger one admits the queue in order and mails the
 * people admitted; organisers admit and cancel people by hand, whatever the rule, never beyond
 * capacity; hostile bodies are refused with nothing written.
 */
describe('Parts: organisers', () => {
  let t: TestApp;
  let organiser: string;
  let reception: string;
  let eventId: string;
  let otherEventId: string;

  const createPart = (body: Record<string, unknown>, event = eventId) => t.http.post(`/api/events/${event}/parts`).set(bearer(organiser)).send(body);
  const patchPart = (id: string, body: unknown) => t.http.patch(`/api/parts/${id}`).set(bearer(organiser)).send(body as object);
  const admissionsOf = async (partId: string, status?: string) => {
    const res = await t.http.get(`/api/parts/${partId}/admissions${status ? `?status=${status}` : ''}`).set(bearer(organiser));
    expect(res.status).toBe(200);
    return res.body.items as { email: string; status: string; position: number | null }[];
  };
  /** A person registered through the public route (no part), as organisers will admit them. */
  const person = async (email: string, parts: string[] = [], event = eventId) => {
    const res = await t.http.post(`/api/events/${event}/registrations`).send({ firstName: 'Zoë', lastName: email.split('@')[0], email, category: 'researcher', parts });
    expect(res.status).toBe(201);
    return res.body as { participant: { id: string }; admissions: { code: string; status: string; position: number | null }[]; token: string };
  };
  /** Who was mailed « admission granted », sorted (mails written in one transaction share their time). */
  const grantedMails = async (): Promise<string[]> =>
    ((await t.booted.dataSource.query(`SELECT to_address FROM outbox_messages WHERE template = 'admission-granted' ORDER BY to_address`)) as { to_address: string }[]).map((r) => r.to_address);
  const partRows = async () => Number((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM event_parts`))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    reception = await t.tokenFor('reception');
    const make = async (slug: string) =>
      (await t.http.post('/api/events').set(bearer(organiser)).send({ slug, nameFr: 'Villes et territoires numériques', startDate: '2030-02-06', endDate: '2030-02-07' })).body.id as string;
    eventId = await make('parts2030');
    otherEventId = await make('autre2030');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates, lists, reads and changes a part, with its counts', async () => {
    const res = await createPart({ code: 'ceremonie', nameFr: 'Cérémonie du Label', nameEn: 'Label ceremony', kind: 'ceremony', admission: 'invitation', capacity: 300, badgeRibbon: 'Cérémonie', displayOrder: 2 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      eventId,
      code: 'ceremonie',
      nameFr: 'Cérémonie du Label',
      nameEn: 'Label ceremony',
      kind: 'ceremony',
      admission: 'invitation',
      day: null,
      capacity: 300,
      admitted: 0,
      waiting: 0,
      requested: 0,
      seatsLeft: 300,
      badgeRibbon: 'Cérémonie',
      displayOrder: 2,
    });
    const day = await createPart({ code: 'jour-1', nameFr: 'Premier jour', kind: 'day', admission: 'open', day: '2030-02-06', displayOrder: 1 });
    expect(day.status).toBe(201);
    expect(day.body).toMatchObject({ capacity: null, seatsLeft: null, day: '2030-02-06', nameEn: null });

    const list = await t.http.get(`/api/events/${eventId}/parts`).set(bearer(organiser));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, page: 1 });
    expect(list.body.items.map((p: { code: string }) => p.code)).toEqual(['jour-1', 'ceremonie']);

    const one = await t.http.get(`/api/parts/${res.body.id}`).set(bearer(organiser));
    expect(one.status).toBe(200);
    expect(one.body).toEqual(res.body);

    const changed = await patchPart(res.body.id, { nameFr: 'Cérémonie', nameEn: null, capacity: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ nameFr: 'Cérémonie', nameEn: null, capacity: null, code: 'ceremonie', admission: 'invitation' });
  });

  it('refuses invalid parts with 400/404/409/422 in the error shape and writes nothing', async () => {
    const before = await partRows();
    const valid = { code: 'atelier-x', nameFr: 'Atelier', kind: 'workshop', admission: 'sign-up', capacity: 10 };
    const bad: [Record<string, unknown>, number][] = [
      [{ ...valid, code: 'Atelier X' }, 400],
      [{ ...valid, code: '' }, 400],
      [{ ...valid, kind: 'party' }, 400],
      [{ ...valid, admission: 'lottery' }, 400],
      [{ ...valid, capacity: 0 }, 400],
      [{ ...valid, capacity: -5 }, 400],
      [{ ...valid, capacity: 2.5 }, 400],
      [{ ...valid, capacity: '10' }, 400],
      [{ ...valid, day: '2030-02-30' }, 400],
      [{ ...valid, nameFr: '' }, 400],
      [{ ...valid, nameFr: 'x'.repeat(201) }, 400],
      [{ ...valid, admittedCount: 5 }, 400],
      [{ ...valid, sessionId: 'not-a-uuid' }, 400],
      [{ nameFr: 'Sans code', kind: 'other', admission: 'open' }, 400],
      [{ ...valid, code: 'ceremonie' }, 409],
    ];
    for (const [body, status] of bad) {
      const res = await createPart(body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expectErrorBody(res.body, status, status === 409 ? 'PART_CODE_TAKEN' : undefined);
    }
    expectErrorBody((await createPart(valid, randomUUID())).body, 404, 'NOT_FOUND');
    expectErrorBody((await createPart(valid, 'not-a-uuid')).body, 400);
    const parts = (await t.http.get(`/api/events/${eventId}/parts`).set(bearer(organiser))).body.items as { id: string; code: string }[];
    const ceremony = parts.find((p) => p.code === 'ceremonie')!.id;
    for (const [body, status] of [
      [{ code: 'jour-1' }, 409],
      [{ nameFr: null }, 400],
      [{ kind: null }, 400],
      [{ admission: null }, 400],
      [{ capacity: 0 }, 400],
      [{ eventId: otherEventId }, 400],
      [[], 400],
    ] as [unknown, number][]) {
      const res = await patchPart(ceremony, body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expectErrorBody(res.body, status);
    }
    expectErrorBody((await patchPart(randomUUID(), { nameFr: 'X' })).body, 404, 'NOT_FOUND');
    expectErrorBody((await t.http.get(`/api/parts/${randomUUID()}`).set(bearer(organiser))).body, 404, 'NOT_FOUND');
    expect(await partRows()).toBe(before);
    expect((await t.http.get(`/api/parts/${ceremony}`).set(bearer(organiser))).body).toMatchObject({ code: 'ceremonie', nameFr: 'Cérémonie', kind: 'ceremony' });
  });

  it('is for organisers only', async () => {
    const parts = (await t.http.get(`/api/events/${eventId}/parts`).set(bearer(organiser))).body.items as { id: string }[];
    expectErrorBody((await t.http.get(`/api/events/${eventId}/parts`)).body, 401);
    expectErrorBody((await t.http.get(`/api/events/${eventId}/parts`).set(bearer(reception))).body, 403);
    expectErrorBody((await t.http.patch(`/api/parts/${parts[0].id}`).set(bearer(reception)).send({ capacity: 1 })).body, 403);
    expectErrorBody((await t.http.delete(`/api/parts/${parts[0].id}`)).body, 401);
  });

  it('refuses a capacity below the seats given (409 CAPACITY_BELOW_ADMITTED); a larger one admits the queue in order and mails each one', async () => {
    const part = (await createPart({ code: 'atelier-1', nameFr: 'Atelier 1', kind: 'workshop', admission: 'sign-up', capacity: 2 })).body.id as string;
    const people = [];
    for (let i = 1; i <= 6; i++) people.push(await person(`cap${i}@example.org`, ['atelier-1']));
    expect(people.map((p) => p.admissions[0].status)).toEqual(['admitted', 'admitted', 'waiting', 'waiting', 'waiting', 'waiting']);
    expect(people.slice(2).map((p) => p.admissions[0].position)).toEqual([1, 2, 3, 4]);

    const lower = await patchPart(part, { capacity: 1 });
    expect(lower.status).toBe(409);
    expectErrorBody(lower.body, 409, 'CAPACITY_BELOW_ADMITTED');
    expect(lower.body.details).toEqual({ admitted: 2, capacity: 1 });
    expect((await t.http.get(`/api/parts/${part}`).set(bearer(organiser))).body).toMatchObject({ capacity: 2, admitted: 2, waiting: 4 });
    expect(await grantedMails()).toEqual([]);

    const same = await patchPart(part, { capacity: 2 });
    expect(same.body).toMatchObject({ capacity: 2, admitted: 2, waiting: 4 });

    const raised = await patchPart(part, { capacity: 4 });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ capacity: 4, admitted: 4, waiting: 2, seatsLeft: 0 });
    expect((await admissionsOf(part, 'admitted')).map((a) => a.email)).toEqual(['cap1@example.org', 'cap2@example.org', 'cap3@example.org', 'cap4@example.org']);
    expect((await admissionsOf(part, 'waiting')).map((a) => [a.email, a.position])).toEqual([
      ['cap5@example.org', 1],
      ['cap6@example.org', 2],
    ]);
    expect(await grantedMails()).toEqual(['cap3@example.org', 'cap4@example.org']);
    const body: { text_body: string }[] = await t.booted.dataSource.query(`SELECT text_body FROM outbox_messages WHERE template = 'admission-granted' AND to_address = 'cap3@example.org'`);
    expect(body[0].text_body).toContain('Atelier 1');

    // no limit: everyone waiting is admitted
    const unlimited = await patchPart(part, { capacity: null });
    expect(unlimited.body).toMatchObject({ capacity: null, admitted: 6, waiting: 0, seatsLeft: null });
    expect(await grantedMails()).toEqual(['cap3@example.org', 'cap4@example.org', 'cap5@example.org', 'cap6@example.org']);
    const lowerAgain = await patchPart(part, { capacity: 5 });
    expectErrorBody(lowerAgain.body, 409, 'CAPACITY_BELOW_ADMITTED');
  });

  it('deletes a part nobody holds or waits for; one in use is 409 PART_IN_USE', async () => {
    const empty = (await createPart({ code: 'vide', nameFr: 'Vide', kind: 'other', admission: 'open', capacity: 5 })).body.id as string;
    expect((await t.http.delete(`/api/parts/${empty}`).set(bearer(organiser))).status).toBe(204);
    expectErrorBody((await t.http.get(`/api/parts/${empty}`).set(bearer(organiser))).body, 404, 'NOT_FOUND');
    expectErrorBody((await t.http.delete(`/api/parts/${empty}`).set(bearer(organiser))).body, 404, 'NOT_FOUND');

    const used = (await createPart({ code: 'diner', nameFr: 'Dîner', kind: 'dinner', admission: 'open', capacity: 1 })).body.id as string;
    const holder = await person('diner1@example.org', ['diner']);
    const waiter = await person('diner2@example.org', ['diner']);
    expect(waiter.admissions[0].status).toBe('waiting');
    const refused = await t.http.delete(`/api/parts/${used}`).set(bearer(organiser));
    expect(refused.status).toBe(409);
    expectErrorBody(refused.body, 409, 'PART_IN_USE');
    expect(refused.body.details).toEqual({ live: 2 });
    // the holder leaves: the waiting one is admitted, still in use
    expect((await t.http.delete(`/api/parts/${used}/admissions/${holder.participant.id}`).set(bearer(organiser))).status).toBe(204);
    expectErrorBody((await t.http.delete(`/api/parts/${used}`).set(bearer(organiser))).body, 409, 'PART_IN_USE');
    expect((await t.http.delete(`/api/parts/${used}/admissions/${waiter.participant.id}`).set(bearer(organiser))).status).toBe(204);
    // only cancelled places remain: the part goes, and its rows with it
    expect((await t.http.delete(`/api/parts/${used}`).set(bearer(organiser))).status).toBe(204);
    expect(Number((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM part_admissions WHERE part_id = $1`, [used]))[0].n)).toBe(0);
  });

  it('lets organisers admit to an invitation-only part, and a request to an on-request part; never beyond capacity', async () => {
    const invitation = (await createPart({ code: 'gala', nameFr: 'Gala', kind: 'ceremony', admission: 'invitation', capacity: 1 })).body.id as string;
    const onRequest = (await createPart({ code: 'visite', nameFr: 'Visite', kind: 'other', admission: 'on-request', capacity: 1 })).body.id as string;
    const refusedSelf = await t.http.post(`/api/events/${eventId}/registrations`).send({ firstName: 'A', lastName: 'B', email: 'self-gala@example.org', category: 'guest', parts: ['gala'] });
    expectErrorBody(refusedSelf.body, 409, 'INVITATION_ONLY');
    expect((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM participants WHERE email = 'self-gala@example.org'`))[0].n).toBe(0);

    const a = await person('invite-a@example.org');
    const b = await person('invite-b@example.org', ['visite']);
    const c = await person('invite-c@example.org', ['visite']);
    expect([b.admissions[0].status, c.admissions[0].status]).toEqual(['requested', 'requested']);

    const admitA = await t.http.post(`/api/parts/${invitation}/admissions`).set(bearer(organiser)).send({ participantId: a.participant.id });
    expect(admitA.status).toBe(200);
    expect(admitA.body).toMatchObject({ participantId: a.participant.id, email: 'invite-a@example.org', status: 'admitted', position: null });
    expect(typeof admitA.body.admittedAt).toBe('string');
    // admitting twice changes nothing
    expect((await t.http.post(`/api/parts/${invitation}/admissions`).set(bearer(organiser)).send({ participantId: a.participant.id })).body).toMatchObject({ status: 'admitted' });
    // full: the next invited person waits
    const admitB = await t.http.post(`/api/parts/${invitation}/admissions`).set(bearer(organiser)).send({ participantId: b.participant.id });
    expect(admitB.body).toMatchObject({ status: 'waiting', position: 1 });
    expect((await t.http.get(`/api/parts/${invitation}`).set(bearer(organiser))).body).toMatchObject({ admitted: 1, waiting: 1 });

    // on request: the organiser admits one of those who asked; the other stays asked, then waits once full
    const grantB = await t.http.post(`/api/parts/${onRequest}/admissions`).set(bearer(organiser)).send({ participantId: b.participant.id });
    expect(grantB.body).toMatchObject({ status: 'admitted' });
    const grantC = await t.http.post(`/api/parts/${onRequest}/admissions`).set(bearer(organiser)).send({ participantId: c.participant.id });
    expect(grantC.body).toMatchObject({ status: 'waiting', position: 1 });
    expect(await grantedMails()).toContain('invite-b@example.org');

    // cancelling the seat admits the head of the queue at once, and mails them
    const before = await grantedMails();
    expect(before).not.toContain('invite-c@example.org');
    expect((await t.http.delete(`/api/parts/${onRequest}/admissions/${b.participant.id}`).set(bearer(organiser))).status).toBe(204);
    expect((await admissionsOf(onRequest, 'admitted')).map((x) => x.email)).toEqual(['invite-c@example.org']);
    expect(await grantedMails()).toEqual([...before, 'invite-c@example.org'].sort());
    expect((await t.http.get(`/api/parts/${onRequest}`).set(bearer(organiser))).body).toMatchObject({ admitted: 1, waiting: 0, requested: 0 });
    // already cancelled: 404
    expectErrorBody((await t.http.delete(`/api/parts/${onRequest}/admissions/${b.participant.id}`).set(bearer(organiser))).body, 404, 'NOT_FOUND');
  });

  it('refuses admissions for unknown parts, people of another event, cancelled registrations and hostile bodies, writing nothing', async () => {
    const part = (await createPart({ code: 'atelier-2', nameFr: 'Atelier 2', kind: 'workshop', admission: 'sign-up', capacity: 3 })).body.id as string;
    const stranger = await person('stranger@example.org', [], otherEventId);
    const leaving = await person('leaving@example.org');
    expect((await t.http.delete(`/api/registrations/${leaving.token}`)).status).toBe(204);
    const before = await tableCounts(t);
    const admit = (id: string, body: unknown) => t.http.post(`/api/parts/${id}/admissions`).set(bearer(organiser)).send(body as object);
    expectErrorBody((await admit(part, { participantId: stranger.participant.id })).body, 404, 'NOT_FOUND');
    expectErrorBody((await admit(part, { participantId: randomUUID() })).body, 404, 'NOT_FOUND');
    expectErrorBody((await admit(randomUUID(), { participantId: leaving.participant.id })).body, 404, 'NOT_FOUND');
    expectErrorBody((await admit(part, { participantId: leaving.participant.id })).body, 409, 'PARTICIPANT_CANCELLED');
    for (const body of [{}, { participantId: 'x' }, { participantId: 42 }, { participantId: [leaving.participant.id] }, { participantId: leaving.participant.id, status: 'admitted' }, []]) {
      const res = await admit(part, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expectErrorBody(res.body, 400);
    }
    const malformed = await t.http.post(`/api/parts/${part}/admissions`).set(bearer(organiser)).set('content-type', 'application/json').send('{"participantId": ');
    expectErrorBody(malformed.body, 400, 'MALFORMED_JSON');
    const protoKey = await t.http.post(`/api/parts/${part}/admissions`).set(bearer(organiser)).set('content-type', 'application/json').send(`{"__proto__": {"x": 1}, "participantId": "${stranger.participant.id}"}`);
    expect(protoKey.status).toBe(400);
    expectErrorBody(protoKey.body, 400);
    expectErrorBody((await t.http.delete(`/api/parts/${part}/admissions/${stranger.participant.id}`).set(bearer(organiser))).body, 404, 'NOT_FOUND');
    expectErrorBody((await t.http.delete(`/api/parts/${part}/admissions/not-a-uuid`).set(bearer(organiser))).body, 400);
    expectErrorBody((await t.http.get(`/api/parts/${part}/admissions?status=everyone`).set(bearer(organiser))).body, 400);
    expect(await tableCounts(t)).toEqual(before);
  });
});
