import { DEFAULT_SEVERITIES } from '../../src/programme/conflict-types.js';
import { ProgrammeConflictsService } from '../../src/programme/programme-conflicts.service.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { acceptedProposal, bearer, programmeCounts, setUpColloquium, signUp, type Colloquium, type Speaker } from './sessions-support.js';

interface ConflictItem {
  key: string;
  code: string;
  severity: string;
  acknowledged: boolean;
  blocking: boolean;
  sessionIds: string[];
  talkIds: string[];
  personIds: string[];
  people: { id: string; name: string }[];
  proposalIds: string[];
  startsAt: string | null;
  message: { fr: string; en: string };
}

const codes = (items: { code: string }[]) => items.map((i) => i.code).sort();

/**
 * A two-day programme (6–7 February 2012, Europe/Paris) over both venues of the reference data —
 * the CNRS for the colloquium, Espace Cardin for the ceremony — starting without any conflict. Each
 * rule of the engine is made to fire by one change (whose answer names it in `warnings`), then
 * cleared by a fix. Then severities, acknowledgements and what blocks publication.
 */
describe('Programme conflicts on a two-day programme over both venues', () => {
  let t: TestApp;
  let c: Colloquium;
  let helene: Speaker;
  let jose: Speaker;
  let amina: Speaker;
  let pierre: Speaker;
  const s: Record<string, string> = {};
  const p: Record<string, string> = {};
  const talk: Record<string, string> = {};
  const auth = () => bearer(c.organiser);
  const report = async (query = '') => {
    const res = await t.http.get(`/api/events/${c.vtnId}/programme/conflicts${query}`).set(auth());
    if (res.status !== 200) throw new Error(`conflicts: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { counts: Record<string, number>; blocking: number; total: number; items: ConflictItem[] };
  };
  /** Every code seen in a report, to check at the end that each rule fired. */
  const fired = new Set<string>();
  const now = async () => {
    const items = (await report()).items;
    for (const i of items) fired.add(i.code);
    return items;
  };
  const session = async (name: string, body: Record<string, unknown>) => {
    const res = await t.http.post(`/api/events/${c.vtnId}/sessions`).set(auth()).send({ kind: 'plenary', titleFr: name, ...body });
    if (res.status !== 201) throw new Error(`session ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const patchSession = async (id: string, body: Record<string, unknown>) => {
    const res = await t.http.patch(`/api/sessions/${id}`).set(auth()).send(body);
    if (res.status !== 200) throw new Error(`patch session: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const place = async (sessionId: string, submissionId: string, extra: Record<string, unknown> = {}) => {
    const res = await t.http.post(`/api/sessions/${sessionId}/talks`).set(auth()).send({ submissionId, ...extra });
    if (res.status !== 201) throw new Error(`place: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const patchTalk = async (id: string, body: Record<string, unknown>) => {
    const res = await t.http.patch(`/api/talks/${id}`).set(auth()).send(body);
    if (res.status !== 200) throw new Error(`patch talk: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    c = await setUpColloquium(t);
    helene = await signUp(t, 'Hélène', 'Dupré');
    jose = await signUp(t, 'José', 'Núñez');
    amina = await signUp(t, 'Amina', 'Benali');
    pierre = await signUp(t, 'Pierre', 'Lambert');
    const o = auth();
    await t.http.put('/api/venues/travel-times').set(o).send({ fromVenueId: c.cnrsId, toVenueId: c.cardinId, walkingMinutes: 50, transitMinutes: 35 }).expect(200);
    const days = (opens: string, closes: string, dates: string[]) => dates.map((date) => ({ date, opens, closes }));
    await t.http.patch(`/api/venues/${c.cnrsId}`).set(o).send({ openingHours: days('08:30', '19:00', ['2012-02-06', '2012-02-07']) }).expect(200);
    await t.http.patch(`/api/venues/${c.cardinId}`).set(o).send({ openingHours: days('17:00', '23:00', ['2012-02-06']) }).expect(200);

    s.opening = (await session('Ouverture', { roomId: c.amphi, startsAt: '2012-02-06T09:30', endsAt: '2012-02-06T11:00', expectedAttendance: 250, chairs: [{ userId: pierre.id }] })).id;
    s.workshop = (await session('Atelier gouvernance', { roomId: c.salle2, kind: 'workshop', startsAt: '2012-02-06T09:30', endsAt: '2012-02-06T10:30', expectedAttendance: 30 })).id;
    s.afternoon = (await session('Territoires', { roomId: c.salle2, startsAt: '2012-02-06T14:00', endsAt: '2012-02-06T16:00' })).id;
    s.evening = (await session('Fin de journée', { roomId: c.salle2, startsAt: '2012-02-06T17:00', endsAt: '2012-02-06T17:45' })).id;
    s.ceremony = (
      await session('Remise du Label Ville Internet 2012', {
        roomId: c.cardin,
        kind: 'ceremony',
        startsAt: '2012-02-06T18:00',
        endsAt: '2012-02-06T21:00',
        chairs: [{ userId: jose.id }, { guestName: 'Maire de Brest', guestAffiliation: 'Ville de Brest' }],
      })
    ).id;
    s.day2 = (await session('Deuxième journée', { roomId: c.amphi, startsAt: '2012-02-07T09:00', endsAt: '2012-02-07T10:30' })).id;

    p.h1 = await acceptedProposal(t, c, helene, 'La ville numérique en question');
    p.j1 = await acceptedProposal(t, c, jose, 'Les territoires connectés');
    p.a1 = await acceptedProposal(t, c, amina, 'Démocratie locale en ligne');
    p.j2 = await acceptedProposal(t, c, jose, 'Réseaux et quartiers');
    talk.h1 = (await place(s.opening, p.h1)).id; // 09:30–09:50
    talk.j1 = (await place(s.opening, p.j1)).id; // 09:50–10:10
    talk.a1 = (await place(s.workshop, p.a1)).id; // 09:30–09:50
    talk.j2 = (await place(s.evening, p.j2)).id; // 17:00–17:20, 40 minutes before the ceremony José chairs at Espace Cardin
  });
  afterAll(async () => {
    await t?.close();
  });

  it('starts from a programme without conflicts', async () => {
    expect(await report()).toEqual({ counts: { error: 0, warning: 0, ignore: 0 }, blocking: 0, total: 0, items: [] });
    const sessions = (await t.http.get(`/api/events/${c.vtnId}/sessions?pageSize=100`).set(auth())).body.items;
    expect(new Set(sessions.map((x: { venue: { name: string } }) => x.venue.name))).toEqual(new Set(['CNRS', 'Espace Cardin']));
    expect(new Set(sessions.map((x: { day: string }) => x.day))).toEqual(new Set(['2012-02-06', '2012-02-07']));
  });

  it('PROPOSAL_NOT_PLACED fires for an accepted proposal with no talk, and clears once it is placed', async () => {
    p.h2 = await acceptedProposal(t, c, helene, 'Deuxième exposé');
    const [conflict] = await now();
    expect(conflict).toMatchObject({ code: 'PROPOSAL_NOT_PLACED', severity: 'warning', blocking: true, acknowledged: false, proposalIds: [p.h2], personIds: [helene.id], startsAt: null });
    expect(conflict.message.fr).toContain('Deuxième exposé');
    expect(conflict.message.en).toContain('not placed');
    // placing it first in the workshop clears it … and makes Hélène speak twice at 09:30 (next test)
    const placed = await place(s.workshop, p.h2, { position: 0 });
    talk.h2 = placed.id;
    expect(codes(await now())).toEqual(['SPEAKER_DOUBLE_BOOKED']);
    expect(codes(placed.warnings)).toEqual(['SPEAKER_DOUBLE_BOOKED']);
  });

  it('SPEAKER_DOUBLE_BOOKED fires for a speaker in two overlapping talks in two rooms, and clears when one talk is reordered', async () => {
    const [conflict] = await now();
    expect(conflict).toMatchObject({ code: 'SPEAKER_DOUBLE_BOOKED', severity: 'error', blocking: true, personIds: [helene.id], people: [{ id: helene.id, name: 'Hélène Dupré' }] });
    expect(conflict.talkIds.sort()).toEqual([talk.h1, talk.h2].sort());
    expect(conflict.sessionIds.sort()).toEqual([s.opening, s.workshop].sort());
    expect(conflict.startsAt).toBe('2012-02-06T09:30:00+01:00');
    expect(conflict.message.fr).toContain('Hélène Dupré');
    expect(conflict.message.fr).toContain('9:30');
    const fixed = await patchTalk(talk.h2, { position: 1 }); // 09:50–10:10, right after her talk in the opening
    expect(fixed.startsAt).toBe('2012-02-06T09:50:00+01:00');
    expect(fixed.warnings).toEqual([]);
    expect(await now()).toEqual([]);
  });

  it('CHAIR_DOUBLE_BOOKED fires for a person chairing two overlapping sessions, and clears when a guest chairs one', async () => {
    const changed = await patchSession(s.workshop, { chairs: [{ email: pierre.email }] });
    expect(codes(changed.warnings)).toEqual(['CHAIR_DOUBLE_BOOKED']);
    const [conflict] = await now();
    expect(conflict).toMatchObject({ code: 'CHAIR_DOUBLE_BOOKED', severity: 'error', personIds: [pierre.id] });
    expect(conflict.sessionIds.sort()).toEqual([s.opening, s.workshop].sort());
    expect(conflict.message.en).toContain('Pierre Lambert');
    const fixed = await patchSession(s.workshop, { chairs: [{ guestName: 'Jeanne Martin' }] });
    expect(fixed.warnings).toEqual([]);
    expect(await now()).toEqual([]);
  });

  it('CHAIR_SPEAKING_ELSEWHERE fires for a chair speaking in another session meanwhile, and clears when the talk moves to the next day', async () => {
    p.p1 = await acceptedProposal(t, c, pierre, 'Le rôle des présidents de séance');
    expect(codes(await now())).toEqual(['PROPOSAL_NOT_PLACED']);
    const placed = await place(s.workshop, p.p1); // 10:10–10:30 while Pierre chairs the opening until 11:00
    talk.p1 = placed.id;
    expect(codes(placed.warnings)).toEqual(['CHAIR_SPEAKING_ELSEWHERE']);
    const [conflict] = await now();
    expect(conflict).toMatchObject({ code: 'CHAIR_SPEAKING_ELSEWHERE', personIds: [pierre.id], talkIds: [talk.p1] });
    expect(conflict.sessionIds.sort()).toEqual([s.opening, s.workshop].sort());
    const moved = await patchTalk(talk.p1, { sessionId: s.day2 });
    expect(moved).toMatchObject({ sessionId: s.day2, startsAt: '2012-02-07T09:00:00+01:00', warnings: [] });
    expect(await now()).toEqual([]);
  });

  it('SPEAKER_UNAVAILABLE fires for a talk during a declared unavailability, and clears when the talk moves', async () => {
    const declared = await t.http
      .post(`/api/me/events/${c.vtnId}/unavailabilities`)
      .set(bearer(helene.token))
      .send({ startsAt: '2012-02-06T14:00', endsAt: '2012-02-06T15:00', note: 'Cours' });
    expect(declared.status).toBe(201);
    expect(await now()).toEqual([]);
    p.h3 = await acceptedProposal(t, c, helene, 'Un troisième exposé');
    const placed = await place(s.afternoon, p.h3); // 14:00–14:20
    talk.h3 = placed.id;
    expect(codes(placed.warnings)).toEqual(['SPEAKER_UNAVAILABLE']);
    const [conflict] = await now();
    expect(conflict).toMatchObject({ code: 'SPEAKER_UNAVAILABLE', severity: 'error', personIds: [helene.id], talkIds: [talk.h3] });
    expect(conflict.message.fr).toContain('indisponible');
    await patchTalk(talk.h3, { sessionId: s.day2 });
    expect(await now()).toEqual([]);
  });

  it('CHAIR_UNAVAILABLE fires for a chair during a declared unavailability, and clears when the session moves after it', async () => {
    const changed = await patchSession(s.afternoon, { chairs: [{ userId: helene.id }] });
    expect(codes(changed.warnings)).toEqual(['CHAIR_UNAVAILABLE']);
    const [conflict] = await now();
    expect(conflict).toMatchObject({ code: 'CHAIR_UNAVAILABLE', personIds: [helene.id], sessionIds: [s.afternoon], talkIds: [] });
    const moved = await patchSession(s.afternoon, { startsAt: '2012-02-06T15:00' });
    expect(moved.warnings).toEqual([]);
    expect(await now()).toEqual([]);
  });

  it('TRAVEL_TOO_SHORT fires when a speaker must cross from the CNRS to Espace Cardin in less than the journey, and clears when the talk is shortened', async () => {
    const longer = await patchTalk(talk.j2, { durationMinutes: 45 }); // ends 17:45; the ceremony José chairs starts 18:00 at Espace Cardin
    expect(codes(longer.warnings)).toEqual(['TRAVEL_TOO_SHORT']);
    const [conflict] = await now();
    expect(conflict).toMatchObject({ code: 'TRAVEL_TOO_SHORT', severity: 'error', personIds: [jose.id], talkIds: [talk.j2] });
    expect(conflict.sessionIds.sort()).toEqual([s.evening, s.ceremony].sort());
    expect(conflict.message.fr).not.toContain('undefined');
    expect(conflict.message.fr).toContain('de CNRS à Espace Cardin en 15 min');
    expect(conflict.message.en).toContain('takes 35');
    const shorter = await patchTalk(talk.j2, { durationMinutes: 20 }); // ends 17:20: 40 minutes to cross Paris
    expect(shorter.warnings).toEqual([]);
    expect(await now()).toEqual([]);
  });

  it('OUTSIDE_VENUE_HOURS fires for a session past its venue’s closing, and clears when it ends in time', async () => {
    const reception = await session('Cocktail', { roomId: c.cardin, kind: 'reception', startsAt: '2012-02-06T21:00', endsAt: '2012-02-06T23:30' });
    s.reception = reception.id;
    expect(codes(reception.warnings)).toEqual(['OUTSIDE_VENUE_HOURS']);
    const [conflict] = await now();
    expect(conflict).toMatchObject({ code: 'OUTSIDE_VENUE_HOURS', severity: 'warning', sessionIds: [s.reception], startsAt: '2012-02-06T21:00:00+01:00' });
    const fixed = await patchSession(s.reception, { endsAt: '2012-02-06T22:30' });
    expect(fixed.warnings).toEqual([]);
    expect(await now()).toEqual([]);
  });

  it('OVER_CAPACITY fires when the expected attendance exceeds the room, and clears when it fits', async () => {
    const crowded = await patchSession(s.workshop, { expectedAttendance: 60 });
    expect(codes(crowded.warnings)).toEqual(['OVER_CAPACITY']);
    const [conflict] = await now();
    expect(conflict).toMatchObject({ code: 'OVER_CAPACITY', severity: 'warning', sessionIds: [s.workshop] });
    expect(conflict.message.en).toMatch(/60.*40|40.*60/);
    // a change that introduces nothing new answers no warning, even with a conflict standing
    expect((await patchSession(s.workshop, { titleEn: 'Governance workshop' })).warnings).toEqual([]);
    await patchSession(s.workshop, { expectedAttendance: 35 });
    expect(await now()).toEqual([]);
  });

  it('TALK_NOT_CONFIRMED fires for a placed talk its speaker has not confirmed, and clears when they confirm', async () => {
    p.j3 = await acceptedProposal(t, c, jose, 'Pas encore confirmé', { confirm: false });
    const placed = await place(s.day2, p.j3);
    talk.j3 = placed.id;
    expect(codes(placed.warnings)).toEqual(['TALK_NOT_CONFIRMED']);
    const [conflict] = await now();
    expect(conflict).toMatchObject({ code: 'TALK_NOT_CONFIRMED', severity: 'warning', talkIds: [talk.j3], proposalIds: [p.j3], personIds: [jose.id] });
    expect(conflict.message.en).toContain('accepted');
    await t.http.post(`/api/submissions/${p.j3}/transitions`).set(bearer(jose.token)).send({ action: 'confirm' }).expect(200);
    expect(await now()).toEqual([]);
  });

  it('TALK_TENTATIVE fires for a proposal under review placed tentatively (an error), and gives way to TALK_NOT_CONFIRMED once accepted', async () => {
    const review = await acceptedProposal(t, c, jose, 'Encore à l’examen', { accept: false });
    const placed = await place(s.day2, review, { tentative: true });
    expect(codes(placed.warnings)).toEqual(['TALK_TENTATIVE']);
    const [conflict] = await now();
    expect(conflict).toMatchObject({ code: 'TALK_TENTATIVE', severity: 'error', talkIds: [placed.id], proposalIds: [review], personIds: [jose.id] });
    expect(conflict.message.en).toContain('tentatively');
    await t.http.post(`/api/submissions/${review}/transitions`).set(auth()).send({ action: 'accept' }).expect(200);
    expect((await now()).map((x) => x.code)).toEqual(['TALK_NOT_CONFIRMED']);
    await t.http.post(`/api/submissions/${review}/transitions`).set(bearer(jose.token)).send({ action: 'confirm' }).expect(200);
    expect(await now()).toEqual([]);
  });

  it('has seen every code of the engine fire', () => {
    expect([...fired].sort()).toEqual(Object.keys(DEFAULT_SEVERITIES).sort());
  });

  describe('severities, acknowledgements and what blocks publication', () => {
    const conflicts = () => t.booted.app.get(ProgrammeConflictsService);
    let key: string;

    beforeAll(async () => {
      await patchSession(s.workshop, { expectedAttendance: 60 }); // OVER_CAPACITY, a warning by default
      p.unplaced = await acceptedProposal(t, c, amina, 'Pas encore placée'); // PROPOSAL_NOT_PLACED
      key = (await now()).find((x) => x.code === 'OVER_CAPACITY')!.key;
    });

    it('shows each code’s default severity, sets them (PUT replaces the set), and the report follows', async () => {
      const defaults = await t.http.get(`/api/events/${c.vtnId}/programme/conflict-settings`).set(auth());
      expect(defaults.status).toBe(200);
      expect(defaults.body.items.find((i: { code: string }) => i.code === 'OVER_CAPACITY')).toEqual({ code: 'OVER_CAPACITY', severity: 'warning', defaultSeverity: 'warning', custom: false });
      expect(defaults.body.items.find((i: { code: string }) => i.code === 'TRAVEL_TOO_SHORT')).toMatchObject({ severity: 'error', custom: false });

      const put = await t.http.put(`/api/events/${c.vtnId}/programme/conflict-settings`).set(auth()).send({ OVER_CAPACITY: 'error', PROPOSAL_NOT_PLACED: 'ignore' });
      expect(put.status).toBe(200);
      expect(put.body.items.find((i: { code: string }) => i.code === 'OVER_CAPACITY')).toEqual({ code: 'OVER_CAPACITY', severity: 'error', defaultSeverity: 'warning', custom: true });
      const r = await report();
      expect(r.counts).toEqual({ error: 1, warning: 0, ignore: 1 });
      expect(r.blocking).toBe(1);
      expect((await report('?severity=ignore')).items.map((i) => [i.code, i.blocking])).toEqual([['PROPOSAL_NOT_PLACED', false]]);
      expect((await report('?code=OVER_CAPACITY')).items.map((i) => i.severity)).toEqual(['error']);
      const evaluation = await conflicts().evaluate(c.vtnId);
      expect(evaluation.conflicts.map((x) => x.code).sort()).toEqual(['OVER_CAPACITY', 'PROPOSAL_NOT_PLACED']);
      expect(evaluation.blocking.map((x) => x.code)).toEqual(['OVER_CAPACITY']);

      // an error cannot be acknowledged
      const ackError = await t.http.post(`/api/events/${c.vtnId}/programme/conflicts/acknowledgements`).set(auth()).send({ keys: [key] });
      expect(ackError.status).toBe(422);
      expectErrorBody(ackError.body, 422, 'CONFLICT_NOT_ACKNOWLEDGEABLE');

      // a change introducing an ignored conflict answers no warning about it
      p.ignored = await acceptedProposal(t, c, jose, 'Ignorée');
      const unplacedAgain = await t.http.delete(`/api/talks/${talk.j3}`).set(auth());
      expect(unplacedAgain.body.warnings).toEqual([]);
      await place(s.day2, p.j3);

      const reset = await t.http.put(`/api/events/${c.vtnId}/programme/conflict-settings`).set(auth()).send({});
      expect(reset.body.items.every((i: { custom: boolean }) => !i.custom)).toBe(true);
      expect((await report()).counts).toEqual({ error: 0, warning: 3, ignore: 0 });
      for (const bad of [{ OVER_CAPACITY: 'fatal' }, { UNKNOWN_CODE: 'error' }, { OVER_CAPACITY: 3 }, []]) {
        const res = await t.http.put(`/api/events/${c.vtnId}/programme/conflict-settings`).set(auth()).send(bad);
        expect(res.status).toBe(400);
        expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
      }
      for (const bad of ['?severity=fatal', '?code=NOPE']) expectErrorBody((await t.http.get(`/api/events/${c.vtnId}/programme/conflicts${bad}`).set(auth())).body, 400, 'VALIDATION_FAILED');
    });

    it('acknowledges warnings by key (no longer blocking), refuses unknown keys listing them, and withdraws an acknowledgement', async () => {
      const before = await conflicts().evaluate(c.vtnId);
      expect(before.blocking.map((x) => x.key)).toContain(key);
      const unknown = await t.http
        .post(`/api/events/${c.vtnId}/programme/conflicts/acknowledgements`)
        .set(auth())
        .send({ keys: [key, 'OVER_CAPACITY|nope', 'x'] });
      expect(unknown.status).toBe(422);
      expectErrorBody(unknown.body, 422, 'UNKNOWN_CONFLICT_KEYS');
      expect(unknown.body.details.unknownKeys).toEqual(['OVER_CAPACITY|nope', 'x']);
      expect((await programmeCounts(t)).programme_conflict_acknowledgements).toBe(0);

      const ack = await t.http.post(`/api/events/${c.vtnId}/programme/conflicts/acknowledgements`).set(auth()).send({ keys: [key, key] });
      expect(ack.status).toBe(200);
      expect(ack.body.items).toEqual([expect.objectContaining({ key, code: 'OVER_CAPACITY', acknowledged: true, blocking: false })]);
      const again = await t.http.post(`/api/events/${c.vtnId}/programme/conflicts/acknowledgements`).set(auth()).send({ keys: [key] });
      expect(again.status).toBe(200);
      const r = await report();
      expect(r.items.find((i) => i.key === key)).toMatchObject({ acknowledged: true, blocking: false });
      expect(r.blocking).toBe(r.items.length - 1);
      const after = await conflicts().evaluate(c.vtnId);
      expect(after.blocking.map((x) => x.key)).not.toContain(key);
      expect(after.conflicts.find((x) => x.key === key)).toMatchObject({ acknowledged: true, severity: 'warning' });

      // an acknowledged warning raised to error blocks again
      await t.http.put(`/api/events/${c.vtnId}/programme/conflict-settings`).set(auth()).send({ OVER_CAPACITY: 'error' }).expect(200);
      expect((await conflicts().evaluate(c.vtnId)).blocking.map((x) => x.key)).toContain(key);
      await t.http.put(`/api/events/${c.vtnId}/programme/conflict-settings`).set(auth()).send({}).expect(200);

      const withdraw = await t.http.delete(`/api/events/${c.vtnId}/programme/conflicts/acknowledgements`).query({ key }).set(auth());
      expect(withdraw.status).toBe(204);
      expect((await report()).items.find((i) => i.key === key)).toMatchObject({ acknowledged: false, blocking: true });
      const twice = await t.http.delete(`/api/events/${c.vtnId}/programme/conflicts/acknowledgements`).query({ key }).set(auth());
      expectErrorBody(twice.body, 404, 'NOT_FOUND');
      const noKey = await t.http.delete(`/api/events/${c.vtnId}/programme/conflicts/acknowledgements`).set(auth());
      expectErrorBody(noKey.body, 400, 'VALIDATION_FAILED');
      for (const bad of [{}, { keys: [] }, { keys: 'x' }, { keys: [1] }, { keys: ['x'.repeat(2001)] }]) {
        const res = await t.http.post(`/api/events/${c.vtnId}/programme/conflicts/acknowledgements`).set(auth()).send(bad);
        expect(res.status).toBe(400);
        expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
      }
    });

    it('answers 404 for an unknown event and 403 to speakers', async () => {
      const unknown = '6f1c2b1e-0000-4000-8000-000000000000';
      for (const path of ['programme/conflicts', 'programme/conflict-settings']) {
        expectErrorBody((await t.http.get(`/api/events/${unknown}/${path}`).set(auth())).body, 404, 'NOT_FOUND');
        expect((await t.http.get(`/api/events/${c.vtnId}/${path}`).set(bearer(helene.token))).status).toBe(403);
      }
      await expect(conflicts().evaluate(unknown)).rejects.toMatchObject({ status: 404 });
    });
  });
});
