import { randomUUID } from 'node:crypto';
import { UsersService } from '../../src/users/users.service.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { admittedCount, bearer, colloquiumId, createPart, giveToken, tableCounts } from './participants-support.js';

/**
 * Organisers create, edit, move and cancel participants; reception finds and reads them; nobody
 * else does. Seats go through the admissions service: a move releases one seat and takes another,
 * a cancellation frees every seat.
 */
describe('Participants: organisers and reception', () => {
  let t: TestApp;
  let organiser: string;
  let reception: string;
  let speaker: string;
  let eventId: string;
  let dinner: string;
  let ceremony: string;

  const create = (body: Record<string, unknown>) => t.http.post(`/api/events/${eventId}/participants`).set(bearer(organiser)).send(body);
  const list = (query: string, token = organiser) => t.http.get(`/api/events/${eventId}/participants?${query}`).set(bearer(token));

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    reception = await t.tokenFor('reception');
    await t.booted.app.get(UsersService).createAccount({ email: 'speaker-p@test.local', password: 'speaker-password', roles: ['speaker'] });
    speaker = await t.login('speaker-p@test.local', 'speaker-password');
    eventId = await colloquiumId(t);
    dinner = await createPart(t, eventId, 'diner', 2);
    ceremony = await createPart(t, eventId, 'ceremonie', 10, 'invitation');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a participant as typed, with the badge category and seats in the parts given', async () => {
    const res = await create({
      email: '  Helene.Dupre@Example.ORG ',
      firstName: 'Hélène',
      lastName: 'Dupré',
      affiliation: 'Université Toulouse Le Mirail',
      categories: ['researcher', 'press'],
      days: ['2012-02-07', '2012-02-06'],
      dietaryNeeds: 'végétarienne',
      partIds: [dinner, ceremony],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'helene.dupre@example.org',
      firstName: 'Hélène',
      lastName: 'Dupré',
      categories: ['press', 'researcher'],
      programmeRoles: [],
      primaryCategory: 'press',
      days: ['2012-02-06', '2012-02-07'],
      dietaryNeeds: 'végétarienne',
      consentPublicList: false,
      consentPhoto: false,
      status: 'registered',
      source: 'organiser',
    });
    expect(res.body.admissions.map((a: { partCode: string; status: string }) => [a.partCode, a.status]).sort()).toEqual([
      ['ceremonie', 'admitted'],
      ['diner', 'admitted'],
    ]);
    expect(await admittedCount(t, dinner)).toBe(1);
  });

  it('refuses the same email in any case with 409 EMAIL_TAKEN and writes nothing', async () => {
    const before = await tableCounts(t);
    const res = await create({ email: 'HELENE.dupre@example.org', firstName: 'H', lastName: 'D', partIds: [dinner] });
    expect(res.status).toBe(409);
    expectErrorBody(res.body, 409, 'EMAIL_TAKEN');
    expect(await tableCounts(t)).toEqual(before);
  });

  it('refuses speaker and chair set by hand, days outside the event, unknown parts', async () => {
    const before = await tableCounts(t);
    const speakerByHand = await create({ email: 'x1@example.org', firstName: 'X', lastName: 'Y', categories: ['speaker'] });
    expect(speakerByHand.status).toBe(400);
    expectErrorBody(speakerByHand.body, 400, 'VALIDATION_FAILED');
    const day = await create({ email: 'x2@example.org', firstName: 'X', lastName: 'Y', days: ['2012-02-08'] });
    expect(day.status).toBe(422);
    expectErrorBody(day.body, 422, 'DAY_OUTSIDE_EVENT');
    const part = await create({ email: 'x3@example.org', firstName: 'X', lastName: 'Y', partIds: [randomUUID()] });
    expect(part.status).toBe(404);
    expectErrorBody(part.body, 404);
    const badEvent = await t.http.post(`/api/events/${randomUUID()}/participants`).set(bearer(organiser)).send({ email: 'x4@example.org', firstName: 'X', lastName: 'Y' });
    expect(badEvent.status).toBe(404);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('fills the dinner then puts the next person on its waiting list', async () => {
    const a = await create({ email: 'lukasz@example.org', firstName: 'Łukasz', lastName: 'Wróbel', town: 'Wrocław', categories: ['guest'], partIds: [dinner] });
    const b = await create({ email: 'zoe@example.org', firstName: 'Zoë', lastName: 'Ørsted', categories: ['city-representative'], town: 'Issy-les-Moulineaux', townInsee: '92040', partIds: [dinner] });
    expect(a.body.admissions[0].status).toBe('admitted');
    expect(b.body.admissions[0].status).toBe('waiting');
    expect(b.body.primaryCategory).toBe('city-representative');
    expect(await admittedCount(t, dinner)).toBe(2);
  });

  it('searches names, email and town whatever the accents and case, and filters', async () => {
    const names = async (query: string, token = organiser) => {
      const res = await list(query, token);
      expect(res.status).toBe(200);
      return (res.body.items as { lastName: string }[]).map((p) => p.lastName);
    };
    expect(await names('q=helene%20dupre')).toEqual(['Dupré']);
    expect(await names('q=DUPRE')).toEqual(['Dupré']);
    expect(await names('q=wroclaw')).toEqual(['Wróbel']);
    expect(await names('q=ISSY')).toEqual(['Ørsted']);
    expect(await names('q=zoe%40example')).toEqual(['Ørsted']);
    expect(await names('q=100%25')).toEqual([]);
    expect(await names('category=press')).toEqual(['Dupré']);
    expect(await names(`partId=${dinner}`)).toEqual(['Dupré', 'Ørsted', 'Wróbel']);
    expect(await names(`partId=${dinner}&admission=waiting`)).toEqual(['Ørsted']);
    expect(await names('day=2012-02-06')).toEqual(['Dupré']);
    expect(await names('status=cancelled')).toEqual([]);
    expect(await names('q=dupre', reception)).toEqual(['Dupré']);
    const page = await list('pageSize=2&page=2&sort=created&order=asc');
    expect(page.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(page.body.items.map((p: { lastName: string }) => p.lastName)).toEqual(['Ørsted']);
    const item = (await list('q=dupre')).body.items[0];
    expect(item.primaryCategory).toBe('press');
    expect(item).not.toHaveProperty('dietaryNeeds');
  });

  it('shows one participant to reception without the needs, to organisers with them', async () => {
    const id = (await list('q=dupre')).body.items[0].id;
    const byReception = await t.http.get(`/api/participants/${id}`).set(bearer(reception));
    expect(byReception.status).toBe(200);
    expect(byReception.body.lastName).toBe('Dupré');
    expect(byReception.body).not.toHaveProperty('dietaryNeeds');
    expect(byReception.body).not.toHaveProperty('accessibilityNeeds');
    const byOrganiser = await t.http.get(`/api/participants/${id}`).set(bearer(organiser));
    expect(byOrganiser.body.dietaryNeeds).toBe('végétarienne');
    expect((await t.http.get(`/api/participants/${randomUUID()}`).set(bearer(organiser))).status).toBe(404);
  });

  it('lets reception search and read but not edit; speakers and anonymous callers nothing', async () => {
    const id = (await list('q=dupre')).body.items[0].id;
    const before = await tableCounts(t);
    for (const [res, status] of [
      [await t.http.patch(`/api/participants/${id}`).set(bearer(reception)).send({ firstName: 'X' }), 403],
      [await t.http.post(`/api/participants/${id}/cancel`).set(bearer(reception)), 403],
      [await t.http.post(`/api/events/${eventId}/participants`).set(bearer(reception)).send({ email: 'r@example.org', firstName: 'R', lastName: 'R' }), 403],
      [await t.http.get(`/api/events/${eventId}/participants.csv`).set(bearer(reception)), 403],
      [await t.http.get(`/api/events/${eventId}/participants`).set(bearer(speaker)), 403],
      [await t.http.get(`/api/participants/${id}`).set(bearer(speaker)), 403],
      [await t.http.get(`/api/events/${eventId}/participants`), 401],
      [await t.http.get(`/api/participants/${id}`), 401],
    ] as const) {
      expect(res.status).toBe(status);
      expectErrorBody(res.body, status);
    }
    expect(await tableCounts(t)).toEqual(before);
  });

  it('moves a participant between parts in one PATCH: the seat freed goes to the first waiting', async () => {
    const lukasz = (await list('q=wrobel')).body.items[0];
    const res = await t.http
      .patch(`/api/participants/${lukasz.id}`)
      .set(bearer(organiser))
      .send({ partIds: [ceremony], categories: ['researcher'], lastName: 'Wróbel-Nowak' });
    expect(res.status).toBe(200);
    expect(res.body.lastName).toBe('Wróbel-Nowak');
    expect(res.body.primaryCategory).toBe('researcher');
    const live = res.body.admissions.filter((a: { status: string }) => a.status !== 'cancelled');
    expect(live.map((a: { partCode: string; status: string }) => [a.partCode, a.status])).toEqual([['ceremonie', 'admitted']]);
    const zoe = (await list('q=zoe')).body.items[0];
    expect(zoe.admissions.find((a: { partCode: string }) => a.partCode === 'diner').status).toBe('admitted');
    expect(await admittedCount(t, dinner)).toBe(2);
    expect(await admittedCount(t, ceremony)).toBe(2);
  });

  it('answers an email taken by another participant with 409 and changes nothing', async () => {
    const zoe = (await list('q=zoe')).body.items[0];
    const res = await t.http.patch(`/api/participants/${zoe.id}`).set(bearer(organiser)).send({ email: 'Lukasz@example.org', firstName: 'Changed' });
    expect(res.status).toBe(409);
    expectErrorBody(res.body, 409, 'EMAIL_TAKEN');
    const after = await t.http.get(`/api/participants/${zoe.id}`).set(bearer(organiser));
    expect(after.body.firstName).toBe('Zoë');
  });

  it('cancels a registration: every seat released, the list filter sees it, twice changes nothing', async () => {
    const helene = (await list('q=dupre')).body.items[0];
    const res = await t.http.post(`/api/participants/${helene.id}/cancel`).set(bearer(organiser));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect(res.body.admissions.every((a: { status: string }) => a.status === 'cancelled')).toBe(true);
    expect(await admittedCount(t, dinner)).toBe(1);
    expect(await admittedCount(t, ceremony)).toBe(1);
    const again = await t.http.post(`/api/participants/${helene.id}/cancel`).set(bearer(organiser));
    expect(again.status).toBe(200);
    expect(await admittedCount(t, dinner)).toBe(1);
    expect((await list('status=cancelled')).body.items.map((p: { lastName: string }) => p.lastName)).toEqual(['Dupré']);
    const back = await t.http.patch(`/api/participants/${helene.id}`).set(bearer(organiser)).send({ registered: true, partIds: [dinner] });
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('registered');
    expect(await admittedCount(t, dinner)).toBe(2);
  });

  it('refuses hostile input with a 4xx in the error shape and writes nothing', async () => {
    const zoe = (await list('q=zoe')).body.items[0];
    const before = await tableCounts(t);
    const attempts: Array<[string, string, unknown]> = [
      ['post', `/api/events/${eventId}/participants`, { email: 'a@b.org', firstName: 'A\u0000', lastName: 'B' }],
      ['post', `/api/events/${eventId}/participants`, { email: 'not-an-email', firstName: 'A', lastName: 'B' }],
      ['post', `/api/events/${eventId}/participants`, { email: 'a@b.org', firstName: 'A'.repeat(201), lastName: 'B' }],
      ['post', `/api/events/${eventId}/participants`, { email: 'a@b.org', firstName: 'A', lastName: 'B', townInsee: "92040'; DROP TABLE participants;--" }],
      ['post', `/api/events/${eventId}/participants`, { email: 'a@b.org', firstName: 'A', lastName: 'B', days: ['2012-02-30'] }],
      ['post', `/api/events/${eventId}/participants`, { email: 'a@b.org', firstName: 'A', lastName: 'B', partIds: ['not-a-uuid'] }],
      ['post', `/api/events/${eventId}/participants`, { email: 'a@b.org', firstName: 'A', lastName: 'B', status: 'cancelled' }],
      ['post', `/api/events/${eventId}/participants`, { email: 'a@b.org', firstName: 'A', lastName: 'B', partIds: [dinner, ceremony, randomUUID()] }],
      ['patch', `/api/participants/${zoe.id}`, { categories: ['chair'] }],
      ['patch', `/api/participants/${zoe.id}`, { consentPhoto: 'yes' }],
      ['patch', `/api/participants/${zoe.id}`, { firstName: '' }],
      ['patch', `/api/participants/not-a-uuid`, { firstName: 'A' }],
      ['put', `/api/events/${eventId}/participant-settings`, { retentionUntil: '2013-13-01' }],
      ['put', `/api/events/${eventId}/participant-settings`, { publicList: 'true' }],
    ];
    for (const [method, url, body] of attempts) {
      const res = await (t.http[method as 'post'](url) as ReturnType<TestApp['http']['post']>).set(bearer(organiser)).send(body as object);
      expect([400, 404, 409, 422]).toContain(res.status);
      expectErrorBody(res.body, res.status);
    }
    const list400 = await list('pageSize=1000&category=speaker%27');
    expect(list400.status).toBe(400);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('keeps settings, shows the public list only when on, and only those who consented', async () => {
    const closed = await t.http.get(`/api/events/${eventId}/participants/public`);
    expect(closed.status).toBe(404);
    expectErrorBody(closed.body, 404, 'PUBLIC_LIST_CLOSED');
    const zoe = (await list('q=zoe')).body.items[0];
    await t.http.patch(`/api/participants/${zoe.id}`).set(bearer(organiser)).send({ consentPublicList: true });
    const put = await t.http.put(`/api/events/${eventId}/participant-settings`).set(bearer(organiser)).send({ publicList: true });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ eventId, registrationOpen: true, retentionUntil: null, publicList: true });
    const kept = await t.http.put(`/api/events/${eventId}/participant-settings`).set(bearer(organiser)).send({ registrationOpen: false });
    expect(kept.body).toEqual({ eventId, registrationOpen: false, retentionUntil: null, publicList: true });
    const open = await t.http.get(`/api/events/${eventId}/participants/public`);
    expect(open.status).toBe(200);
    expect(open.body).toEqual({
      items: [{ firstName: 'Zoë', lastName: 'Ørsted', affiliation: null, town: 'Issy-les-Moulineaux', primaryCategory: 'city-representative' }],
      page: 1,
      pageSize: 20,
      total: 1,
    });
  });

  it('gives a participant their data through their link, and erases them on request', async () => {
    const zoe = (await list('q=zoe')).body.items[0];
    const token = await giveToken(t, zoe.id);
    const data = await t.http.get(`/api/registrations/${token}/data`);
    expect(data.status).toBe(200);
    expect(data.body.participant).toMatchObject({ id: zoe.id, email: 'zoe@example.org', firstName: 'Zoë', townInsee: '92040' });
    expect(data.body.admissions.map((a: { partCode: string; status: string }) => [a.partCode, a.status])).toEqual([['diner', 'admitted']]);
    expect((await t.http.get(`/api/registrations/${token}x/data`)).status).toBe(404);
    expect((await t.http.get(`/api/registrations/${'a'.repeat(300)}/data`)).status).toBe(400);
    const before = await tableCounts(t);
    const erased = await t.http.post(`/api/registrations/${token}/erasure`);
    expect(erased.status).toBe(200);
    expect((await t.http.get(`/api/registrations/${token}/data`)).status).toBe(404);
    expect((await t.http.post(`/api/registrations/${token}/erasure`)).status).toBe(404);
    const after = await t.http.get(`/api/participants/${zoe.id}`).set(bearer(organiser));
    expect(after.body).toMatchObject({ firstName: 'Anonyme', lastName: 'Anonyme', affiliation: null, dietaryNeeds: null, consentPublicList: false, anonymised: true });
    expect(after.body.email).toMatch(/@anonymised\.invalid$/);
    expect((await tableCounts(t)).participants).toBe(before.participants);
    expect((await t.http.get(`/api/events/${eventId}/participants/public`)).body.total).toBe(0);
    const edit = await t.http.patch(`/api/participants/${zoe.id}`).set(bearer(organiser)).send({ firstName: 'Zoë' });
    expect(edit.status).toBe(409);
    expectErrorBody(edit.body, 409, 'PARTICIPANT_ANONYMISED');
  });

  it('refuses to anonymise the event before the retention date, then anonymises everyone once, keeping the rows', async () => {
    const early = await t.http.post(`/api/events/${eventId}/participants/anonymise`).set(bearer(organiser));
    expect(early.status).toBe(409);
    expectErrorBody(early.body, 409, 'RETENTION_NOT_REACHED');
    await t.http.put(`/api/events/${eventId}/participant-settings`).set(bearer(organiser)).send({ retentionUntil: '2099-12-31' });
    expect((await t.http.post(`/api/events/${eventId}/participants/anonymise`).set(bearer(organiser))).status).toBe(409);
    const before = await tableCounts(t);
    await t.http.put(`/api/events/${eventId}/participant-settings`).set(bearer(organiser)).send({ retentionUntil: '2012-06-30' });
    const done = await t.http.post(`/api/events/${eventId}/participants/anonymise`).set(bearer(organiser));
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ anonymised: 2, total: 3 });
    expect(await tableCounts(t)).toEqual(before);
    const again = await t.http.post(`/api/events/${eventId}/participants/anonymise`).set(bearer(organiser));
    expect(again.body).toEqual({ anonymised: 0, total: 3 });
    const all = await list('pageSize=100');
    expect(all.body.items.every((p: { anonymised: boolean; firstName: string }) => p.anonymised && p.firstName === 'Anonyme')).toBe(true);
    expect(all.body.items.map((p: { primaryCategory: string }) => p.primaryCategory).sort()).toEqual(['city-representative', 'press', 'researcher']);
  });
});
