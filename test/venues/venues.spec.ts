import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

const CARDIN = { name: 'Espace Cardin', streetAddress: '1 avenue Gabriel', postcode: '75008', city: 'Paris' };

describe('Venues API', () => {
  let t: TestApp;
  let organiser: string;
  const auth = () => ({ Authorization: `Bearer ${organiser}` });
  const createVenue = async (body: Record<string, unknown>) => {
    const res = await t.http.post('/api/venues').set(auth()).send(body);
    if (res.status !== 201) throw new Error(`create venue: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; name: string };
  };
  const storedOpenings = (venueId: string) =>
    t.booted.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, opens_at, closes_at FROM venue_openings WHERE venue_id = $1 ORDER BY date`,
      [venueId],
    ) as Promise<{ date: string; opens_at: Date; closes_at: Date }[]>;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    organiser = await t.adminToken();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a venue with defaults and shows it back, with rooms and opening hours', async () => {
    const res = await t.http.post('/api/venues').set(auth()).send({ ...CARDIN, accessibilityNotes: '  Accès de plain-pied  ' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ...CARDIN,
      countryCode: 'FR',
      latitude: null,
      longitude: null,
      timeZone: 'Europe/Paris',
      accessibilityNotes: 'Accès de plain-pied',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      rooms: [],
      openingHours: [],
    });
    const again = await t.http.get(`/api/venues/${res.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
  });

  it('stores Paris opening hours as UTC instants and shows them back in Paris time', async () => {
    const venue = await createVenue({
      name: 'CNRS',
      streetAddress: '3 rue Michel-Ange',
      postcode: '75016',
      city: 'Paris',
      latitude: 48.8454,
      longitude: 2.2646,
      openingHours: [
        { date: '2012-02-07', opens: '08:30', closes: '18:00' },
        { date: '2012-02-06', opens: '09:00', closes: '19:00' },
      ],
    });
    expect(venue).toMatchObject({
      latitude: 48.8454,
      longitude: 2.2646,
      openingHours: [
        { date: '2012-02-06', opens: '09:00', closes: '19:00' },
        { date: '2012-02-07', opens: '08:30', closes: '18:00' },
      ],
    });
    const rows = await storedOpenings(venue.id);
    expect(rows.map((r) => [r.date, new Date(r.opens_at).toISOString(), new Date(r.closes_at).toISOString()])).toEqual([
      ['2012-02-06', '2012-02-06T08:00:00.000Z', '2012-02-06T18:00:00.000Z'],
      ['2012-02-07', '2012-02-07T07:30:00.000Z', '2012-02-07T17:00:00.000Z'],
    ]);
  });

  it('updates fields, replaces opening hours as a set, and clears optional fields with null', async () => {
    const venue = await createVenue({ ...CARDIN, name: 'Salle à renommer', latitude: 1, longitude: 2, openingHours: [{ date: '2012-02-06', opens: '09:00', closes: '19:00' }] });
    const res = await t.http
      .patch(`/api/venues/${venue.id}`)
      .set(auth())
      .send({ name: 'Salle renommée', countryCode: 'be', latitude: null, longitude: null, openingHours: [{ date: '2012-02-08', opens: '10:00', closes: '12:00' }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Salle renommée', city: 'Paris', countryCode: 'BE', latitude: null, longitude: null });
    expect(res.body.openingHours).toEqual([{ date: '2012-02-08', opens: '10:00', closes: '12:00' }]);
    expect(await storedOpenings(venue.id)).toHaveLength(1);

    const untouched = await t.http.patch(`/api/venues/${venue.id}`).set(auth()).send({ city: 'Lyon' });
    expect(untouched.body.openingHours).toEqual([{ date: '2012-02-08', opens: '10:00', closes: '12:00' }]);

    const cleared = await t.http.patch(`/api/venues/${venue.id}`).set(auth()).send({ openingHours: [] });
    expect(cleared.status).toBe(200);
    expect(cleared.body.openingHours).toEqual([]);
    expect(await storedOpenings(venue.id)).toHaveLength(0);
  });

  it('keeps the wall-clock opening hours when the time zone is corrected', async () => {
    const venue = await createVenue({ ...CARDIN, name: 'Fuseau', openingHours: [{ date: '2012-02-06', opens: '09:00', closes: '19:00' }] });
    const res = await t.http.patch(`/api/venues/${venue.id}`).set(auth()).send({ timeZone: 'America/Montreal' });
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('America/Montreal');
    expect(res.body.openingHours).toEqual([{ date: '2012-02-06', opens: '09:00', closes: '19:00' }]);
    const [row] = await storedOpenings(venue.id);
    expect(new Date(row.opens_at).toISOString()).toBe('2012-02-06T14:00:00.000Z');

    // With openingHours in the same request, the hours are read in the new zone.
    const both = await t.http
      .patch(`/api/venues/${venue.id}`)
      .set(auth())
      .send({ timeZone: 'UTC', openingHours: [{ date: '2012-02-06', opens: '09:00', closes: '10:00' }] });
    expect(both.status).toBe(200);
    const [utcRow] = await storedOpenings(venue.id);
    expect(new Date(utcRow.opens_at).toISOString()).toBe('2012-02-06T09:00:00.000Z');
  });

  it('refuses a time zone change that a kept opening time cannot survive, and rolls the whole change back', async () => {
    const venue = await createVenue({ ...CARDIN, name: 'Nuit du changement d’heure', timeZone: 'UTC', openingHours: [{ date: '2012-03-25', opens: '02:30', closes: '04:00' }] });
    const res = await t.http.patch(`/api/venues/${venue.id}`).set(auth()).send({ name: 'Renommée', timeZone: 'Europe/Paris' });
    expect(res.status).toBe(409);
    expectErrorBody(res.body, 409, 'OPENING_HOURS_CONFLICT');
    // The venue row was updated inside the transaction before the hours failed: it must be rolled back.
    const again = await t.http.get(`/api/venues/${venue.id}`);
    expect(again.body).toMatchObject({ name: 'Nuit du changement d’heure', timeZone: 'UTC', openingHours: [{ date: '2012-03-25', opens: '02:30', closes: '04:00' }] });
  });

  it('changes nothing when the opening hours of a PATCH are refused', async () => {
    const venue = await createVenue({ ...CARDIN, name: 'Intacte', openingHours: [{ date: '2012-02-06', opens: '09:00', closes: '19:00' }] });
    const before = await t.http.get(`/api/venues/${venue.id}`);
    for (const openingHours of [
      [{ date: '2012-02-06', opens: '19:00', closes: '09:00' }],
      [
        { date: '2012-02-07', opens: '09:00', closes: '10:00' },
        { date: '2012-02-07', opens: '11:00', closes: '12:00' },
      ],
      [{ date: '2012-03-25', opens: '02:30', closes: '04:00' }],
    ]) {
      const res = await t.http.patch(`/api/venues/${venue.id}`).set(auth()).send({ name: 'Modifiée', openingHours });
      expect([400, 422]).toContain(res.status);
      expectErrorBody(res.body, res.status, 'VALIDATION_FAILED');
    }
    const after = await t.http.get(`/api/venues/${venue.id}`);
    expect(after.body).toEqual(before.body);
  });

  it('refuses coordinates that would be left without their pair', async () => {
    const venue = await createVenue({ ...CARDIN, name: 'Coordonnées' });
    const half = await t.http.patch(`/api/venues/${venue.id}`).set(auth()).send({ latitude: 48.8 });
    expect(half.status).toBe(422);
    expectErrorBody(half.body, 422, 'VALIDATION_FAILED');
    const created = await t.http.post('/api/venues').set(auth()).send({ ...CARDIN, longitude: 2.3 });
    expect(created.status).toBe(422);
  });

  it('lists venues with search, sort and pagination', async () => {
    await createVenue({ ...CARDIN, name: 'zz Liste Alpha', city: 'Toulouse' });
    await createVenue({ ...CARDIN, name: 'ZZ liste Beta', city: 'Bordeaux' });
    await createVenue({ ...CARDIN, name: 'Autre lieu', city: 'ZZ-ville Liste' });
    const res = await t.http.get('/api/venues?q=LISTE&sort=name');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    expect(res.body.items.map((v: { name: string }) => v.name)).toEqual(['Autre lieu', 'zz Liste Alpha', 'ZZ liste Beta']);
    expect(res.body.items[0]).not.toHaveProperty('rooms');

    const byCity = await t.http.get('/api/venues?q=liste&sort=city&order=desc&pageSize=2');
    expect(byCity.body.items.map((v: { city: string }) => v.city)).toEqual(['ZZ-ville Liste', 'Toulouse']);
    const page2 = await t.http.get('/api/venues?q=liste&sort=city&order=desc&pageSize=2&page=2');
    expect(page2.body.items.map((v: { city: string }) => v.city)).toEqual(['Bordeaux']);

    const wildcard = await t.http.get('/api/venues?q=%25');
    expect(wildcard.body.total).toBe(0);
  });

  it('deletes a venue with its rooms and opening hours', async () => {
    const venue = await createVenue({ ...CARDIN, name: 'À supprimer', openingHours: [{ date: '2012-02-06', opens: '09:00', closes: '19:00' }] });
    await t.http.post(`/api/venues/${venue.id}/rooms`).set(auth()).send({ name: 'Salle 1', capacity: 10 }).expect(201);
    const res = await t.http.delete(`/api/venues/${venue.id}`).set(auth());
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await t.http.get(`/api/venues/${venue.id}`)).status).toBe(404);
    const [{ n }] = await t.booted.dataSource.query('SELECT count(*)::int AS n FROM rooms WHERE venue_id = $1', [venue.id]);
    expect(n).toBe(0);
    const again = await t.http.delete(`/api/venues/${venue.id}`).set(auth());
    expect(again.status).toBe(404);
    expectErrorBody(again.body, 404, 'NOT_FOUND');
  });

  it('refuses to delete a venue that an event uses, with 409 and a clear message', async () => {
    const venue = await createVenue({ ...CARDIN, name: 'Utilisée' });
    const [event] = await t.booted.dataSource.query(
      `INSERT INTO events (slug, kind, name_fr, starts_at, ends_at) VALUES ('venueuse', 'other', 'Usage', '2012-02-06T08:00Z', '2012-02-06T18:00Z') RETURNING id`,
    );
    await t.booted.dataSource.query('INSERT INTO event_venues (event_id, venue_id) VALUES ($1, $2)', [event.id, venue.id]);
    const res = await t.http.delete(`/api/venues/${venue.id}`).set(auth());
    expect(res.status).toBe(409);
    expectErrorBody(res.body, 409, 'VENUE_IN_USE');
    expect(res.body.message).toMatch(/used by an event/);
    expect((await t.http.get(`/api/venues/${venue.id}`)).status).toBe(200);
  });

  it('answers an unknown venue with 404 and a malformed id with 400', async () => {
    const missing = await t.http.get('/api/venues/6f1c2b1e-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expectErrorBody(missing.body, 404, 'NOT_FOUND');
    const bad = await t.http.get('/api/venues/not-a-uuid');
    expect(bad.status).toBe(400);
    expectErrorBody(bad.body, 400);
  });

  it('documents every venues route with its errors in OpenAPI', async () => {
    const doc = await t.http.get('/docs-json');
    const paths = doc.body.paths as Record<string, Record<string, { responses: Record<string, unknown>; tags: string[] }>>;
    const expected: [string, string, string[]][] = [
      ['/api/venues', 'post', ['201', '400', '401', '403', '422']],
      ['/api/venues', 'get', ['200', '400']],
      ['/api/venues/{id}', 'get', ['200', '400', '404']],
      ['/api/venues/{id}', 'patch', ['200', '400', '401', '403', '404', '409', '422']],
      ['/api/venues/{id}', 'delete', ['204', '401', '403', '404', '409']],
      ['/api/venues/{venueId}/rooms', 'get', ['200', '404']],
      ['/api/venues/{venueId}/rooms', 'post', ['201', '401', '403', '404', '409']],
      ['/api/venues/{venueId}/rooms/{roomId}', 'get', ['200', '404']],
      ['/api/venues/{venueId}/rooms/{roomId}', 'patch', ['200', '401', '403', '404', '409']],
      ['/api/venues/{venueId}/rooms/{roomId}', 'delete', ['204', '401', '403', '404']],
      ['/api/venues/travel-times', 'get', ['200']],
      ['/api/venues/travel-times', 'put', ['200', '401', '403', '422']],
      ['/api/venues/travel-times', 'delete', ['204', '401', '403', '404', '422']],
    ];
    for (const [path, method, statuses] of expected) {
      const op = paths[path]?.[method];
      expect({ path, method, defined: op !== undefined }).toEqual({ path, method, defined: true });
      expect(op.tags).toEqual(['venues']);
      for (const status of statuses) expect({ path, method, status, documented: status in op.responses }).toMatchObject({ documented: true });
    }
    const schemas = doc.body.components.schemas as Record<string, unknown>;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['VenueDetailResponse', 'RoomResponse', 'TravelTimeResponse', 'CreateVenueDto', 'UpdateVenueDto']));
  });
});
