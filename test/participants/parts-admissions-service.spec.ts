import { AdmissionsService } from '../../src/participants/admissions.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * AdmissionsService inside a caller's transaction (as the organisers' participant management uses it):
 * seats, the waiting list in queue order, promotion with its mail, release of every seat.
 */
describe('AdmissionsService (transaction-scoped)', () => {
  let t: TestApp;
  let admissions: AdmissionsService;
  let eventId: string;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    admissions = t.booted.app.get(AdmissionsService);
    const res = await t.http
      .post('/api/events')
      .set('Authorization', `Bearer ${await t.adminToken()}`)
      .send({ slug: 'adm2030', nameFr: 'Villes et territoires numériques', startDate: '2030-02-06', endDate: '2030-02-07' });
    eventId = res.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const db = () => t.booted.dataSource;
  const newPart = async (code: string, admission: string, capacity: number | null) =>
    (await db().query(`INSERT INTO event_parts (event_id, code, name_fr, kind, admission, capacity) VALUES ($1, $2, $3, 'workshop', $4, $5) RETURNING id`, [eventId, code, `Atelier ${code}`, admission, capacity]))[0].id as string;
  const newParticipant = async (n: number) =>
    (await db().query(`INSERT INTO participants (event_id, email, first_name, last_name, source) VALUES ($1, $2, 'Zoé', $3, 'organiser') RETURNING id`, [eventId, `p${n}-${Date.now()}@example.org`, `N${n}`]))[0].id as string;
  const statuses = async (partId: string) =>
    (await db().query(`SELECT participant_id, status FROM part_admissions WHERE part_id = $1 ORDER BY queue_no`, [partId])) as { participant_id: string; status: string }[];

  it('admits while seats remain, queues the rest, and a release admits the head of the queue with a mail', async () => {
    const partId = await newPart('w1', 'sign-up', 2);
    const people: string[] = [];
    for (let i = 0; i < 4; i++) people.push(await newParticipant(i));
    const outcomes: string[] = [];
    for (const p of people) outcomes.push(await db().transaction((m) => admissions.requestSeat(m, partId, p)));
    expect(outcomes).toEqual(['admitted', 'admitted', 'waiting', 'waiting']);
    // asking again changes nothing
    expect(await db().transaction((m) => admissions.requestSeat(m, partId, people[2]))).toBe('waiting');
    const mailsBefore = (await db().query(`SELECT count(*)::int AS n FROM outbox_messages WHERE template = 'admission-granted'`))[0].n;
    await db().transaction((m) => admissions.releaseSeat(m, partId, people[0]));
    expect((await statuses(partId)).map((r) => r.status)).toEqual(['cancelled', 'admitted', 'admitted', 'waiting']);
    expect((await db().query(`SELECT admitted_count FROM event_parts WHERE id = $1`, [partId]))[0].admitted_count).toBe(2);
    const mails = await db().query(`SELECT to_address, subject, text_body FROM outbox_messages WHERE template = 'admission-granted' ORDER BY created_at`);
    expect(mails.length).toBe(mailsBefore + 1);
    const third = (await db().query(`SELECT email FROM participants WHERE id = $1`, [people[2]]))[0].email;
    expect(mails.at(-1).to_address).toBe(third);
    expect(mails.at(-1).subject).toContain('Atelier w1');
    // the link opens the public home page (readable), not the API's JSON
    expect(mails.at(-1).text_body).toMatch(/informations pratiques :\n\S+\/\n/);
    expect(mails.at(-1).text_body).not.toContain('/api/');
    // releasing a waiting person frees no seat
    await db().transaction((m) => admissions.releaseSeat(m, partId, people[3]));
    expect((await statuses(partId)).map((r) => r.status)).toEqual(['cancelled', 'admitted', 'admitted', 'cancelled']);
    // coming back puts one at the end of the queue
    expect(await db().transaction((m) => admissions.requestSeat(m, partId, people[0]))).toBe('waiting');
    expect((await statuses(partId)).at(-1)).toEqual({ participant_id: people[0], status: 'waiting' });
  });

  it('refuses invitation parts to self-service, admits requested people by organiser, and releases every seat of a participant', async () => {
    const ceremony = await newPart('c1', 'invitation', 1);
    const dinner = await newPart('d1', 'on-request', 1);
    const a = await newParticipant(10);
    const b = await newParticipant(11);
    await expect(db().transaction((m) => admissions.requestSeat(m, ceremony, a))).rejects.toMatchObject({ status: 409, code: 'INVITATION_ONLY' });
    expect(await db().transaction((m) => admissions.requestSeat(m, ceremony, a, { byOrganiser: true }))).toBe('admitted');
    expect(await db().transaction((m) => admissions.requestSeat(m, ceremony, b, { byOrganiser: true }))).toBe('waiting');
    expect(await db().transaction((m) => admissions.requestSeat(m, dinner, b))).toBe('requested');
    expect(await db().transaction((m) => admissions.requestSeat(m, dinner, b, { byOrganiser: true }))).toBe('admitted');
    const views = await db().transaction((m) => admissions.admissionsOf(m, b));
    expect(views.map((v) => [v.code, v.status, v.position])).toEqual([
      ['c1', 'waiting', 1],
      ['d1', 'admitted', null],
    ]);
    await db().transaction((m) => admissions.releaseAll(m, a));
    expect((await statuses(ceremony)).map((r) => r.status)).toEqual(['cancelled', 'admitted']);
    expect((await db().query(`SELECT admitted_count FROM event_parts WHERE id = $1`, [ceremony]))[0].admitted_count).toBe(1);
  });
});
