import { stringify } from 'csv-stringify/sync';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, colloquiumId, tableCounts } from './participants-support.js';

/**
 * The CSV import through HTTP on the real app: 5,000 rows with 3 bad ones (all or nothing, then
 * the good rows only, then once more: all unchanged), names in any script and `;` separators
 * through an import → export → import round trip, updates, anonymised rows, who may import.
 */
const HEADER = ['Nom', 'Prénom', 'Courriel', 'Affiliation', 'Catégories', 'Jours', 'Liste publique', 'Régime alimentaire'];

function file(rows: string[][], { delimiter = ',', bom = true, crlf = true } = {}): Buffer {
  const text = stringify(rows, { delimiter, record_delimiter: crlf ? 'windows' : 'unix' });
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}

describe('Participants import', () => {
  let t: TestApp;
  let organiser: string;
  let eventId: string;

  const post = (bytes: Buffer, query = '', token = organiser) =>
    t.http
      .post(`/api/events/${eventId}/participants/import${query}`)
      .set(bearer(token))
      .attach('file', bytes, { filename: 'participants.csv', contentType: 'text/csv' });

  const count = async () => (await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM participants WHERE event_id = $1`, [eventId]))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    eventId = await colloquiumId(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports exactly the 3 bad rows of 5,000 and imports nothing; valid-rows imports 4,997; importing again changes nothing', async () => {
    const rows: string[][] = [HEADER];
    for (let i = 0; i < 5000; i++) {
      rows.push([`Nom ${i}`, `Prénom ${i}`, `person${i}@example.org`, `Labo ${i}; « équipe », "${i % 3}"`, i % 2 ? 'researcher' : 'guest, press', '2012-02-06', i % 3 ? 'non' : 'oui', i % 7 === 0 ? `sans gluten\nvégétarien ${i}` : '']);
    }
    rows[101][2] = 'not-an-email'; // record 101 (line numbers shift with the quoted line breaks before it)
    rows[2501][4] = 'speaker';
    rows[4000][2] = 'PERSON7@example.org'; // the same email as record 8
    const bytes = file(rows);
    // where each record starts: 1 + the line breaks of every record before it
    const lineOf = (record: number) => 1 + rows.slice(0, record).reduce((n, r) => n + 1 + r.join('').split('\n').length - 1, 0);

    const before = await tableCounts(t);
    const refused = await post(bytes);
    expect(refused.status).toBe(422);
    expectErrorBody(refused.body, 422, 'IMPORT_ROWS_INVALID');
    expect(refused.body.details).toMatchObject({ rows: 5000, rejected: 3, created: 0, updated: 0, unchanged: 0 });
    expect(refused.body.details.rejectedRows.map((r: { line: number }) => r.line)).toEqual([lineOf(101), lineOf(2501), lineOf(4000)]);
    expect(lineOf(101)).toBeGreaterThan(101); // the multi-line cells were counted
    expect(refused.body.details.rejectedRows[0]).toMatchObject({ email: 'not-an-email', errors: [{ column: 'Courriel' }] });
    expect(refused.body.details.rejectedRows[1].errors[0].message).toMatch(/published programme/);
    expect(refused.body.details.rejectedRows[2].errors[0].message).toBe(`the same email as line ${lineOf(8)}`);
    expect(await tableCounts(t)).toEqual(before);

    const started = Date.now();
    const imported = await post(bytes, '?mode=valid-rows');
    const elapsed = Date.now() - started;
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ mode: 'valid-rows', delimiter: ',', rows: 5000, created: 4997, updated: 0, unchanged: 0, rejected: 3 });
    expect(await count()).toBe(4997);
    console.log(`import of 5,000 rows (4,997 written): ${elapsed} ms`);
    expect(elapsed).toBeLessThan(15_000);

    const again = await post(bytes, '?mode=valid-rows');
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4997, rejected: 3 });
    const stored = await t.booted.dataSource.query(
      `SELECT first_name, affiliation, categories, days::text[] AS days, consent_public_list, dietary_needs, source FROM participants WHERE email = 'person7@example.org'`,
    );
    expect(stored).toEqual([{ first_name: 'Prénom 7', affiliation: 'Labo 7; « équipe », "1"', categories: ['researcher'], days: ['2012-02-06'], consent_public_list: false, dietary_needs: 'sans gluten\nvégétarien 7', source: 'import' }]);
    expect(await count()).toBe(4997);
  });

  it('keeps accents and any script through import → export → import, with ; or , separators, BOM or not, CRLF or LF', async () => {
    const people = [
      ['Dupré', 'Hélène', 'Helene.Dupre@Example.org', 'CNRS; LAVUE, « Mosaïques »', 'researcher', '2012-02-06, 2012-02-07', 'oui'],
      ['Wróbel', 'Łukasz', 'lukasz@example.pl', '=HYPERLINK("http://evil.example")', 'Invité', '', 'non'],
      ['Παπαδοπούλου', 'Ελένη', 'eleni@example.gr', 'Πανεπιστήμιο Αθηνών', 'press', '2012-02-07', ''],
      ['Иванова', 'Анна', 'anna@example.ru', '+7 "Институт"', 'Ville Internet', '06/02/2012', 'yes'],
    ];
    const semicolons = file([['nom', 'PRENOM', 'courriel', 'établissement', 'catégorie', 'jours', 'liste publique'], ...people], { delimiter: ';', bom: false, crlf: false });
    const first = await post(semicolons);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ delimiter: ';', created: 4, updated: 0, unchanged: 0, rejected: 0 });

    // the export, re-imported as written: comma, BOM, CRLF, French header with its computed columns
    const exportAll = Buffer.from((await t.http.get(`/api/events/${eventId}/participants.csv`).set(bearer(organiser))).text, 'utf8');
    const back = await post(exportAll);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ delimiter: ',', created: 0, updated: 0, rejected: 0 });
    expect(back.body.unchanged).toBe(back.body.rows);
    expect(back.body.ignoredColumns).toEqual(['Catégorie du badge', 'Rôles au programme', 'Parties', 'Statut', 'Source', 'Inscrit le']);

    // the same export as a French spreadsheet saves it: semicolons, no BOM
    const { parse } = await import('csv-parse/sync');
    const table = parse(exportAll, { bom: true }) as string[][];
    const resaved = await post(file(table, { delimiter: ';', bom: false }));
    expect(resaved.body).toMatchObject({ delimiter: ';', created: 0, updated: 0, rejected: 0 });

    const json = await t.http.get(`/api/events/${eventId}/participants.json?q=example.pl`).set(bearer(organiser));
    expect(json.body.map((p: { firstName: string; lastName: string; affiliation: string }) => [p.firstName, p.lastName, p.affiliation])).toEqual([
      ['Łukasz', 'Wróbel', '=HYPERLINK("http://evil.example")'],
    ]);
    const names = await t.booted.dataSource.query(`SELECT first_name, last_name, days::text[] AS days FROM participants WHERE email IN ('helene.dupre@example.org', 'eleni@example.gr', 'anna@example.ru') ORDER BY email`);
    expect(names).toEqual([
      { first_name: 'Анна', last_name: 'Иванова', days: ['2012-02-06'] },
      { first_name: 'Ελένη', last_name: 'Παπαδοπούλου', days: ['2012-02-07'] },
      { first_name: 'Hélène', last_name: 'Dupré', days: ['2012-02-06', '2012-02-07'] },
    ]);
    // the formula is defused on export
    expect(exportAll.toString('utf8')).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });

  it('updates changed rows, keeps columns the file does not give, and refuses rows of anonymised participants', async () => {
    const one = await post(file([['Courriel', 'Nom', 'Prénom'], ['HELENE.DUPRE@example.org', 'Dupré-Martin', 'Hélène']]));
    expect(one.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const [row] = await t.booted.dataSource.query(`SELECT last_name, affiliation, categories FROM participants WHERE email = 'helene.dupre@example.org'`);
    expect(row).toEqual({ last_name: 'Dupré-Martin', affiliation: 'CNRS; LAVUE, « Mosaïques »', categories: ['researcher'] });

    const [[anon]] = await t.booted.dataSource.query(
      `UPDATE participants SET first_name = 'Anonyme', last_name = 'Anonyme', email = 'anonyme-' || lower(id::text) || '@anonymised.invalid', anonymised_at = now()
       WHERE email = 'anna@example.ru' RETURNING email`,
    );
    const before = await tableCounts(t);
    const refused = await post(file([['Nom', 'Prénom', 'Courriel'], ['Anonyme', 'Anonyme', anon.email], ['Neuf', 'Nouveau', 'nouveau@example.org']]));
    expect(refused.status).toBe(422);
    expect(refused.body.details.rejectedRows).toEqual([{ line: 2, email: anon.email, errors: [{ column: 'Courriel', message: expect.stringMatching(/anonymised/) }] }]);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('lets only organisers import', async () => {
    const bytes = file([['Nom', 'Prénom', 'Courriel'], ['A', 'B', 'access@example.org']]);
    const reception = await t.tokenFor('reception');
    const signup = await t.http.post('/api/speakers/signup').send({
      email: 'import-speaker@test.local', password: 'speaker-password-1', firstName: 'Im', lastName: 'Port', affiliation: 'Test', countryCode: 'FR',
    });
    for (const token of [reception, signup.body.accessToken as string]) {
      const res = await post(bytes, '', token);
      expect(res.status).toBe(403);
      expectErrorBody(res.body, 403, 'FORBIDDEN');
    }
    const anonymous = await t.http.post(`/api/events/${eventId}/participants/import`).attach('file', bytes, 'p.csv');
    expect(anonymous.status).toBe(401);
    expectErrorBody(anonymous.body, 401);
    const [{ n }] = await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM participants WHERE email = 'access@example.org'`);
    expect(n).toBe(0);
  });
});
