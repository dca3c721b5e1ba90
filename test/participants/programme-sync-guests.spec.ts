import { guestKey, programmeGuests, splitGuestName } from '../../src/participants/programme-sync.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { confirmedProposal, createSession, placeTalk, setUpStage, signUp, type Stage } from '../programme/publication-support.js';
import { bearer, createPart } from './participants-support.js';

describe('Guest chairs: names and keys (pure)', () => {
  it('matches a guest whatever the case, accents and spaces', () => {
    expect(guestKey('  Éloïse   de La TOUR-Dupré ')).toBe('eloise de la tour-dupre');
    expect(guestKey('Eloise de la Tour-Dupre')).toBe(guestKey('ÉLOÏSE DE LA TOUR-DUPRÉ'));
    expect(guestKey('Jean Dupont')).not.toBe(guestKey('Jeanne Dupont'));
  });

  it('guesses first and last names from the name as typed', () => {
    expect(splitGuestName('Éloïse de La Tour-Dupré')).toEqual({ firstName: 'Éloïse', lastName: 'de La Tour-Dupré' });
    expect(splitGuestName('Jean-Noël L’Hôte')).toEqual({ firstName: 'Jean-Noël', lastName: 'L’Hôte' });
    expect(splitGuestName('Anne Marie DUPONT')).toEqual({ firstName: 'Anne Marie', lastName: 'DUPONT' });
    expect(splitGuestName('Ludwig van Beethoven')).toEqual({ firstName: 'Ludwig', lastName: 'van Beethoven' });
    expect(splitGuestName('Madonna')).toEqual({ firstName: '', lastName: 'Madonna' });
    expect(splitGuestName('Γιώργος Παπαδόπουλος')).toEqual({ firstName: 'Γιώργος', lastName: 'Παπαδόπουλος' });
  });

  it('makes one guest of the same name on several sessions, named as the first session typed it', () => {
    const person = (id: string, name: string, affiliation: string | null) => ({ id, name, firstName: null, lastName: null, affiliation });
    const guests = programmeGuests({
      sessions: [
        { chairs: [person('guest:1', 'Éloïse de La Tour-Dupré', null), person('0b4a3c6e-1c1e-4c9e-9a57-2b4f6a1d0c11', 'Jean Dupont', 'CNRS')] },
        { chairs: [person('guest:2', 'eloise  de la tour-dupre', 'Villes Internet')] },
      ],
    } as never);
    expect(guests).toEqual([
      { guestKey: 'eloise de la tour-dupre', guestName: 'Éloïse de La Tour-Dupré', firstName: 'Éloïse', lastName: 'de La Tour-Dupré', affiliation: 'Villes Internet' },
    ]);
  });
});

/**
 * A guest chair (a name typed on sessions, no account) of the published programme becomes one
 * participant without an email, « chair » on the badge; it loses « chair » when a later release no
 * longer names it; the lists and exports cope with the missing email; an organiser adds one.
 */
