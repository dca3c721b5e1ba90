import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

describe('Events API', () => {
  let t: TestApp;
  let organiser: string;
  const auth = () => ({ Authorization: `Bearer ${organiser}` });

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    organiser = await t.adminToken();
  });
  afterAll(async () => {
    await t?.close();
  });

  const countEvents = async () => Number((await t.booted.dataSource.query('SELECT count(*)::int AS n FROM events'))[0].n);

  it('creates a timed event from Paris wall-clock times and shows it in Paris and UTC', async () => {
    const res = await t.http
      .post('/api/events')
      .set(auth())
      .send({ slug: 'gala2012', kind: 'ceremony', nameFr: 'Soirée de gala', startsAt: '2012-02-06T18:00', endsAt: '2012-02-06T21:00' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      slug: 'gala2012',
      timeZone: 'Europe/Paris',
      allDay: false,
      startsAt: '2012-02-06T18:00:00+01:00',
      endsAt: '2012-02-06T21:00:00+01:00',
      startsAtUtc: '2012-02-06T17:00:00.000Z',
      startDate: '2012-02-06',
      endDate: '2012-02-06',
      venues: [],
      linkedEvents: [],
    });
    const [row] = await t.booted.dataSource.query(`SELECT starts_at FROM events WHERE id = $1`, [res.body.id]);
    expect(new Date(row.starts_at).toISOString()).toBe('2012-02-06T17:00:00.000Z');
  });

  it('creates an all-day event, links a child event to it, and lists both', async () => {
    const parent = await t.http
      .post('/api/events')
      .set(auth())
      .send({ slug: 'colloque', nameFr: 'Colloque', nameEn: 'Colloquium', startDate: '2012-02-06', endDate: '2012-02-07' });
    expect(parent.status).toBe(201);
    expect(parent.body).toMatchObject({ allDay: true, startDate: '2012-02-06', endDate: '2012-02-07', startsAt: '2012-02-06T00:00:00+01:00' });
    const child = await t.http
      .post('/api/events')
      .set(auth())
      .send({ slug: 'remise', kind: 'ceremony', parentEventId: parent.body.id, nameFr: 'Remise', startsAt: '2012-02-06T18:00', endsAt: '2012-02-06T21:00' });
    expect(child.status).toBe(201);
    const again = await t.http.get(`/api/events/${parent.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body.linkedEvents).toEqual([
      expect.objectContaining({ id: child.body.id, slug: 'remise', startsAt: '2012-02-06T18:00:00+01:00' }),
    ]);
    const grandChild = await t.http
      .post('/api/events')
      .set(auth())
      .send({ slug: 'under', parentEventId: child.body.id, nameFr: 'x', startDate: '2012-02-06' });
    expect(grandChild.status).toBe(422);
    expectErrorBody(grandChild.body, 422, 'VALIDATION_FAILED');

    const list = await t.http.get('/api/events?pageSize=1&sort=startsAt');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.total).toBeGreaterThanOrEqual(3);
    const children = await t.http.get(`/api/events?parentEventId=${parent.body.id}`);
    expect(children.body.items.map((e: { slug: string }) => e.slug)).toEqual(['remise']);
  });

  it('updates a period, corrects a time zone, and clears optional fields', async () => {
    const created = await t.http
      .post('/api/events')
      .set(auth())
      .send({ slug: 'atelier', nameFr: 'Atelier', startsAt: '2012-02-07T09:00', endsAt: '2012-02-07T12:00', website: 'https://example.org' });
    const id = created.body.id;
    const moved = await t.http.patch(`/api/events/${id}`).set(auth()).send({ endsAt: '2012-02-07T12:30', website: null });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: '2012-02-07T09:00:00+01:00', endsAt: '2012-02-07T12:30:00+01:00', website: null });
    const zone = await t.http.patch(`/api/events/${id}`).set(auth()).send({ timeZone: 'America/Montreal' });
    expect(zone.body).toMatchObject({ timeZone: 'America/Montreal', startsAt: '2012-02-07T09:00:00-05:00', startsAtUtc: '2012-02-07T14:00:00.000Z' });
    const backwards = await t.http.patch(`/api/events/${id}`).set(auth()).send({ endsAt: '2012-02-07T08:00' });
    expect(backwards.status).toBe(422);
    const unchanged = await t.http.get(`/api/events/${id}`);
    expect(unchanged.body.endsAt).toBe('2012-02-07T12:30:00-05:00');
  });

  it('refuses a duplicate slug with 409 and unknown venues with 422, creating nothing', async () => {
    const before = await countEvents();
    const dup = await t.http.post('/api/events').set(auth()).send({ slug: 'gala2012', nameFr: 'x', startDate: '2012-02-06' });
    expect(dup.status).toBe(409);
    expectErrorBody(dup.body, 409, 'CONFLICT');
    const venue = await t.http
      .post('/api/events')
      .set(auth())
      .send({ slug: 'novenue', nameFr: 'x', startDate: '2012-02-06', venueIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(venue.status).toBe(422);
    expectErrorBody(venue.body, 422, 'VALIDATION_FAILED');
    expect(await countEvents()).toBe(before);
  });

  it('answers hostile input with 4xx in the error shape and changes nothing', async () => {
    const before = await countEvents();
    const huge = 'é'.repeat(100_000);
    const bodies: unknown[] = [
      {},
      { slug: 'ok2012', nameFr: huge, startDate: '2012-02-06' },
      { slug: 'Bad-Slug', nameFr: 'x', startDate: '2012-02-06' },
      { slug: 'ok2012', nameFr: 42, startDate: '2012-02-06' },
      { slug: 'ok2012', nameFr: 'x', startDate: '2012-02-06', hacker: true },
      { slug: 'ok2012', nameFr: 'x', startsAt: '2012-02-06T18:00', endsAt: '2012-02-06T17:00' },
      { slug: 'ok2012', nameFr: 'x', startsAt: '2012-02-06T18:00', endsAt: '2012-02-06T19:00', timeZone: 'Mars/Olympus' },
      { slug: 'ok2012', nameFr: 'x', startDate: '2012-13-45' },
      { slug: 'ok2012', nameFr: 'x', startDate: '2012-02-06', venueIds: 'not-a-list' },
      { slug: 'ok2012', nameFr: 'x', startDate: '2012-02-06', venueIds: ['nope'] },
      { slug: 'ok2012', nameFr: 'x', startDate: '2012-02-06', website: 'javascript:alert(1)' },
      { slug: 'ok2012', nameFr: 'x', startDate: '2012-02-06', contactEmail: 'not an email' },
      { slug: 'ok2012', nameFr: 'x', startDate: '2012-02-06', parentEventId: '00000000-0000-4000-8000-000000000000' },
      { slug: 'ok2012', nameFr: 'x', startsAt: { $gt: '' }, endsAt: [] },
      [1, 2, 3],
      'just a string',
    ];
    for (const body of bodies) {
      const res = await t.http.post('/api/events').set(auth()).set('content-type', 'application/json').send(JSON.stringify(body));
      expect([400, 409, 422]).toContain(res.status);
      expectErrorBody(res.body, res.status);
    }
    const malformed = await t.http.post('/api/events').set(auth()).set('content-type', 'application/json').send('{"slug": "x",');
    expect(malformed.status).toBe(400);
    expectErrorBody(malformed.body, 400, 'MALFORMED_JSON');
    for (const path of ['/api/events/not-a-uuid', '/api/events/%FF', "/api/events/1'%20OR%201=1"]) {
      const res = await t.http.get(path);
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400);
    }
    const missing = await t.http.get('/api/events/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expectErrorBody(missing.body, 404, 'NOT_FOUND');
    const patchNull = await t.http.patch(`/api/events/00000000-0000-4000-8000-000000000000`).set(auth()).send({ nameFr: 'x' });
    expect(patchNull.status).toBe(404);
    const badQuery = await t.http.get('/api/events?pageSize=1000&page=-1&sort=password');
    expect(badQuery.status).toBe(400);
    expectErrorBody(badQuery.body, 400, 'VALIDATION_FAILED');
    expect(await countEvents()).toBe(before);
  });

  it('refuses to clear a required field', async () => {
    const list = await t.http.get('/api/events?slug=gala2012');
    const id = list.body.items[0].id;
    const res = await t.http.patch(`/api/events/${id}`).set(auth()).send({ nameFr: null });
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    expect((await t.http.get(`/api/events/${id}`)).body.nameFr).toBe('Soirée de gala');
  });

  it('deletes an event; its linked events stay, unlinked', async () => {
    const parent = await t.http.post('/api/events').set(auth()).send({ slug: 'todelete', nameFr: 'x', startDate: '2013-01-01' });
    const child = await t.http
      .post('/api/events')
      .set(auth())
      .send({ slug: 'orphan', nameFr: 'y', startDate: '2013-01-01', parentEventId: parent.body.id });
    const del = await t.http.delete(`/api/events/${parent.body.id}`).set(auth());
    expect(del.status).toBe(204);
    expect((await t.http.get(`/api/events/${parent.body.id}`)).status).toBe(404);
    expect((await t.http.get(`/api/events/${child.body.id}`)).body.parentEventId).toBeNull();
    expect((await t.http.delete(`/api/events/${parent.body.id}`).set(auth())).status).toBe(404);
  });
});
