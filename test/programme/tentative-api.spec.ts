import { placementProblem } from '../../src/programme/session-rules.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { acceptedProposal, bearer, programmeCounts, setUpColloquium, signUp, type Colloquium, type Speaker } from './sessions-support.js';

describe('placementProblem (pure)', () => {
  it('places accepted and confirmed proposals for good, proposals under review only tentatively, the others not at all', () => {
    expect(placementProblem('accepted', false)).toBeNull();
    expect(placementProblem('confirmed', false)).toBeNull();
    expect(placementProblem('accepted', true)).toBe('TENTATIVE_NOT_UNDER_REVIEW');
    expect(placementProblem('submitted', true)).toBeNull();
    expect(placementProblem('submitted', false)).toBe('TENTATIVE_REQUIRED');
    for (const state of ['draft', 'rejected', 'withdrawn', 'cancelled']) {
      expect(placementProblem(state, true)).toBe('PROPOSAL_NOT_ACCEPTED');
      expect(placementProblem(state, false)).toBe('PROPOSAL_NOT_ACCEPTED');
    }
  });
});

/**
 * Tentative placement (« provisoire ») over HTTP: the placement rule and its 409s (nothing written),
 * the blocking TALK_TENTATIVE conflict (not adjustable), publication refused while one is placed, the
 * flag cleared when the proposal is accepted (one by one or in bulk), the bulk acceptance going
 * through the accept transition with its mails in the outbox and a per-item report.
 */
