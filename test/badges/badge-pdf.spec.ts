import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, binary, createParticipant, decodeQrCodes, PEOPLE, run, scratch } from './badges-support.js';

/** GET /api/participants/:id/badge.pdf: one badge for the desk printer, read back as a person would. */
describe('Single badge PDF', () => {
  let t: TestApp;
  let admin: string;
  let reception: string;
  let eventId: string;
  const ids: string[] = [];
  const tmp = scratch();

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    reception = await t.tokenFor('reception');
    eventId = (await t.http.get('/api/events?slug=vtn2012')).body.items[0].id;
    for (const [i, p] of PEOPLE.entries()) ids.push(await createParticipant(t, admin, eventId, { ...p }, i));
  });
  afterAll(async () => {
    tmp.remove();
    await t?.close();
  });

  const token = async (id: string) => (await t.booted.dataSource.query(`SELECT badge_token FROM participants WHERE id = $1`, [id]))[0].badge_token as string;

  it('renders each badge on one A6 page with the names intact, the font embedded and subset, and a QR code of the token', async () => {
    for (const [i, id] of ids.entries()) {
      const res = await t.http.get(`/api/participants/${id}/badge.pdf`).set(bearer(reception)).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-badge-overflow']).toBe('0');
      const pdf = tmp.write(`single-${i}.pdf`, res.body as Buffer);
      const info = run('pdfinfo', [pdf]);
      expect(info).toMatch(/Pages:\s+1\n/);
      expect(info).toMatch(/Page size:\s+297\.6\d* x 419\.5\d* pts/); // A6: 105 × 148 mm
      const text = run('pdftotext', ['-layout', pdf, '-']).replace(/\s+/g, ' ');
      const person = PEOPLE[i];
      for (const part of [person.firstName, ...person.lastName.split(/[ -]/)]) expect(text).toContain(part);
      const fonts = run('pdffonts', [pdf]);
      expect(fonts).toMatch(/[A-Z]{6}\+DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
      expect(decodeQrCodes(pdf, tmp.dir)).toEqual([await token(id)]);
      run('qpdf', ['--check', pdf]);
    }
  });

  it('logs a first print, then reprints with the reason given', async () => {
    const id = ids[0];
    await t.http.get(`/api/participants/${id}/badge.pdf?reason=${encodeURIComponent('Badge abîmé')}`).set(bearer(admin)).buffer(true).parse(binary);
    const rows = await t.booted.dataSource.query(`SELECT reprint, reason, template, printed_by, batch_id FROM badge_prints WHERE participant_id = $1 ORDER BY printed_at, reprint`, [id]);
    expect(rows.length).toBe(2);
    expect(rows[0]).toMatchObject({ reprint: false, reason: null, template: 'colloquium', batch_id: null });
    expect(rows[1]).toMatchObject({ reprint: true, reason: 'Badge abîmé', template: 'colloquium' });
  });

  it('rotates the token of a lost badge: the new badge carries the new token, the old one is gone', async () => {
    const id = ids[1];
    const old = await token(id);
    const res = await t.http.post(`/api/participants/${id}/badge-token/rotate`).set(bearer(reception)).send({ reason: 'Badge perdu' }).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const fresh = await token(id);
    expect(fresh).not.toBe(old);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const pdf = tmp.write('rotated.pdf', res.body as Buffer);
    expect(decodeQrCodes(pdf, tmp.dir)).toEqual([fresh]);
    const [log] = await t.booted.dataSource.query(`SELECT reprint, reason FROM badge_prints WHERE participant_id = $1 ORDER BY printed_at DESC LIMIT 1`, [id]);
    expect(log).toEqual({ reprint: true, reason: 'Badge perdu' });
    const [{ n }] = await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM participants WHERE badge_token = $1`, [old]);
    expect(n).toBe(0);
  });

  it('uses another template on request, and refuses unknown ones, bad ids and strangers', async () => {
    const card = await t.http.get(`/api/participants/${ids[2]}/badge.pdf?template=ceremony`).set(bearer(admin)).buffer(true).parse(binary);
    expect(card.status).toBe(200);
    const pdf = tmp.write('card.pdf', card.body as Buffer);
    expect(run('pdfinfo', [pdf])).toMatch(/Pages:\s+2\n/); // front and back
    const before = (await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM badge_prints`))[0].n;
    const unknown = await t.http.get(`/api/participants/${ids[2]}/badge.pdf?template=nope`).set(bearer(admin));
    expectErrorBody(unknown.body, 422, 'UNKNOWN_BADGE_TEMPLATE');
    for (const bad of ['template=../../etc/passwd', 'template=' + 'a'.repeat(100), 'reason=' + 'x'.repeat(600), 'other=1', 'template[]=a']) {
      const res = await t.http.get(`/api/participants/${ids[2]}/badge.pdf?${bad}`).set(bearer(admin));
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400);
    }
    expectErrorBody((await t.http.get(`/api/participants/not-a-uuid/badge.pdf`).set(bearer(admin))).body, 400);
    expectErrorBody((await t.http.get(`/api/participants/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/badge.pdf`).set(bearer(admin))).body, 404);
    const rotate = await t.http.post(`/api/participants/${ids[2]}/badge-token/rotate`).set(bearer(admin)).send({});
    expectErrorBody(rotate.body, 400);
    expect((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM badge_prints`))[0].n).toBe(before);
  });
});
