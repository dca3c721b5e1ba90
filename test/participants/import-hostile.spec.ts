import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, colloquiumId, tableCounts } from './participants-support.js';

/**
 * Hostile and broken files on the import: each gets a 4xx in the error shape with a clear message
 * and code, and no table changes.
 */
describe('Participants import: hostile input', () => {
  let t: TestApp;
  let organiser: string;
  let eventId: string;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    eventId = await colloquiumId(t);
    url = `/api/events/${eventId}/participants/import`;
  });
  afterAll(async () => {
    await t?.close();
  });

  const attach = (bytes: Buffer, name = 'file') =>
    t.http.post(url).set(bearer(organiser)).attach(name, bytes, { filename: 'p.csv', contentType: 'text/csv' });

  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b00000000049454e44ae426082', 'hex');
  const many = (n: number) => Buffer.from(['Nom,Prénom,Courriel', ...Array.from({ length: n }, (_, i) => `N${i},P${i},p${i}@example.org`)].join('\n'));

  const cases: Array<{ label: string; send: () => ReturnType<typeof attach>; status: number; code: string; message?: RegExp; details?: Record<string, unknown> }> = [
    { label: 'a PNG named .csv', send: () => attach(png), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: /UTF-8|NUL/ },
    { label: 'Windows-1252 text', send: () => attach(Buffer.from('Nom;Prénom;Courriel\nDupr\xe9;H\xe9l\xe8ne;h@example.org\n', 'latin1')), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: /CSV UTF-8/ },
    { label: 'a JSON body', send: () => t.http.post(url).set(bearer(organiser)).send({ file: 'Nom,Prénom,Courriel' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: /multipart/ },
    { label: 'a raw text/csv body', send: () => t.http.post(url).set(bearer(organiser)).set('content-type', 'text/csv').send('Nom,Prénom,Courriel\nA,B,c@example.org'), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { label: 'multipart without a file', send: () => t.http.post(url).set(bearer(organiser)).field('note', 'x'), status: 400, code: 'BAD_REQUEST' },
    { label: 'the file in another field', send: () => attach(many(1), 'upload'), status: 400, code: 'BAD_REQUEST' },
    { label: 'an empty file', send: () => attach(Buffer.alloc(0)), status: 422, code: 'IMPORT_COLUMNS_MISSING', details: { missing: ['Nom (last_name)', 'Prénom (first_name)', 'Courriel (email)'] } },
    { label: 'a BOM alone', send: () => attach(Buffer.from('\uFEFF\r\n')), status: 422, code: 'IMPORT_COLUMNS_MISSING' },
    { label: 'a header only', send: () => attach(Buffer.from('Nom;Prénom;Courriel\r\n')), status: 422, code: 'IMPORT_NO_ROWS' },
    { label: 'unknown columns', send: () => attach(Buffer.from('Name;Vorname;Courriel\nA;B;c@example.org')), status: 422, code: 'IMPORT_COLUMNS_MISSING', message: /Nom \(last_name\), Prénom \(first_name\)/, details: { missing: ['Nom (last_name)', 'Prénom (first_name)'] } },
    { label: 'a field given twice', send: () => attach(Buffer.from('Nom;last_name;Prénom;Courriel\nA;A;B;c@example.org')), status: 422, code: 'IMPORT_DUPLICATE_COLUMNS' },
    { label: 'an unclosed quote', send: () => attach(Buffer.from('Nom,Prénom,Courriel\n"Dupré,Hélène,h@example.org\n')), status: 422, code: 'IMPORT_MALFORMED_CSV' },
    { label: 'a 100,000-character cell', send: () => attach(Buffer.from(`Nom,Prénom,Courriel\n${'ü'.repeat(100_000)},B,c@example.org`)), status: 422, code: 'IMPORT_MALFORMED_CSV', message: /longer than/ },
    { label: 'a 3,000-character name', send: () => attach(Buffer.from(`Nom,Prénom,Courriel\n${'ü'.repeat(3000)},B,c@example.org`)), status: 422, code: 'IMPORT_ROWS_INVALID' },
    { label: '20,001 rows', send: () => attach(many(20_001)), status: 422, code: 'IMPORT_TOO_MANY_ROWS', message: /20001 rows; at most 20000/ },
    { label: 'a 6 MB file', send: () => attach(Buffer.concat([many(1), Buffer.alloc(6 * 1024 * 1024, 0x20)])), status: 413, code: 'PAYLOAD_TOO_LARGE', message: /5 MB/ },
    { label: 'an unknown mode', send: () => t.http.post(`${url}?mode=force`).set(bearer(organiser)).attach('file', many(1), 'p.csv'), status: 400, code: 'VALIDATION_FAILED' },
    { label: 'NUL in a cell', send: () => attach(Buffer.from('Nom,Prénom,Courriel\nA\u0000,B,c@example.org')), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { label: 'control characters in a name', send: () => attach(Buffer.from('Nom,Prénom,Courriel\n"A\u0007",B,c@example.org')), status: 422, code: 'IMPORT_ROWS_INVALID' },
  ];

  it.each(cases.map((c) => [c.label, c] as const))('%s → 4xx in the error shape, nothing written', async (_label, c) => {
    const before = await tableCounts(t);
    const res = await c.send();
    expect(res.status).toBe(c.status);
    expectErrorBody(res.body, c.status, c.code);
    if (c.message) expect(res.body.message).toMatch(c.message);
    if (c.details) expect(res.body.details).toMatchObject(c.details);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('stores formula-looking cells as text, and the export defuses them', async () => {
    const res = await attach(Buffer.from('Nom;Prénom;Courriel;Affiliation\n=1+1;@SUM(A1);f@example.org;"=HYPERLINK(""http://evil.example"";""x"")"\n'));
    expect(res.status).toBe(200);
    const [row] = await t.booted.dataSource.query(`SELECT last_name, first_name, affiliation FROM participants WHERE email = 'f@example.org'`);
    expect(row).toEqual({ last_name: '=1+1', first_name: '@SUM(A1)', affiliation: '=HYPERLINK("http://evil.example";"x")' });
    const csv = await t.http.get(`/api/events/${eventId}/participants.csv`).set(bearer(organiser));
    expect(csv.text).toContain(`'=1+1,'@SUM(A1),f@example.org,"'=HYPERLINK(""http://evil.example"";""x"")"`);
    const again = await t.http.post(url).set(bearer(organiser)).attach('file', Buffer.from(csv.text, 'utf8'), 'export.csv');
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it('reports a bad row in the middle of a multi-line record at the line where the record starts', async () => {
    const text = 'Nom,Prénom,Courriel,Régime alimentaire\r\nA,B,a@example.org,"un\r\ndeux\r\ntrois"\r\nC,D,pas-un-courriel,"x\r\ny"\r\nE,F,e@example.org,\r\n';
    const res = await attach(Buffer.from(text));
    expect(res.status).toBe(422);
    expect(res.body.details.rejectedRows).toEqual([{ line: 5, email: 'pas-un-courriel', errors: [{ column: 'Courriel', message: '« pas-un-courriel » is not an email address' }] }]);
  });
});
