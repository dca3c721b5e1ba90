import { DateTime } from 'luxon';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, outbox, proposal, setUpEvent, signUpSpeaker, snapshot, tableCounts, type EventSetup, type Speaker } from './support.js';

describe('Proposals: filing, co-speakers, states, history, edits', () => {
  let t: TestApp;
  let organiser: string;
  let setup: EventSetup;
  let alice: Speaker;
  let bob: Speaker;
  let dave: Speaker;
  const carolEmail = 'carol.lefebvre@example.org';

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    setup = await setUpEvent(t, organiser);
    alice = await signUpSpeaker(t, { firstName: 'Alice', lastName: 'Martin' });
    bob = await signUpSpeaker(t, { firstName: 'Bob', lastName: 'Durand' });
    dave = await signUpSpeaker(t, { firstName: 'Dave', lastName: 'Nguyễn' });
  });
  afterAll(async () => {
    await t?.close();
  });

  let proposalId: string;

  it('files a draft: the caller is the main speaker, an existing speaker is linked, an unknown email is invited by mail', async () => {
    const before = await tableCounts(t);
    const res = await t.http
      .post(`/api/events/${setup.eventId}/submissions`)
      .set(bearer(alice.token))
      .send(proposal(setup, { coSpeakers: [bob.email.toUpperCase(), carolEmail], keywords: ['  villes  ', 'numérique'] }));
    expect(res.status).toBe(201);
    proposalId = res.body.id;
    expect(res.body).toEqual({
      id: expect.any(String),
      eventId: setup.eventId,
      state: 'draft',
      allowedActions: ['submit'],
      titleFr: 'La ville numérique en question',
      titleEn: null,
      abstractFr: 'Résumé de la communication.',
      abstractEn: null,
      keywords: ['villes', 'numérique'],
      type: { id: setup.typeId, code: 'communication', nameFr: 'Communication', nameEn: 'Paper', defaultMinutes: 20 },
      track: { id: setup.trackId, nameFr: 'Gouvernance', nameEn: 'Governance' },
      durationMinutes: 20,
      signers: [
        { role: 'main', status: 'accepted', userId: null, firstName: 'Alice', lastName: 'Martin', affiliation: 'CNRS, LAVUE', email: alice.email },
        { role: 'co', status: 'invited', userId: null, firstName: 'Bob', lastName: 'Durand', affiliation: 'CNRS, LAVUE', email: bob.email },
        { role: 'co', status: 'invited', userId: null, firstName: null, lastName: null, affiliation: null, email: carolEmail },
      ],
      createdAt: expect.any(String),
      submittedAt: null,
      updatedAt: expect.any(String),
    });
    const rows = await t.booted.dataSource.query(`SELECT email, user_id, role, status FROM submission_speakers WHERE submission_id = $1 ORDER BY position`, [proposalId]);
    expect(rows).toEqual([
      { email: alice.email, user_id: alice.id, role: 'main', status: 'accepted' },
      { email: bob.email, user_id: bob.id, role: 'co', status: 'invited' },
      { email: carolEmail, user_id: null, role: 'co', status: 'invited' },
    ]);
    // written in one transaction, the two rows share their created_at: find them by address
    const invitations = await outbox(t, 'co-speaker-invited');
    expect(invitations.map((m) => m.to_address).sort()).toEqual([bob.email, carolEmail].sort());
    const toBob = invitations.find((m) => m.to_address === bob.email)!;
    const toCarol = invitations.find((m) => m.to_address === carolEmail)!;
    expect(toBob).toMatchObject({ locale: 'fr', subject: 'Alice Martin vous invite à cosigner « La ville numérique en question »' });
    expect(toBob.text_body).toContain('Bonjour Bob,');
    expect(toBob.text_body).toContain(`/app/proposals/${proposalId}/invitation`);
    expect(toCarol.text_body).toContain('Bonjour,');
    expect(toCarol.text_body).toContain(`/app/signup?invitation=${proposalId}&email=${encodeURIComponent(carolEmail)}`);
    const after = await tableCounts(t);
    expect(after.submissions - before.submissions).toBe(1);
    expect(after.submission_speakers - before.submission_speakers).toBe(3);
    expect(after.outbox_messages - before.outbox_messages).toBe(2);
  });

  it('shows the proposal to a co-speaker only once they accept; someone who signs up later is matched by email', async () => {
    for (const path of ['', '/history']) {
      const hidden = await t.http.get(`/api/submissions/${proposalId}${path}`).set(bearer(bob.token));
      expect(hidden.status).toBe(404);
      expectErrorBody(hidden.body, 404, 'NOT_FOUND');
    }
    expect((await t.http.get('/api/me/submissions').set(bearer(bob.token))).body.total).toBe(0);
    // someone else cannot answer bob's invitation
    expect((await t.http.post(`/api/submissions/${proposalId}/invitation/accept`).set(bearer(dave.token))).status).toBe(404);

    const accepted = await t.http.post(`/api/submissions/${proposalId}/invitation/accept`).set(bearer(bob.token));
    expect(accepted.status).toBe(200);
    expect(accepted.body.signers[1]).toEqual({ role: 'co', status: 'accepted', userId: null, firstName: 'Bob', lastName: 'Durand', affiliation: 'CNRS, LAVUE', email: null });
    // a co-speaker does not see the others' emails; the main speaker and organisers do
    expect(accepted.body.signers.map((s: { email: string | null }) => s.email)).toEqual([null, null, null]);
    expect(accepted.body.allowedActions).toEqual(['submit']);
    expect((await t.http.get(`/api/submissions/${proposalId}`).set(bearer(bob.token))).status).toBe(200);
    expect((await t.http.post(`/api/submissions/${proposalId}/invitation/accept`).set(bearer(bob.token))).status).toBe(404);
    const told = await outbox(t, 'co-speaker-accepted');
    expect(told).toHaveLength(1);
    expect(told[0].to_address).toBe(alice.email);
    expect(told[0].text_body).toContain('Bob Durand');

    const carol = await signUpSpeaker(t, { firstName: 'Carol', lastName: 'Lefebvre', email: carolEmail });
    expect((await t.http.get(`/api/submissions/${proposalId}`).set(bearer(carol.token))).status).toBe(404);
    const carolAccepts = await t.http.post(`/api/submissions/${proposalId}/invitation/accept`).set(bearer(carol.token));
    expect(carolAccepts.status).toBe(200);
    expect(carolAccepts.body.signers[2]).toMatchObject({ status: 'accepted', firstName: 'Carol', lastName: 'Lefebvre' });
    const [row] = await t.booted.dataSource.query(`SELECT user_id FROM submission_speakers WHERE submission_id = $1 AND email = $2`, [proposalId, carolEmail]);
    expect(row.user_id).toBe(carol.id);
  });

  it('lets an invited speaker decline: the proposal stays hidden from them', async () => {
    const other = await t.http.post(`/api/events/${setup.eventId}/submissions`).set(bearer(alice.token)).send(proposal(setup, { titleFr: 'Deuxième', coSpeakers: [dave.email] }));
    expect(other.status).toBe(201);
    expect((await t.http.post(`/api/submissions/${other.body.id}/invitation/decline`).set(bearer(dave.token))).status).toBe(204);
    expect((await t.http.get(`/api/submissions/${other.body.id}`).set(bearer(dave.token))).status).toBe(404);
    expect((await t.http.post(`/api/submissions/${other.body.id}/invitation/accept`).set(bearer(dave.token))).status).toBe(404);
    expect((await t.http.post(`/api/submissions/${other.body.id}/invitation/decline`).set(bearer(dave.token))).status).toBe(404);
    const seen = await t.http.get(`/api/submissions/${other.body.id}`).set(bearer(alice.token));
    expect(seen.body.signers[1]).toMatchObject({ status: 'declined', firstName: 'Dave', email: dave.email });
  });

  it('goes draft → submitted → accepted (with the organiser’s note) → confirmed, with mails and a history', async () => {
    const submitted = await t.http.post(`/api/submissions/${proposalId}/transitions`).set(bearer(alice.token)).send({ action: 'submit' });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'submitted', allowedActions: ['withdraw'] });
    expect(submitted.body.submittedAt).not.toBeNull();
    const received = await outbox(t, 'submission-received');
    expect(received.map((m) => m.to_address).sort()).toEqual([alice.email, bob.email, carolEmail].sort());
    expect(received[0].subject).toContain('La ville numérique en question');

    const note = 'Bravo ! Votre communication est programmée le 6 février.';
    const accepted = await t.http.post(`/api/submissions/${proposalId}/transitions`).set(bearer(organiser)).send({ action: 'accept', note });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', allowedActions: ['cancel'] });
    const decided = await outbox(t, 'submission-accepted');
    expect(decided).toHaveLength(3);
    for (const mail of decided) {
      expect(mail.locale).toBe('fr');
      expect(mail.subject).toBe('Proposition acceptée : « La ville numérique en question »');
      expect(mail.text_body).toContain(note);
      expect(mail.text_body).toContain('Villes et territoires numériques');
    }
    expect(decided.find((m) => m.to_address === alice.email)?.text_body).toContain('Bonjour Alice,');

    const aliceView = await t.http.get(`/api/submissions/${proposalId}`).set(bearer(alice.token));
    expect(aliceView.body.allowedActions).toEqual(['confirm', 'withdraw']);
    const confirmed = await t.http.post(`/api/submissions/${proposalId}/transitions`).set(bearer(bob.token)).send({ action: 'confirm' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.state).toBe('confirmed');

    const history = await t.http.get(`/api/submissions/${proposalId}/history`).set(bearer(alice.token));
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    expect(history.body.items).toEqual([
      { action: 'submit', fromState: 'draft', toState: 'submitted', note: null, at: expect.any(String), actor: { role: 'speaker', name: null } },
      { action: 'accept', fromState: 'submitted', toState: 'accepted', note, at: expect.any(String), actor: { role: 'organisation', name: null } },
      { action: 'confirm', fromState: 'accepted', toState: 'confirmed', note: null, at: expect.any(String), actor: { role: 'speaker', name: null } },
    ]);
    const organiserView = await t.http.get(`/api/submissions/${proposalId}/history?order=desc`).set(bearer(organiser));
    expect(organiserView.body.items.map((i: { actor: { name: string } }) => i.actor.name)).toEqual(['Bob Durand', 'Administrateur', 'Alice Martin']);
    const rows = await t.booted.dataSource.query(`SELECT actor_id, from_state, to_state, action FROM submission_transitions WHERE submission_id = $1 ORDER BY id`, [proposalId]);
    expect(rows.map((r: { actor_id: string }) => r.actor_id)).toEqual([alice.id, expect.any(String), bob.id]);
  });

  it('lists a speaker’s own proposals (main, or co-speaker who accepted), paginated', async () => {
    const mine = await t.http.get('/api/me/submissions?pageSize=1&sort=createdAt').set(bearer(alice.token));
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ page: 1, pageSize: 1, total: 2 });
    expect(mine.body.items[0].id).toBe(proposalId);
    const bobs = await t.http.get('/api/me/submissions').set(bearer(bob.token));
    expect(bobs.body.items.map((i: { id: string }) => i.id)).toEqual([proposalId]);
    const daves = await t.http.get('/api/me/submissions').set(bearer(dave.token));
    expect(daves.body.total).toBe(0);
    const confirmed = await t.http.get(`/api/me/submissions?state=confirmed&eventId=${setup.eventId}`).set(bearer(alice.token));
    expect(confirmed.body.items.map((i: { id: string }) => i.id)).toEqual([proposalId]);
    expect((await t.http.get('/api/me/submissions?state=nope').set(bearer(alice.token))).status).toBe(400);
  });

  describe('edits', () => {
    let draftId: string;
    let otherTrack: string;

    beforeAll(async () => {
      otherTrack = (await t.http.post(`/api/events/${setup.eventId}/tracks`).set(bearer(organiser)).send({ nameFr: 'Usages' })).body.id;
      draftId = (await t.http.post(`/api/events/${setup.eventId}/submissions`).set(bearer(alice.token)).send(proposal(setup, { coSpeakers: [bob.email] }))).body.id;
      await t.http.post(`/api/submissions/${draftId}/invitation/accept`).set(bearer(bob.token)).expect(200);
    });

    it('lets speakers change everything of a draft, without revisions; only the main speaker changes co-speakers', async () => {
      const res = await t.http
        .patch(`/api/submissions/${draftId}`)
        .set(bearer(alice.token))
        .send({ titleEn: 'The digital city', abstractEn: 'Abstract.', trackId: otherTrack, keywords: ['ville'], coSpeakers: [bob.email, 'zoe@example.org'] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ titleEn: 'The digital city', track: { id: otherTrack }, keywords: ['ville'] });
      expect(res.body.signers.map((s: { email: string }) => s.email)).toEqual([alice.email, bob.email, 'zoe@example.org']);
      expect((await outbox(t, 'co-speaker-invited')).at(-1)?.to_address).toBe('zoe@example.org');
      const byCo = await t.http.patch(`/api/submissions/${draftId}`).set(bearer(bob.token)).send({ coSpeakers: [] });
      expectErrorBody(byCo.body, 403, 'FORBIDDEN');
      const removed = await t.http.patch(`/api/submissions/${draftId}`).set(bearer(alice.token)).send({ coSpeakers: [bob.email] });
      expect(removed.body.signers).toHaveLength(2);
      const clearTrack = await t.http.patch(`/api/submissions/${draftId}`).set(bearer(bob.token)).send({ trackId: null, titleEn: null, abstractEn: null });
      expect(clearTrack.body).toMatchObject({ track: null, titleEn: null });
      const duration = await t.http.patch(`/api/submissions/${draftId}`).set(bearer(alice.token)).send({ durationMinutes: 45 });
      expectErrorBody(duration.body, 403, 'FORBIDDEN');
      expect(Number((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM submission_revisions WHERE submission_id = $1`, [draftId]))[0].n)).toBe(0);
    });

    it('after acceptance lets speakers correct only the text, each edit recorded as a revision organisers read', async () => {
      await t.http.post(`/api/submissions/${draftId}/transitions`).set(bearer(alice.token)).send({ action: 'submit' }).expect(200);
      await t.http.post(`/api/submissions/${draftId}/transitions`).set(bearer(organiser)).send({ action: 'accept' }).expect(200);
      const fixed = await t.http.patch(`/api/submissions/${draftId}`).set(bearer(bob.token)).send({ titleFr: 'La ville numérique, en question', keywords: ['ville', 'réseaux'] });
      expect(fixed.status).toBe(200);
      expect(fixed.body.titleFr).toBe('La ville numérique, en question');
      for (const body of [{ typeId: setup.typeId }, { trackId: setup.trackId }, { coSpeakers: [] }, { titleFr: 'x', trackId: null }]) {
        const refused = await t.http.patch(`/api/submissions/${draftId}`).set(bearer(alice.token)).send(body);
        expect(refused.status).toBe(409);
        expectErrorBody(refused.body, 409, 'EDIT_NOT_ALLOWED');
        expect(refused.body.details).toMatchObject({ state: 'accepted', editableFields: ['titleFr', 'titleEn', 'abstractFr', 'abstractEn', 'keywords'] });
      }
      const byOrganiser = await t.http.patch(`/api/submissions/${draftId}`).set(bearer(organiser)).send({ durationMinutes: 45 });
      expect(byOrganiser.body.durationMinutes).toBe(45);
      // an edit that changes nothing records nothing
      await t.http.patch(`/api/submissions/${draftId}`).set(bearer(alice.token)).send({ keywords: ['ville', 'réseaux'] }).expect(200);

      const revisions = await t.http.get(`/api/submissions/${draftId}/revisions`).set(bearer(organiser));
      expect(revisions.status).toBe(200);
      expect(revisions.body).toMatchObject({ total: 2 });
      expect(revisions.body.items[0]).toEqual({
        at: expect.any(String),
        state: 'accepted',
        actorName: 'Bob Durand',
        changes: {
          titleFr: { from: 'La ville numérique en question', to: 'La ville numérique, en question' },
          keywords: { from: ['ville'], to: ['ville', 'réseaux'] },
        },
      });
      expect(revisions.body.items[1].changes).toEqual({ durationMinutes: { from: null, to: 45 } });
      expect((await t.http.get(`/api/submissions/${draftId}/revisions`).set(bearer(alice.token))).status).toBe(403);
    });

    it('refuses speakers’ edits once withdrawn (409); organisers still edit', async () => {
      await t.http.post(`/api/submissions/${draftId}/transitions`).set(bearer(alice.token)).send({ action: 'withdraw' }).expect(200);
      const before = await snapshot(t);
      const refused = await t.http.patch(`/api/submissions/${draftId}`).set(bearer(alice.token)).send({ titleFr: 'Encore' });
      expectErrorBody(refused.body, 409, 'EDIT_NOT_ALLOWED');
      expect(await snapshot(t)).toEqual(before);
      expect((await t.http.patch(`/api/submissions/${draftId}`).set(bearer(organiser)).send({ titleFr: 'Corrigé' })).body.titleFr).toBe('Corrigé');
    });

    it('checks the text against the call: languages, abstract length, one complete language; type and track of the event', async () => {
      const narrow = await setUpEvent(t, organiser, { languages: ['fr'], maxAbstractLength: 100 });
      const elsewhere = await setUpEvent(t, organiser);
      const before = await snapshot(t);
      const cases: [Record<string, unknown>, number][] = [
        [proposal(narrow, { titleEn: 'T', abstractEn: 'A' }), 422],
        [proposal(narrow, { abstractFr: 'é'.repeat(101) }), 422],
        [proposal(narrow, { abstractFr: null }), 422],
        [proposal(narrow, { titleFr: '   ', abstractFr: 'x' }), 422],
        [proposal(narrow, { typeId: elsewhere.typeId }), 422],
        [proposal(narrow, { trackId: elsewhere.trackId }), 422],
        [proposal(narrow, { coSpeakers: [alice.email] }), 422],
        [proposal(narrow, { keywords: Array.from({ length: 21 }, (_, i) => `k${i}`) }), 400],
        [proposal(narrow, { keywords: ['x'.repeat(61)] }), 400],
        [proposal(narrow, { keywords: ['a', 'A'] }), 400],
        [proposal(narrow, { coSpeakers: Array.from({ length: 11 }, (_, i) => `p${i}@example.org`) }), 400],
        [proposal(narrow, { coSpeakers: ['not-an-email'] }), 400],
        [proposal(narrow, { titleFr: 'x'.repeat(301) }), 400],
        [proposal(narrow, { titleFr: 'a\nb' }), 400],
      ];
      for (const [body, status] of cases) {
        const res = await t.http.post(`/api/events/${narrow.eventId}/submissions`).set(bearer(alice.token)).send(body);
        expect([JSON.stringify(body).slice(0, 100), res.status]).toEqual([JSON.stringify(body).slice(0, 100), status]);
        expectErrorBody(res.body, status);
      }
      expect(await snapshot(t)).toEqual(before);
      const ok = await t.http.post(`/api/events/${narrow.eventId}/submissions`).set(bearer(alice.token)).send(proposal(narrow, { abstractFr: 'é'.repeat(100) }));
      expect(ok.status).toBe(201);
    });
  });

  describe('the call window', () => {
    const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' });

    it('refuses speakers before it opens and after it closes (409 CALL_NOT_OPEN naming the date in Paris time); organisers file on a speaker’s behalf', async () => {
      const opens = paris(DateTime.now().plus({ days: 30 }).toISODate() + 'T09:30');
      const future = await setUpEvent(t, organiser, { opensAt: opens.toFormat("yyyy-MM-dd'T'HH:mm"), closesAt: opens.plus({ days: 10 }).toFormat("yyyy-MM-dd'T'HH:mm") });
      const closes = paris(DateTime.now().minus({ days: 3 }).toISODate() + 'T23:59');
      const past = await setUpEvent(t, organiser, { opensAt: closes.minus({ days: 40 }).toFormat("yyyy-MM-dd'T'HH:mm"), closesAt: closes.toFormat("yyyy-MM-dd'T'HH:mm") });
      const before = await snapshot(t);

      const early = await t.http.post(`/api/events/${future.eventId}/submissions`).set(bearer(alice.token)).send(proposal(future));
      expect(early.status).toBe(409);
      expectErrorBody(early.body, 409, 'CALL_NOT_OPEN');
      expect(early.body.message).toBe(`L'appel à communications ouvre le ${opens.setLocale('fr').toFormat('d LLLL yyyy')} à 09:30 (Europe/Paris).`);
      expect(early.body.details).toMatchObject({ status: 'not-yet-open', timeZone: 'Europe/Paris', opensAt: opens.toISO({ suppressMilliseconds: true }) });
      expect(early.body.details.messageEn).toMatch(/^The call for papers opens on .* at 09:30 \(Europe\/Paris\)\.$/);

      const late = await t.http.post(`/api/events/${past.eventId}/submissions`).set(bearer(alice.token)).send(proposal(past));
      expect(late.status).toBe(409);
      expectErrorBody(late.body, 409, 'CALL_NOT_OPEN');
      expect(late.body.message).toBe(`L'appel à communications est clos depuis le ${closes.setLocale('fr').toFormat('d LLLL yyyy')} à 23:59 (Europe/Paris).`);
      expect(await snapshot(t)).toEqual(before);

      // organisers: on behalf of an existing speaker, at any time
      const noSpeaker = await t.http.post(`/api/events/${past.eventId}/submissions`).set(bearer(organiser)).send(proposal(past));
      expectErrorBody(noSpeaker.body, 422, 'VALIDATION_FAILED');
      const unknown = await t.http.post(`/api/events/${past.eventId}/submissions`).set(bearer(organiser)).send(proposal(past, { speakerEmail: 'nobody@example.org' }));
      expectErrorBody(unknown.body, 422, 'VALIDATION_FAILED');
      const forOther = await t.http.post(`/api/events/${setup.eventId}/submissions`).set(bearer(dave.token)).send(proposal(setup, { speakerEmail: alice.email }));
      expectErrorBody(forOther.body, 403, 'FORBIDDEN');
      expect(await snapshot(t)).toEqual(before);

      const onBehalf = await t.http.post(`/api/events/${past.eventId}/submissions`).set(bearer(organiser)).send(proposal(past, { speakerEmail: alice.email.toUpperCase() }));
      expect(onBehalf.status).toBe(201);
      expect(onBehalf.body.signers).toEqual([expect.objectContaining({ role: 'main', status: 'accepted', firstName: 'Alice', email: alice.email })]);
      expect(onBehalf.body.allowedActions).toEqual(['cancel']);
      // the speaker sees it, may edit it, but cannot submit it while the call is closed
      expect((await t.http.get(`/api/submissions/${onBehalf.body.id}`).set(bearer(alice.token))).body.allowedActions).toEqual(['submit']);
      const submit = await t.http.post(`/api/submissions/${onBehalf.body.id}/transitions`).set(bearer(alice.token)).send({ action: 'submit' });
      expectErrorBody(submit.body, 409, 'CALL_NOT_OPEN');
      expect(submit.body.message).toContain('est clos depuis le');
      expect((await t.http.get(`/api/submissions/${onBehalf.body.id}`).set(bearer(alice.token))).body.state).toBe('draft');
      // a call not set at all is not open either
      const bare = (await t.http.post('/api/events').set(bearer(organiser)).send({ slug: 'sansappel', nameFr: 'Sans appel', startDate: '2030-01-01' })).body.id;
      const type = (await t.http.post(`/api/events/${bare}/submission-types`).set(bearer(organiser)).send({ code: 'x', nameFr: 'X', defaultMinutes: 10 })).body.id;
      const none = await t.http.post(`/api/events/${bare}/submissions`).set(bearer(alice.token)).send({ titleFr: 'T', abstractFr: 'R', typeId: type });
      expectErrorBody(none.body, 409, 'CALL_NOT_OPEN');
      const missingEvent = await t.http.post(`/api/events/6f1c2b1e-0000-4000-8000-000000000000/submissions`).set(bearer(alice.token)).send(proposal(setup));
      expectErrorBody(missingEvent.body, 404, 'NOT_FOUND');
    });
  });
});
