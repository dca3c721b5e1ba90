import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

const VALID_VENUE = { name: 'Lieu valide', streetAddress: '1 avenue Gabriel', postcode: '75008', city: 'Paris' };
const UNKNOWN = '6f1c2b1e-0000-4000-8000-000000000000';
const HUGE = 'x'.repeat(100_000);

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
interface Call {
  method: Method;
  path: string;
  body?: unknown;
  /** Sent as is, with content-type application/json. */
  raw?: string;
  form?: string;
}

describe('Venues: who may call what, and hostile input', () => {
  let t: TestApp;
  let organiser: string;
  let reception: string;
  let venueId: string;
  let otherVenueId: string;
  let roomId: string;

  const send = (call: Call, token?: string) => {
    let req = t.http[call.method](call.path);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    if (call.raw !== undefined) return req.set('content-type', 'application/json').send(call.raw);
    if (call.form !== undefined) return req.set('content-type', 'application/x-www-form-urlencoded').send(call.form);
    return call.body === undefined ? req : req.send(call.body as object);
  };

  /** Every row of the venues tables, so that "changed nothing" can be checked exactly. */
  const snapshot = async () => {
    const tables = ['venues', 'rooms', 'venue_openings', 'venue_travel_times'];
    const out: Record<string, unknown> = {};
    for (const table of tables) {
      const [row] = await t.booted.dataSource.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${table} x`);
      out[table] = row;
    }
    return out;
  };

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    organiser = await t.adminToken();
    reception = await t.tokenFor('reception');
    const venue = await t.http
      .post('/api/venues')
      .set('Authorization', `Bearer ${organiser}`)
      .send({ ...VALID_VENUE, latitude: 48.8676, longitude: 2.3158, openingHours: [{ date: '2012-02-06', opens: '09:00', closes: '19:00' }] });
    venueId = venue.body.id;
    otherVenueId = (await t.http.post('/api/venues').set('Authorization', `Bearer ${organiser}`).send({ ...VALID_VENUE, name: 'Autre lieu' })).body.id;
    roomId = (await t.http.post(`/api/venues/${venueId}/rooms`).set('Authorization', `Bearer ${organiser}`).send({ name: 'Salle 1', capacity: 50 })).body.id;
    await t.http
      .put('/api/venues/travel-times')
      .set('Authorization', `Bearer ${organiser}`)
      .send({ fromVenueId: venueId, toVenueId: otherVenueId, walkingMinutes: 20 })
      .expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('roles', () => {
    // Fixtures of their own: the organiser's writes below delete them.
    let target: { venueId: string; otherVenueId: string; roomId: string };
    beforeAll(async () => {
      const as = { Authorization: `Bearer ${organiser}` };
      const v = (await t.http.post('/api/venues').set(as).send({ ...VALID_VENUE, name: 'Lieu des rôles' })).body.id as string;
      const o = (await t.http.post('/api/venues').set(as).send({ ...VALID_VENUE, name: 'Autre lieu des rôles' })).body.id as string;
      const r = (await t.http.post(`/api/venues/${v}/rooms`).set(as).send({ name: 'Salle des rôles', capacity: 50 })).body.id as string;
      await t.http.put('/api/venues/travel-times').set(as).send({ fromVenueId: v, toVenueId: o, walkingMinutes: 20 }).expect(200);
      target = { venueId: v, otherVenueId: o, roomId: r };
    });
    /** Every write route, in an order in which an organiser can make them all succeed. */
    const writes = (): Call[] => [
      { method: 'post', path: '/api/venues', body: VALID_VENUE },
      { method: 'patch', path: `/api/venues/${target.venueId}`, body: { city: 'Lyon' } },
      { method: 'post', path: `/api/venues/${target.venueId}/rooms`, body: { name: 'Salle interdite', capacity: 5 } },
      { method: 'patch', path: `/api/venues/${target.venueId}/rooms/${target.roomId}`, body: { capacity: 7 } },
      { method: 'put', path: '/api/venues/travel-times', body: { fromVenueId: target.venueId, toVenueId: target.otherVenueId, walkingMinutes: 1 } },
      { method: 'delete', path: `/api/venues/travel-times?fromVenueId=${target.venueId}&toVenueId=${target.otherVenueId}` },
      { method: 'delete', path: `/api/venues/${target.venueId}/rooms/${target.roomId}` },
      { method: 'delete', path: `/api/venues/${target.otherVenueId}` },
    ];
    const reads = (): Call[] => [
      { method: 'get', path: '/api/venues' },
      { method: 'get', path: `/api/venues/${target.venueId}` },
      { method: 'get', path: `/api/venues/${target.venueId}/rooms` },
      { method: 'get', path: `/api/venues/${target.venueId}/rooms/${target.roomId}` },
      { method: 'get', path: '/api/venues/travel-times' },
    ];

    it('refuses every write to anonymous callers (401) and to reception (403), changing nothing', async () => {
      const before = await snapshot();
      for (const call of writes()) {
        const anonymous = await send(call);
        expect({ ...call, status: anonymous.status }).toEqual({ ...call, status: 401 });
        expectErrorBody(anonymous.body, 401, 'UNAUTHENTICATED');
        const forbidden = await send(call, reception);
        expect({ ...call, status: forbidden.status }).toEqual({ ...call, status: 403 });
        expectErrorBody(forbidden.body, 403, 'FORBIDDEN');
        const badToken = await send(call, 'not-a-real-token');
        expect(badToken.status).toBe(401);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('lets anyone read, with or without a token', async () => {
      for (const call of reads()) {
        expect({ ...call, status: (await send(call)).status }).toEqual({ ...call, status: 200 });
        expect({ ...call, status: (await send(call, reception)).status }).toEqual({ ...call, status: 200 });
      }
    });

    it('lets an organiser make every write', async () => {
      const other = await t.tokenFor('organiser');
      const statuses: number[] = [];
      for (const call of writes()) statuses.push((await send(call, other)).status);
      expect(statuses).toEqual([201, 200, 201, 200, 200, 204, 204, 204]);
    });
  });

  describe('hostile input', () => {
    const NESTED_GARBAGE = [
      { openingHours: 'tous les jours' },
      { openingHours: null },
      { openingHours: [null] },
      { openingHours: [[]] },
      { openingHours: [42] },
      { openingHours: [{ date: { $gt: '' }, opens: '09:00', closes: '19:00' }] },
      { openingHours: [{ date: '2012-02-06', opens: '09:00', closes: '19:00', extra: 1 }] },
      { openingHours: [{ date: '2012-02-06', opens: ['09:00'], closes: '19:00' }] },
      { openingHours: { 0: { date: '2012-02-06', opens: '09:00', closes: '19:00' } } },
      { openingHours: Array.from({ length: 367 }, (_, i) => ({ date: new Date(Date.UTC(2012, 0, 1 + i)).toISOString().slice(0, 10), opens: '09:00', closes: '10:00' })) },
    ];
    const BAD_OPENING_DAYS = [
      { date: '2012-02-30', opens: '09:00', closes: '19:00' },
      { date: '2012-2-6', opens: '09:00', closes: '19:00' },
      { date: '06/02/2012', opens: '09:00', closes: '19:00' },
      { date: '2012-02-06T00:00', opens: '09:00', closes: '19:00' },
      { date: '2012-02-06', opens: '9:00', closes: '19:00' },
      { date: '2012-02-06', opens: '24:00', closes: '19:00' },
      { date: '2012-02-06', opens: '09:00:00', closes: '19:00' },
      { date: '2012-02-06', opens: '09:00' },
      { date: '2012-02-06', opens: '19:00', closes: '09:00' },
      { date: '2012-02-06', opens: '09:00', closes: '09:00' },
      { date: '2012-03-25', opens: '02:30', closes: '05:00' },
    ];
    const badVenueBodies = (): unknown[] => [
      {},
      { ...VALID_VENUE, name: 12 },
      { ...VALID_VENUE, name: '   ' },
      { ...VALID_VENUE, name: ['a'] },
      { ...VALID_VENUE, name: { toString: 'x' } },
      { ...VALID_VENUE, name: HUGE },
      { ...VALID_VENUE, streetAddress: HUGE },
      { ...VALID_VENUE, postcode: 'x'.repeat(21) },
      { ...VALID_VENUE, city: 'x'.repeat(121) },
      { ...VALID_VENUE, accessibilityNotes: HUGE },
      { ...VALID_VENUE, unknownField: true },
      { ...VALID_VENUE, id: UNKNOWN },
      { ...VALID_VENUE, createdAt: '2000-01-01' },
      { ...VALID_VENUE, countryCode: 'ZZ' },
      { ...VALID_VENUE, countryCode: 'FRA' },
      { ...VALID_VENUE, countryCode: null },
      { ...VALID_VENUE, timeZone: 'Mars/Olympus' },
      { ...VALID_VENUE, timeZone: HUGE },
      { ...VALID_VENUE, timeZone: 1 },
      { ...VALID_VENUE, timeZone: null },
      { ...VALID_VENUE, latitude: 1000, longitude: 2 },
      { ...VALID_VENUE, latitude: 48, longitude: -181 },
      { ...VALID_VENUE, latitude: '48.8', longitude: '2.3' },
      { ...VALID_VENUE, latitude: 'NaN', longitude: 2 },
      { ...VALID_VENUE, latitude: 'Infinity', longitude: 2 },
      { ...VALID_VENUE, latitude: 48, longitude: null },
      ...NESTED_GARBAGE.map((g) => ({ ...VALID_VENUE, ...g })),
      ...BAD_OPENING_DAYS.map((day) => ({ ...VALID_VENUE, openingHours: [day] })),
      { ...VALID_VENUE, openingHours: [BAD_OPENING_DAYS[0], { date: '2012-02-06', opens: '09:00', closes: '19:00' }] },
      {
        ...VALID_VENUE,
        openingHours: [
          { date: '2012-02-06', opens: '09:00', closes: '10:00' },
          { date: '2012-02-06', opens: '11:00', closes: '12:00' },
        ],
      },
    ];
    const badRoomBodies = (): unknown[] => [
      {},
      { name: 'Salle', capacity: 0 },
      { name: 'Salle', capacity: -5 },
      { name: 'Salle', capacity: 2.5 },
      { name: 'Salle', capacity: '50' },
      { name: 'Salle', capacity: 100001 },
      { name: 'Salle', capacity: 1e999 },
      { name: HUGE, capacity: 10 },
      { name: 'Salle', capacity: 10, floor: 'x'.repeat(51) },
      { name: 'Salle', capacity: 10, floor: 3 },
      { name: 'Salle', capacity: 10, equipment: 'micro' },
      { name: 'Salle', capacity: 10, equipment: [1, 2] },
      { name: 'Salle', capacity: 10, equipment: [{ $ne: null }] },
      { name: 'Salle', capacity: 10, equipment: ['x'.repeat(101)] },
      { name: 'Salle', capacity: 10, equipment: Array.from({ length: 51 }, (_, i) => `e${i}`) },
      { name: 'Salle', capacity: 10, equipment: ['micro', 'micro'] },
      { name: 'Salle', capacity: 10, accessibilityNotes: HUGE },
      { name: 'Salle', capacity: 10, venueId: UNKNOWN },
      { name: 'Salle', capacity: 10, unknownField: 1 },
      { name: 'Salle 1', capacity: 10 },
    ];
    const badTravelBodies = (): unknown[] => [
      {},
      { fromVenueId: 'x', toVenueId: otherVenueId, walkingMinutes: 5 },
      { fromVenueId: venueId, toVenueId: 12, walkingMinutes: 5 },
      { fromVenueId: venueId, toVenueId: otherVenueId, walkingMinutes: -1 },
      { fromVenueId: venueId, toVenueId: otherVenueId, walkingMinutes: 1441 },
      { fromVenueId: venueId, toVenueId: otherVenueId, walkingMinutes: 2.5 },
      { fromVenueId: venueId, toVenueId: otherVenueId, walkingMinutes: '5' },
      { fromVenueId: venueId, toVenueId: otherVenueId, transitMinutes: 1e999 },
      { fromVenueId: venueId, toVenueId: otherVenueId, walkingMinutes: 5, venueAId: venueId },
      { fromVenueId: venueId, toVenueId: venueId, walkingMinutes: 5 },
      { fromVenueId: venueId, toVenueId: otherVenueId },
      { fromVenueId: venueId, toVenueId: UNKNOWN, walkingMinutes: 5 },
      { fromVenueId: [venueId], toVenueId: otherVenueId, walkingMinutes: 5 },
      { fromVenueId: HUGE, toVenueId: otherVenueId, walkingMinutes: 5 },
    ];
    const RAW_BODIES = ['{"name": ', 'null', '"a string"', '[]', '[1,2]', '{"latitude": NaN}', '{"latitude": Infinity}', '{"name": "a"}{"name": "b"}', '\u0000'];
    const BAD_IDS = ['not-a-uuid', '1', "1' OR '1'='1", 'x'.repeat(5000), '%00', '6f1c2b1e-0000-4000-8000-00000000000g', '6f1c2b1e000040008000000000000000'];

    const hostileCalls = (): Call[] => [
      ...badVenueBodies().map((body): Call => ({ method: 'post', path: '/api/venues', body })),
      // Latitude alone is refused on creation (on update it may change a venue that has both).
      { method: 'post', path: '/api/venues', body: { ...VALID_VENUE, latitude: 48 } },
      ...badVenueBodies()
        .filter((body) => Object.keys(body as object).length > 0)
        .map((body): Call => ({ method: 'patch', path: `/api/venues/${venueId}`, body: { ...(body as object), name: (body as { name?: unknown }).name ?? 'Changé' } })),
      { method: 'patch', path: `/api/venues/${venueId}`, body: { name: null } },
      { method: 'patch', path: `/api/venues/${venueId}`, body: { city: null } },
      { method: 'patch', path: `/api/venues/${venueId}`, body: { name: 'Changé', latitude: null } },
      ...badRoomBodies().map((body): Call => ({ method: 'post', path: `/api/venues/${venueId}/rooms`, body })),
      ...badRoomBodies()
        .filter((body) => Object.keys(body as object).length > 0)
        .map((body): Call => ({ method: 'patch', path: `/api/venues/${otherVenueId}/rooms/${roomId}`, body })),
      ...badRoomBodies()
        .filter((body) => Object.keys(body as object).length > 0 && (body as { name?: string }).name !== 'Salle 1')
        .map((body): Call => ({ method: 'patch', path: `/api/venues/${venueId}/rooms/${roomId}`, body })),
      { method: 'patch', path: `/api/venues/${venueId}/rooms/${roomId}`, body: { capacity: null } },
      ...badTravelBodies().map((body): Call => ({ method: 'put', path: '/api/venues/travel-times', body })),
      ...RAW_BODIES.flatMap((raw): Call[] => [
        { method: 'post', path: '/api/venues', raw },
        { method: 'patch', path: `/api/venues/${venueId}`, raw },
        { method: 'post', path: `/api/venues/${venueId}/rooms`, raw },
        { method: 'patch', path: `/api/venues/${venueId}/rooms/${roomId}`, raw },
        { method: 'put', path: '/api/venues/travel-times', raw },
      ]),
      { method: 'post', path: '/api/venues', form: 'name=Salle&streetAddress=a&postcode=1&city=c&latitude=48&longitude=2' },
      { method: 'post', path: `/api/venues/${venueId}/rooms`, form: 'name=Salle&capacity=10' },
      ...BAD_IDS.flatMap((id): Call[] => {
        const safe = encodeURIComponent(id);
        return [
          { method: 'get', path: `/api/venues/${safe}` },
          { method: 'patch', path: `/api/venues/${safe}`, body: { name: 'x' } },
          { method: 'delete', path: `/api/venues/${safe}` },
          { method: 'get', path: `/api/venues/${safe}/rooms` },
          { method: 'post', path: `/api/venues/${safe}/rooms`, body: { name: 'x', capacity: 1 } },
          { method: 'get', path: `/api/venues/${venueId}/rooms/${safe}` },
          { method: 'patch', path: `/api/venues/${venueId}/rooms/${safe}`, body: { capacity: 2 } },
          { method: 'delete', path: `/api/venues/${venueId}/rooms/${safe}` },
          { method: 'delete', path: `/api/venues/travel-times?fromVenueId=${safe}&toVenueId=${venueId}` },
        ];
      }),
      { method: 'get', path: `/api/venues/${UNKNOWN}` },
      { method: 'patch', path: `/api/venues/${UNKNOWN}`, body: { name: 'x' } },
      { method: 'delete', path: `/api/venues/${UNKNOWN}` },
      { method: 'get', path: `/api/venues/${UNKNOWN}/rooms/${roomId}` },
      { method: 'delete', path: `/api/venues/${venueId}/rooms/${UNKNOWN}` },
      ...[
        'page=0',
        'page=-1',
        'page=abc',
        'page=NaN',
        'page=Infinity',
        'page=1.5',
        'pageSize=1000',
        'pageSize=0',
        'sort=password',
        'sort[]=name',
        'order=sideways',
        `q=${'x'.repeat(101)}`,
        'q=a&q=b',
        'q[$ne]=x',
        'unknown=1',
      ].map((query): Call => ({ method: 'get', path: `/api/venues?${query}` })),
      { method: 'delete', path: '/api/venues/travel-times' },
      { method: 'delete', path: `/api/venues/travel-times?fromVenueId=${venueId}` },
      { method: 'delete', path: `/api/venues/travel-times?fromVenueId=${venueId}&toVenueId=${venueId}` },
      { method: 'delete', path: `/api/venues/travel-times?fromVenueId=${venueId}&toVenueId=${UNKNOWN}` },
      { method: 'delete', path: `/api/venues/travel-times?fromVenueId=${venueId}&fromVenueId=${venueId}&toVenueId=${otherVenueId}` },
      { method: 'delete', path: `/api/venues/travel-times?fromVenueId=${venueId}&toVenueId=${otherVenueId}&extra=1` },
    ];

    it('answers every hostile request with a 4xx in the error shape, never a 500, and changes nothing', async () => {
      const before = await snapshot();
      const calls = hostileCalls();
      expect(calls.length).toBeGreaterThan(250);
      const failures: string[] = [];
      for (const call of calls) {
        const res = await send(call, organiser);
        const label = `${call.method.toUpperCase()} ${call.path.slice(0, 120)} ${JSON.stringify(call.body ?? call.raw ?? call.form ?? '').slice(0, 160)} → ${res.status}`;
        if (res.status < 400 || res.status >= 500) {
          failures.push(label);
          continue;
        }
        try {
          expectErrorBody(res.body, res.status);
        } catch {
          failures.push(`${label}: not the error shape ${JSON.stringify(res.body).slice(0, 200)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await snapshot()).toEqual(before);
    });

    it('ignores prototype keys instead of applying them', async () => {
      const as = { Authorization: `Bearer ${organiser}` };
      const before = await t.http.get(`/api/venues/${venueId}`);
      const patched = await send({ method: 'patch', path: `/api/venues/${venueId}`, raw: '{"__proto__": {"name": "Piraté"}, "constructor": {"prototype": {"city": "Piratée"}}}' }, organiser);
      expect([200, 400]).toContain(patched.status);
      const after = await t.http.get(`/api/venues/${venueId}`).set(as);
      expect(after.body).toEqual(before.body);
      expect(({} as Record<string, unknown>).name).toBeUndefined();
    });

    it('names the offending field of a nested opening-hours entry', async () => {
      const res = await t.http
        .post('/api/venues')
        .set('Authorization', `Bearer ${organiser}`)
        .send({ ...VALID_VENUE, openingHours: [{ date: '2012-02-06', opens: '09:00', closes: '19:00' }, { date: '2012-02-07', opens: '9h', closes: '19:00' }] });
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
      expect(res.body.details.errors.map((e: { field: string }) => e.field)).toEqual(['openingHours[1].opens']);
    });

    it('answers malformed JSON with 400 MALFORMED_JSON and a body over 1 MB with 413', async () => {
      const malformed = await send({ method: 'post', path: '/api/venues', raw: '{"name": ' }, organiser);
      expect(malformed.status).toBe(400);
      expectErrorBody(malformed.body, 400, 'MALFORMED_JSON');
      const large = await send({ method: 'post', path: '/api/venues', raw: JSON.stringify({ ...VALID_VENUE, accessibilityNotes: 'x'.repeat(1_100_000) }) }, organiser);
      expect(large.status).toBe(413);
      expectErrorBody(large.body, 413, 'PAYLOAD_TOO_LARGE');
    });
  });
});
