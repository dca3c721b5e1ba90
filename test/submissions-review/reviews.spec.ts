import { randomUUID } from 'node:crypto';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, colloquium, organiser, proposal, reception, speaker, submissionType, type Person } from './fixtures.js';

describe('Reviews of proposals (organisers)', () => {
  let t: TestApp;
  let eventId: string;
  let typeId: string;
  let alice: Person;
  let bruno: Person;
  let author: Person;

  const put = async (who: Person, id: string, body: unknown) =>
    t.http.put(`/api/submissions/${id}/review`).set(bearer(await who.token())).send(body as object);
  const reviewsOf = async (who: Person, id: string, query = '') => t.http.get(`/api/submissions/${id}/reviews${query}`).set(bearer(await who.token()));
  const reviewCount = async (id: string) =>
    ((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM reviews WHERE submission_id = $1`, [id])) as { n: number }[])[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    eventId = (await colloquium(t)).id;
    typeId = await submissionType(t, eventId, 'communication', 'Communication');
    alice = await organiser(t, 'Alice Évaluatrice');
    bruno = await organiser(t);
    author = await speaker(t, { firstName: 'Hélène', lastName: 'Dupré' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a review (201), replaces it (200) and lists it with the reviewer', async () => {
    const id = await proposal(t, { eventId, typeId, main: author });
    const created = await put(alice, id, { score: 4, comment: 'Très pertinent, « bien » écrit.' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      submissionId: id,
      reviewer: { id: alice.id, name: 'Alice Évaluatrice', email: alice.email },
      score: 4,
      comment: 'Très pertinent, « bien » écrit.',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const replaced = await put(alice, id, { score: 2 });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: created.body.id, score: 2, comment: null, createdAt: created.body.createdAt });
    expect(Date.parse(replaced.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.body.updatedAt));
    expect(await reviewCount(id)).toBe(1);

    expect((await put(bruno, id, { score: 5, comment: 'Excellent' })).status).toBe(201);
    const list = await reviewsOf(alice, id);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    expect(list.body.items.map((r: { reviewer: { email: string }; score: number }) => [r.reviewer.email, r.score])).toEqual([
      [alice.email, 2],
      [bruno.email, 5],
    ]);
    // an account without a display name is shown by its email
    expect(list.body.items[1].reviewer.name).toBe(bruno.email);
    // nothing else of the account leaks
    expect(JSON.stringify(list.body)).not.toMatch(/password|hash|roles/i);
    const desc = await reviewsOf(alice, id, '?order=desc&pageSize=1');
    expect(desc.body).toMatchObject({ pageSize: 1, total: 2 });
    expect(desc.body.items[0].reviewer.id).toBe(bruno.id);
  });

  it('deletes one’s own review only (204, then 404)', async () => {
    const id = await proposal(t, { eventId, typeId, main: author });
    await put(alice, id, { score: 3 });
    await put(bruno, id, { score: 5 });
    const removed = await t.http.delete(`/api/submissions/${id}/review`).set(bearer(await alice.token()));
    expect(removed.status).toBe(204);
    const again = await t.http.delete(`/api/submissions/${id}/review`).set(bearer(await alice.token()));
    expect(again.status).toBe(404);
    expectErrorBody(again.body, 404, 'NOT_FOUND');
    const left = await reviewsOf(bruno, id);
    expect(left.body.items.map((r: { reviewer: { id: string } }) => r.reviewer.id)).toEqual([bruno.id]);
  });

  it.each([
    ['0', { score: 0 }],
    ['6', { score: 6 }],
    ['2.5', { score: 2.5 }],
    ['"3" (a string)', { score: '3' }],
    ['no score', { comment: 'Sans note' }],
    ['null score', { score: null }],
    ['a comment of 5001 characters', { score: 3, comment: 'x'.repeat(5001) }],
    ['a comment of 100,000 characters', { score: 3, comment: 'é'.repeat(100_000) }],
    ['a comment with a NUL', { score: 3, comment: 'a\u0000b' }],
    ['a comment that is a number', { score: 3, comment: 12 }],
    ['an unknown field', { score: 3, reviewerId: randomUUID() }],
    ['an array', [{ score: 3 }]],
  ])('refuses %s with 400 and writes nothing', async (_label, body) => {
    const id = await proposal(t, { eventId, typeId, main: author });
    const res = await put(alice, id, body);
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 400);
    expect(await reviewCount(id)).toBe(0);
  });

  it('accepts the bounds 1 and 5 and a comment of exactly 5000 characters', async () => {
    const id = await proposal(t, { eventId, typeId, main: author });
    expect((await put(alice, id, { score: 1, comment: 'é'.repeat(5000) })).status).toBe(201);
    expect((await put(alice, id, { score: 5 })).status).toBe(200);
  });

  it.each(['draft', 'accepted', 'rejected', 'confirmed', 'withdrawn', 'cancelled'])(
    'refuses to review a %s proposal with 409 naming the state',
    async (state) => {
      const id = await proposal(t, { eventId, typeId, main: author, state });
      const res = await put(alice, id, { score: 4 });
      expect(res.status).toBe(409);
      expectErrorBody(res.body, 409, 'SUBMISSION_NOT_REVIEWABLE');
      expect(res.body.details).toEqual({ state, reviewableStates: ['submitted'] });
      expect(res.body.message).toContain(state);
      expect(await reviewCount(id)).toBe(0);
    },
  );

  it('keeps reviews once a decision is taken: no change, no removal', async () => {
    const id = await proposal(t, { eventId, typeId, main: author });
    await put(alice, id, { score: 4 });
    await t.booted.dataSource.query(`UPDATE submissions SET state = 'accepted' WHERE id = $1`, [id]);
    expect((await put(alice, id, { score: 1 })).status).toBe(409);
    const removal = await t.http.delete(`/api/submissions/${id}/review`).set(bearer(await alice.token()));
    expect(removal.status).toBe(409);
    const list = await reviewsOf(alice, id);
    expect(list.body.items.map((r: { score: number }) => r.score)).toEqual([4]);
  });

  it('refuses a reviewer who signs the proposal (as main speaker, co-speaker, or invited by email)', async () => {
    const both = await speaker(t, { firstName: 'Oscar', lastName: 'Organisateur', roles: ['organiser', 'speaker'] });
    const asMain = await proposal(t, { eventId, typeId, main: both });
    const asCo = await proposal(t, { eventId, typeId, main: author, co: [both] });
    // invited by email before the account was linked: user_id still NULL
    const invited = await proposal(t, { eventId, typeId, main: author, co: [{ email: alice.email.toUpperCase(), status: 'invited' }] });
    for (const [who, id] of [
      [both, asMain],
      [both, asCo],
      [alice, invited],
    ] as const) {
      const res = await put(who, id, { score: 5, comment: 'Mon propre travail' });
      expect(res.status).toBe(403);
      expectErrorBody(res.body, 403, 'REVIEWER_IS_SIGNER');
      expect(res.body.message).toMatch(/sign this proposal/);
      expect(await reviewCount(id)).toBe(0);
    }
    // they can still read the others' reviews of it, as organisers
    expect((await put(bruno, asMain, { score: 3 })).status).toBe(201);
    expect((await reviewsOf(both, asMain)).body.total).toBe(1);
  });

  it('answers 404 for an unknown proposal and 400 for an id that is not a uuid', async () => {
    const unknown = randomUUID();
    for (const res of [
      await put(alice, unknown, { score: 3 }),
      await reviewsOf(alice, unknown),
      await t.http.delete(`/api/submissions/${unknown}/review`).set(bearer(await alice.token())),
    ]) {
      expect(res.status).toBe(404);
      expectErrorBody(res.body, 404, 'NOT_FOUND');
    }
    for (const bad of ['not-a-uuid', '1', "'%20OR%201=1", 'x'.repeat(5000)]) {
      const res = await put(alice, bad, { score: 3 });
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400);
      expect((await reviewsOf(alice, bad)).status).toBe(400);
    }
    expect((await reviewsOf(alice, randomUUID(), '?pageSize=1000')).status).toBe(400);
  });

  it('is closed to anonymous callers (401), speakers and reception (403)', async () => {
    const id = await proposal(t, { eventId, typeId, main: author });
    await put(alice, id, { score: 4 });
    const desk = await reception(t);
    const calls = (token?: string) => {
      const auth = token ? bearer(token) : {};
      return [
        t.http.put(`/api/submissions/${id}/review`).set(auth).send({ score: 5 }),
        t.http.delete(`/api/submissions/${id}/review`).set(auth),
        t.http.get(`/api/submissions/${id}/reviews`).set(auth),
      ];
    };
    for (const res of await Promise.all(calls())) {
      expect(res.status).toBe(401);
      expectErrorBody(res.body, 401);
    }
    // the proposal's own author is a speaker: no way to read the reviews or the reviewers' names
    for (const who of [author, desk]) {
      for (const res of await Promise.all(calls(await who.token()))) {
        expect(res.status).toBe(403);
        expectErrorBody(res.body, 403);
        expect(JSON.stringify(res.body)).not.toContain(alice.email);
      }
    }
    expect(await reviewCount(id)).toBe(1);
  });
});
