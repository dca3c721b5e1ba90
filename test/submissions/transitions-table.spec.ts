import { SUBMISSION_ACTIONS, SUBMISSION_STATES, type SubmissionAction, type SubmissionState } from '../../src/submissions/submission-state.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, proposal, setUpEvent, signUpSpeaker, type EventSetup, type Speaker } from './support.js';

/**
 * Every state × every action × (speaker, organiser), over HTTP on the real database: the legal
 * moves succeed and write one history row; every other one answers 409 INVALID_TRANSITION with the
 * state and the actions this caller may take, and changes nothing (state, history, outbox).
 * The legal moves are written out by hand from the issue.
 */
const LEGAL: Record<'speaker' | 'organiser', Partial<Record<SubmissionState, Partial<Record<SubmissionAction, SubmissionState>>>>> = {
  speaker: {
    draft: { submit: 'submitted' },
    submitted: { withdraw: 'withdrawn' },
    accepted: { confirm: 'confirmed', withdraw: 'withdrawn' },
    confirmed: { withdraw: 'withdrawn' },
  },
  organiser: {
    draft: { cancel: 'cancelled' },
    submitted: { accept: 'accepted', reject: 'rejected', cancel: 'cancelled' },
    accepted: { cancel: 'cancelled' },
    rejected: { resubmit: 'submitted', cancel: 'cancelled' },
    confirmed: { cancel: 'cancelled' },
    withdrawn: { resubmit: 'submitted', cancel: 'cancelled' },
  },
};

/** Mails a legal move sends (to the signers who accepted: here the main speaker alone). */
const MAILS: Partial<Record<SubmissionAction, string>> = { submit: 'submission-received', accept: 'submission-accepted', reject: 'submission-rejected', cancel: 'submission-cancelled' };

describe('Every transition of every state, for speakers and organisers', () => {
  let t: TestApp;
  let organiser: string;
  let speaker: Speaker;
  let setup: EventSetup;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    setup = await setUpEvent(t, organiser);
    speaker = await signUpSpeaker(t, { firstName: 'Jeanne', lastName: 'Roux' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const facts = async (id: string) => {
    const [row] = await t.booted.dataSource.query(
      `SELECT s.state, (SELECT count(*)::int FROM submission_transitions x WHERE x.submission_id = s.id) AS transitions,
              (SELECT count(*)::int FROM outbox_messages) AS outbox, s.updated_at::text AS updated
       FROM submissions s WHERE s.id = $1`,
      [id],
    );
    return row as { state: SubmissionState; transitions: number; outbox: number; updated: string };
  };

  const cases = SUBMISSION_STATES.flatMap((state) =>
    SUBMISSION_ACTIONS.flatMap((action) => (['speaker', 'organiser'] as const).map((who) => ({ state, action, who }))),
  );

  it.each(cases)('$who: $action from $state', async ({ state, action, who }) => {
    // a fresh proposal of the speaker's, put in `state` directly
    const created = await t.http.post(`/api/events/${setup.eventId}/submissions`).set(bearer(speaker.token)).send(proposal(setup));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await t.booted.dataSource.query(`UPDATE submissions SET state = $2 WHERE id = $1`, [id, state]);
    const before = await facts(id);
    const token = who === 'speaker' ? speaker.token : organiser;

    const res = await t.http.post(`/api/submissions/${id}/transitions`).set(bearer(token)).send({ action, note: 'Note du test' });
    const to = LEGAL[who][state]?.[action];
    const allowed = Object.keys(LEGAL[who][state] ?? {}).sort();
    const after = await facts(id);
    if (to) {
      expect(res.status).toBe(200);
      expect(res.body.state).toBe(to);
      expect([...res.body.allowedActions].sort()).toEqual(Object.keys(LEGAL[who][to] ?? {}).sort());
      expect(after.state).toBe(to);
      expect(after.transitions).toBe(before.transitions + 1);
      expect(after.outbox).toBe(before.outbox + (MAILS[action] ? 1 : 0));
      const [row] = await t.booted.dataSource.query(`SELECT action, from_state, to_state, note FROM submission_transitions WHERE submission_id = $1`, [id]);
      expect(row).toEqual({ action, from_state: state, to_state: to, note: 'Note du test' });
    } else {
      expect(res.status).toBe(409);
      expectErrorBody(res.body, 409, 'INVALID_TRANSITION');
      expect(res.body.details.state).toBe(state);
      expect([...res.body.details.allowedActions].sort()).toEqual(allowed);
      expect(after).toEqual(before);
    }
  });
});
