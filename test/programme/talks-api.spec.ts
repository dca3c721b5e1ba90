import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { acceptedProposal, bearer, programmeCounts, setUpColloquium, signUp, type Colloquium, type Speaker } from './sessions-support.js';

interface TalkView {
  id: string;
  submissionId: string;
  position: number;
  durationMinutes: number;
  startsAt: string;
  endsAt: string;
  titleFr: string;
  speakers: { userId: string; name: string }[];
}

/**
 * Talks inside sessions over HTTP: placement with the type's default or the proposal's own length,
 * computed times, reorder / resize / move in one request each, positions kept 0..n-1, the 409s and
 * 422s (state named, placed once, overflow, other event), and concurrent placements.
 */
describe('Programme talks', () => {
  let t: TestApp;
  let c: Colloquium;
  let helene: Speaker;
  let jose: Speaker;
  let morning: string;
  let afternoon: string;
  const auth = () => bearer(c.organiser);
  const session = async (roomId: string, startsAt: string, endsAt: string, title = 'Séance') => {
    const res = await t.http.post(`/api/events/${c.vtnId}/sessions`).set(auth()).send({ roomId, kind: 'plenary', titleFr: title, startsAt, endsAt });
    if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const talksOf = async (sessionId: string): Promise<TalkView[]> => (await t.http.get(`/api/sessions/${sessionId}`).set(auth())).body.talks;
  const place = (sessionId: string, body: Record<string, unknown>) => t.http.post(`/api/sessions/${sessionId}/talks`).set(auth()).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    c = await setUpColloquium(t);
    helene = await signUp(t, 'Hélène', 'Dupré');
    jose = await signUp(t, 'José', 'Núñez');
    morning = await session(c.amphi, '2012-02-06T09:30', '2012-02-06T11:00', 'Gouvernance numérique');
    afternoon = await session(c.salle2, '2012-02-06T14:00', '2012-02-06T15:00', 'Territoires');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('places talks one after another from the session start, with the type’s default or the proposal’s own length', async () => {
    const p1 = await acceptedProposal(t, c, helene, 'La ville numérique en question', { co: jose });
    const p2 = await acceptedProposal(t, c, jose, 'Les territoires connectés', { confirm: false });
    const p3 = await acceptedProposal(t, c, helene, 'E-administration locale');
    // organisers give p3 a length of its own
    expect((await t.http.patch(`/api/submissions/${p3}`).set(auth()).send({ durationMinutes: 35 })).status).toBe(200);

    const first = await place(morning, { submissionId: p1 });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      sessionId: morning,
      submissionId: p1,
      position: 0,
      durationMinutes: 20,
      startsAt: '2012-02-06T09:30:00+01:00',
      endsAt: '2012-02-06T09:50:00+01:00',
      startsAtUtc: '2012-02-06T08:30:00.000Z',
      titleFr: 'La ville numérique en question',
      proposalState: 'confirmed',
      speakers: [
        { userId: helene.id, name: 'Hélène Dupré' },
        { userId: jose.id, name: 'José Núñez' },
      ],
    });
    expect(Array.isArray(first.body.warnings)).toBe(true);
    const second = await place(morning, { submissionId: p2, durationMinutes: 25 });
    expect(second.body).toMatchObject({ position: 1, durationMinutes: 25, startsAt: '2012-02-06T09:50:00+01:00', endsAt: '2012-02-06T10:15:00+01:00', proposalState: 'accepted' });
    // an unconfirmed talk is a warning the change introduced
    expect(second.body.warnings.map((w: { code: string }) => w.code)).toContain('TALK_NOT_CONFIRMED');
    const third = await place(morning, { submissionId: p3, position: 0 });
    expect(third.body).toMatchObject({ position: 0, durationMinutes: 35, startsAt: '2012-02-06T09:30:00+01:00', endsAt: '2012-02-06T10:05:00+01:00' });

    const talks = await talksOf(morning);
    expect(talks.map((x) => [x.submissionId, x.position, x.startsAt.slice(11, 16), x.endsAt.slice(11, 16)])).toEqual([
      [p3, 0, '09:30', '10:05'],
      [p1, 1, '10:05', '10:25'],
      [p2, 2, '10:25', '10:50'],
    ]);
    const view = (await t.http.get(`/api/sessions/${morning}`).set(auth())).body;
    expect(view.talksMinutes).toBe(80);
  });

  it('reorders with one request, resizes, and keeps positions 0..n-1', async () => {
    const [a, b, cc] = await talksOf(morning);
    const moved = await t.http.patch(`/api/talks/${cc.id}`).set(auth()).send({ position: 0 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: cc.id, position: 0, startsAt: '2012-02-06T09:30:00+01:00' });
    expect((await talksOf(morning)).map((x) => [x.id, x.position])).toEqual([
      [cc.id, 0],
      [a.id, 1],
      [b.id, 2],
    ]);
    const last = await t.http.patch(`/api/talks/${cc.id}`).set(auth()).send({ position: 99 });
    expect(last.body.position).toBe(2);
    const resized = await t.http.patch(`/api/talks/${a.id}`).set(auth()).send({ durationMinutes: 30 });
    expect(resized.body).toMatchObject({ position: 0, durationMinutes: 30, endsAt: '2012-02-06T10:00:00+01:00' });
    const after = await talksOf(morning);
    expect(after.map((x) => x.position)).toEqual([0, 1, 2]);
    expect(after.map((x) => x.startsAt.slice(11, 16))).toEqual(['09:30', '10:00', '10:20']);
  });

  it('refuses talks overflowing their session, on placement, on resize, on a move, and a session shrunk below its talks (422 TALKS_OVERFLOW)', async () => {
    const before = await talksOf(morning);
    const p = await acceptedProposal(t, c, jose, 'Trop long');
    const tooLong = await place(morning, { submissionId: p, durationMinutes: 60 });
    expect(tooLong.status).toBe(422);
    expectErrorBody(tooLong.body, 422, 'TALKS_OVERFLOW');
    expect(tooLong.body.details).toMatchObject({ sessionMinutes: 90, talksMinutes: 135 });
    const resize = await t.http.patch(`/api/talks/${before[0].id}`).set(auth()).send({ durationMinutes: 80 });
    expectErrorBody(resize.body, 422, 'TALKS_OVERFLOW');
    const move = await t.http.patch(`/api/talks/${before[0].id}`).set(auth()).send({ sessionId: afternoon, durationMinutes: 61 });
    expectErrorBody(move.body, 422, 'TALKS_OVERFLOW');
    const shrink = await t.http.patch(`/api/sessions/${morning}`).set(auth()).send({ endsAt: '2012-02-06T10:30' });
    expect(shrink.status).toBe(422);
    expectErrorBody(shrink.body, 422, 'TALKS_OVERFLOW');
    const later = await t.http.patch(`/api/sessions/${morning}`).set(auth()).send({ startsAt: '2012-02-06T10:00' });
    expectErrorBody(later.body, 422, 'TALKS_OVERFLOW');
    expect(await talksOf(morning)).toEqual(before);
    // exactly full is fine: 75 minutes of talks in a session shrunk to 75 minutes
    const fits = await t.http.patch(`/api/sessions/${morning}`).set(auth()).send({ endsAt: '2012-02-06T10:45' });
    expect(fits.status).toBe(200);
    expect(fits.body.talks.at(-1).endsAt).toBe('2012-02-06T10:45:00+01:00');
    await t.http.patch(`/api/sessions/${morning}`).set(auth()).send({ endsAt: '2012-02-06T11:00' }).expect(200);
    // moving the session moves its talks
    const moved = await t.http.patch(`/api/sessions/${morning}`).set(auth()).send({ startsAt: '2012-02-07T09:00', endsAt: '2012-02-07T10:30' });
    expect(moved.body.talks[0].startsAt).toBe('2012-02-07T09:00:00+01:00');
    await t.http.patch(`/api/sessions/${morning}`).set(auth()).send({ startsAt: '2012-02-06T09:30', endsAt: '2012-02-06T11:00' }).expect(200);
  });

  it('moves a talk to another session, renumbering both', async () => {
    const [first, second, third] = await talksOf(morning);
    const res = await t.http.patch(`/api/talks/${second.id}`).set(auth()).send({ sessionId: afternoon });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sessionId: afternoon, position: 0, startsAt: '2012-02-06T14:00:00+01:00' });
    expect((await talksOf(morning)).map((x) => [x.id, x.position, x.startsAt.slice(11, 16)])).toEqual([
      [first.id, 0, '09:30'],
      [third.id, 1, '10:00'],
    ]);
    const back = await t.http.patch(`/api/talks/${second.id}`).set(auth()).send({ sessionId: morning, position: 1 });
    expect(back.body).toMatchObject({ sessionId: morning, position: 1 });
    expect((await talksOf(morning)).map((x) => x.id)).toEqual([first.id, second.id, third.id]);
    expect(await talksOf(afternoon)).toEqual([]);
    const nowhere = await t.http.patch(`/api/talks/${second.id}`).set(auth()).send({ sessionId: '6f1c2b1e-0000-4000-8000-000000000000' });
    expectErrorBody(nowhere.body, 422, 'SESSION_NOT_FOUND');
  });

  it('places only accepted or confirmed proposals of the event, each once, naming the state otherwise', async () => {
    const counts = await programmeCounts(t);
    const submitted = await acceptedProposal(t, c, helene, 'Encore soumise', { accept: false });
    const res = await place(afternoon, { submissionId: submitted });
    expect(res.status).toBe(409);
    // under review: only tentatively (tentative-api.spec.ts); withdrawn: not at all
    expectErrorBody(res.body, 409, 'TENTATIVE_REQUIRED');
    expect(res.body.details.state).toBe('submitted');
    expect(res.body.message).toContain('submitted');
    await t.http.post(`/api/submissions/${submitted}/transitions`).set(bearer(helene.token)).send({ action: 'withdraw' }).expect(200);
    const withdrawn = await place(afternoon, { submissionId: submitted });
    expectErrorBody(withdrawn.body, 409, 'PROPOSAL_NOT_ACCEPTED');
    expect(withdrawn.body.details.state).toBe('withdrawn');
    expect(withdrawn.body.message).toContain('withdrawn');
    const placed = (await talksOf(morning))[0];
    const twice = await place(afternoon, { submissionId: placed.submissionId });
    expect(twice.status).toBe(409);
    expectErrorBody(twice.body, 409, 'PROPOSAL_ALREADY_PLACED');
    expect(twice.body.details).toMatchObject({ talkId: placed.id, sessionId: morning });
    const unknown = await place(afternoon, { submissionId: '6f1c2b1e-0000-4000-8000-000000000000' });
    expectErrorBody(unknown.body, 422, 'PROPOSAL_NOT_FOUND');
    // a proposal of another event
    const type = await t.http.post(`/api/events/${c.labelId}/submission-types`).set(auth()).send({ code: 'talk', nameFr: 'Intervention', defaultMinutes: 10 });
    const other = await t.http
      .post(`/api/events/${c.labelId}/submissions`)
      .set(auth())
      .send({ titleFr: 'Ailleurs', abstractFr: 'Résumé.', typeId: type.body.id, speakerEmail: helene.email });
    expect(other.status).toBe(201);
    const foreign = await place(afternoon, { submissionId: other.body.id });
    expect(foreign.status).toBe(422);
    expectErrorBody(foreign.body, 422, 'PROPOSAL_NOT_IN_EVENT');
    for (const body of [{}, { submissionId: 'x' }, { submissionId: submitted, durationMinutes: 0 }, { submissionId: submitted, position: -1 }, { submissionId: submitted, extra: 1 }]) {
      const bad = await place(afternoon, body);
      expect(bad.status).toBe(400);
      expectErrorBody(bad.body, 400, 'VALIDATION_FAILED');
    }
    const missingSession = await place('6f1c2b1e-0000-4000-8000-000000000000', { submissionId: submitted });
    expectErrorBody(missingSession.body, 404, 'NOT_FOUND');
    expect(await programmeCounts(t)).toEqual(counts);
  });

  it('gives one placement to two simultaneous requests placing one proposal, and numbers simultaneous placements in one session 0..n-1', async () => {
    const p = await acceptedProposal(t, c, jose, 'Convoitée');
    const raceA = await session(c.amphi, '2012-02-07T14:00', '2012-02-07T15:00', 'Course A');
    const raceB = await session(c.salle2, '2012-02-07T14:00', '2012-02-07T15:00', 'Course B');
    const racing = await Promise.all([place(raceA, { submissionId: p }), place(raceB, { submissionId: p, durationMinutes: 10 })]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    expectErrorBody(racing.find((r) => r.status === 409)!.body, 409, 'PROPOSAL_ALREADY_PLACED');
    expect((await talksOf(raceA)).length + (await talksOf(raceB)).length).toBe(1);

    const fresh = await session(c.salle2, '2012-02-07T09:00', '2012-02-07T12:00', 'Parallèle');
    const ids = await Promise.all([1, 2, 3, 4].map((i) => acceptedProposal(t, c, i % 2 ? helene : jose, `Exposé ${i}`)));
    const results = await Promise.all(ids.map((id) => place(fresh, { submissionId: id })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const talks = await talksOf(fresh);
    expect(talks.map((x) => x.position)).toEqual([0, 1, 2, 3]);
    expect(talks.map((x) => x.startsAt.slice(11, 16))).toEqual(['09:00', '09:20', '09:40', '10:00']);
    expect(new Set(talks.map((x) => x.submissionId))).toEqual(new Set(ids));
  });

  it('removes a talk (200 with warnings: the proposal is unplaced again) and renumbers the rest', async () => {
    const [first, second, third] = await talksOf(morning);
    const res = await t.http.delete(`/api/talks/${first.id}`).set(auth());
    expect(res.status).toBe(200);
    expect(res.body.warnings.map((w: { code: string; proposalIds: string[] }) => [w.code, w.proposalIds])).toEqual([['PROPOSAL_NOT_PLACED', [first.submissionId]]]);
    expect((await talksOf(morning)).map((x) => [x.id, x.position, x.startsAt.slice(11, 16)])).toEqual([
      [second.id, 0, '09:30'],
      [third.id, 1, '09:50'],
    ]);
    // the organisers' list of proposals tells placed from not placed (the grid's « to place » list)
    const listed = async (placed: string) => {
      const r = await t.http.get(`/api/events/${c.vtnId}/submissions`).query({ placed, state: 'accepted,confirmed', pageSize: 100 }).set(auth());
      expect(r.status).toBe(200);
      return (r.body.items as Array<{ id: string }>).map((x) => x.id);
    };
    const [unplacedNow, placedNow] = [await listed('false'), await listed('true')];
    expect(unplacedNow).toContain(first.submissionId);
    expect(unplacedNow).not.toContain(second.submissionId);
    expect(placedNow).toEqual(expect.arrayContaining([second.submissionId, third.submissionId]));
    expect(placedNow).not.toContain(first.submissionId);
    expectErrorBody((await t.http.get(`/api/events/${c.vtnId}/submissions`).query({ placed: 'peut-être' }).set(auth())).body, 400, 'VALIDATION_FAILED');
    const gone = await t.http.delete(`/api/talks/${first.id}`).set(auth());
    expectErrorBody(gone.body, 404, 'NOT_FOUND');
    const patchGone = await t.http.patch(`/api/talks/${first.id}`).set(auth()).send({ position: 0 });
    expectErrorBody(patchGone.body, 404, 'NOT_FOUND');
    // deleting a session removes its talks; their proposals come back as unplaced
    const res2 = await t.http.delete(`/api/sessions/${morning}`).set(auth());
    expect(res2.status).toBe(200);
    expect(res2.body.warnings.filter((w: { code: string }) => w.code === 'PROPOSAL_NOT_PLACED').flatMap((w: { proposalIds: string[] }) => w.proposalIds).sort()).toEqual(
      [second.submissionId, third.submissionId].sort(),
    );
  });
});
