import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, importCsv, labelCounts } from './labels-support.js';

describe('Label palmarès import and organisers’ edits', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(async () => {
    await t?.close();
  });

  const BAD = [
    'Code INSEE;Commune;Département;Niveau;Première participation',
    '59009;;;4;non', // line 2: good
    '99999;;;3;non', // line 3: unknown code
    ';Saint-Denis;;2;oui', // line 4: ambiguous
    ';Saint-Denis;974;2;oui', // line 5: good (97411)
    '59009;;;5;non', // line 6: duplicate of line 2
    '13100;;;6;non', // line 7: bad level
    '75101;;;1;non', // line 8: arrondissement
    '93066;Pierrefitte;;1;non', // line 9: name not the code's
    ';Nulle-Part-sur-Mer;13;1;non', // line 10: unknown name
    '13100;;;3;peut-être', // line 11: first participation unreadable (13100 not a duplicate: line 7 was bad)
    '"97411";;;2;non', // line 12: duplicate of line 5 (same town by code)
  ].join('\r\n');

  it('reports unknown codes, ambiguous names and duplicate towns row by row, and writes nothing', async () => {
    const before = await labelCounts(t);
    const res = await importCsv(t, admin, 2012, BAD);
    expectErrorBody(res.body, 422, 'IMPORT_ROWS_INVALID');
    const rows = res.body.details.rejectedRows as Array<{ line: number; town: string; errors: Array<{ column: string; message: string }> }>;
    const byLine = Object.fromEntries(rows.map((r) => [r.line, r.errors.map((e) => `${e.column}: ${e.message}`)]));
    expect(byLine).toEqual({
      3: ['Code INSEE: unknown INSEE code 99999'],
      4: [expect.stringMatching(/^Commune: ambiguous: 4 communes are named « Saint-Denis » \(11339 \(11\), 30247 \(30\), 93066 \(93\), 97411 \(974\)\)/)],
      6: [": Villeneuve-d'Ascq (59009) is already on line 2"],
      7: ['Niveau: « 6 » is not a level: 1 to 5 (or @ to @@@@@)'],
      8: [expect.stringContaining('municipal arrondissement')],
      9: ['Code INSEE: 93066 is Saint-Denis, not « Pierrefitte »'],
      10: ['Commune: no commune named « Nulle-Part-sur-Mer » in 13'],
      11: ['Première participation: « peut-être » is not oui/non'],
      12: [': Saint-Denis (97411) is already on line 5'],
    });
    expect(res.body.details).toMatchObject({ rows: 11, rejected: 9, created: 0 });
    // the ambiguous name lists its candidates as data, for the report page to list them
    const ambiguous = rows.find((r) => r.line === 4)!.errors[0] as { candidates?: unknown };
    expect(ambiguous.candidates).toEqual([
      { insee: '11339', name: 'Saint-Denis', departement: '11' },
      { insee: '30247', name: 'Saint-Denis', departement: '30' },
      { insee: '93066', name: 'Saint-Denis', departement: '93' },
      { insee: '97411', name: 'Saint-Denis', departement: '974' },
    ]);
    expect(rows.find((r) => r.line === 3)!.errors[0]).not.toHaveProperty('candidates');
    expect(await labelCounts(t)).toEqual(before);
  });

  it('imports the good rows with ?mode=valid-rows and reports the others', async () => {
    const res = await importCsv(t, admin, 2012, BAD, 'valid-rows');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2012, mode: 'valid-rows', rows: 11, created: 2, rejected: 9 });
    const list = await t.http.get('/api/labels/2012/awards').set(bearer(admin));
    expect(list.body.items.map((i: { insee: string; townName: string; level: number; region: string }) => [i.insee, i.townName, i.level, i.region])).toEqual([
      ['97411', 'Saint-Denis', 2, 'La Réunion'],
      ['59009', "Villeneuve-d'Ascq", 4, 'Nord-Pas-de-Calais'],
    ]);
  });

  it('reads names with département, levels as @ signs, a BOM and commas; updates what changed, leaves what did not', async () => {
    const csv = '\uFEFFcommune,departement,level,first_participation,population_band,comments\r\n' +
      '"Villeneuve-d\'Ascq",Nord,@@@@,yes,"50 000 à 100 000",\r\n' +
      'saint remy de provence,13,2 @,no,,"Deux lignes\nde commentaire"\r\n' +
      'Annecy-le-Vieux,74,3,oui,,\r\n';
    const res = await importCsv(t, admin, 2012, csv);
    expect(res.body).toMatchObject({ delimiter: ',', rows: 3, created: 2, updated: 1, unchanged: 0, rejected: 0 });
    const again = await importCsv(t, admin, 2012, csv);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const list = await t.http.get('/api/labels/2012/awards?q=vieux').set(bearer(admin));
    expect(list.body.items[0]).toMatchObject({ insee: '74011', townName: 'Annecy-le-Vieux', departement: '74', region: 'Rhône-Alpes', level: 3, firstParticipation: true });
    const remy = await t.http.get('/api/labels/2012/awards?q=REMY').set(bearer(admin));
    expect(remy.body.items[0]).toMatchObject({ townName: 'Saint-Rémy-de-Provence', level: 2, comments: 'Deux lignes\nde commentaire' });
  });

  it('refuses files it cannot read with a 4xx and writes nothing', async () => {
    const before = await labelCounts(t);
    const cases: Array<[string | Buffer, number, string]> = [
      ['', 422, 'IMPORT_COLUMNS_MISSING'],
      ['Code INSEE;Niveau\r\n', 422, 'IMPORT_NO_ROWS'],
      ['Code INSEE;Commentaires\r\n59009;x\r\n', 422, 'IMPORT_COLUMNS_MISSING'],
      ['Code INSEE;insee;Niveau\r\n59009;59009;3\r\n', 422, 'IMPORT_DUPLICATE_COLUMNS'],
      ['Code INSEE;Niveau\r\n"59009;3\r\n', 422, 'IMPORT_MALFORMED_CSV'],
      [Buffer.from('Code INSEE;Niveau;Commune\r\n59009;3;Villeneuve-d\xe9Ascq\r\n', 'latin1'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ];
    for (const [body, status, code] of cases) {
      const res = await importCsv(t, admin, 2013, body);
      expect([res.status, res.body.error]).toEqual([status, code]);
      expectErrorBody(res.body, status, code);
    }
    const json = await t.http.post('/api/labels/2013/awards/import').set(bearer(admin)).send({ file: 'Code INSEE;Niveau' });
    expectErrorBody(json.body, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const badYear = await importCsv(t, admin, 'abcd' as unknown as number, 'Code INSEE;Niveau\r\n59009;3\r\n');
    expectErrorBody(badYear.body, 400);
    const big = await importCsv(t, admin, 2013, Buffer.alloc(9 * 1024 * 1024, 'a'));
    expectErrorBody(big.body, 413, 'PAYLOAD_TOO_LARGE');
    expect(await labelCounts(t)).toEqual(before);
  });

  it('lets organisers create, change and delete one label, with 4xx for bad input and no row written', async () => {
    const created = await t.http.post('/api/labels/2012/awards').set(bearer(admin)).send({ insee: '98735', level: 2, firstParticipation: true, contactEmail: ' Mairie@Papeete.PF ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ townName: 'Papeete', departement: '987', region: 'Polynésie française', level: 2, contactEmail: 'mairie@papeete.pf' });
    const before = await labelCounts(t);
    const bad: Array<[object, number, string?]> = [
      [{ insee: '98735', level: 3 }, 409, 'TOWN_ALREADY_LABELLED'],
      [{ insee: '99999', level: 3 }, 422, 'UNKNOWN_TOWN'],
      [{ insee: '75101', level: 3 }, 422, 'UNKNOWN_TOWN'],
      [{ insee: '5900', level: 3 }, 400],
      [{ insee: '59009', level: 6 }, 400],
      [{ insee: '59009', level: '5' }, 400],
      [{ insee: '59009' }, 400],
      [{ insee: '59009', level: 3, extra: 1 }, 400],
      [{ insee: '59009', level: 3, comments: 'a\u0000b' }, 400],
      [{ insee: '59009', level: 3, contactEmail: 'not-an-email' }, 400],
    ];
    for (const [body, status, code] of bad) {
      const res = await t.http.post('/api/labels/2012/awards').set(bearer(admin)).send(body);
      expectErrorBody(res.body, status, code);
    }
    const unknownYear = await t.http.post('/api/labels/1999/awards').set(bearer(admin)).send({ insee: '59009', level: 3 });
    expectErrorBody(unknownYear.body, 404, 'NOT_FOUND');
    expect(await labelCounts(t)).toEqual(before);

    const id = created.body.id as string;
    const patched = await t.http.patch(`/api/labels/2012/awards/${id}`).set(bearer(admin)).send({ level: 5, comments: 'Cinq' });
    expect(patched.body).toMatchObject({ level: 5, comments: 'Cinq', firstParticipation: true });
    expectErrorBody((await t.http.patch(`/api/labels/2012/awards/${id}`).set(bearer(admin)).send({ level: 0 })).body, 400);
    expectErrorBody((await t.http.patch(`/api/labels/2012/awards/${id}`).set(bearer(admin)).send({ insee: '59009' })).body, 400);
    expectErrorBody((await t.http.patch(`/api/labels/2013/awards/${id}`).set(bearer(admin)).send({ level: 1 })).body, 404);
    expect((await t.http.delete(`/api/labels/2012/awards/${id}`).set(bearer(admin))).status).toBe(204);
    expectErrorBody((await t.http.get(`/api/labels/2012/awards/${id}`)).body, 404, 'NOT_FOUND');
    expectErrorBody((await t.http.delete(`/api/labels/2012/awards/${id}`).set(bearer(admin))).body, 404);
  });

  it('creates, changes and deletes label years', async () => {
    const created = await t.http.post('/api/labels').set(bearer(admin)).send({ year: 2013 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ year: 2013, eventId: null, embargoEndsAt: null, revealed: false, towns: 0 });
    expectErrorBody((await t.http.post('/api/labels').set(bearer(admin)).send({ year: 2013 })).body, 409, 'LABEL_YEAR_EXISTS');
    expectErrorBody((await t.http.post('/api/labels').set(bearer(admin)).send({ year: 1200 })).body, 400);
    expectErrorBody((await t.http.post('/api/labels').set(bearer(admin)).send({ year: 2014, eventId: '00000000-0000-4000-8000-000000000000' })).body, 404);
    expectErrorBody((await t.http.patch('/api/labels/2013').set(bearer(admin)).send({ ceremonySessionId: '00000000-0000-4000-8000-000000000000' })).body, 404);
    const years = await t.http.get('/api/labels');
    expect(years.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    expect(years.body.items.map((y: { year: number; towns: number }) => [y.year, y.towns])).toEqual([[2013, 0], [2012, 4]]);
    const ascending = await t.http.get('/api/labels?order=asc&pageSize=1');
    expect(ascending.body).toMatchObject({ total: 2, items: [{ year: 2012 }] });
    expectErrorBody((await t.http.delete('/api/labels/2012').set(bearer(admin))).body, 409, 'LABEL_YEAR_IN_USE');
    expect((await t.http.delete('/api/labels/2013').set(bearer(admin))).status).toBe(204);
    expectErrorBody((await t.http.get('/api/labels/2013')).body, 404, 'NOT_FOUND');
    for (const path of ['/api/labels/12', '/api/labels/2012.5', '/api/labels/3000', '/api/labels/2012/awards/not-a-uuid']) {
      const res = await t.http.get(path);
      expectErrorBody(res.body, 400);
    }
    for (const query of ['page=0', 'pageSize=1000', 'sort=population', 'level=abc', 'q=' + 'x'.repeat(101), 'firstParticipation=maybe']) {
      expectErrorBody((await t.http.get(`/api/labels/2012/awards?${query}`)).body, 400);
    }
  });
});
