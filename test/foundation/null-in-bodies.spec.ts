import { createPart } from '../participants/participants-support.js';
import { setUpEvent } from '../submissions/support.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Null in request bodies: a property may be null only where the OpenAPI document says
 * `nullable: true` (null then clears it); anywhere else null is a 400 VALIDATION_FAILED naming the
 * field, before any service runs. (Every documented property of every write route is swept with
 * null in hostile-input.spec.ts; here, the two 500s the fuzzer found and what null means where it
 * is allowed.)
 */
describe('Null in request bodies', () => {
  let t: TestApp;
  let admin: string;
  let eventId: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    admin = await t.adminToken();
    eventId = (await setUpEvent(t, admin)).eventId;
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: string) => (await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  function expectNullRefused(res: { status: number; body: { details?: { errors?: { field: string; errors: string[] }[] } } }, field: string) {
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    expect(res.body.details?.errors).toEqual([{ field, errors: [`${field.replace(/^.*\./, '')} may not be null: give a value, or leave it out`] }]);
  }

  it('refuses "speakerEmail": null on a proposal filed by an organiser (was a 500: TypeError in normaliseEmail), writing nothing', async () => {
    const before = await count('submissions');
    const res = await t.http
      .post(`/api/events/${eventId}/submissions`)
      .set(auth())
      .send({ typeId: (await setUpEvent(t, admin)).typeId, titleFr: 'Les territoires numériques', speakerEmail: null });
    expectNullRefused(res, 'speakerEmail');
    expect(await count('submissions')).toBe(before);
  });

  it('refuses {"partIds": null} on a participant (was a 500: TypeError in moveBetweenParts), leaving their places as they were', async () => {
    const partId = await createPart(t, eventId, 'pleniere', 100);
    const created = await t.http
      .post(`/api/events/${eventId}/participants`)
      .set(auth())
      .send({ email: 'marie-therese.lefebvre@example.org', firstName: 'Marie-Thérèse', lastName: 'Lefebvre', partIds: [partId] });
    expect(created.status).toBe(201);
    const admissions = await count('part_admissions');
    const res = await t.http.patch(`/api/participants/${created.body.id}`).set(auth()).send({ partIds: null });
    expectNullRefused(res, 'partIds');
    expect(await count('part_admissions')).toBe(admissions);
    const after = await t.http.get(`/api/participants/${created.body.id}`).set(auth());
    expect(after.status).toBe(200);
    expect(JSON.stringify(after.body)).toContain(partId);
  });

  it('clears a documented-nullable field with null (an event’s website), and refuses null in a required column (its kind, its time zone)', async () => {
    const patch = (body: Record<string, unknown>) => t.http.patch(`/api/events/${eventId}`).set(auth()).send(body);
    const set = await patch({ website: 'http://www.vtn2012.fr', contactPhone: '01 47 68 53 76' });
    expect(set.status).toBe(200);
    expect(set.body.website).toBe('http://www.vtn2012.fr');
    const cleared = await patch({ website: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.website).toBeNull();
    expect(cleared.body.contactPhone).toBe('01 47 68 53 76');
    expectNullRefused(await patch({ kind: null }), 'kind');
    expectNullRefused(await patch({ timeZone: null }), 'timeZone');
    const unchanged = await t.http.get(`/api/events/${eventId}`);
    expect(unchanged.body.kind).toBe('colloquium');
    expect(unchanged.body.timeZone).toBe('Europe/Paris');
  });

  it('applies the rule inside nested DTOs: a session chair given as {"userId": null}', async () => {
    const venue = await t.http.post('/api/venues').set(auth()).send({ name: 'Cité des sciences', streetAddress: '30 avenue Corentin-Cariou', city: 'Paris', postcode: '75019' });
    expect(venue.status).toBe(201);
    expect((await t.http.patch(`/api/events/${eventId}`).set(auth()).send({ venueIds: [venue.body.id] })).status).toBe(200);
    const room = await t.http.post(`/api/venues/${venue.body.id}/rooms`).set(auth()).send({ name: 'Gaïa', capacity: 100 });
    expect(room.status).toBe(201);
    const before = await count('sessions');
    const res = await t.http
      .post(`/api/events/${eventId}/sessions`)
      .set(auth())
      .send({ roomId: room.body.id, kind: 'plenary', titleFr: 'Ouverture', startsAt: '2030-02-06T09:00', endsAt: '2030-02-06T10:00', chairs: [{ guestName: 'Jeanne Martin', userId: null }] });
    expectNullRefused(res, 'chairs[0].userId');
    expect(await count('sessions')).toBe(before);
  });
});
