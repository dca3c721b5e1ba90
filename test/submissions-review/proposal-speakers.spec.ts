import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, colloquium, organiser, proposal, speaker, submissionType, type Person } from './fixtures.js';

/**
 * What the organisers' proposal page needs to show each speaker's availability: the signers' account
 * ids (organisers only) and the event's unavailabilities narrowed to those accounts (`userId`).
 */
describe('A proposal’s speakers and their availability (organisers)', () => {
  let t: TestApp;
  let eventId: string;
  let boss: Person;
  let helene: Person;
  let lukasz: Person;
  let other: Person;
  let proposalId: string;

  const declare = async (who: Person, startsAt: string, endsAt: string, note?: string) => {
    const res = await t.http.post(`/api/me/events/${eventId}/unavailabilities`).set(bearer(await who.token())).send({ startsAt, endsAt, note });
    expect(res.status).toBe(201);
  };

  beforeAll(async () => {
    t = await startTestApp();
    eventId = (await colloquium(t)).id;
    boss = await organiser(t);
    helene = await speaker(t, { firstName: 'Hélène', lastName: 'Dupré', affiliation: 'CNRS, LAVUE' });
    lukasz = await speaker(t, { firstName: 'Łukasz', lastName: 'Wróbel' });
    other = await speaker(t, { firstName: 'Zoé', lastName: 'Autre' });
    const typeId = await submissionType(t, eventId, 'communication', 'Communication');
    proposalId = await proposal(t, { eventId, typeId, main: helene, co: [lukasz, { email: 'invite@example.org' }] });
    await declare(helene, '2012-02-06T14:00', '2012-02-06T16:30', 'Cours');
    await declare(lukasz, '2012-02-07T09:00', '2012-02-07T10:00');
    await declare(other, '2012-02-06T09:00', '2012-02-06T10:00');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives organisers the signers’ account ids, and nobody else', async () => {
    const asOrganiser = await t.http.get(`/api/submissions/${proposalId}`).set(bearer(await boss.token()));
    expect(asOrganiser.status).toBe(200);
    expect(asOrganiser.body.signers.map((s: { userId: string | null }) => s.userId)).toEqual([helene.id, lukasz.id, null]);
    // the main speaker sees emails, not account ids
    const asMain = await t.http.get(`/api/submissions/${proposalId}`).set(bearer(await helene.token()));
    expect(asMain.status).toBe(200);
    expect(asMain.body.signers.map((s: { userId: string | null }) => s.userId)).toEqual([null, null, null]);
    expect(asMain.body.signers[1].email).toBe(lukasz.email);
  });

  it('narrows the event’s unavailabilities to some speakers, repeated or comma-separated', async () => {
    const path = `/api/events/${eventId}/unavailabilities`;
    const token = await boss.token();
    const all = await t.http.get(path).set(bearer(token));
    expect(all.body.total).toBe(3);
    const repeated = await t.http.get(`${path}?userId=${helene.id}&userId=${lukasz.id}`).set(bearer(token));
    expect(repeated.status).toBe(200);
    expect(repeated.body.total).toBe(2);
    expect(repeated.body.items.map((u: { speaker: { lastName: string }; startsAt: string; note: string | null }) => [u.speaker.lastName, u.startsAt, u.note])).toEqual([
      ['Dupré', '2012-02-06T14:00:00+01:00', 'Cours'],
      ['Wróbel', '2012-02-07T09:00:00+01:00', null],
    ]);
    const commas = await t.http.get(`${path}?userId=${lukasz.id},${lukasz.id}`).set(bearer(token));
    expect(commas.body.items.map((u: { speaker: { userId: string } }) => u.speaker.userId)).toEqual([lukasz.id]);
    const nobody = await t.http.get(`${path}?userId=00000000-0000-4000-8000-000000000000`).set(bearer(token));
    expect(nobody.body).toMatchObject({ total: 0, items: [] });
  });

  it('refuses a malformed or too long userId list with 400, and speakers with 403', async () => {
    const path = `/api/events/${eventId}/unavailabilities`;
    const token = await boss.token();
    const bad = await t.http.get(`${path}?userId=not-a-uuid`).set(bearer(token));
    expect(bad.status).toBe(400);
    expectErrorBody(bad.body, 400, 'VALIDATION_FAILED');
    const many = Array.from({ length: 51 }, () => `userId=${helene.id}`).join('&');
    expect((await t.http.get(`${path}?${many}`).set(bearer(token))).status).toBe(400);
    expect((await t.http.get(`${path}?userId=${helene.id}`).set(bearer(await helene.token()))).status).toBe(403);
  });
});
