import { parseRfc4180 } from '../submissions-review/rfc4180.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { acceptedProposal, bearer, setUpColloquium, signUp, type Colloquium } from './sessions-support.js';

/** The draft programme as CSV, read back as a spreadsheet would: BOM, RFC 4180, Paris times, formulas defused. */
describe('Programme CSV export', () => {
  let t: TestApp;
  let c: Colloquium;

  beforeAll(async () => {
    t = await startTestApp();
    c = await setUpColloquium(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists each session then its talks, times in Europe/Paris, with hostile cells defused and line breaks quoted', async () => {
    const o = bearer(c.organiser);
    const speaker = await signUp(t, '=HYPERLINK("http://evil")', 'Dupré, "la jeune"');
    const ceremony = await t.http
      .post(`/api/events/${c.vtnId}/sessions`)
      .set(o)
      .send({ roomId: c.cardin, kind: 'ceremony', titleFr: 'Remise du Label\nVille Internet 2012', startsAt: '2012-02-06T18:00', endsAt: '2012-02-06T21:00', chairs: [{ guestName: '@Maire' }] });
    expect(ceremony.status).toBe(201);
    const morning = await t.http
      .post(`/api/events/${c.vtnId}/sessions`)
      .set(o)
      .send({ roomId: c.amphi, kind: 'plenary', titleFr: '+Ouverture', startsAt: '2012-02-06T09:30', endsAt: '2012-02-06T11:00' });
    const p1 = await acceptedProposal(t, c, speaker, '-1+2 les villes');
    const p2 = await acceptedProposal(t, c, speaker, 'Économie numérique', { confirm: false });
    await t.http.post(`/api/sessions/${morning.body.id}/talks`).set(o).send({ submissionId: p1 }).expect(201);
    await t.http.post(`/api/sessions/${morning.body.id}/talks`).set(o).send({ submissionId: p2, durationMinutes: 25 }).expect(201);

    const res = await t.http.get(`/api/events/${c.vtnId}/sessions.csv`).set(o).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="programme-vtn2012.csv"');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parseRfc4180(text);
    expect(records[0]).toEqual(['Ligne', 'Jour', 'Début', 'Fin', 'Durée (min)', 'Lieu', 'Salle', 'Type', 'Séance', 'Présidence', 'Position', 'Exposé', 'Orateurs', 'État de la proposition']);
    const rows = records.slice(1);
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['séance', '2012-02-06 09:30', '2012-02-06 11:00'],
      ['exposé', '2012-02-06 09:30', '2012-02-06 09:50'],
      ['exposé', '2012-02-06 09:50', '2012-02-06 10:15'],
      ['séance', '2012-02-06 18:00', '2012-02-06 21:00'],
    ]);
    expect(rows[0]).toEqual(['séance', '2012-02-06', '2012-02-06 09:30', '2012-02-06 11:00', '90', 'CNRS', expect.stringMatching(/^Amphithéâtre/), 'Séance plénière', "'+Ouverture", '', '', '', '', '']);
    expect(rows[1].slice(10)).toEqual(['1', "'-1+2 les villes", `'=HYPERLINK("http://evil") Dupré, "la jeune"`, 'confirmée']);
    expect(rows[2].slice(10)).toEqual(['2', 'Économie numérique', `'=HYPERLINK("http://evil") Dupré, "la jeune"`, 'acceptée']);
    expect(rows[3].slice(5, 10)).toEqual(['Espace Cardin', expect.stringMatching(/^Grande salle/), 'Cérémonie', 'Remise du Label\nVille Internet 2012', "'@Maire"]);
    // no cell a spreadsheet would run
    for (const record of rows) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('answers 404 for an unknown event, 400 for a malformed id and 403 to speakers', async () => {
    const unknown = await t.http.get('/api/events/6f1c2b1e-0000-4000-8000-000000000000/sessions.csv').set(bearer(c.organiser));
    expectErrorBody(unknown.body, 404, 'NOT_FOUND');
    const malformed = await t.http.get('/api/events/vtn2012/sessions.csv').set(bearer(c.organiser));
    expect(malformed.status).toBe(400);
    const speaker = await signUp(t, 'Anne', 'Lecteur');
    expect((await t.http.get(`/api/events/${c.vtnId}/sessions.csv`).set(bearer(speaker.token))).status).toBe(403);
  });
});
