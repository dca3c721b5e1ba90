import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, programmeCounts, setUpColloquium, signUp, type Colloquium, type Speaker } from './sessions-support.js';

/**
 * Sessions of the draft programme over HTTP on the 2012 reference data: times typed in Europe/Paris,
 * rooms of the colloquium and of its ceremony, chairs of three kinds, the rules (422), the room
 * exclusion (409 ROOM_OCCUPIED, also under concurrency), the list, the CSV.
 */
describe('Programme sessions', () => {
  let t: TestApp;
  let c: Colloquium;
  let helene: Speaker;
  const auth = () => bearer(c.organiser);
  const post = (body: Record<string, unknown>) => t.http.post(`/api/events/${c.vtnId}/sessions`).set(auth()).send(body);
  const base = (over: Record<string, unknown> = {}) => ({ kind: 'plenary', titleFr: 'Séance', startsAt: '2012-02-06T09:00', endsAt: '2012-02-06T10:00', ...over });

  beforeAll(async () => {
    t = await startTestApp();
    c = await setUpColloquium(t);
    helene = await signUp(t, 'Hélène', 'Dupré');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a session typed in the event’s zone, with chairs by id, by email and as a guest, and shows it in the zone and in UTC', async () => {
    const other = await signUp(t, 'José', 'Núñez');
    const res = await post({
      roomId: c.amphi,
      kind: 'plenary',
      titleFr: 'Séance plénière d’ouverture',
      titleEn: 'Opening plenary',
      descriptionFr: 'Accueil des participants.',
      startsAt: '2012-02-06T09:30',
      endsAt: '2012-02-06T11:00',
      expectedAttendance: 250,
      chairs: [{ userId: helene.id }, { email: other.email.toUpperCase() }, { guestName: 'Jeanne Martin', guestAffiliation: 'Mairie de Brest' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      eventId: c.vtnId,
      kind: 'plenary',
      kindLabelFr: 'Séance plénière',
      titleFr: 'Séance plénière d’ouverture',
      titleEn: 'Opening plenary',
      timeZone: 'Europe/Paris',
      startsAt: '2012-02-06T09:30:00+01:00',
      endsAt: '2012-02-06T11:00:00+01:00',
      startsAtUtc: '2012-02-06T08:30:00.000Z',
      endsAtUtc: '2012-02-06T10:00:00.000Z',
      day: '2012-02-06',
      durationMinutes: 90,
      talksMinutes: 0,
      expectedAttendance: 250,
      room: { id: c.amphi, capacity: 300 },
      venue: { id: c.cnrsId, name: 'CNRS' },
      talks: [],
      warnings: [],
    });
    expect(res.body.chairs).toEqual([
      { id: expect.any(String), userId: helene.id, personId: helene.id, name: 'Hélène Dupré', affiliation: 'CNRS', guest: false },
      { id: expect.any(String), userId: other.id, personId: other.id, name: 'José Núñez', affiliation: 'CNRS', guest: false },
      { id: expect.any(String), userId: null, personId: `guest:${res.body.chairs[2].id}`, name: 'Jeanne Martin', affiliation: 'Mairie de Brest', guest: true },
    ]);
    const read = await t.http.get(`/api/sessions/${res.body.id}`).set(auth());
    expect(read.status).toBe(200);
    const { warnings: _w, ...withoutWarnings } = res.body;
    expect(read.body).toEqual(withoutWarnings);
  });

  it('places the ceremony at Espace Cardin, a venue of the linked event label2012, at 18:00 Paris = 17:00 UTC', async () => {
    const res = await post({ roomId: c.cardin, kind: 'ceremony', titleFr: 'Remise du Label Ville Internet 2012', startsAt: '2012-02-06T18:00', endsAt: '2012-02-06T21:00' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'ceremony', startsAt: '2012-02-06T18:00:00+01:00', startsAtUtc: '2012-02-06T17:00:00.000Z', venue: { id: c.cardinId, name: 'Espace Cardin' } });
    // an offset is read as an instant
    const offset = await post(base({ roomId: c.cardin, startsAt: '2012-02-07T08:00:00Z', endsAt: '2012-02-07T10:00:00+01:00' }));
    expect(offset.status).toBe(201);
    expect(offset.body).toMatchObject({ startsAt: '2012-02-07T09:00:00+01:00', durationMinutes: 60 });
  });

  it('refuses a room of a venue the event does not use (422 ROOM_NOT_IN_EVENT) and a missing room (422)', async () => {
    const venue = await t.http.post('/api/venues').set(auth()).send({ name: 'Ailleurs', streetAddress: '1 rue X', postcode: '75001', city: 'Paris' });
    const room = await t.http.post(`/api/venues/${venue.body.id}/rooms`).set(auth()).send({ name: 'Salle', capacity: 10 });
    const before = await programmeCounts(t);
    const res = await post(base({ roomId: room.body.id }));
    expect(res.status).toBe(422);
    expectErrorBody(res.body, 422, 'ROOM_NOT_IN_EVENT');
    expect(res.body.message).toContain('Ailleurs');
    const missing = await post(base({ roomId: '6f1c2b1e-0000-4000-8000-000000000000' }));
    expect(missing.status).toBe(422);
    expectErrorBody(missing.body, 422, 'ROOM_NOT_FOUND');
    expect(await programmeCounts(t)).toEqual(before);
  });

  it('refuses a session outside the event, ending at or before its start, without a title, or with times that cannot be read', async () => {
    const before = await programmeCounts(t);
    const outside = await post(base({ roomId: c.salle2, startsAt: '2012-02-08T09:00', endsAt: '2012-02-08T10:00' }));
    expect(outside.status).toBe(422);
    expectErrorBody(outside.body, 422, 'SESSION_OUTSIDE_EVENT');
    expect(outside.body.details).toMatchObject({ eventStartsAt: '2012-02-06T00:00:00+01:00', eventEndsAt: '2012-02-08T00:00:00+01:00' });
    const straddling = await post(base({ roomId: c.salle2, startsAt: '2012-02-05T23:00', endsAt: '2012-02-06T01:00' }));
    expectErrorBody(straddling.body, 422, 'SESSION_OUTSIDE_EVENT');
    const empty = await post(base({ roomId: c.salle2, startsAt: '2012-02-06T10:00', endsAt: '2012-02-06T10:00' }));
    expect(empty.status).toBe(422);
    expectErrorBody(empty.body, 422, 'INVALID_PERIOD');
    const reversed = await post(base({ roomId: c.salle2, startsAt: '2012-02-06T11:00', endsAt: '2012-02-06T10:00' }));
    expectErrorBody(reversed.body, 422, 'INVALID_PERIOD');
    const untitled = await post(base({ roomId: c.salle2, titleFr: '  ' }));
    expect(untitled.status).toBe(422);
    expectErrorBody(untitled.body, 422, 'VALIDATION_FAILED');
    const badTime = await post(base({ roomId: c.salle2, startsAt: '6 février 9h' }));
    expect(badTime.status).toBe(400);
    expectErrorBody(badTime.body, 400, 'VALIDATION_FAILED');
    const badKind = await post(base({ roomId: c.salle2, kind: 'party' }));
    expectErrorBody(badKind.body, 400, 'VALIDATION_FAILED');
    expect(await programmeCounts(t)).toEqual(before);
  });

  it('refuses chairs that are not exactly one kind of person, unknown accounts and a person chairing twice, creating nothing', async () => {
    const before = await programmeCounts(t);
    const cases: Array<[unknown[], string]> = [
      [[{ userId: helene.id, guestName: 'Jeanne' }], 'VALIDATION_FAILED'],
      [[{}], 'VALIDATION_FAILED'],
      [[{ email: helene.email, guestAffiliation: 'X' }], 'VALIDATION_FAILED'],
      [[{ email: 'nobody@example.org' }], 'CHAIR_NOT_FOUND'],
      [[{ userId: '6f1c2b1e-0000-4000-8000-000000000000' }], 'CHAIR_NOT_FOUND'],
      [[{ userId: helene.id }, { email: helene.email }], 'VALIDATION_FAILED'],
    ];
    for (const [chairs, code] of cases) {
      const res = await post(base({ roomId: c.salle2, chairs }));
      expect(res.status).toBe(422);
      expectErrorBody(res.body, 422, code);
    }
    const notAnObject = await post(base({ roomId: c.salle2, chairs: ['Jeanne'] }));
    expect(notAnObject.status).toBe(400);
    expect(await programmeCounts(t)).toEqual(before);
  });

  it('answers 409 ROOM_OCCUPIED naming the session already in the room, and allows back-to-back sessions', async () => {
    const first = await post(base({ roomId: c.salle2, titleFr: 'Atelier A', startsAt: '2012-02-07T14:00', endsAt: '2012-02-07T15:00' }));
    expect(first.status).toBe(201);
    const clash = await post(base({ roomId: c.salle2, titleFr: 'Atelier B', startsAt: '2012-02-07T14:30', endsAt: '2012-02-07T15:30' }));
    expect(clash.status).toBe(409);
    expectErrorBody(clash.body, 409, 'ROOM_OCCUPIED');
    expect(clash.body.message).toContain('Atelier A');
    expect(clash.body.details.session).toEqual({
      id: first.body.id,
      title: 'Atelier A',
      startsAt: '2012-02-07T14:00:00+01:00',
      endsAt: '2012-02-07T15:00:00+01:00',
      startsAtUtc: '2012-02-07T13:00:00.000Z',
      endsAtUtc: '2012-02-07T14:00:00.000Z',
    });
    const after = await post(base({ roomId: c.salle2, titleFr: 'Atelier C', startsAt: '2012-02-07T15:00', endsAt: '2012-02-07T16:00' }));
    expect(after.status).toBe(201);
    // moving C onto A is refused the same way, and C stays where it was
    const move = await t.http.patch(`/api/sessions/${after.body.id}`).set(auth()).send({ startsAt: '2012-02-07T14:45' });
    expect(move.status).toBe(409);
    expectErrorBody(move.body, 409, 'ROOM_OCCUPIED');
    expect(move.body.details.session.id).toBe(first.body.id);
    expect((await t.http.get(`/api/sessions/${after.body.id}`).set(auth())).body.startsAt).toBe('2012-02-07T15:00:00+01:00');
  });

  it('gives exactly one 201 and one 409 to two simultaneous requests for one room and time', async () => {
    for (const hour of ['16', '17']) {
      const body = base({ roomId: c.amphi, startsAt: `2012-02-07T${hour}:00`, endsAt: `2012-02-07T${hour}:45` });
      const results = await Promise.all([post({ ...body, titleFr: 'Premier' }), post({ ...body, titleFr: 'Second' })]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
      const winner = results.find((r) => r.status === 201)!;
      const loser = results.find((r) => r.status === 409)!;
      expectErrorBody(loser.body, 409, 'ROOM_OCCUPIED');
      expect(loser.body.details.session.id).toBe(winner.body.id);
      const inRoom = await t.http.get(`/api/events/${c.vtnId}/sessions?roomId=${c.amphi}&day=2012-02-07`).set(auth());
      expect(inRoom.body.items.filter((s: { startsAt: string }) => s.startsAt === `2012-02-07T${hour}:00:00+01:00`)).toHaveLength(1);
    }
  });

  it('moves, resizes, changes the room, retitles, replaces chairs and clears the attendance with PATCH', async () => {
    const created = await post(base({ roomId: c.salle2, titleFr: 'Table ronde', kind: 'round-table', startsAt: '2012-02-06T14:00', endsAt: '2012-02-06T15:00', expectedAttendance: 30, chairs: [{ userId: helene.id }] }));
    expect(created.status).toBe(201);
    const res = await t.http
      .patch(`/api/sessions/${created.body.id}`)
      .set(auth())
      .send({ roomId: c.amphi, startsAt: '2012-02-06T15:00', endsAt: '2012-02-06T16:30', titleFr: null, titleEn: 'Round table', expectedAttendance: null, chairs: [{ guestName: 'Paul Durand' }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      titleFr: null,
      titleEn: 'Round table',
      kind: 'round-table',
      startsAt: '2012-02-06T15:00:00+01:00',
      endsAt: '2012-02-06T16:30:00+01:00',
      durationMinutes: 90,
      expectedAttendance: null,
      room: { id: c.amphi },
      chairs: [{ name: 'Paul Durand', guest: true }],
      warnings: [],
    });
    const noTitle = await t.http.patch(`/api/sessions/${created.body.id}`).set(auth()).send({ titleEn: null });
    expectErrorBody(noTitle.body, 422, 'VALIDATION_FAILED');
    const outside = await t.http.patch(`/api/sessions/${created.body.id}`).set(auth()).send({ endsAt: '2012-02-08T01:00' });
    expectErrorBody(outside.body, 422, 'SESSION_OUTSIDE_EVENT');
    const reversed = await t.http.patch(`/api/sessions/${created.body.id}`).set(auth()).send({ endsAt: '2012-02-06T14:00' });
    expectErrorBody(reversed.body, 422, 'INVALID_PERIOD');
    const nullRoom = await t.http.patch(`/api/sessions/${created.body.id}`).set(auth()).send({ roomId: null });
    expectErrorBody(nullRoom.body, 400, 'VALIDATION_FAILED');
    expect((await t.http.get(`/api/sessions/${created.body.id}`).set(auth())).body.endsAt).toBe('2012-02-06T16:30:00+01:00');
  });

  it('lists sessions by start, filtered by local day, room and kind, paginated', async () => {
    const all = await t.http.get(`/api/events/${c.vtnId}/sessions?pageSize=100`).set(auth());
    expect(all.status).toBe(200);
    const starts = all.body.items.map((s: { startsAtUtc: string }) => s.startsAtUtc);
    expect(starts).toEqual([...starts].sort());
    expect(all.body.total).toBe(all.body.items.length);
    const day6 = await t.http.get(`/api/events/${c.vtnId}/sessions?day=2012-02-06&pageSize=100`).set(auth());
    expect(day6.body.items.length).toBeGreaterThan(0);
    expect(day6.body.items.every((s: { day: string }) => s.day === '2012-02-06')).toBe(true);
    expect(day6.body.total + (await t.http.get(`/api/events/${c.vtnId}/sessions?day=2012-02-07`).set(auth())).body.total).toBe(all.body.total);
    const ceremonies = await t.http.get(`/api/events/${c.vtnId}/sessions?kind=ceremony`).set(auth());
    expect(ceremonies.body).toMatchObject({ total: 1, items: [{ kind: 'ceremony', venue: { name: 'Espace Cardin' } }] });
    const inCardin = await t.http.get(`/api/events/${c.vtnId}/sessions?roomId=${c.cardin}`).set(auth());
    expect(inCardin.body.items.every((s: { room: { id: string } }) => s.room.id === c.cardin)).toBe(true);
    const page2 = await t.http.get(`/api/events/${c.vtnId}/sessions?pageSize=2&page=2`).set(auth());
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: all.body.total });
    expect(page2.body.items.map((s: { id: string }) => s.id)).toEqual(all.body.items.slice(2, 4).map((s: { id: string }) => s.id));
    const desc = await t.http.get(`/api/events/${c.vtnId}/sessions?order=desc&pageSize=1`).set(auth());
    expect(desc.body.items[0].id).toBe(all.body.items.at(-1).id);
    const far = await t.http.get(`/api/events/${c.vtnId}/sessions?page=50`).set(auth());
    expect(far.body).toMatchObject({ items: [], total: all.body.total });
    for (const bad of ['day=2012-02-30', 'day=tomorrow', 'kind=party', 'roomId=12', 'pageSize=101']) {
      const res = await t.http.get(`/api/events/${c.vtnId}/sessions?${bad}`).set(auth());
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    }
    const unknown = await t.http.get('/api/events/6f1c2b1e-0000-4000-8000-000000000000/sessions').set(auth());
    expectErrorBody(unknown.body, 404, 'NOT_FOUND');
  });

  it('deletes a session (200 with warnings), then answers 404 for it', async () => {
    const created = await post(base({ roomId: c.salle2, startsAt: '2012-02-06T17:00', endsAt: '2012-02-06T17:30' }));
    const res = await t.http.delete(`/api/sessions/${created.body.id}`).set(auth());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ warnings: [] });
    for (const r of [t.http.get(`/api/sessions/${created.body.id}`), t.http.delete(`/api/sessions/${created.body.id}`), t.http.patch(`/api/sessions/${created.body.id}`).send({ titleFr: 'X' })]) {
      const gone = await r.set(auth());
      expect(gone.status).toBe(404);
      expectErrorBody(gone.body, 404, 'NOT_FOUND');
    }
  });

  it('is for organisers only', async () => {
    const session = (await t.http.get(`/api/events/${c.vtnId}/sessions`).set(auth())).body.items[0];
    const speakerCalls = [
      t.http.get(`/api/events/${c.vtnId}/sessions`),
      t.http.get(`/api/sessions/${session.id}`),
      t.http.post(`/api/events/${c.vtnId}/sessions`).send(base({ roomId: c.salle2 })),
      t.http.delete(`/api/sessions/${session.id}`),
    ];
    for (const call of speakerCalls) expect((await call.set(bearer(helene.token))).status).toBe(403);
    expect((await t.http.get(`/api/sessions/${session.id}`)).status).toBe(401);
  });
});