describe('Guest chairs of the published programme become participants', () => {
  let t: TestApp;
  let organiser: string;
  let stage: Stage;
  let s1: string;
  let s2: string;

  type Item = { id: string; email: string | null; guestName: string | null; firstName: string; lastName: string; affiliation: string | null; programmeRoles: string[]; primaryCategory: string | null; source: string };
  const publish = async () => {
    const conflicts = await t.http.get(`/api/events/${stage.eventId}/programme/conflicts`).set(bearer(organiser));
    const keys = (conflicts.body.items as Array<{ key: string; blocking: boolean; severity: string }>).filter((c) => c.blocking && c.severity === 'warning').map((c) => c.key);
    if (keys.length) await t.http.post(`/api/events/${stage.eventId}/programme/conflicts/acknowledgements`).set(bearer(organiser)).send({ keys });
    const res = await t.http.post(`/api/events/${stage.eventId}/programme/releases`).set(bearer(organiser)).send({});
    if (res.status !== 201) throw new Error(`publish: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const participants = async (query = '') => {
    const res = await t.http.get(`/api/events/${stage.eventId}/participants?pageSize=100&sort=created${query}`).set(bearer(organiser));
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  };
  const guests = async () => (await participants()).filter((p) => p.guestName !== null);
  const sync = async () => {
    const res = await t.http.post(`/api/events/${stage.eventId}/participants/sync-programme`).set(bearer(organiser));
    expect(res.status).toBe(200);
    return res.body as { version: number | null; created: number; updated: number };
  };

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    stage = await setUpStage(t, organiser);
    const helene = await signUp(t, 'Hélène', 'Dupré', 'Université Toulouse Le Mirail');
    const proposal = await confirmedProposal(t, organiser, stage, helene, { titleFr: 'La ville numérique en question', abstractFr: 'Résumé.' });
    s1 = await createSession(t, organiser, stage, {
      roomId: stage.roomA,
      titleFr: 'Séance d’ouverture',
      startsAt: '2030-02-06T09:00',
      endsAt: '2030-02-06T10:30',
      chairs: [{ guestName: 'Éloïse de La Tour-Dupré', guestAffiliation: 'Mairie d’Issy-les-Moulineaux' }],
    });
    await placeTalk(t, organiser, s1, proposal);
    s2 = await createSession(t, organiser, stage, {
      roomId: stage.roomB,
      titleFr: 'Table ronde',
      startsAt: '2030-02-07T14:00',
      endsAt: '2030-02-07T15:30',
      chairs: [{ guestName: 'ELOÏSE DE LA  TOUR-DUPRE' }],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('makes the guest named on two sessions one participant, « chair », without an email, names as typed', async () => {
    await publish();
    const list = await guests();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      email: null,
      guestName: 'Éloïse de La Tour-Dupré',
      firstName: 'Éloïse',
      lastName: 'de La Tour-Dupré',
      affiliation: 'Mairie d’Issy-les-Moulineaux',
      programmeRoles: ['chair'],
      primaryCategory: 'chair',
      source: 'programme',
    });
    expect(await participants()).toHaveLength(2); // and the speaker
    expect(await sync()).toEqual({ version: 1, created: 0, updated: 0 });
    expect(await guests()).toHaveLength(1);
  });

  it('finds, exports and shows the guest without an email', async () => {
    const [guest] = await guests();
    expect((await participants('&q=eloise%20de%20la%20tour')).map((p) => p.id)).toEqual([guest.id]);
    expect((await participants('&q=ELOÏSE')).map((p) => p.id)).toEqual([guest.id]);
    expect((await participants('&category=chair')).map((p) => p.id)).toEqual([guest.id]);
    expect(await participants('&q=example.org')).not.toContainEqual(expect.objectContaining({ id: guest.id }));

    const detail = await t.http.get(`/api/participants/${guest.id}`).set(bearer(organiser));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ email: null, userId: null, guestName: 'Éloïse de La Tour-Dupré' });

    const csv = await t.http.get(`/api/events/${stage.eventId}/participants.csv`).set(bearer(organiser));
    expect(csv.status).toBe(200);
    const line = csv.text.split('\r\n').find((l) => l.includes('Éloïse'))!;
    expect(line.startsWith('de La Tour-Dupré,Éloïse,,Mairie d’Issy-les-Moulineaux,')).toBe(true);
    expect(line).toContain(',chair,');

    const json = await t.http.get(`/api/events/${stage.eventId}/participants.json?category=chair`).set(bearer(organiser));
    expect(json.status).toBe(200);
    expect(json.body).toEqual([expect.objectContaining({ id: guest.id, email: null, programmeRoles: ['chair'] })]);

    // the public list never shows someone who did not consent
    await t.http.put(`/api/events/${stage.eventId}/participant-settings`).set(bearer(organiser)).send({ publicList: true });
    const pub = await t.http.get(`/api/events/${stage.eventId}/participants/public`);
    expect(pub.status).toBe(200);
    expect(pub.body.items).toEqual([]);

    const docs = await t.http.get('/docs-json');
    const summary = docs.body.components.schemas.ParticipantSummaryResponse.properties;
    expect(summary.email.nullable).toBe(true);
  });

  it('gives a guest without an email a seat (mailing nobody), keeps the email an organiser adds, and a re-sync duplicates nothing', async () => {
    const [guest] = await guests();
    const dinner = await createPart(t, stage.eventId, 'diner', 1);
    const mails = async () => (await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE template = 'admission-granted'`))[0].n as number;
    // the only seat is taken: the guest waits, and is admitted when it is freed, without any mail (there is no address)
    const occupant = await t.http
      .post(`/api/events/${stage.eventId}/participants`)
      .set(bearer(organiser))
      .send({ email: 'occupant@example.org', firstName: 'Odile', lastName: 'Occupant', partIds: [dinner] });
    expect(occupant.status).toBe(201);
    const waiting = await t.http.patch(`/api/participants/${guest.id}`).set(bearer(organiser)).send({ partIds: [dinner] });
    expect(waiting.status).toBe(200);
    expect(waiting.body.admissions).toEqual([expect.objectContaining({ partId: dinner, status: 'waiting' })]);
    const mailsBefore = await mails();
    const cancelled = await t.http.post(`/api/participants/${occupant.body.id}/cancel`).set(bearer(organiser));
    expect(cancelled.status).toBe(200);
    const promoted = await t.http.get(`/api/participants/${guest.id}`).set(bearer(organiser));
    expect(promoted.body.admissions).toEqual([expect.objectContaining({ partId: dinner, status: 'admitted' })]);
    expect(await mails()).toBe(mailsBefore);
    const [part] = await t.booted.dataSource.query(`SELECT admitted_count FROM event_parts WHERE id = $1`, [dinner]);
    expect(part.admitted_count).toBe(1);
    // an organiser admits a guest without an email to another part too
    const lunch = await createPart(t, stage.eventId, 'dejeuner', 10);
    const admit = await t.http.post(`/api/parts/${lunch}/admissions`).set(bearer(organiser)).send({ participantId: guest.id });
    expect(admit.status).toBe(200);
    expect(admit.body).toMatchObject({ participantId: guest.id, email: null, status: 'admitted' });
    expect(await mails()).toBe(mailsBefore);
    // back to the dinner only (the lunch seat released), before an email is added
    expect((await t.http.patch(`/api/participants/${guest.id}`).set(bearer(organiser)).send({ partIds: [dinner] })).status).toBe(200);

    const removed = await t.http.patch(`/api/participants/${guest.id}`).set(bearer(organiser)).send({ email: null });
    expect(removed.status).toBe(400);

    const patched = await t.http.patch(`/api/participants/${guest.id}`).set(bearer(organiser)).send({ email: 'Eloise.Delatour@Example.org' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ email: 'eloise.delatour@example.org', programmeRoles: ['chair'] });
    const seated = await t.http.patch(`/api/participants/${guest.id}`).set(bearer(organiser)).send({ partIds: [dinner] });
    expect(seated.status).toBe(200);

    expect(await sync()).toEqual({ version: 1, created: 0, updated: 0 });
    await publish(); // version 2, the same guests
    const list = await participants();
    expect(list.filter((p) => p.source === 'programme')).toHaveLength(2); // and the occupant of the dinner
    expect(list.find((p) => p.id === guest.id)).toMatchObject({ email: 'eloise.delatour@example.org', programmeRoles: ['chair'], firstName: 'Éloïse' });

    // the email is now the participant's, as anyone else's: another participant cannot take it
    const taken = await t.http
      .post(`/api/events/${stage.eventId}/participants`)
      .set(bearer(organiser))
      .send({ email: 'ELOISE.DELATOUR@example.org', firstName: 'Autre', lastName: 'Personne' });
    expect(taken.status).toBe(409);
  });

  it('takes « chair » away when no session names the guest any more', async () => {
    for (const id of [s1, s2]) {
      const res = await t.http.patch(`/api/sessions/${id}`).set(bearer(organiser)).send({ chairs: [] });
      expect(res.status).toBe(200);
    }
    await publish();
    const list = await participants();
    expect(list.filter((p) => p.source === 'programme')).toHaveLength(2); // and the occupant of the dinner
    const guest = list.find((p) => p.guestName !== null)!;
    expect(guest).toMatchObject({ programmeRoles: [], primaryCategory: null, email: 'eloise.delatour@example.org', source: 'programme' });
    expect(await sync()).toEqual({ version: 3, created: 0, updated: 0 });
  });

  it('gives a guest without an email « chair » back when named again, still one participant', async () => {
    const res = await t.http.patch(`/api/sessions/${s2}`).set(bearer(organiser)).send({ chairs: [{ guestName: 'Γιώργος Παπαδόπουλος' }, { guestName: 'eloise de la tour-dupré' }] });
    expect(res.status).toBe(200);
    await publish();
    const list = await guests();
    expect(list).toHaveLength(2);
    expect(list.find((p) => p.firstName === 'Éloïse')).toMatchObject({ programmeRoles: ['chair'] });
    expect(list.find((p) => p.firstName === 'Γιώργος')).toMatchObject({ email: null, lastName: 'Παπαδόπουλος', programmeRoles: ['chair'] });
  });
});

