import { startTestApp, expectErrorBody, type TestApp } from '../support/test-app.js';
import { acceptedProposal, bearer, setUpColloquium, signUp, type Colloquium } from './sessions-support.js';

/**
 * Hostile input on the programme's routes, beyond the generic sweep of test/foundation: bodies and
 * queries aimed at what these routes read (times, chairs, positions, keys). Each gets a 4xx in the
 * error shape, and no row of the programme's tables changes.
 */
describe('Programme routes under hostile input', () => {
  let t: TestApp;
  let c: Colloquium;
  let sessionId: string;
  let talkId: string;
  let proposalId: string;

  const fingerprint = async () => {
    const out: Record<string, string> = {};
    for (const table of ['sessions', 'session_chairs', 'talks', 'programme_conflict_settings', 'programme_conflict_acknowledgements']) {
      out[table] = (await t.booted.dataSource.query(`SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${table} x`))[0].h;
    }
    return out;
  };

  beforeAll(async () => {
    t = await startTestApp();
    c = await setUpColloquium(t);
    const speaker = await signUp(t, 'Hélène', 'Dupré');
    const s = await t.http
      .post(`/api/events/${c.vtnId}/sessions`)
      .set(bearer(c.organiser))
      .send({ roomId: c.amphi, kind: 'plenary', titleFr: 'Ouverture', startsAt: '2012-02-06T09:30', endsAt: '2012-02-06T10:00', chairs: [{ userId: speaker.id }] });
    sessionId = s.body.id;
    const placed = await t.http.post(`/api/sessions/${sessionId}/talks`).set(bearer(c.organiser)).send({ submissionId: await acceptedProposal(t, c, speaker, 'Exposé') });
    talkId = placed.body.id;
    proposalId = await acceptedProposal(t, c, speaker, 'Autre exposé');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses every hostile request with a 4xx in the error shape and changes nothing', async () => {
    const huge = 'é'.repeat(100_000);
    const valid = { roomId: c.salle2, kind: 'plenary', titleFr: 'Séance', startsAt: '2012-02-06T14:00', endsAt: '2012-02-06T15:00' };
    const sessionBodies: unknown[] = [
      { ...valid, titleFr: huge },
      { ...valid, titleFr: 'Nul\u0000caractère' },
      { ...valid, descriptionFr: huge },
      { ...valid, startsAt: huge },
      { ...valid, startsAt: '2012-02-06T14:00; DROP TABLE sessions' },
      { ...valid, startsAt: '2012-13-45T25:61' },
      { ...valid, startsAt: '2012-02-06T14:00+25:00' },
      { ...valid, endsAt: 1328536800000 },
      { ...valid, startsAt: '2012-02-07T09:00', endsAt: '2012-02-06T09:00' },
      { ...valid, roomId: "' OR 1=1 --" },
      { ...valid, kind: ['plenary'] },
      { ...valid, trackId: '6f1c2b1e-0000-4000-8000-000000000000' },
      { ...valid, expectedAttendance: 1e308 },
      { ...valid, expectedAttendance: -1 },
      { ...valid, expectedAttendance: 12.5 },
      { ...valid, chairs: Array.from({ length: 10_000 }, () => ({ guestName: 'X' })) },
      { ...valid, chairs: [{ guestName: huge }] },
      { ...valid, chairs: [{ guestName: 'Ligne\nbrisée' }] },
      { ...valid, chairs: [{ email: 'pas-un-email' }] },
      { ...valid, chairs: [{ userId: 'admin' }] },
      { ...valid, chairs: [{ guestName: 'X', role: 'admin' }] },
      { ...valid, chairs: { 0: { guestName: 'X' } } },
      { ...valid, titleFr: null, titleEn: null },
      JSON.parse(`{"roomId":"${c.salle2}","kind":"plenary","titleFr":"S","startsAt":"2012-02-06T14:00","endsAt":"2012-02-06T15:00","__proto__":{"isAdmin":true}}`),
      JSON.parse('{"roomId":"x","constructor":{"prototype":{"polluted":1}}}'),
    ];
    const before = await fingerprint();
    const failures: string[] = [];
    const check = async (label: string, req: Promise<{ status: number; body: unknown }>) => {
      const res = await req;
      if (res.status < 400 || res.status >= 500) failures.push(`${label}: ${res.status}`);
      else expectErrorBody(res.body, res.status);
    };
    const o = bearer(c.organiser);
    for (const [i, body] of sessionBodies.entries()) {
      await check(`POST session #${i}`, t.http.post(`/api/events/${c.vtnId}/sessions`).set(o).send(body as object));
      await check(`PATCH session #${i}`, t.http.patch(`/api/sessions/${sessionId}`).set(o).send(body as object));
    }
    // the room is taken by the session itself at that time
    await check('POST session in an occupied room', t.http.post(`/api/events/${c.vtnId}/sessions`).set(o).send({ ...valid, roomId: c.amphi, startsAt: '2012-02-06T09:45', endsAt: '2012-02-06T10:15' }));
    const talkBodies: unknown[] = [
      { submissionId: proposalId, durationMinutes: 1e308 },
      { submissionId: proposalId, durationMinutes: 1441 },
      { submissionId: proposalId, durationMinutes: '20' },
      { submissionId: proposalId, position: -1 },
      { submissionId: proposalId, position: 1.5 },
      { submissionId: proposalId, durationMinutes: 31 },
      { submissionId: [proposalId] },
      { submissionId: `${proposalId}' OR '1'='1` },
      { submissionId: proposalId, sessionId },
    ];
    for (const [i, body] of talkBodies.entries()) await check(`POST talk #${i}`, t.http.post(`/api/sessions/${sessionId}/talks`).set(o).send(body as object));
    const patchTalkBodies: unknown[] = [
      { durationMinutes: 0 },
      { durationMinutes: 31 },
      { position: -5 },
      { sessionId: 'not-a-uuid' },
      { sessionId: '6f1c2b1e-0000-4000-8000-000000000000' },
      { submissionId: proposalId },
    ];
    for (const [i, body] of patchTalkBodies.entries()) await check(`PATCH talk #${i}`, t.http.patch(`/api/talks/${talkId}`).set(o).send(body as object));
    const programme = `/api/events/${c.vtnId}/programme`;
    for (const body of [{ OVER_CAPACITY: huge }, { OVER_CAPACITY: ['error'] }, { over_capacity: 'error' }, JSON.parse('{"__proto__":{"OVER_CAPACITY":"ignore"}}')]) {
      await check('PUT settings', t.http.put(`${programme}/conflict-settings`).set(o).send(body));
    }
    for (const body of [{ keys: [huge] }, { keys: Array.from({ length: 1001 }, (_, i) => `k${i}`) }, { keys: ['PROPOSAL_NOT_PLACED|proposals=x'] }, { keys: [{ $ne: '' }] }]) {
      await check('POST acknowledgements', t.http.post(`${programme}/conflicts/acknowledgements`).set(o).send(body));
    }
    for (const query of [`key=${encodeURIComponent("' OR 1=1 --")}`, `key=${'x'.repeat(2001)}`, 'key=']) {
      await check(`DELETE acknowledgement ${query.slice(0, 20)}`, t.http.delete(`${programme}/conflicts/acknowledgements?${query}`).set(o));
    }
    for (const query of ["day=2012-02-06' OR '1'='1", 'roomId[]=x', 'kind=plenary&kind=workshop', 'page=-1', 'pageSize=1e9']) {
      await check(`GET sessions ${query}`, t.http.get(`/api/events/${c.vtnId}/sessions?${query}`).set(o));
    }
    for (const path of ['/api/sessions/..%2F..%2Fetc', '/api/sessions/1', '/api/talks/%00']) await check(`GET ${path}`, t.http.patch(path).set(o).send({}));
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });
});
