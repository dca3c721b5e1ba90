import { randomBytes } from 'node:crypto';
import { stageAppearances } from '../../src/participants/programme-sync.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { badgeToken, receptionToken, setNow } from '../check-ins/check-ins-support.js';
import { confirmedProposal, createSession, placeTalk, signUp, type Person } from '../programme/publication-support.js';
import { bearer } from './participants-support.js';

describe('Where the people of a release are on stage (pure)', () => {
  const person = (id: string, name: string) => ({ id, name, firstName: null, lastName: null, affiliation: null });
  const talk = (localStart: string, speakers: ReturnType<typeof person>[], proposalState = 'confirmed') => ({ localStart, speakers, proposalState });

  it('puts a chair on the session’s day and a speaker on each talk’s day still given, once per person, day and session', () => {
    const helene = person('0B4A3C6E-1C1E-4C9E-9A57-2B4F6A1D0C11', 'Hélène Dupré');
    const lukasz = person('1b4a3c6e-1c1e-4c9e-9a57-2b4f6a1d0c12', 'Łukasz Wróbel');
    const appearances = stageAppearances({
      sessions: [
        {
          id: 's1',
          day: '2012-02-06',
          chairs: [person('guest:9', '  Éloïse de La TOUR '), person('not-an-id', 'Nobody')],
          talks: [talk('2012-02-06T09:00:00+01:00', [helene]), talk('2012-02-06T09:20:00+01:00', [helene]), talk('2012-02-06T09:40:00+01:00', [lukasz], 'withdrawn')],
        },
        // a session running past midnight: its second talk is on the next day
        { id: 's2', day: '2012-02-06', chairs: [helene], talks: [talk('2012-02-07T00:10:00+01:00', [helene])] },
      ],
    } as never);
    expect(appearances).toEqual([
      { userId: null, guestKey: 'eloise de la tour', day: '2012-02-06', sessionId: 's1' },
      { userId: '0b4a3c6e-1c1e-4c9e-9a57-2b4f6a1d0c11', guestKey: null, day: '2012-02-06', sessionId: 's1' },
      { userId: '0b4a3c6e-1c1e-4c9e-9a57-2b4f6a1d0c11', guestKey: null, day: '2012-02-06', sessionId: 's2' },
      { userId: '0b4a3c6e-1c1e-4c9e-9a57-2b4f6a1d0c11', guestKey: null, day: '2012-02-07', sessionId: 's2' },
    ]);
  });
});

/**
 * Speakers and chairs of the published programme are let in at the door: each is admitted to the
 * day part of the days they speak or chair on, outside the public capacity (a full day still admits
 * them, and nobody's seat or place in the queue changes); a release moving a talk to another day
 * admits its speaker there too (the first day's place is kept); organisers add more by hand. The
 * colloquium of 6–7 February 2012, its days full of public registrations, the desk standing on each
 * day with the test clock.
 */
