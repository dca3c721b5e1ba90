import { jest } from '@jest/globals';
import { ProgrammeSyncService } from '../../src/participants/programme-sync.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { confirmedProposal, createSession, placeTalk, setUpStage, signUp, type Person, type Stage } from '../programme/publication-support.js';
import { bearer } from './participants-support.js';

/**
 * The published programme makes its speakers and chairs participants: published with a talk, the
 * speaker is a participant whose badge says speaker; the talk removed and the programme published
 * again, the badge no longer says speaker and what organisers set is untouched.
 */
describe('Participants from the published programme', () => {
  let t: TestApp;
  let organiser: string;
  let stage: Stage;
  let helene: Person;
  let lukasz: Person;
  let chair: Person;
  let talkId: string;
  let lukaszProposal: string;

  const publish = async () => {
    // a talk taken out leaves its proposal unplaced, a warning the organisers acknowledge before publishing
    const conflicts = await t.http.get(`/api/events/${stage.eventId}/programme/conflicts`).set(bearer(organiser));
    const keys = (conflicts.body.items as Array<{ key: string; blocking: boolean; severity: string }>).filter((c) => c.blocking && c.severity === 'warning').map((c) => c.key);
    if (keys.length) await t.http.post(`/api/events/${stage.eventId}/programme/conflicts/acknowledgements`).set(bearer(organiser)).send({ keys });
    const res = await t.http.post(`/api/events/${stage.eventId}/programme/releases`).set(bearer(organiser)).send({});
    if (res.status !== 201) throw new Error(`publish: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const participants = async () => {
    const res = await t.http.get(`/api/events/${stage.eventId}/participants?pageSize=100&sort=created`).set(bearer(organiser));
    expect(res.status).toBe(200);
    return res.body.items as Array<{ id: string; email: string; firstName: string; lastName: string; affiliation: string | null; categories: string[]; programmeRoles: string[]; primaryCategory: string | null; source: string }>;
  };
  const byEmail = async (email: string) => (await participants()).find((p) => p.email === email.toLowerCase());
  /** The table itself, read without any route of the participants (which could sync on their own). */
  const stored = async () =>
    (await t.booted.dataSource.query(`SELECT email, programme_roles, source FROM participants WHERE event_id = $1 ORDER BY email`, [stage.eventId])) as Array<{
      email: string;
      programme_roles: string[];
      source: string;
    }>;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    stage = await setUpStage(t, organiser);
    helene = await signUp(t, 'Hélène', 'Dupré', 'Université Toulouse Le Mirail');
    lukasz = await signUp(t, 'Łukasz', 'Wróbel', 'Uniwersytet Wrocławski');
    chair = await signUp(t, 'Jean-Noël', 'L’Hôte', 'Villes Internet');
    const p1 = await confirmedProposal(t, organiser, stage, helene, { titleFr: 'La ville numérique en question', abstractFr: 'Résumé.' });
    const p2 = await confirmedProposal(t, organiser, stage, lukasz, { titleFr: 'Gouverner les réseaux urbains', abstractFr: 'Résumé.' });
    lukaszProposal = p2;
    const s1 = await createSession(t, organiser, stage, {
      roomId: stage.roomA,
      titleFr: 'Séance d’ouverture',
      startsAt: '2030-02-06T09:00',
      endsAt: '2030-02-06T10:30',
      chairs: [{ userId: chair.id }],
    });
    talkId = await placeTalk(t, organiser, s1, p1);
    await placeTalk(t, organiser, s1, p2);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has no participants from the programme before it is published', async () => {
    expect(await participants()).toEqual([]);
    const sync = await t.http.post(`/api/events/${stage.eventId}/participants/sync-programme`).set(bearer(organiser));
    expect(sync.status).toBe(200);
    expect(sync.body).toEqual({ version: null, created: 0, updated: 0 });
  });

  it('makes the speakers and the chair of a published programme participants, as typed in their profiles', async () => {
    // Łukasz had registered already, under his account's email in capitals: he is linked, not duplicated
    const registered = await t.http
      .post(`/api/events/${stage.eventId}/participants`)
      .set(bearer(organiser))
      .send({ email: lukasz.email.toUpperCase(), firstName: 'Lukasz', lastName: 'Wrobel', categories: ['press'] });
    expect(registered.status).toBe(201);
    await publish();
    // the publication itself made them participants: no sync call, no list read in between
    expect(await stored()).toEqual(
      [
        { email: helene.email.toLowerCase(), programme_roles: ['speaker'], source: 'programme' },
        { email: lukasz.email.toLowerCase(), programme_roles: ['speaker'], source: 'organiser' },
        { email: chair.email.toLowerCase(), programme_roles: ['chair'], source: 'programme' },
      ].sort((a, b) => (a.email < b.email ? -1 : 1)),
    );
    const list = await participants();
    expect(list).toHaveLength(3);
    const h = await byEmail(helene.email);
    expect(h).toMatchObject({ firstName: 'Hélène', lastName: 'Dupré', affiliation: 'Université Toulouse Le Mirail', programmeRoles: ['speaker'], categories: [], primaryCategory: 'speaker', source: 'programme' });
    const l = await byEmail(lukasz.email);
    expect(l).toMatchObject({ id: registered.body.id, firstName: 'Lukasz', programmeRoles: ['speaker'], categories: ['press'], primaryCategory: 'speaker', source: 'organiser' });
    const c = await byEmail(chair.email);
    expect(c).toMatchObject({ firstName: 'Jean-Noël', lastName: 'L’Hôte', programmeRoles: ['chair'], primaryCategory: 'chair' });
    const detail = await t.http.get(`/api/participants/${h!.id}`).set(bearer(organiser));
    expect(detail.body.userId).toBe(helene.id);
  });

  it('changes nothing when synced again', async () => {
    const before = await participants();
    const sync = await t.http.post(`/api/events/${stage.eventId}/participants/sync-programme`).set(bearer(organiser));
    expect(sync.status).toBe(200);
    expect(sync.body).toEqual({ version: 1, created: 0, updated: 0 });
    expect(await participants()).toEqual(before);
  });

  it('takes « speaker » off the badge when the talk is removed and the programme published again', async () => {
    const removed = await t.http.delete(`/api/talks/${talkId}`).set(bearer(organiser));
    expect(removed.status).toBe(200);
    // the draft changes nothing until it is published
    expect((await byEmail(helene.email))!.programmeRoles).toEqual(['speaker']);
    await publish();
    // taken off by the publication, before anything reads the participants
    expect((await stored()).find((p) => p.email === helene.email.toLowerCase())).toMatchObject({ programme_roles: [] });
    const h = await byEmail(helene.email);
    expect(h).toMatchObject({ programmeRoles: [], categories: [], primaryCategory: null, firstName: 'Hélène' });
    const l = await byEmail(lukasz.email);
    expect(l).toMatchObject({ programmeRoles: ['speaker'], categories: ['press'], primaryCategory: 'speaker' });
    const csv = await t.http.get(`/api/events/${stage.eventId}/participants.csv`).set(bearer(organiser));
    const heleneLine = csv.text.split('\r\n').find((line) => line.includes('Hélène'))!;
    expect(heleneLine).not.toMatch(/Intervenant|speaker/);
  });

  it('gives « speaker » back, and keeps organisers’ categories, when the talk returns', async () => {
    await t.http.patch(`/api/participants/${(await byEmail(helene.email))!.id}`).set(bearer(organiser)).send({ categories: ['researcher'] });
    const sessions = await t.http.get(`/api/events/${stage.eventId}/sessions`).set(bearer(organiser));
    const p1 = await confirmedProposal(t, organiser, stage, helene, { titleFr: 'Une autre communication', abstractFr: 'Résumé.' });
    talkId = await placeTalk(t, organiser, sessions.body.items[0].id, p1);
    await publish();
    expect((await stored()).find((p) => p.email === helene.email.toLowerCase())).toMatchObject({ programme_roles: ['speaker'] });
    // the publication did it: the organisers' route finds nothing left to do
    const sync = await t.http.post(`/api/events/${stage.eventId}/participants/sync-programme`).set(bearer(organiser));
    expect(sync.body).toEqual({ version: 3, created: 0, updated: 0 });
    expect(await byEmail(helene.email)).toMatchObject({ programmeRoles: ['speaker'], categories: ['researcher'], primaryCategory: 'speaker' });
    expect(await participants()).toHaveLength(3);
  });

  it('takes « speaker » off the badge of a speaker whose proposal is cancelled, though the talk still sits in the programme', async () => {
    const cancelled = await t.http.post(`/api/submissions/${lukaszProposal}/transitions`).set(bearer(organiser)).send({ action: 'cancel' });
    expect(cancelled.status).toBe(200);
    await publish();
    expect((await stored()).find((p) => p.email === lukasz.email.toLowerCase())).toMatchObject({ programme_roles: [] });
    expect(await byEmail(lukasz.email)).toMatchObject({ programmeRoles: [], categories: ['press'], primaryCategory: 'press' });
    expect(await byEmail(helene.email)).toMatchObject({ programmeRoles: ['speaker'], primaryCategory: 'speaker' });
  });

  it('still publishes when the participants’ step fails, and the next read of the list catches up', async () => {
    const service = t.booted.app.get(ProgrammeSyncService);
    const spy = jest.spyOn(service, 'afterPublished').mockRejectedValueOnce(new Error('the participants’ step failed'));
    expect((await t.http.delete(`/api/talks/${talkId}`).set(bearer(organiser))).status).toBe(200);
    await publish(); // 201 all the same
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    // the step was rolled back: the table still says speaker, until the list is read
    expect((await stored()).find((p) => p.email === helene.email.toLowerCase())).toMatchObject({ programme_roles: ['speaker'] });
    expect(await byEmail(helene.email)).toMatchObject({ programmeRoles: [], categories: ['researcher'], primaryCategory: 'researcher' });
    expect((await stored()).find((p) => p.email === helene.email.toLowerCase())).toMatchObject({ programme_roles: [] });
  });
});