describe('Tentative talks', () => {
  let t: TestApp;
  let c: Colloquium;
  let helene: Speaker;
  let jose: Speaker;
  let morning: string;
  const auth = () => bearer(c.organiser);
  const programme = () => `/api/events/${c.vtnId}/programme`;
  const place = (sessionId: string, body: Record<string, unknown>) => t.http.post(`/api/sessions/${sessionId}/talks`).set(auth()).send(body);
  const talkOf = async (sessionId: string, submissionId: string) =>
    ((await t.http.get(`/api/sessions/${sessionId}`).set(auth())).body.talks as Array<{ id: string; submissionId: string; tentative: boolean; version: number; proposalState: string }>).find(
      (x) => x.submissionId === submissionId,
    );
  const acceptedMails = async (): Promise<Array<{ to_address: string; text_body: string }>> =>
    t.booted.dataSource.query(`SELECT to_address, text_body FROM outbox_messages WHERE template = 'submission-accepted' ORDER BY created_at, id`);
  const tentativeConflicts = async () =>
    ((await t.http.get(`${programme()}/conflicts?code=TALK_TENTATIVE`).set(auth())).body.items as Array<{ code: string; severity: string; blocking: boolean; proposalIds: string[]; message: { fr: string } }>);

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '0' });
    c = await setUpColloquium(t);
    helene = await signUp(t, 'Hélène', 'Dupré');
    jose = await signUp(t, 'José', 'Núñez');
    const res = await t.http
      .post(`/api/events/${c.vtnId}/sessions`)
      .set(auth())
      .send({ roomId: c.amphi, kind: 'plenary', titleFr: 'Gouvernance numérique', startsAt: '2012-02-06T09:30', endsAt: '2012-02-06T12:00' });
    expect(res.status).toBe(201);
    morning = res.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a proposal under review placed for good, an accepted one placed tentatively, a draft either way: nothing written', async () => {
    const review = await acceptedProposal(t, c, helene, 'La ville numérique en question', { accept: false });
    const accepted = await acceptedProposal(t, c, jose, 'Les territoires connectés', { confirm: false });
    const draft = await t.http.post(`/api/events/${c.vtnId}/submissions`).set(bearer(helene.token)).send({ titleFr: 'Brouillon', abstractFr: 'Résumé.', typeId: c.typeId });
    expect(draft.status).toBe(201);
    const before = await programmeCounts(t);

    const forGood = await place(morning, { submissionId: review });
    expectErrorBody(forGood.body, 409, 'TENTATIVE_REQUIRED');
    expect(forGood.body.details).toEqual({ submissionId: review, state: 'submitted' });
    const wrongWay = await place(morning, { submissionId: accepted, tentative: true });
    expectErrorBody(wrongWay.body, 409, 'TENTATIVE_NOT_UNDER_REVIEW');
    expect(wrongWay.body.details.state).toBe('accepted');
    for (const tentative of [true, false]) {
      const refused = await place(morning, { submissionId: draft.body.id, tentative });
      expectErrorBody(refused.body, 409, 'PROPOSAL_NOT_ACCEPTED');
    }
    const badFlag = await place(morning, { submissionId: review, tentative: 'oui' });
    expectErrorBody(badFlag.body, 400, 'VALIDATION_FAILED');
    expect(await programmeCounts(t)).toEqual(before);
  });

  it('places a proposal under review tentatively: a blocking TALK_TENTATIVE conflict that organisers cannot lower, and publication refused', async () => {
    const review = await acceptedProposal(t, c, helene, 'Données ouvertes et communes', { accept: false, co: jose });
    const placed = await place(morning, { submissionId: review, tentative: true });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ submissionId: review, tentative: true, proposalState: 'submitted' });
    const codes = placed.body.warnings.map((w: { code: string }) => w.code);
    expect(codes).toContain('TALK_TENTATIVE');
    expect(codes).not.toContain('TALK_NOT_CONFIRMED');
    expect(placed.body.warnings.find((w: { code: string }) => w.code === 'TALK_TENTATIVE')).toMatchObject({ severity: 'error', blocking: true });

    const conflicts = await tentativeConflicts();
    const mine = conflicts.find((x) => x.proposalIds.includes(review))!;
    expect(mine).toMatchObject({ severity: 'error', blocking: true });
    expect(mine.message.fr).toContain('« Données ouvertes et communes »');
    expect(mine.message.fr).toContain('provisoire');

    // the severity of TALK_TENTATIVE is not the organisers' to change
    const lower = await t.http.put(`${programme()}/conflict-settings`).set(auth()).send({ TALK_TENTATIVE: 'ignore' });
    expectErrorBody(lower.body, 400, 'VALIDATION_FAILED');
    const settings = await t.http.get(`${programme()}/conflict-settings`).set(auth());
    expect(settings.body.items.map((i: { code: string }) => i.code)).not.toContain('TALK_TENTATIVE');
    const ack = await t.http.post(`${programme()}/conflicts/acknowledgements`).set(auth()).send({ keys: [(await t.http.get(`${programme()}/conflicts?code=TALK_TENTATIVE`).set(auth())).body.items[0].key] });
    expectErrorBody(ack.body, 422, 'CONFLICT_NOT_ACKNOWLEDGEABLE');

    const releasesBefore = Number((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM programme_releases`))[0].n);
    const publish = await t.http.post(`${programme()}/releases`).set(auth()).send({});
    expectErrorBody(publish.body, 409, 'PROGRAMME_HAS_BLOCKING_CONFLICTS');
    expect((publish.body.details.conflicts as Array<{ code: string }>).map((x) => x.code)).toContain('TALK_TENTATIVE');
    const draft = await t.http.get(`${programme()}/draft`).set(auth());
    expect(draft.body.blockingConflicts.map((x: { code: string }) => x.code)).toContain('TALK_TENTATIVE');
    expect(Number((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM programme_releases`))[0].n)).toBe(releasesBefore);
  });

  it('clears the flag when the proposal is accepted through its ordinary transition (talk and session versions raised)', async () => {
    const review = await acceptedProposal(t, c, jose, 'Réseaux et territoires ruraux', { accept: false });
    expect((await place(morning, { submissionId: review, tentative: true })).status).toBe(201);
    const before = (await talkOf(morning, review))!;
    const sessionVersion = (await t.http.get(`/api/sessions/${morning}`).set(auth())).body.version;
    expect(before.tentative).toBe(true);
    expect((await t.http.post(`/api/submissions/${review}/transitions`).set(auth()).send({ action: 'accept' })).status).toBe(200);
    const after = (await talkOf(morning, review))!;
    expect(after).toMatchObject({ id: before.id, tentative: false, proposalState: 'accepted', version: before.version + 1 });
    expect((await t.http.get(`/api/sessions/${morning}`).set(auth())).body.version).toBe(sessionVersion + 1);
    expect((await tentativeConflicts()).flatMap((x) => x.proposalIds)).not.toContain(review);
    // rejecting another proposal placed tentatively leaves its talk tentative (still blocking: remove it)
    const other = await acceptedProposal(t, c, jose, 'Proposition refusée', { accept: false });
    expect((await place(morning, { submissionId: other, tentative: true })).status).toBe(201);
    expect((await t.http.post(`/api/submissions/${other}/transitions`).set(auth()).send({ action: 'reject' })).status).toBe(200);
    expect((await talkOf(morning, other))!.tentative).toBe(true);
    expect((await tentativeConflicts()).find((x) => x.proposalIds.includes(other))!.message.fr).toContain('rejected');
    expect((await t.http.delete(`/api/talks/${(await talkOf(morning, other))!.id}`).set(auth())).status).toBe(200);
  });

  it('accepts the placed proposals in bulk through the accept transition: mails to their speakers, a per-item report, the flags cleared', async () => {
    const url = `${programme()}/tentative/accept`;
    expectErrorBody((await t.http.post(url).set(bearer(helene.token))).body, 403, 'FORBIDDEN');
    expectErrorBody((await t.http.post('/api/events/00000000-0000-4000-8000-000000000000/programme/tentative/accept').set(auth())).body, 404, 'NOT_FOUND');

    const pending = (await tentativeConflicts()).flatMap((x) => x.proposalIds);
    expect(pending).toHaveLength(1); // « Données ouvertes et communes », Hélène with José as co-speaker
    const withdrawn = await acceptedProposal(t, c, helene, 'Proposition retirée', { accept: false });
    expect((await place(morning, { submissionId: withdrawn, tentative: true })).status).toBe(201);
    expect((await t.http.post(`/api/submissions/${withdrawn}/transitions`).set(bearer(helene.token)).send({ action: 'withdraw' })).status).toBe(200);
    const mailsBefore = await acceptedMails();

    const res = await t.http.post(url).set(auth());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1, failed: 1 });
    const byProposal = new Map((res.body.items as Array<{ submissionId: string }>).map((i) => [i.submissionId, i]));
    expect(byProposal.get(pending[0])).toMatchObject({ outcome: 'accepted', state: 'accepted', titleFr: 'Données ouvertes et communes', sessionId: morning });
    expect(byProposal.get(withdrawn)).toMatchObject({ outcome: 'failed', state: 'withdrawn', error: { code: 'INVALID_TRANSITION' } });

    // the ordinary mails of the accept transition, one per speaker who signed, in the outbox
    const mails = (await acceptedMails()).slice(mailsBefore.length);
    expect(mails.map((m) => m.to_address).sort()).toEqual([helene.email, jose.email].sort());
    expect(mails[0].text_body).toContain('Données ouvertes et communes');
    const history = await t.http.get(`/api/submissions/${pending[0]}/history`).set(auth());
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).toContain('"accept"');

    expect((await talkOf(morning, pending[0]))!.tentative).toBe(false);
    expect((await talkOf(morning, withdrawn))!.tentative).toBe(true);
    // only the withdrawn one still blocks; once removed, no tentative talk is left and the bulk action has nothing to do
    expect((await tentativeConflicts()).flatMap((x) => x.proposalIds)).toEqual([withdrawn]);
    expect((await t.http.delete(`/api/talks/${(await talkOf(morning, withdrawn))!.id}`).set(auth())).status).toBe(200);
    const draft = await t.http.get(`${programme()}/draft`).set(auth());
    expect(draft.body.blockingConflicts.map((x: { code: string }) => x.code)).not.toContain('TALK_TENTATIVE');
    const again = await t.http.post(url).set(auth());
    expect(again.body).toEqual({ accepted: 0, failed: 0, items: [] });
    expect((await acceptedMails()).length).toBe(mailsBefore.length + 2);
  });
});
