import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectErrorBody, startTestApp, type TestApp } from '../../support/test-app.js';
import { AFTER, BEFORE, bearer, checkIn, clock, contactToken, EXPECTED_ORDER, seedCeremony, speakerToken, TOWNS, type CeremonyFixture } from './ceremony-support.js';

/** A name too long for one line even at the smallest size: it must wrap, never be cut. */
const VERY_LONG = 'Saint-Martin-de-la-Très-Longue-Vallée-des-Communes-Réunies-du-Haut-Plateau-et-des-Rivières-d’Émeraude-sur-Mer';

const binary = (res: { body: unknown }) => res.body as Buffer;
function buffered(req: ReturnType<TestApp['http']['get']>) {
  return req.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

/**
 * The running order (JSON and PDF) and the certificates, read back as a person would (pdftotext,
 * pdfinfo, pdffonts), and the embargo on every route of the ceremony as anonymous, speaker,
 * reception and organiser, before and after the reveal.
 */
describe('Label ceremony: running order, certificates, embargo', () => {
  let t: TestApp;
  let admin: string;
  let reception: string;
  let speaker: string;
  let fx: CeremonyFixture;
  let dir: string;
  const ids: Record<string, string> = {};

  function pdfText(pdf: Buffer, name: string, ...args: string[]): string {
    const file = join(dir, name);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
  }
  function pdfTool(tool: 'pdfinfo' | 'pdffonts', pdf: Buffer, name: string): string {
    const file = join(dir, name);
    writeFileSync(file, pdf);
    return execFileSync(tool, [file], { encoding: 'utf8' });
  }
  function expectEmbeddedDejaVu(pdf: Buffer, name: string): void {
    const fonts = pdfTool('pdffonts', pdf, name).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/DejaVuSans/);
      // name, type…, then the emb / sub / uni columns
      expect(line).toMatch(/\byes\s+yes\s+yes\b/);
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ceremony-pdf-'));
    t = await startTestApp({ OUTBOX_POLL_MS: '0' });
    admin = await t.adminToken();
    reception = await t.tokenFor('reception');
    speaker = await speakerToken(t);
    fx = await seedCeremony(t, 2);
    await t.booted.dataSource.query(
      `INSERT INTO label_awards (year, insee, town_name, departement, region, level, first_participation) VALUES (2012, '01001', $1, '01', 'Rhône-Alpes', 4, false)`,
      [VERY_LONG],
    );
    clock(t).set(BEFORE);
    const add = async (insee: string, firstName: string, lastName: string) => {
      const res = await t.http.post(`/api/labels/2012/towns/${insee}/delegates`).set(bearer(admin)).send({ email: `${firstName}.${lastName}@ville.test`.toLowerCase(), firstName, lastName });
      expect(res.status).toBe(201);
      ids[lastName] = res.body.id;
      return res.body;
    };
    await add('59350', 'Hélène', 'Lefèvre');
    await add('59350', 'Noël', 'Bâton');
    expect((await add('33063', 'Zoé', 'Garçon')).admission).toBe('waiting');
    await checkIn(t, fx, ids['Lefèvre']);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ROUTES = ['/api/labels/2012/ceremony/running-order', '/api/labels/2012/ceremony/running-order.pdf', '/api/labels/2012/ceremony/certificates.pdf'];

  it('gives the documents only to organisers before the reveal: reception 403 LABEL_EMBARGOED, speaker 403, anonymous 401', async () => {
    clock(t).set(BEFORE);
    for (const url of ROUTES) {
      const anonymous = await t.http.get(url);
      expect([url, anonymous.status]).toEqual([url, 401]);
      const asSpeaker = await t.http.get(url).set(bearer(speaker));
      expect([url, asSpeaker.status]).toEqual([url, 403]);
      const asReception = await t.http.get(url).set(bearer(reception));
      expect([url, asReception.status]).toEqual([url, 403]);
      expectErrorBody(asReception.body, 403, 'LABEL_EMBARGOED');
      // the refusal says nothing of the towns or their levels
      expect(JSON.stringify(asReception.body)).not.toMatch(/Lille|Bordeaux|@@|"level"/);
      const asOrganiser = await buffered(t.http.get(url).set(bearer(admin)));
      expect([url, asOrganiser.status]).toEqual([url, 200]);
      expect(asOrganiser.headers['cache-control']).toBe('private, no-store');
    }
    // the contact's link and the delegates' list never show levels before the reveal
    const token = await contactToken(t, admin, '59350');
    const view = await t.http.get(`/api/labels/2012/towns/59350/contact/${token}`);
    expect([view.body.level, view.body.levelRevealed]).toEqual([null, false]);
    const list = await t.http.get('/api/labels/2012/towns/59350/delegates').set(bearer(admin));
    expect(JSON.stringify(list.body)).not.toMatch(/"level"/);
    // an unknown year is 404 for anyone allowed to ask
    const missing = await t.http.get('/api/labels/2013/ceremony/running-order').set(bearer(reception));
    expect(missing.status).toBe(404);
    expectErrorBody(missing.body, 404);
  });

  it('opens them to reception once the ceremony starts, and shows the level on the contact’s link; a later reveal time holds them back', async () => {
    clock(t).set(AFTER);
    for (const url of ROUTES) {
      expect([url, (await buffered(t.http.get(url).set(bearer(reception)))).status]).toEqual([url, 200]);
      expect([url, (await t.http.get(url).set(bearer(speaker))).status]).toEqual([url, 403]);
      expect([url, (await t.http.get(url)).status]).toEqual([url, 401]);
    }
    const token = await contactToken(t, admin, '59350');
    const view = await t.http.get(`/api/labels/2012/towns/59350/contact/${token}`);
    expect([view.body.level, view.body.levelRevealed]).toEqual([4, true]);

    // organisers postpone the reveal past the ceremony's start: embargoed again for reception
    await t.booted.dataSource.query(`UPDATE label_years SET reveal_at = '2012-02-06T20:00:00Z' WHERE year = 2012`);
    expect((await t.http.get(ROUTES[0]).set(bearer(reception))).status).toBe(403);
    expect((await t.http.get(`/api/labels/2012/towns/59350/contact/${token}`)).body.level).toBeNull();
    // and reveal it now through the labels' route, before the ceremony
    clock(t).set(BEFORE);
    const reveal = await t.http.post('/api/labels/2012/reveal').set(bearer(admin)).send({});
    expect(reveal.status).toBeLessThan(300);
    expect((await t.http.get(ROUTES[0]).set(bearer(reception))).status).toBe(200);
    expect((await t.http.get(`/api/labels/2012/towns/59350/contact/${token}`)).body.level).toBe(4);
    await t.booted.dataSource.query(`UPDATE label_years SET reveal_at = NULL, revealed_by = NULL WHERE year = 2012`);
  });

  it('orders the towns by level (1 @ first), region and name, and marks the delegates present', async () => {
    clock(t).set(BEFORE);
    const res = await t.http.get('/api/labels/2012/ceremony/running-order').set(bearer(admin));
    expect(res.status).toBe(200);
    const expected = [...EXPECTED_ORDER];
    expected.splice(expected.indexOf('Lille') + 1, 0, VERY_LONG);
    expect(res.body.levels.map((l: { label: string }) => l.label)).toEqual(['1 @', '2 @', '3 @', '4 @', '5 @']);
    const towns = res.body.levels.flatMap((l: { towns: unknown[] }) => l.towns) as { name: string; position: number; level: number; delegates: { lastName: string; present: boolean; admission: string }[]; delegatesPresent: number }[];
    expect(towns.map((x) => x.name)).toEqual(expected);
    expect(towns.map((x) => x.position)).toEqual(expected.map((_n, i) => i + 1));
    expect(towns.map((x) => x.level)).toEqual([...towns.map((x) => x.level)].sort());
    const lille = towns.find((x) => x.name === 'Lille')!;
    expect(lille.delegates.map((d) => [d.lastName, d.present, d.admission])).toEqual([['Bâton', false, 'admitted'], ['Lefèvre', true, 'admitted']]);
    expect(lille.delegatesPresent).toBe(1);
    expect(towns.find((x) => x.name === 'Bordeaux')!.delegates.map((d) => [d.lastName, d.admission])).toEqual([['Garçon', 'waiting']]);
    expect(res.body.totals).toEqual({ towns: TOWNS.length + 1, delegates: 3, present: 1 });
    expect(res.body).toMatchObject({ year: 2012, eventName: 'Remise du Label Ville Internet 2012', ceremonyStartsAt: '2012-02-06T18:00:00+01:00', revealed: false });
    expect(res.body.generatedAt).toBe('2012-02-01T11:00:00+01:00');
    // a delegate checked in later shows up at once
    await checkIn(t, fx, ids['Bâton']);
    const again = await t.http.get('/api/labels/2012/ceremony/running-order').set(bearer(admin));
    expect(again.body.totals.present).toBe(2);
    await t.booted.dataSource.query(`DELETE FROM check_ins WHERE participant_id = $1`, [ids['Bâton']]);
  });

  it('prints the running order: levels in order, every name intact, ✓ before the delegates present', async () => {
    const res = await buffered(t.http.get('/api/labels/2012/ceremony/running-order.pdf').set(bearer(admin)));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="label-2012-ordre-de-passage.pdf"');
    const pdf = binary(res);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // -raw: lines as drawn, a name wrapped after a hyphen keeps it (the default output joins such lines and drops the hyphen)
    const text = pdfText(pdf, 'order.pdf', '-raw');
    const flat = text.replace(/\s*\n\s*/g, ' ');
    let last = -1;
    for (const label of ['1 @ — 2 communes', '2 @ — 2 communes', '3 @ — 3 communes', '4 @ — 2 communes', '5 @ — 2 communes']) {
      const at = flat.indexOf(label);
      expect([label, at > last]).toEqual([label, true]);
      last = at;
    }
    const expected = [...EXPECTED_ORDER];
    expected.splice(expected.indexOf('Lille') + 1, 0, VERY_LONG);
    let previous = -1;
    expected.forEach((name, i) => {
      const at = text.replace(/\n/g, '').indexOf(`${i + 1}. ${name}`);
      expect([name, at > previous]).toEqual([name, true]);
      previous = at;
    });
    expect(text).toContain('✓ Hélène Lefèvre');
    expect(text).toContain('○ Noël Bâton');
    expect(text).toContain('○ Zoé Garçon — liste d’attente');
    expect(text).toContain('6 février 2012');
    expect(text.replace(/\n/g, ' ')).toContain(`${TOWNS.length + 1} communes, 3 délégué·es dont 1 présent·e (✓ présent·e`);
    expectEmbeddedDejaVu(pdf, 'order.pdf');
  });

  it('prints one certificate per town, in running order, names intact and inside the page, level as @ signs, the date in French', async () => {
    const res = await buffered(t.http.get('/api/labels/2012/ceremony/certificates.pdf').set(bearer(admin)));
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="label-2012-diplomes.pdf"');
    const pdf = binary(res);
    const info = pdfTool('pdfinfo', pdf, 'certificates.pdf');
    expect(info).toMatch(new RegExp(`Pages:\\s+${TOWNS.length + 1}\\n`));
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts/);
    const pages = pdfText(pdf, 'certificates.pdf', '-raw').split('\f').slice(0, -1);
    const expected = [...EXPECTED_ORDER];
    expected.splice(expected.indexOf('Lille') + 1, 0, VERY_LONG);
    expect(pages).toHaveLength(expected.length);
    const levelOf = new Map<string, number>([...TOWNS.map((x) => [x.name, x.level] as [string, number]), [VERY_LONG, 4]]);
    pages.forEach((page, i) => {
      const name = expected[i];
      expect(page).toContain('Label Ville Internet 2012');
      expect(page).toContain('Remise du Label Ville Internet 2012 — 6 février 2012');
      // the name is whole: on one line, or wrapped over several (no character lost)
      const joined = page.replace(/\s*\n\s*/g, '');
      expect([i, joined.includes(name)]).toEqual([i, true]);
      if (name !== VERY_LONG) expect(page.split('\n')).toContain(name);
      const level = levelOf.get(name)!;
      expect(page).toContain(`${level} @ sur 5`);
      expect(page.replace(/ /g, '')).toContain('@'.repeat(level));
      expect(page.replace(/ /g, '')).not.toContain('@'.repeat(level + 1));
      // no other town on this page
      for (const other of expected) if (other !== name && !name.includes(other) && !other.includes(name)) expect(joined.includes(other)).toBe(false);
    });
    // every word inside the page (nothing drawn off the edge): bounding boxes from pdftotext -bbox
    const boxes = pdfText(pdf, 'certificates.pdf', '-bbox');
    const words = [...boxes.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map((m) => m.slice(1).map(Number));
    expect(words.length).toBeGreaterThan(50);
    for (const [xMin, yMin, xMax, yMax] of words) {
      expect(xMin).toBeGreaterThanOrEqual(24);
      expect(xMax).toBeLessThanOrEqual(841.89 - 24);
      expect(yMin).toBeGreaterThanOrEqual(24);
      expect(yMax).toBeLessThanOrEqual(595.28 - 24);
    }
    expectEmbeddedDejaVu(pdf, 'certificates.pdf');

    const one = await buffered(t.http.get('/api/labels/2012/ceremony/certificates.pdf?insee=2a004').set(bearer(admin)));
    expect(one.status).toBe(200);
    expect(one.headers['content-disposition']).toBe('attachment; filename="label-2012-diplome-2A004.pdf"');
    expect(pdfTool('pdfinfo', binary(one), 'one.pdf')).toMatch(/Pages:\s+1\n/);
    expect(pdfText(binary(one), 'one.pdf', '-raw')).toContain('Ajaccio');
    // drawn once per content: the same bytes again, and a renamed town is drawn anew (never a stale file)
    const again = await buffered(t.http.get('/api/labels/2012/ceremony/certificates.pdf?insee=2A004').set(bearer(admin)));
    expect(binary(again).equals(binary(one))).toBe(true);
    await t.booted.dataSource.query(`UPDATE label_awards SET town_name = 'Aiacciu-Ajaccio' WHERE year = 2012 AND insee = '2A004'`);
    const renamed = await buffered(t.http.get('/api/labels/2012/ceremony/certificates.pdf?insee=2A004').set(bearer(admin)));
    expect(pdfText(binary(renamed), 'renamed.pdf', '-raw')).toContain('Aiacciu-Ajaccio');
    await t.booted.dataSource.query(`UPDATE label_awards SET town_name = 'Ajaccio' WHERE year = 2012 AND insee = '2A004'`);
    const unknown = await t.http.get('/api/labels/2012/ceremony/certificates.pdf?insee=75056').set(bearer(admin));
    expect(unknown.status).toBe(404);
    expectErrorBody(unknown.body, 404);
    for (const bad of ['?insee=7505', '?insee[]=1', '?insee=%00', '?other=1']) {
      const res400 = await t.http.get(`/api/labels/2012/ceremony/certificates.pdf${bad}`).set(bearer(admin));
      expect([bad, res400.status]).toEqual([bad, 400]);
      expectErrorBody(res400.body, 400);
    }
    for (const url of ['/api/labels/abcd/ceremony/running-order', '/api/labels/99999/ceremony/certificates.pdf', '/api/labels/2012.5/ceremony/running-order.pdf']) {
      const res400 = await t.http.get(url).set(bearer(admin));
      expect([url, res400.status]).toEqual([url, 400]);
      expectErrorBody(res400.body, 400, 'VALIDATION_FAILED');
    }
  });
});
