import { execFileSync } from 'node:child_process';
import { binary, decodeQrCodes, scratch } from '../badges/badges-support.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, colloquiumId, createPart, createParticipant, receptionToken, setNow } from '../check-ins/check-ins-support.js';

/**
 * Walk-ins the reception desk registers by name, affiliation and category only (issue 6): no email,
 * source `desk`, a badge printed at once that the check-in accepts, nobody mailed; the exports show
 * them without an email, and an export holding them imports back in the default all-or-nothing mode.
 */
describe('Walk-ins without an email', () => {
  let t: TestApp;
  let organiser: string;
  let reception: string;
  let eventId: string;
  const files = scratch();

  beforeAll(async () => {
    t = await startTestApp();
    organiser = await t.adminToken();
    reception = await receptionToken(t, 'Jeanne Martin', 'jeanne.martin@test.local');
    eventId = await colloquiumId(t);
    await createPart(t, eventId, 'jour-1', 'day', '2012-02-06', 500, 'Lundi 6 février');
    await createParticipant(t, organiser, eventId, { firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@example.org', categories: ['researcher'] });
    setNow(t, '2012-02-06T08:12:00Z');
  });
  afterAll(async () => {
    files.remove();
    await t?.close();
  });

  const desk = (suffix: string) => `/api/events/${eventId}/desk${suffix}`;
  const outboxCount = async () => (await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages`))[0].n as number;
  const walkIn = (body: Record<string, unknown>) => t.http.post(desk('/walk-ins')).set(bearer(reception)).send(body);
  const importCsv = (text: string, query = '') =>
    t.http
      .post(`/api/events/${eventId}/participants/import${query}`)
      .set(bearer(organiser))
      .attach('file', Buffer.from(text, 'utf8'), { filename: 'participants.csv', contentType: 'text/csv' });

  it('registers a walk-in with no email (absent, null or blank), source desk, seated today, mailed nothing; the badge prints and scans at once', async () => {
    const mails = await outboxCount();
    const res = await walkIn({ firstName: 'Łucja', lastName: 'Wróblewska-Ørsted', affiliation: 'Mairie de Brest', category: 'city-representative' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      firstName: 'Łucja',
      lastName: 'Wróblewska-Ørsted',
      email: null,
      affiliation: 'Mairie de Brest',
      categoryLabelFr: 'Ville Internet',
      printed: false,
      parts: [{ code: 'jour-1', status: 'admitted', today: true }],
    });
    const [row] = await t.booted.dataSource.query(`SELECT email, source, days::text[] AS days, guest_key FROM participants WHERE id = $1`, [res.body.id]);
    expect(row).toEqual({ email: null, source: 'desk', days: ['2012-02-06'], guest_key: null });

    // printed at once: the single-badge PDF carries the name and a QR code the check-in accepts
    const pdf = await t.http.get(`/api/participants/${res.body.id}/badge.pdf`).set(bearer(reception)).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    const path = files.write('walk-in.pdf', pdf.body as Buffer);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Łucja');
    expect(text).toContain('Wróblewska-Ørsted');
    expect(decodeQrCodes(path, files.dir)).toEqual([res.body.badgeToken]);
    const scan = await t.http.post('/api/check-ins').set(bearer(reception)).send({ token: res.body.badgeToken, eventId });
    expect(scan.status).toBe(201);
    const found = await t.http.get(desk(`/participants?id=${res.body.id}`)).set(bearer(reception));
    expect(found.body.items[0]).toMatchObject({ email: null, printed: true, checkedInToday: true });

    // null and a blank cell are no email too; two walk-ins of one name without an email are two people
    for (const [email, affiliation] of [
      [null, 'Mairie de Lorient'],
      ['   ', 'Mairie de Vannes'],
      [undefined, 'Mairie de Brest'],
      [null, 'Mairie de Rennes'],
    ]) {
      const other = await walkIn({ firstName: 'Jean', lastName: 'Martin', email, affiliation, category: 'guest' });
      expect(other.status).toBe(201);
      expect(other.body.email).toBeNull();
    }
    expect(await outboxCount()).toBe(mails);
    const list = await t.http.get(`/api/events/${eventId}/participants?q=martin`).set(bearer(reception));
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { email: string | null; source: string }) => [p.email, p.source])).toEqual([
      [null, 'desk'],
      [null, 'desk'],
      [null, 'desk'],
      [null, 'desk'],
    ]);
  });

  it('keeps walk-ins with an email unique per event (409 EMAIL_TAKEN, nothing written) and refuses a malformed one', async () => {
    const withEmail = await walkIn({ firstName: 'Zoé', lastName: 'Œuvray', email: 'Zoe@Example.org', category: 'press' });
    expect(withEmail.status).toBe(201);
    expect(withEmail.body.email).toBe('zoe@example.org');
    const count = async () => (await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM participants`))[0].n as number;
    const before = await count();
    const taken = await walkIn({ firstName: 'Zoé', lastName: 'Autre', email: 'ZOE@example.org', category: 'press' });
    expect(taken.status).toBe(409);
    expectErrorBody(taken.body, 409, 'EMAIL_TAKEN');
    const againDupre = await walkIn({ firstName: 'H', lastName: 'D', email: 'helene.dupre@example.org', category: 'press' });
    expect(againDupre.status).toBe(409);
    for (const email of ['not-an-email', 42, ['a@b.org'], { $ne: null }, `${'a'.repeat(250)}@b.org`]) {
      const res = await walkIn({ firstName: 'A', lastName: 'B', email, category: 'guest' });
      expect([JSON.stringify(email).slice(0, 20), res.status]).toEqual([JSON.stringify(email).slice(0, 20), 400]);
      expectErrorBody(res.body, 400);
    }
    expect(await count()).toBe(before);
  });

  it('only the desk writes participants without an email: the database refuses one from any other source', async () => {
    await expect(
      t.booted.dataSource.query(`INSERT INTO participants (event_id, email, first_name, last_name, source) VALUES ($1, NULL, 'X', 'Y', 'organiser')`, [eventId]),
    ).rejects.toThrow(/CHK_participants_email_or_guest/);
    await expect(
      t.booted.dataSource.query(`INSERT INTO participants (event_id, email, first_name, last_name, source) VALUES ($1, 'x@y.org', 'X', 'Y', 'kiosk')`, [eventId]),
    ).rejects.toThrow(/CHK_participants_source/);
  });

  it('exports walk-ins without an email (CSV and JSON) and the export imports back all-or-nothing, matching them by name', async () => {
    const csv = await t.http.get(`/api/events/${eventId}/participants.csv`).set(bearer(organiser));
    expect(csv.status).toBe(200);
    const lines = (csv.text.replace(/^\uFEFF/, '') as string).split('\r\n').filter(Boolean);
    const lucja = lines.find((l) => l.startsWith('Wróblewska-Ørsted,'))!;
    expect(lucja).toMatch(/^Wróblewska-Ørsted,Łucja,,Mairie de Brest,/);
    expect(lucja).toContain(',desk,');
    const json = await t.http.get(`/api/events/${eventId}/participants.json`).set(bearer(organiser));
    expect(json.status).toBe(200);
    const items = (Array.isArray(json.body) ? json.body : json.body.items) as Array<{ lastName: string; email: string | null; source: string }>;
    expect(items.filter((p) => p.source === 'desk' && p.email === null).map((p) => p.lastName).sort()).toEqual(['Martin', 'Martin', 'Martin', 'Martin', 'Wróblewska-Ørsted']);

    const count = async () => (await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM participants`))[0].n as number;
    const before = await count();
    const back = await importCsv(csv.text);
    expect(back.status).toBe(200);
    // the four namesakes each find their own record: nothing is swapped, so nothing changes
    expect(back.body).toMatchObject({ rows: lines.length - 1, created: 0, updated: 0, unchanged: lines.length - 1, rejected: 0 });
    expect(await count()).toBe(before);

    // a change to a walk-in's optional columns in the spreadsheet is written to that walk-in
    const edited = lines.map((l) => (l === lucja ? l.replace('Mairie de Brest', 'Mairie de Quimper') : l));
    const changed = await importCsv(`${edited.join('\r\n')}\r\n`);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ created: 0, updated: 1, rejected: 0 });
    const [stored] = await t.booted.dataSource.query(`SELECT affiliation, email, source FROM participants WHERE last_name = 'Wróblewska-Ørsted'`);
    expect(stored).toEqual({ affiliation: 'Mairie de Quimper', email: null, source: 'desk' });

    // a fifth « Jean Martin » without an email (the event holds four) and a stranger without one: bad rows, nothing written
    const martin = lines.find((l) => l.startsWith('Martin,Jean,,'))!;
    const bad = await importCsv([...edited, martin, 'Inconnu,Jean,,CNRS'].join('\r\n'));
    expect(bad.status).toBe(422);
    expectErrorBody(bad.body, 422, 'IMPORT_ROWS_INVALID');
    expect(bad.body.details.rejectedRows).toEqual([
      { line: edited.length + 1, email: null, errors: [{ column: 'Courriel', message: expect.stringMatching(/the same participant without an email as line \d+ \(the event holds 4/) }] },
      { line: edited.length + 2, email: null, errors: [{ column: 'Courriel', message: expect.stringMatching(/walk-in registered at the desk/) }] },
    ]);
    expect(await count()).toBe(before);
  });

  it('lets an organiser add an email to a walk-in later, never take it away', async () => {
    const [{ id }] = await t.booted.dataSource.query(`SELECT id FROM participants WHERE last_name = 'Wróblewska-Ørsted'`);
    const added = await t.http.patch(`/api/participants/${id}`).set(bearer(organiser)).send({ email: 'Lucja@Example.org' });
    expect(added.status).toBe(200);
    expect(added.body.email).toBe('lucja@example.org');
    const removed = await t.http.patch(`/api/participants/${id}`).set(bearer(organiser)).send({ email: null });
    expect(removed.status).toBe(400);
    expectErrorBody(removed.body, 400, 'VALIDATION_FAILED');
  });
});
