import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { acceptedProposal, bearer, setUpColloquium, signUp, type Colloquium, type Speaker } from './sessions-support.js';

/**
 * Versions of sessions and talks (issue 13, two organisers on one grid): the ETag on GET and PATCH,
 * If-Match on PATCH /api/sessions/:id and /api/talks/:id, 412 PRECONDITION_FAILED with the current
 * state (nothing written) when another change came first.
 */
describe('Programme versions: ETag and If-Match', () => {
  let t: TestApp;
  let c: Colloquium;
  let helene: Speaker;
  const auth = () => bearer(c.organiser);
  const session = async (roomId: string, startsAt: string, endsAt: string, title: string) => {
    const res = await t.http.post(`/api/events/${c.vtnId}/sessions`).set(auth()).send({ roomId, kind: 'plenary', titleFr: title, startsAt, endsAt });
    if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number };
  };
  const expectError = (res: { status: number; body: unknown }, status: number, code: string) => {
    expect(res.status).toBe(status);
    expectErrorBody(res.body, status, code);
  };
  const row = async (table: 'sessions' | 'talks', id: string) =>
    (await t.booted.dataSource.query(`SELECT * FROM ${table} WHERE id = $1`, [id]))[0] as Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp();
    c = await setUpColloquium(t);
    helene = await signUp(t, 'Hélène', 'Dupré');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the session’s version as its ETag and raises it on every change', async () => {
    const created = await session(c.amphi, '2012-02-06T09:00', '2012-02-06T10:00', 'Ouverture');
    expect(created.version).toBe(1);
    const got = await t.http.get(`/api/sessions/${created.id}`).set(auth());
    expect(got.status).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.body.version).toBe(1);

    const moved = await t.http.patch(`/api/sessions/${created.id}`).set(auth()).set('If-Match', '"1"').send({ startsAt: '2012-02-06T09:15', endsAt: '2012-02-06T10:15' });
    expect(moved.status).toBe(200);
    expect(moved.headers.etag).toBe('"2"');
    expect(moved.body).toMatchObject({ version: 2, startsAt: '2012-02-06T09:15:00+01:00' });
    expect((await t.http.get(`/api/sessions/${created.id}`).set(auth())).headers.etag).toBe('"2"');
    // without If-Match the change goes on (as before) and still raises the version
    const plain = await t.http.patch(`/api/sessions/${created.id}`).set(auth()).send({ titleFr: 'Ouverture du colloque' });
    expect(plain.status).toBe(200);
    expect(plain.headers.etag).toBe('"3"');
    // `*` and a list holding the current tag match
    expect((await t.http.patch(`/api/sessions/${created.id}`).set(auth()).set('If-Match', '*').send({ expectedAttendance: 120 })).headers.etag).toBe('"4"');
    expect((await t.http.patch(`/api/sessions/${created.id}`).set(auth()).set('If-Match', '"9", "4"').send({ expectedAttendance: 130 })).status).toBe(200);
  });

  it('refuses a move based on a stale version with 412 and the current state, writing nothing', async () => {
    const s = await session(c.salle2, '2012-02-06T11:00', '2012-02-06T12:00', 'Territoires');
    // organiser A moves it; organiser B, still holding version 1, tries another move
    expect((await t.http.patch(`/api/sessions/${s.id}`).set(auth()).set('If-Match', '"1"').send({ startsAt: '2012-02-06T11:30', endsAt: '2012-02-06T12:30' })).status).toBe(200);
    const before = await row('sessions', s.id);
    const stale = await t.http.patch(`/api/sessions/${s.id}`).set(auth()).set('If-Match', '"1"').send({ roomId: c.amphi, startsAt: '2012-02-06T14:00', endsAt: '2012-02-06T15:00' });
    expectError(stale, 412, 'PRECONDITION_FAILED');
    expect(stale.headers.etag).toBe('"2"');
    expect(stale.body.details).toMatchObject({ version: 2, current: { id: s.id, version: 2, startsAt: '2012-02-06T11:30:00+01:00', room: { id: c.salle2 } } });
    expect(await row('sessions', s.id)).toEqual(before);
    // a weak tag never matches (strong comparison), nor does garbage
    expectError(await t.http.patch(`/api/sessions/${s.id}`).set(auth()).set('If-Match', 'W/"2"').send({ titleFr: 'x' }), 412, 'PRECONDITION_FAILED');
    expectError(await t.http.patch(`/api/sessions/${s.id}`).set(auth()).set('If-Match', 'deux').send({ titleFr: 'x' }), 412, 'PRECONDITION_FAILED');
    expect(await row('sessions', s.id)).toEqual(before);
    // the redo with the current tag goes through
    const redo = await t.http.patch(`/api/sessions/${s.id}`).set(auth()).set('If-Match', stale.headers.etag).send({ roomId: c.amphi, startsAt: '2012-02-06T14:00', endsAt: '2012-02-06T15:00' });
    expect(redo.status).toBe(200);
    expect(redo.body.version).toBe(3);
  });

  it('checks If-Match before the other rules: a 404 stays 404, a stale version wins over a room conflict', async () => {
    expectError(await t.http.patch('/api/sessions/00000000-0000-4000-8000-000000000000').set(auth()).set('If-Match', '"1"').send({ titleFr: 'x' }), 404, 'NOT_FOUND');
    const a = await session(c.cardin, '2012-02-07T09:00', '2012-02-07T10:00', 'A');
    const b = await session(c.cardin, '2012-02-07T10:00', '2012-02-07T11:00', 'B');
    // with the current version, a move onto A's time is the usual 409
    expectError(await t.http.patch(`/api/sessions/${b.id}`).set(auth()).set('If-Match', '"1"').send({ startsAt: '2012-02-07T09:30' , endsAt: '2012-02-07T10:30' }), 409, 'ROOM_OCCUPIED');
    expect((await row('sessions', b.id)).version).toBe(1);
    expect((await t.http.patch(`/api/sessions/${a.id}`).set(auth()).send({ titleFr: 'A bis' })).status).toBe(200);
    expectError(await t.http.patch(`/api/sessions/${a.id}`).set(auth()).set('If-Match', '"1"').send({ startsAt: '2012-02-07T10:00', endsAt: '2012-02-07T11:00' }), 412, 'PRECONDITION_FAILED');
  });

  it('versions talks: ETag on PATCH, 412 with the talk’s current state when stale; placing, moving and removing talks raise their sessions’ versions', async () => {
    const s1 = await session(c.amphi, '2012-02-07T14:00', '2012-02-07T16:00', 'Après-midi');
    const s2 = await session(c.salle2, '2012-02-07T14:00', '2012-02-07T16:00', 'Atelier');
    const p1 = await acceptedProposal(t, c, helene, 'La ville numérique');
    const p2 = await acceptedProposal(t, c, helene, 'Les territoires connectés');
    const t1 = await t.http.post(`/api/sessions/${s1.id}/talks`).set(auth()).send({ submissionId: p1 });
    const t2 = await t.http.post(`/api/sessions/${s1.id}/talks`).set(auth()).send({ submissionId: p2 });
    expect([t1.status, t2.status]).toEqual([201, 201]);
    expect(t1.body.version).toBe(1);
    const s1Now = (await t.http.get(`/api/sessions/${s1.id}`).set(auth())).body;
    expect(s1Now.version).toBe(3); // two talks placed
    expect(s1Now.talks.map((x: { version: number }) => x.version)).toEqual([1, 1]);

    // reorder: the talk moved and the one it passed both change version
    const reordered = await t.http.patch(`/api/talks/${t2.body.id}`).set(auth()).set('If-Match', '"1"').send({ position: 0 });
    expect(reordered.status).toBe(200);
    expect(reordered.headers.etag).toBe(`"${reordered.body.version}"`);
    expect(reordered.body.version).toBe(2);
    const after = (await t.http.get(`/api/sessions/${s1.id}`).set(auth())).body;
    expect(after.talks.map((x: { id: string }) => x.id)).toEqual([t2.body.id, t1.body.id]);
    expect(after.talks[1].version).toBe(2);
    expect(after.version).toBe(4);

    // a stale talk version: 412 with the talk as it is now, nothing moved
    const stale = await t.http.patch(`/api/talks/${t1.body.id}`).set(auth()).set('If-Match', '"1"').send({ sessionId: s2.id });
    expectError(stale, 412, 'PRECONDITION_FAILED');
    expect(stale.headers.etag).toBe('"2"');
    expect(stale.body.details.current).toMatchObject({ id: t1.body.id, sessionId: s1.id, position: 1, version: 2, titleFr: 'La ville numérique' });
    expect((await row('talks', t1.body.id)).session_id).toBe(s1.id);

    const moved = await t.http.patch(`/api/talks/${t1.body.id}`).set(auth()).set('If-Match', '"2"').send({ sessionId: s2.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ sessionId: s2.id, version: 3 });
    expect((await t.http.get(`/api/sessions/${s2.id}`).set(auth())).headers.etag).toBe('"2"');
    expect((await t.http.get(`/api/sessions/${s1.id}`).set(auth())).headers.etag).toBe('"5"');
    // a session's old ETag is stale once a talk left it
    expectError(await t.http.patch(`/api/sessions/${s1.id}`).set(auth()).set('If-Match', '"4"').send({ titleFr: 'x' }), 412, 'PRECONDITION_FAILED');
    expect((await t.http.delete(`/api/talks/${t1.body.id}`).set(auth())).status).toBe(200);
    expect((await t.http.get(`/api/sessions/${s2.id}`).set(auth())).body.version).toBe(3);
  });

  it('documents If-Match, the ETag and the 412 in OpenAPI', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    for (const path of ['/api/sessions/{id}', '/api/talks/{id}']) {
      const op = doc.paths[path].patch;
      expect(op.parameters.find((p: { in: string; name: string }) => p.in === 'header' && p.name === 'If-Match')).toBeDefined();
      expect(op.responses['412']).toBeDefined();
      expect(op.responses['200'].headers.ETag).toBeDefined();
    }
    expect(doc.paths['/api/sessions/{id}'].get.responses['200'].headers.ETag).toBeDefined();
  });
});
