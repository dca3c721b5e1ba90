import { randomUUID } from 'node:crypto';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, confirmedProposal, createSession, placeTalk, publicationCounts, setUpStage, signUp, type Stage } from './publication-support.js';

/**
 * Hostile and odd input on the publication routes: every answer is a 4xx in the error shape (never
 * a 500), and nothing is written (no release, no mail).
 */
describe('Publication routes under hostile input', () => {
  let t: TestApp;
  let organiser: string;
  let stage: Stage;
  const url = (eventId: string, rest = '') => `/api/events/${eventId}/programme${rest}`;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    stage = await setUpStage(t, organiser);
    const speaker = await signUp(t, 'Ἀριστοτέλης', 'Παπαδόπουλος');
    const proposal = await confirmedProposal(t, organiser, stage, speaker, { titleFr: 'Ville et démocratie', abstractFr: 'Résumé.' });
    const session = await createSession(t, organiser, stage, { roomId: stage.roomA, titleFr: 'Séance', startsAt: '2030-02-06T09:00', endsAt: '2030-02-06T10:00' });
    await placeTalk(t, organiser, session, proposal);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('refuses bad bodies on POST …/releases with 400 and writes nothing', async () => {
    const before = await publicationCounts(t);
    const bodies: unknown[] = [
      { note: 123 },
      { note: ['a'] },
      { note: { $gt: '' } },
      { note: true },
      { note: 'ü'.repeat(2001) },
      { note: 'nul\u0000byte' },
      { note: 'ok', unknownField: 1 },
      { version: 7 },
      { snapshot: { sessions: [] } },
      [],
      [{}],
    ];
    for (const body of bodies) {
      const res = await t.http.post(url(stage.eventId, '/releases')).set(bearer(organiser)).send(body as object);
      expect([JSON.stringify(body).slice(0, 40), res.status]).toEqual([JSON.stringify(body).slice(0, 40), 400]);
      expectErrorBody(res.body, 400);
    }
    for (const raw of ['{"note": ', '"text"', 'null', '{"a":'.repeat(3000) + '1' + '}'.repeat(3000)]) {
      const res = await t.http.post(url(stage.eventId, '/releases')).set(bearer(organiser)).set('content-type', 'application/json').send(raw);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorBody(res.body, res.status);
    }
    expect(await publicationCounts(t)).toEqual(before);
  });

  it('answers 400 for ids that are not UUIDs and 404 for unknown events, on every route', async () => {
    const before = await publicationCounts(t);
    for (const id of ['not-a-uuid', "1' OR '1'='1", '%00', '00000000-0000-0000-0000-00000000000g']) {
      const e = encodeURIComponent(id);
      for (const res of [
        await t.http.get(url(e)),
        await t.http.get(url(e, '/versions/1')),
        await t.http.get(url(e, '/releases')).set(bearer(organiser)),
        await t.http.get(url(e, '/draft')).set(bearer(organiser)),
        await t.http.post(url(e, '/releases')).set(bearer(organiser)).send({}),
      ]) {
        expect(res.status).toBe(400);
        expectErrorBody(res.body, 400);
      }
    }
    const unknown = randomUUID();
    for (const res of [
      await t.http.get(url(unknown)),
      await t.http.get(url(unknown, '/versions/1')),
      await t.http.get(url(unknown, '/releases')).set(bearer(organiser)),
      await t.http.get(url(unknown, '/draft')).set(bearer(organiser)),
      await t.http.post(url(unknown, '/releases')).set(bearer(organiser)).send({ note: 'x' }),
    ]) {
      expectErrorBody(res.body, 404, 'NOT_FOUND');
      expect(res.body.message).toBe('Event not found');
    }
    expect(await publicationCounts(t)).toEqual(before);
  });

  it('reads version numbers strictly: not a number 400, out of range 404, never a 500', async () => {
    expect((await t.http.post(url(stage.eventId, '/releases')).set(bearer(organiser)).send({})).status).toBe(201);
    const cases: Array<[string, number]> = [
      ['abc', 400],
      ['1.5', 400],
      ['1e3', 400],
      ['0x1', 400],
      ['-1', 400],
      ['+1', 400],
      [' 1', 400],
      ['1'.repeat(30), 400],
      ['0', 404],
      ['2', 404],
      ['2147483648', 404],
      ['99999999999999999999', 404],
      ['1', 200],
      ['01', 200],
    ];
    for (const [n, status] of cases) {
      const res = await t.http.get(url(stage.eventId, `/versions/${encodeURIComponent(n)}`));
      expect([n, res.status]).toEqual([n, status]);
      if (status >= 400) expectErrorBody(res.body, status);
    }
  });

  it('survives odd If-None-Match headers and refuses bad paging', async () => {
    for (const header of ['x'.repeat(8000), ',,,', 'W/', '"', '*, "a"', 'W/"a", W/ "b"']) {
      const res = await t.http.get(url(stage.eventId)).set('If-None-Match', header);
      expect([200, 304]).toContain(res.status);
    }
    for (const query of ['pageSize=1000', 'page=0', 'page=-1', 'order=sideways', 'pageSize=abc', 'extra=1']) {
      const res = await t.http.get(url(stage.eventId, `/releases?${query}`)).set(bearer(organiser));
      expect([query, res.status]).toEqual([query, 400]);
      expectErrorBody(res.body, 400);
    }
  });
});