/**
 * An export holding a guest chair without an email imports back in the default all-or-nothing
 * mode: the row is recognised as that guest by name (never created again, never rejected), its
 * needs and consents can be filled in from the spreadsheet; a row without an email naming nobody
 * of the programme is still a bad row.
 */
describe('Guest chairs through the CSV export and import', () => {
  let t: TestApp;
  let organiser: string;
  let stage: Stage;

  const importCsv = (text: string, query = '') =>
    t.http
      .post(`/api/events/${stage.eventId}/participants/import${query}`)
      .set(bearer(organiser))
      .attach('file', Buffer.from(text, 'utf8'), { filename: 'participants.csv', contentType: 'text/csv' });
  const exportCsv = async () => {
    const res = await t.http.get(`/api/events/${stage.eventId}/participants.csv`).set(bearer(organiser));
    expect(res.status).toBe(200);
    return res.text;
  };
  const counts = async () =>
    (await t.booted.dataSource.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE email IS NULL)::int AS guests FROM participants WHERE event_id = $1`, [stage.eventId]))[0];

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    stage = await setUpStage(t, organiser);
    const helene = await signUp(t, 'Hélène', 'Dupré', 'Université Toulouse Le Mirail');
    const proposal = await confirmedProposal(t, organiser, stage, helene, { titleFr: 'La ville numérique en question', abstractFr: 'Résumé.' });
    const session = await createSession(t, organiser, stage, {
      roomId: stage.roomA,
      titleFr: 'Séance d’ouverture',
      startsAt: '2030-02-06T09:00',
      endsAt: '2030-02-06T10:30',
      chairs: [{ guestName: 'Éloïse de La Tour-Dupré', guestAffiliation: 'Mairie d’Issy-les-Moulineaux' }, { guestName: 'Γιώργος Παπαδόπουλος' }],
    });
    await placeTalk(t, organiser, session, proposal);
    const released = await t.http.post(`/api/events/${stage.eventId}/programme/releases`).set(bearer(organiser)).send({});
    expect(released.status).toBe(201);
    const registered = await t.http
      .post(`/api/events/${stage.eventId}/participants`)
      .set(bearer(organiser))
      .send({ email: 'zoe.lefevre@example.org', firstName: 'Zoë', lastName: 'Lefèvre', categories: ['press'] });
    expect(registered.status).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('re-imports its own export, guests without an email included, all or nothing, changing nothing', async () => {
    const csv = await exportCsv();
    expect(csv.split('\r\n').filter((l) => /^[^,]*,[^,]*,,/.test(l))).toHaveLength(2); // the two guests: Courriel empty
    expect(await counts()).toEqual({ n: 4, guests: 2 });
    const back = await importCsv(csv);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ mode: 'all-or-nothing', rows: 4, created: 0, updated: 0, unchanged: 4, rejected: 0 });
    expect(await counts()).toEqual({ n: 4, guests: 2 });
    expect(await exportCsv()).toBe(csv);
  });

  it('fills in a guest’s needs from the spreadsheet, found by name; a row without an email naming nobody is bad', async () => {
    const csv = await exportCsv();
    const lines = csv.split('\r\n');
    const header = lines[0].replace(/^\uFEFF/, '').split(',');
    const diet = header.indexOf('Régime alimentaire');
    const photo = header.indexOf('Photo');
    const edited = lines.filter(Boolean).map((line) => {
      if (!line.startsWith('Παπαδόπουλος,')) return line;
      const cells = line.split(',');
      cells[diet] = 'végétarien';
      cells[photo] = 'oui';
      return cells.join(',');
    });
    const changed = await importCsv(`${edited.join('\r\n')}\r\n`);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ rows: 4, created: 0, updated: 1, unchanged: 3, rejected: 0 });
    const [guest] = await t.booted.dataSource.query(
      `SELECT email, dietary_needs, consent_photo, programme_roles, source FROM participants WHERE event_id = $1 AND guest_name = 'Γιώργος Παπαδόπουλος'`,
      [stage.eventId],
    );
    expect(guest).toEqual({ email: null, dietary_needs: 'végétarien', consent_photo: true, programme_roles: ['chair'], source: 'programme' });

    // a stranger without an email, and the same guest twice: two bad rows, nothing written in the default mode
    const before = await counts();
    const guestLine = edited.find((l) => l.startsWith('Παπαδόπουλος,'))!;
    const bad = await importCsv([...edited, 'Inconnu,Jean,,CNRS', guestLine.replace('végétarien', 'sans gluten')].join('\r\n'));
    expect(bad.status).toBe(422);
    expect(bad.body.error).toBe('IMPORT_ROWS_INVALID');
    expect(bad.body.details.rejectedRows).toEqual([
      { line: 6, email: null, errors: [{ column: 'Courriel', message: expect.stringMatching(/guest chair of the published programme/) }] },
      { line: 7, email: null, errors: [{ column: 'Courriel', message: expect.stringMatching(/the same programme guest as line \d/) }] },
    ]);
    expect(await counts()).toEqual(before);
    const [still] = await t.booted.dataSource.query(`SELECT dietary_needs FROM participants WHERE guest_name = 'Γιώργος Παπαδόπουλος'`);
    expect(still.dietary_needs).toBe('végétarien');
  });
});