describe('Speakers and chairs admitted at the door, outside the public capacity', () => {
  let t: TestApp;
  let organiser: string;
  let reception: string;
  let eventId: string;
  let typeId: string;
  let roomA: string;
  let day1: string;
  let day2: string;
  let helene: Person;
  let jeanNoel: Person;
  let lukasz: Person;
  let heleneTalk: string;
  let s2: string;
  /** Participant ids by name. */
  const ids: Record<string, string> = {};

  const api = () => t.http;
  const publish = async () => {
    const conflicts = await api().get(`/api/events/${eventId}/programme/conflicts`).set(bearer(organiser));
    const keys = (conflicts.body.items as Array<{ key: string; blocking: boolean; severity: string }>).filter((c) => c.blocking && c.severity === 'warning').map((c) => c.key);
    if (keys.length) await api().post(`/api/events/${eventId}/programme/conflicts/acknowledgements`).set(bearer(organiser)).send({ keys });
    const res = await api().post(`/api/events/${eventId}/programme/releases`).set(bearer(organiser)).send({});
    if (res.status !== 201) throw new Error(`publish: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const part = async (id: string) => {
    const res = await api().get(`/api/parts/${id}`).set(bearer(organiser));
    expect(res.status).toBe(200);
    return res.body as { admitted: number; programme: number; waiting: number; seatsLeft: number | null };
  };
  const places = async (partId: string) => {
    const res = await api().get(`/api/parts/${partId}/admissions?pageSize=100`).set(bearer(organiser));
    expect(res.status).toBe(200);
    return Object.fromEntries(
      (res.body.items as Array<{ firstName: string; status: string; quota: string; position: number | null }>).map((a) => [a.firstName, `${a.status}/${a.quota}${a.position ? `#${a.position}` : ''}`]),
    );
  };
  const participantId = async (email: string) => {
    const [row] = await t.booted.dataSource.query(`SELECT id FROM participants WHERE event_id = $1 AND email = $2`, [eventId, email.toLowerCase()]);
    return row.id as string;
  };
  const scan = async (person: Person, at: string) => {
    setNow(t, at);
    const token = await badgeToken(t, await participantId(person.email));
    return api().post('/api/check-ins').set(bearer(reception)).send({ token, eventId });
  };
  /** Every part's counter equals its admitted public places: the programme's never count. */
  const countersHold = async () => {
    const rows = await t.booted.dataSource.query(
      `SELECT e.code, e.admitted_count AS counter,
              (SELECT count(*)::int FROM part_admissions a WHERE a.part_id = e.id AND a.status = 'admitted' AND a.quota = 'public') AS public
       FROM event_parts e WHERE e.event_id = $1`,
      [eventId],
    );
    for (const r of rows as Array<{ code: string; counter: number; public: number }>) expect([r.code, r.counter]).toEqual([r.code, r.public]);
  };
  const publicParticipant = async (firstName: string, partIds: string[], email = `${firstName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}@example.org`) => {
    const res = await api().post(`/api/events/${eventId}/participants`).set(bearer(organiser)).send({ firstName, lastName: 'Public', email, categories: ['guest'], partIds });
    if (res.status !== 201) throw new Error(`participant: ${res.status} ${JSON.stringify(res.body)}`);
    ids[firstName] = res.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    reception = await receptionToken(t, 'Jeanne Martin', 'accueil@test.local');
    const venue = await api().post('/api/venues').set(bearer(organiser)).send({ name: 'Campus Michel-Ange du CNRS', streetAddress: '3 rue Michel-Ange', postcode: '75016', city: 'Paris' });
    const room = await api().post(`/api/venues/${venue.body.id}/rooms`).set(bearer(organiser)).send({ name: 'Amphithéâtre Marie Curie', capacity: 200 });
    roomA = room.body.id;
    const event = await api()
      .post('/api/events')
      .set(bearer(organiser))
      .send({ slug: `vtn${randomBytes(3).toString('hex')}`, nameFr: 'Villes et territoires numériques', startDate: '2012-02-06', endDate: '2012-02-07', venueIds: [venue.body.id] });
    expect(event.status).toBe(201);
    eventId = event.body.id;
    await api()
      .put(`/api/events/${eventId}/cfp`)
      .set(bearer(organiser))
      .send({ opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), languages: ['fr'] });
    typeId = (await api().post(`/api/events/${eventId}/submission-types`).set(bearer(organiser)).send({ code: 'communication', nameFr: 'Communication', defaultMinutes: 20 })).body.id;
    const stage = { eventId, typeId, trackId: (await api().post(`/api/events/${eventId}/tracks`).set(bearer(organiser)).send({ nameFr: 'Gouvernance' })).body.id, venueId: venue.body.id, roomA, roomB: roomA };

    const newPart = async (code: string, day: string, capacity: number, nameFr: string) => {
      const res = await api().post(`/api/events/${eventId}/parts`).set(bearer(organiser)).send({ code, nameFr, kind: 'day', admission: 'open', day, capacity, displayOrder: 0 });
      if (res.status !== 201) throw new Error(`part: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    day1 = await newPart('jour-1', '2012-02-06', 2, 'Lundi 6 février');
    day2 = await newPart('jour-2', '2012-02-07', 2, 'Mardi 7 février');

    helene = await signUp(t, 'Hélène', 'Dupré');
    jeanNoel = await signUp(t, 'Jean-Noël', 'L’Hôte', 'Villes Internet');
    lukasz = await signUp(t, 'Łukasz', 'Wróbel', 'Uniwersytet Wrocławski');

    // the public fills both days: Anne and Bruno hold Monday's two seats, Chloé waits; Łukasz (not yet on the programme) and Denis hold Tuesday's, Émile waits
    await publicParticipant('Anne', [day1]);
    await publicParticipant('Bruno', [day1]);
    await publicParticipant('Chloé', [day1]);
    await publicParticipant('Łukasz', [day2], lukasz.email);
    await publicParticipant('Denis', [day2]);
    await publicParticipant('Émile', [day2]);

    const s1 = await createSession(t, organiser, stage, { roomId: roomA, titleFr: 'Séance d’ouverture', startsAt: '2012-02-06T09:00', endsAt: '2012-02-06T10:30', chairs: [{ userId: jeanNoel.id }] });
    s2 = await createSession(t, organiser, stage, { roomId: roomA, titleFr: 'Gouverner les réseaux', startsAt: '2012-02-07T09:00', endsAt: '2012-02-07T10:30' });
    heleneTalk = await placeTalk(t, organiser, s1, await confirmedProposal(t, organiser, stage, helene, { titleFr: 'La ville numérique en question', abstractFr: 'Résumé.' }));
    await placeTalk(t, organiser, s1, await confirmedProposal(t, organiser, stage, lukasz, { titleFr: 'Réseaux urbains', abstractFr: 'Résumé.' }));
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('before publication, Monday is full: two public seats given, Chloé waiting', async () => {
    expect(await places(day1)).toEqual({ Anne: 'admitted/public', Bruno: 'admitted/public', Chloé: 'waiting/public#1' });
    expect(await part(day1)).toMatchObject({ admitted: 2, programme: 0, waiting: 1, seatsLeft: 0 });
  });

  it('admits the speakers and the chair of a published programme to the day they speak or chair on, outside the full day’s capacity', async () => {
    await publish();
    expect(await places(day1)).toEqual({
      Anne: 'admitted/public',
      Bruno: 'admitted/public',
      Chloé: 'waiting/public#1',
      Hélène: 'admitted/programme',
      'Jean-Noël': 'admitted/programme',
      Łukasz: 'admitted/programme',
    });
    // the public's seats and queue are as they were
    expect(await part(day1)).toMatchObject({ admitted: 2, programme: 3, waiting: 1, seatsLeft: 0 });
    // a day they do not speak on gives them nothing (Łukasz keeps the public seat he registered for)
    expect(await places(day2)).toEqual({ Łukasz: 'admitted/public', Denis: 'admitted/public', Émile: 'waiting/public#1' });
    await countersHold();
    // published again unchanged: nothing moves
    await publish();
    expect(await part(day1)).toMatchObject({ admitted: 2, programme: 3, waiting: 1 });
  });

  it('lets the speaker and the chair in on Monday 6 February 2012, not on Tuesday', async () => {
    const speaker = await scan(helene, '2012-02-06T08:30:00Z');
    expect(speaker.status).toBe(201);
    expect(speaker.body).toMatchObject({ status: 'checked-in', participant: { firstName: 'Hélène', primaryCategory: 'speaker' }, part: { code: 'jour-1' }, day: '2012-02-06' });
    const chair = await scan(jeanNoel, '2012-02-06T08:31:00Z');
    expect(chair.status).toBe(201);
    expect(chair.body).toMatchObject({ participant: { primaryCategory: 'chair' }, part: { code: 'jour-1' } });

    const tuesday = await scan(helene, '2012-02-07T08:30:00Z');
    expectErrorBody(tuesday.body, 403, 'NOT_ADMITTED');
    expect(tuesday.body.details).toMatchObject({ reason: 'not-registered', part: { code: 'jour-2' } });
    expectErrorBody((await scan(jeanNoel, '2012-02-07T08:31:00Z')).body, 403, 'NOT_ADMITTED');

    // the desk shows the place as the programme's
    const desk = await api().get(`/api/events/${eventId}/desk/participants?q=dupre`).set(bearer(reception));
    expect(desk.body.items[0].parts).toMatchObject([{ code: 'jour-1', status: 'admitted', quota: 'programme' }]);
  });

  it('lets an organiser admit a speaker to another part outside its capacity; the public seat they held goes to the head of the queue', async () => {
    const res = await api().post(`/api/parts/${day2}/admissions`).set(bearer(organiser)).send({ participantId: await participantId(lukasz.email), quota: 'programme' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ firstName: 'Łukasz', status: 'admitted', quota: 'programme' });
    expect(await places(day2)).toEqual({ Łukasz: 'admitted/programme', Denis: 'admitted/public', Émile: 'admitted/public' });
    expect(await part(day2)).toMatchObject({ admitted: 2, programme: 1, waiting: 0, seatsLeft: 0 });
    const [mail] = await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE template = 'admission-granted' AND to_address = 'emile@example.org'`);
    expect(mail.n).toBe(1);
    await countersHold();
    const scanned = await scan(lukasz, '2012-02-07T08:40:00Z');
    expect(scanned.status).toBe(201);
  });

  it('admits outside the capacity only people of the programme; anyone else stays within it (422, nothing written)', async () => {
    const before = await places(day2);
    const refused = await api().post(`/api/parts/${day2}/admissions`).set(bearer(organiser)).send({ participantId: ids.Anne, quota: 'programme' });
    expectErrorBody(refused.body, 422, 'NOT_ON_PROGRAMME');
    const bad = await api().post(`/api/parts/${day2}/admissions`).set(bearer(organiser)).send({ participantId: ids.Anne, quota: 'vip' });
    expect(bad.status).toBe(400);
    // the public quota as before: Tuesday is full, so Anne waits
    const within = await api().post(`/api/parts/${day2}/admissions`).set(bearer(organiser)).send({ participantId: ids.Anne });
    expect(within.body).toMatchObject({ status: 'waiting', quota: 'public', position: 1 });
    expect(await places(day2)).toEqual({ ...before, Anne: 'waiting/public#1' });
    // PostgreSQL refuses a programme place that waits (it would stand in the public's queue)
    await expect(
      t.booted.dataSource.query(`UPDATE part_admissions SET quota = 'programme' WHERE part_id = $1 AND participant_id = $2`, [day2, ids.Anne]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'CHK_part_admissions_quota' });
  });

  it('follows the programme: a release moving the talk to Tuesday admits the speaker there too, outside the full day’s capacity, and keeps Monday’s place', async () => {
    const moved = await api().patch(`/api/talks/${heleneTalk}`).set(bearer(organiser)).send({ sessionId: s2 });
    expect(moved.status).toBe(200);
    expectErrorBody((await scan(helene, '2012-02-07T09:00:00Z')).body, 403, 'NOT_ADMITTED'); // the draft changes nothing
    await publish();
    expect(await places(day2)).toEqual({ Łukasz: 'admitted/programme', Denis: 'admitted/public', Émile: 'admitted/public', Anne: 'waiting/public#1', Hélène: 'admitted/programme' });
    expect(await part(day2)).toMatchObject({ admitted: 2, programme: 2, waiting: 1, seatsLeft: 0 });
    const tuesday = await scan(helene, '2012-02-07T09:01:00Z');
    expect(tuesday.status).toBe(201);
    expect(tuesday.body).toMatchObject({ status: 'checked-in', part: { code: 'jour-2' }, day: '2012-02-07' });
    expect((await places(day1)).Hélène).toBe('admitted/programme');
    await countersHold();
  });

  it('keeps the counters true when speakers are admitted outside the capacity while the public asks for the same seats at once', async () => {
    // the dinner: three seats; Hélène and Jean-Noël hold two of them as the public, eight others ask at once while the three speakers are admitted outside the capacity
    const res = await api().post(`/api/events/${eventId}/parts`).set(bearer(organiser)).send({ code: 'diner', nameFr: 'Dîner', kind: 'dinner', admission: 'open', capacity: 3, displayOrder: 5 });
    const dinner = res.body.id as string;
    const speakers = [await participantId(helene.email), await participantId(jeanNoel.email), await participantId(lukasz.email)];
    for (const id of speakers.slice(0, 2)) expect((await api().post(`/api/parts/${dinner}/admissions`).set(bearer(organiser)).send({ participantId: id })).body.quota).toBe('public');
    const guests: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const created = await api().post(`/api/events/${eventId}/participants`).set(bearer(organiser)).send({ firstName: `Convive${i}`, lastName: 'Public', email: `convive${i}@example.org` });
      guests.push(created.body.id as string);
    }
    const answers = await Promise.all([
      ...guests.map((participantId) => api().post(`/api/parts/${dinner}/admissions`).set(bearer(organiser)).send({ participantId })),
      ...speakers.map((participantId) => api().post(`/api/parts/${dinner}/admissions`).set(bearer(organiser)).send({ participantId, quota: 'programme' })),
    ]);
    expect(answers.map((a) => a.status)).toEqual(Array(11).fill(200));
    const now = await places(dinner);
    expect([now.Hélène, now['Jean-Noël'], now.Łukasz]).toEqual(['admitted/programme', 'admitted/programme', 'admitted/programme']);
    const guestPlaces = Object.entries(now).filter(([name]) => name.startsWith('Convive')).map(([, place]) => place);
    expect(guestPlaces.filter((p) => p === 'admitted/public')).toHaveLength(3);
    expect(guestPlaces.filter((p) => p.startsWith('waiting/public#')).sort()).toEqual(['waiting/public#1', 'waiting/public#2', 'waiting/public#3', 'waiting/public#4', 'waiting/public#5']);
    expect(await part(dinner)).toMatchObject({ admitted: 3, programme: 3, waiting: 5, seatsLeft: 0 });
    await countersHold();
  });

  it('frees no public seat when an organiser cancels a programme place', async () => {
    const res = await api().delete(`/api/parts/${day1}/admissions/${await participantId(helene.email)}`).set(bearer(organiser));
    expect(res.status).toBe(204);
    expect(await part(day1)).toMatchObject({ admitted: 2, programme: 2, waiting: 1 });
    expect((await places(day1)).Chloé).toBe('waiting/public#1');
    await countersHold();
  });
});
