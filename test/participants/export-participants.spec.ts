import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { parseRfc4180 } from '../submissions-review/rfc4180.js';
import { bearer, colloquiumId, createPart } from './participants-support.js';

/**
 * The organisers' exports as a spreadsheet and a program read them: UTF-8 with a BOM, RFC 4180,
 * CRLF, a French header, names in any script, formulas defused, filters applied; the JSON with the
 * needs. Reception may not export.
 */
describe('Participants exports', () => {
  let t: TestApp;
  let organiser: string;
  let eventId: string;
  let dinner: string;

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    eventId = await colloquiumId(t);
    dinner = await createPart(t, eventId, 'diner', 100);
    const people = [
      { email: 'helene@example.org', firstName: 'Hélène', lastName: 'Dupré', affiliation: 'CNRS; LAVUE, « Mosaïques »', categories: ['researcher'], days: ['2012-02-06'], partIds: [dinner], dietaryNeeds: 'sans gluten\nvégétarienne' },
      { email: 'lukasz@example.org', firstName: 'Łukasz', lastName: 'Wróbel', affiliation: '=HYPERLINK("http://evil.example")', categories: ['guest'] },
      { email: 'zoe@example.org', firstName: 'Zoë', lastName: 'Ørsted', town: 'Issy-les-Moulineaux', townInsee: '92040', categories: ['city-representative', 'press'], affiliation: '+33 1 23', consentPublicList: true },
      { email: 'sun@example.org', firstName: '孙', lastName: '"Quoted" Sūn', affiliation: '@Tsinghua', categories: ['researcher'] },
    ];
    for (const p of people) {
      const res = await t.http.post(`/api/events/${eventId}/participants`).set(bearer(organiser)).send(p);
      if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes the CSV with a BOM, RFC 4180 quoting, CRLF, a French header and every name as typed', async () => {
    const res = await t.http.get(`/api/events/${eventId}/participants.csv`).set(bearer(organiser)).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="participants-vtn2012.csv"');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseRfc4180(text);
    expect(header.slice(0, 8)).toEqual(['Nom', 'Prénom', 'Courriel', 'Affiliation', 'Ville', 'Code INSEE', 'Catégories', 'Catégorie du badge']);
    // by name, accents ignored ("Ørsted" between "Dupré" and "Wróbel"); where a quote sorts depends on the collation
    expect(rows.map((r) => r[0]).filter((n) => !n.startsWith('"'))).toEqual(['Dupré', 'Ørsted', 'Wróbel']);
    expect(rows).toHaveLength(4);
    const row = (last: string) => Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === last)![i]]));
    expect(row('Dupré')).toMatchObject({
      Prénom: 'Hélène',
      Affiliation: 'CNRS; LAVUE, « Mosaïques »',
      Catégories: 'researcher',
      'Catégorie du badge': 'Chercheur·euse',
      Jours: '2012-02-06',
      Parties: 'diner',
      'Régime alimentaire': 'sans gluten\nvégétarienne',
      Statut: 'inscrit',
    });
    expect(row('Ørsted')).toMatchObject({ Ville: 'Issy-les-Moulineaux', 'Code INSEE': '92040', Catégories: 'city-representative, press', 'Catégorie du badge': 'Presse', 'Liste publique': 'oui' });
    // formulas defused
    expect(row('Wróbel').Affiliation).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(row('Ørsted').Affiliation).toBe(`'+33 1 23`);
    expect(row('"Quoted" Sūn').Affiliation).toBe(`'@Tsinghua`);
    expect(row('"Quoted" Sūn').Prénom).toBe('孙');
  });

  it('applies the filters to both exports, and gives the needs in the JSON', async () => {
    const csv = await t.http.get(`/api/events/${eventId}/participants.csv?category=press`).set(bearer(organiser));
    expect(parseRfc4180(csv.text.replace(/^\uFEFF/, '')).slice(1).map((r) => r[0])).toEqual(['Ørsted']);
    const json = await t.http.get(`/api/events/${eventId}/participants.json?partId=${dinner}`).set(bearer(organiser));
    expect(json.status).toBe(200);
    expect(json.body).toHaveLength(1);
    expect(json.body[0]).toMatchObject({ lastName: 'Dupré', dietaryNeeds: 'sans gluten\nvégétarienne', primaryCategory: 'researcher', admissions: [{ partCode: 'diner', status: 'admitted' }] });
    const none = await t.http.get(`/api/events/${eventId}/participants.json?status=cancelled`).set(bearer(organiser));
    expect(none.body).toEqual([]);
    const bad = await t.http.get(`/api/events/${eventId}/participants.csv?category=nobody`).set(bearer(organiser));
    expect(bad.status).toBe(400);
    expectErrorBody(bad.body, 400, 'VALIDATION_FAILED');
  });

  it('is for organisers only', async () => {
    const reception = await t.tokenFor('reception');
    for (const path of ['participants.csv', 'participants.json']) {
      const res = await t.http.get(`/api/events/${eventId}/${path}`).set(bearer(reception));
      expect(res.status).toBe(403);
      expect((await t.http.get(`/api/events/${eventId}/${path}`)).status).toBe(401);
    }
  });
});
