import { expectErrorBody, serverDatabaseUrl, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, proposal, setUpEvent, signUpSpeaker, type EventSetup, type Speaker } from './support.js';

/**
 * Two moves of one proposal at the same moment: the row lock makes them take turns, so exactly one
 * succeeds and the other is judged on the state the first left (409). Meaningful on a PostgreSQL
 * server (TEST_DATABASE_URL), where the two requests run on two connections; the embedded engine,
 * being one session, runs them one after the other and must give the same answers.
 */
describe(`Concurrent transitions (${serverDatabaseUrl() ? 'PostgreSQL server' : 'embedded engine'})`, () => {
  let t: TestApp;
  let organiser: string;
  let secondOrganiser: string;
  let setup: EventSetup;
  let speaker: Speaker;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    secondOrganiser = await t.tokenFor('organiser');
    setup = await setUpEvent(t, organiser);
    speaker = await signUpSpeaker(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const submitted = async () => {
    const id = (await t.http.post(`/api/events/${setup.eventId}/submissions`).set(bearer(speaker.token)).send(proposal(setup))).body.id as string;
    await t.http.post(`/api/submissions/${id}/transitions`).set(bearer(speaker.token)).send({ action: 'submit' }).expect(200);
    return id;
  };
  const facts = async (id: string) =>
    (
      await t.booted.dataSource.query(
        `SELECT s.state,
                (SELECT count(*)::int FROM submission_transitions x WHERE x.submission_id = s.id AND x.from_state = 'submitted') AS decisions,
                (SELECT count(*)::int FROM outbox_messages o WHERE o.template IN ('submission-accepted', 'submission-rejected', 'submission-cancelled')
                   AND o.text_body LIKE '%' || s.id || '%') AS mails
         FROM submissions s WHERE s.id = $1`,
        [id],
      )
    )[0] as { state: string; decisions: number; mails: number };

  it('lets exactly one of two simultaneous accepts through; the other gets 409 INVALID_TRANSITION', async () => {
    for (let round = 0; round < 8; round++) {
      const id = await submitted();
      const responses = await Promise.all([
        t.http.post(`/api/submissions/${id}/transitions`).set(bearer(organiser)).send({ action: 'accept', note: 'Premier' }),
        t.http.post(`/api/submissions/${id}/transitions`).set(bearer(secondOrganiser)).send({ action: 'accept', note: 'Second' }),
      ]);
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      const loser = responses.find((r) => r.status === 409)!;
      expectErrorBody(loser.body, 409, 'INVALID_TRANSITION');
      expect(loser.body.details).toMatchObject({ state: 'accepted', allowedActions: ['cancel'] });
      expect(await facts(id)).toEqual({ state: 'accepted', decisions: 1, mails: 1 });
    }
  });

  it('decides a race between accept and reject once', async () => {
    for (let round = 0; round < 6; round++) {
      const id = await submitted();
      const responses = await Promise.all([
        t.http.post(`/api/submissions/${id}/transitions`).set(bearer(organiser)).send({ action: 'accept' }),
        t.http.post(`/api/submissions/${id}/transitions`).set(bearer(secondOrganiser)).send({ action: 'reject' }),
        t.http.post(`/api/submissions/${id}/transitions`).set(bearer(organiser)).send({ action: 'reject' }),
      ]);
      const winners = responses.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      for (const r of responses.filter((x) => x.status !== 200)) expectErrorBody(r.body, 409, 'INVALID_TRANSITION');
      const state = winners[0].body.state as string;
      expect(await facts(id)).toEqual({ state, decisions: 1, mails: 1 });
    }
  });

  it('keeps the history one unbroken chain when the speaker withdraws while an organiser accepts', async () => {
    for (let round = 0; round < 6; round++) {
      const id = await submitted();
      const responses = await Promise.all([
        t.http.post(`/api/submissions/${id}/transitions`).set(bearer(organiser)).send({ action: 'accept' }),
        t.http.post(`/api/submissions/${id}/transitions`).set(bearer(speaker.token)).send({ action: 'withdraw' }),
      ]);
      // accept then withdraw are both legal in that order; withdraw then accept is not
      const [accept, withdraw] = responses;
      expect(withdraw.status).toBe(200);
      expect([200, 409]).toContain(accept.status);
      const chain: { from_state: string; to_state: string }[] = await t.booted.dataSource.query(
        `SELECT from_state, to_state FROM submission_transitions WHERE submission_id = $1 ORDER BY id`,
        [id],
      );
      for (let i = 1; i < chain.length; i++) expect(chain[i].from_state).toBe(chain[i - 1].to_state);
      expect(chain.at(-1)?.to_state).toBe('withdrawn');
      expect(chain).toHaveLength(accept.status === 200 ? 3 : 2);
      expect((await facts(id)).state).toBe('withdrawn');
    }
  });
});
