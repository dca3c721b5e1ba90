import { CLOCK, SettableClock } from '../../src/common/time/clock.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { RED_SQUARE_SVG, renderPng } from '../organisations/images.js';
import { bearer, binary, createParticipant, decodeQrCodes, PEOPLE, renderGrey, run, scratch, textIn, untilDelivered } from './badges-support.js';

const A4 = { w: 595.28, h: 841.89 };
const MM = 72 / 25.4;

/**
 * POST /api/events/:eventId/badges/print: the colloquium template, four A6 to an A4 sheet, read back
 * with poppler, zbar and qpdf; the decoded tokens are accepted by POST /api/check-ins.
 */
describe('Badge print jobs', () => {
  let t: TestApp;
  let admin: string;
  let reception: string;
  let eventId: string;
  let dayPart: string;
  const ids: string[] = [];
  const latin: Record<string, string> = {};
  const tmp = scratch();

  /** A print, answered once its badges are logged (just after its response finished). */
  const print = async (body: unknown, token = reception) => {
    const res = await t.http.post(`/api/events/${eventId}/badges/print`).set(bearer(token)).send(body as object).buffer(true).parse(binary);
    if (res.status === 200) await untilDelivered(t, res.headers['x-badge-print-job']);
    return res;
  };
  const tokenOf = async (id: string) => (await t.booted.dataSource.query(`SELECT badge_token FROM participants WHERE id = $1`, [id]))[0].badge_token as string;
  const prints = async () => (await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM badge_prints`))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    reception = await t.tokenFor('reception');
    eventId = (await t.http.get('/api/events?slug=vtn2012')).body.items[0].id;
    [{ id: dayPart }] = await t.booted.dataSource.query(
      `INSERT INTO event_parts (event_id, code, name_fr, kind, admission, day) VALUES ($1, 'jour-1', 'Lundi 6 février', 'day', 'open', '2012-02-06') RETURNING id`,
      [eventId],
    );
    const [{ id: ceremony }] = await t.booted.dataSource.query(
      `INSERT INTO event_parts (event_id, code, name_fr, kind, admission, badge_ribbon) VALUES ($1, 'ceremonie', 'Remise du label', 'ceremony', 'open', 'Cérémonie') RETURNING id`,
      [eventId],
    );
    for (const [i, p] of PEOPLE.entries()) ids.push(await createParticipant(t, admin, eventId, { ...p, partIds: i % 2 ? [dayPart, ceremony] : [dayPart] }, i));
    for (const [i, [first, last]] of [['Émile', 'Zola'], ['Anne', 'Ébrard'], ['Bernard', 'Eber']].entries()) {
      latin[last] = await createParticipant(t, admin, eventId, { firstName: first, lastName: last, categories: ['researcher'], partIds: [dayPart] }, 100 + i);
      ids.push(latin[last]);
    }
    latin['Dupré'] = ids[0];
    latin['de La Rochefoucauld-Montmorency-Laval'] = ids[1];
  });
  afterAll(async () => {
    tmp.remove();
    await t?.close();
  });

  it('prints everyone on A4 sheets of four A6 badges with crop marks inside the page; every name, font and QR code reads back; check-in accepts the tokens', async () => {
    const res = await print({ all: true, template: 'colloquium' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-badge-count']).toBe(String(ids.length));
    expect(res.headers['x-badge-sheets']).toBe('3');
    expect(res.headers['x-badge-overflow']).toBe('0');
    expect(res.headers['transfer-encoding']).toBe('chunked'); // streamed as it renders, no Content-Length
    const pdf = tmp.write('all.pdf', res.body as Buffer);
    run('qpdf', ['--check', pdf]);
    const info = run('pdfinfo', [pdf]);
    expect(info).toMatch(/Pages:\s+3\n/);
    const size = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
    expect(Number(size?.[1])).toBeCloseTo(A4.w, 0);
    expect(Number(size?.[2])).toBeCloseTo(A4.h, 0);

    // the font is embedded once per face, as a subset
    const fonts = run('pdffonts', [pdf]).split('\n').filter((l) => l.includes('DejaVu'));
    expect(fonts.length).toBe(2);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);

    const text = run('pdftotext', [pdf, '-']).replace(/\s+/g, ' ');
    for (const p of PEOPLE) {
      for (const word of [...p.firstName.split(/[ -]/), ...p.lastName.split(/[ -]/)]) expect(text).toContain(word);
      if (p.affiliation) for (const word of p.affiliation.split(' ')) expect(text).toContain(word);
    }
    expect(text).toContain('Issy-les-Moulineaux');
    expect(text).toContain('Cérémonie');
    expect(text).toContain('6–7 février 2012');
    expect(text).toContain('Ville Internet'); // the category label on the band

    // every QR code decodes, to exactly the badge tokens
    const decoded = decodeQrCodes(pdf, tmp.dir);
    const tokens = await Promise.all(ids.map(tokenOf));
    expect([...decoded].sort()).toEqual([...tokens].sort());

    // page 1: four A6 slots; crop marks on the cut lines, inside the page (x = 105 mm at top and bottom, y = 148.5 mm at both sides)
    const page = renderGrey(pdf, 1, 150, tmp.dir);
    const px = (mm: number) => (mm / 25.4) * 150;
    const dark = (xs: number[], ys: number[]) => xs.some((x) => ys.some((y) => page.at(x, y) < 128));
    const around = (mm: number) => [px(mm) - 1, px(mm), px(mm) + 1];
    expect(dark(around(105), [px(1), px(2), px(3)])).toBe(true);
    expect(dark(around(105), [px(294), px(295), px(296)])).toBe(true);
    expect(dark([px(1), px(2), px(3)], around(148.5))).toBe(true);
    expect(dark([px(207), px(208), px(209)], around(148.5))).toBe(true);
    expect(Math.abs(page.width - px(210))).toBeLessThanOrEqual(1);

    // check-in accepts every decoded token (the day part of 6 February 2012, 09:00 in Paris)
    (t.booted.app.get(CLOCK) as SettableClock).set(new Date('2012-02-06T08:00:00Z'));
    for (const token of decoded) {
      const scan = await t.http.post('/api/check-ins').set(bearer(reception)).send({ token });
      expect(scan.status).toBe(201);
    }
    (t.booted.app.get(CLOCK) as SettableClock).set(null);
  });

  it('sorts by last name with accents and case ignored, four to a sheet in reading order', async () => {
    const res = await print({ filter: { participantIds: Object.values(latin) } });
    expect(res.status).toBe(200);
    const pdf = tmp.write('sorted.pdf', res.body as Buffer);
    const slot = (col: number, row: number) => ({ x: col * 105 * MM, y: row * 148.5 * MM, w: 105 * MM, h: 148 * MM });
    expect(textIn(pdf, 1, slot(0, 0))).toContain('Rochefoucauld');
    expect(textIn(pdf, 1, slot(1, 0))).toContain('Dupré');
    expect(textIn(pdf, 1, slot(0, 1))).toContain('Eber');
    expect(textIn(pdf, 1, slot(1, 1))).toContain('Ébrard');
    expect(textIn(pdf, 2, slot(0, 0))).toContain('Zola');
  });

  it('logs every badge of a job under one batch, reprints with their reason, and "not yet printed" leaves the printed out', async () => {
    await t.booted.dataSource.query(`DELETE FROM badge_prints`);
    const first = await print({ filter: { categories: ['researcher'] } });
    expect(first.status).toBe(200);
    const researchers = Number(first.headers['x-badge-count']);
    expect(researchers).toBe(5); // Dupré, Łukasz, Zola, Ébrard, Eber
    const rows = await t.booted.dataSource.query(`SELECT DISTINCT batch_id, reprint, reason, template FROM badge_prints`);
    expect(rows).toEqual([{ batch_id: expect.any(String), reprint: false, reason: null, template: 'colloquium' }]);

    const rest = await print({ filter: { notYetPrinted: true } });
    expect(Number(rest.headers['x-badge-count'])).toBe(ids.length - researchers);
    const none = await t.http.post(`/api/events/${eventId}/badges/print`).set(bearer(reception)).send({ filter: { notYetPrinted: true } });
    expectErrorBody(none.body, 422, 'NO_BADGES');

    const again = await print({ filter: { categories: ['press'] }, reason: 'Encre pâle' });
    expect(again.status).toBe(200);
    const [reprint] = await t.booted.dataSource.query(`SELECT reprint, reason, printed_by FROM badge_prints WHERE reprint ORDER BY printed_at DESC LIMIT 1`);
    expect(reprint.reason).toBe('Encre pâle');
    expect(reprint.printed_by).toEqual(expect.any(String));

    const preview = await t.http.get(`/api/events/${eventId}/badges/preview?notYetPrinted=true`).set(bearer(reception));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ badges: 0, sheets: 0, overflowCount: 0 });
 
    // two « not yet printed » jobs at once: one prints the newcomers, the other finds nobody left
    const newcomers: string[] = [];
    for (let i = 0; i < 3; i++) newcomers.push(await createParticipant(t, admin, eventId, { firstName: 'Nouveau', lastName: `Venu ${i}`, categories: ['guest'] }, 300 + i));
    const both = await Promise.all([1, 2].map(() => t.http.post(`/api/events/${eventId}/badges/print`).set(bearer(reception)).send({ filter: { notYetPrinted: true } }).buffer(true).parse(binary)));
    expect(both.map((r) => r.status).sort()).toEqual([200, 422]);
    await untilDelivered(t, both.find((r) => r.status === 200)!.headers['x-badge-print-job']);
    const [{ n }] = await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM badge_prints WHERE participant_id = ANY($1::uuid[])`, [newcomers]);
    expect(n).toBe(3);
  });

  it('filters by part and by day', async () => {
    const [{ id: workshop }] = await t.booted.dataSource.query(
      `INSERT INTO event_parts (event_id, code, name_fr, kind, admission) VALUES ($1, 'atelier', 'Atelier', 'workshop', 'open') RETURNING id`,
      [eventId],
    );
    await t.booted.dataSource.query(`INSERT INTO part_admissions (part_id, participant_id, status, admitted_at) VALUES ($1, $2, 'admitted', now())`, [workshop, ids[2]]);
    const byPart = await t.http.get(`/api/events/${eventId}/badges/preview?partId=${workshop}`).set(bearer(reception));
    expect(byPart.body.badges).toBe(1);
    const byDay = await t.http.get(`/api/events/${eventId}/badges/preview?day=2012-02-06`).set(bearer(reception));
    expect(byDay.body.badges).toBe(ids.length);
    const otherDay = await t.http.get(`/api/events/${eventId}/badges/preview?day=2012-02-07`).set(bearer(reception));
    expect(otherDay.body.badges).toBe(0);
  });

  it('a rotated token is no longer printed nor accepted at check-in', async () => {
    const id = ids[3];
    const old = await tokenOf(id);
    const rotated = await t.http.post(`/api/participants/${id}/badge-token/rotate`).set(bearer(reception)).send({ reason: 'Badge perdu' }).buffer(true).parse(binary);
    expect(rotated.status).toBe(200);
    const res = await print({ filter: { participantIds: [id, ids[4]] } });
    const decoded = decodeQrCodes(tmp.write('after-rotation.pdf', res.body as Buffer), tmp.dir);
    expect(decoded).not.toContain(old);
    expect(decoded).toContain(await tokenOf(id));
    (t.booted.app.get(CLOCK) as SettableClock).set(new Date('2012-02-06T08:30:00Z'));
    const scan = await t.http.post('/api/check-ins').set(bearer(reception)).send({ token: old });
    expect(scan.status).toBe(404);
    expectErrorBody(scan.body, 404);
    (t.booted.app.get(CLOCK) as SettableClock).set(null);
  });

  it('reports a badge whose name cannot fit, in the preview and the PDF header, without drawing outside its box', async () => {
    const id = await createParticipant(t, admin, eventId, { firstName: 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeitbeschutzenvorangreifendurchihrraubgierigfeindewelchevoralternzwolftausendjahres', lastName: 'X'.repeat(150), categories: ['guest'] }, 200);
    const preview = await t.http.get(`/api/events/${eventId}/badges/preview?category=guest`).set(bearer(reception));
    expect(preview.status).toBe(200);
    expect(preview.body.overflowCount).toBe(1);
    expect(preview.body.overflows[0]).toMatchObject({ participantId: id, elements: expect.arrayContaining([expect.stringContaining('lastName'), expect.stringContaining('firstName')]) });
    const res = await t.http.get(`/api/participants/${id}/badge.pdf`).set(bearer(reception)).buffer(true).parse(binary);
    expect(res.headers['x-badge-overflow']).toBe('1');
    expect(res.headers['x-badge-overflow-participants']).toBe(id);
    const pdf = tmp.write('overflow.pdf', res.body as Buffer);
    // nothing is cut: the whole name is in the text layer, and every word is inside its box (lastName: 8–97 mm × 57–77 mm)
    expect(run('pdftotext', [pdf, '-']).replace(/\s+/g, '')).toContain('X'.repeat(150));
    const words = [...run('pdftotext', ['-bbox', pdf, '-']).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(X+)<\/word>/g)];
    expect(words.map((w) => w[5]).join('')).toBe('X'.repeat(150));
    for (const w of words) {
      const [xMin, yMin, xMax, yMax] = w.slice(1, 5).map(Number);
      expect(xMin).toBeGreaterThanOrEqual(8 * MM - 0.5);
      expect(xMax).toBeLessThanOrEqual(97 * MM + 0.5);
      expect(yMin).toBeGreaterThanOrEqual(57 * MM - 0.5);
      expect(yMax).toBeLessThanOrEqual(77 * MM + 0.5);
    }
  });

  it('draws the co-organisers’ logos, each embedded once however many badges show it', async () => {
    const roles = (await t.http.get(`/api/events/${eventId}/organisations`)).body;
    const coOrganiser = (Array.isArray(roles) ? roles : roles.items).find((r: { role: string }) => r.role === 'co-organiser');
    const organisationId = coOrganiser.organisationId ?? coOrganiser.organisation?.id;
    const upload = await t.http.put(`/api/organisations/${organisationId}/logo`).set(bearer(admin)).attach('file', renderPng(RED_SQUARE_SVG, 64), { filename: 'logo.png', contentType: 'image/png' });
    expect(upload.status).toBe(200);
    const res = await print({ filter: { participantIds: ids.slice(0, 8) } });
    expect(res.status).toBe(200);
    const pdf = tmp.write('logos.pdf', res.body as Buffer);
    const images = run('pdfimages', ['-list', pdf]).split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/)).filter((cols) => cols[2] === 'image'); // (the alpha channel is listed as an smask)
    expect(images.length).toBe(8); // drawn on each of the 8 badges (2 sheets)
    expect(new Set(images.map((cols) => `${cols[10]} ${cols[11]}`)).size).toBe(1); // one image object
    expect(images.every((cols) => cols[3] === '64' && cols[4] === '64')).toBe(true);
  });

  it('refuses hostile filters, unknown templates, huge id lists and strangers with a 4xx and writes nothing', async () => {
    const before = await prints();
    const cases: [unknown, number][] = [
      [{ filter: 'everyone' }, 400],
      [{ filter: { categories: ['president'] } }, 400],
      [{ filter: { categories: 'speaker' } }, 400],
      [{ filter: { day: '2012-02-30' } }, 400],
      [{ filter: { partId: "1' OR '1'='1" } }, 400],
      [{ filter: { participantIds: Array.from({ length: 5001 }, () => ids[0]) } }, 400],
      [{ filter: { participantIds: ['not-a-uuid'] } }, 400],
      [{ filter: { notYetPrinted: 'yes' } }, 400],
      [{ filter: { unknown: 1 } }, 400],
      [{ template: '../../etc/passwd' }, 400],
      [{ all: true, template: 'nope' }, 422],
      [{ reason: 'x'.repeat(501) }, 400],
      [{ filter: { participantIds: ['00000000-0000-4000-8000-000000000000'] } }, 422],
    ];
    for (const [body, status] of cases) {
      const res = await t.http.post(`/api/events/${eventId}/badges/print`).set(bearer(reception)).send(body as object);
      expect([JSON.stringify(body).slice(0, 80), res.status]).toEqual([JSON.stringify(body).slice(0, 80), status]);
      expectErrorBody(res.body, status);
    }
    const missing = await t.http.post(`/api/events/00000000-0000-4000-8000-000000000000/badges/print`).set(bearer(reception)).send({ all: true });
    expectErrorBody(missing.body, 404);
    const speaker = await t.http.post(`/api/events/${eventId}/badges/print`).send({});
    expectErrorBody(speaker.body, 401);
    for (const q of ['template=nope', 'category=president', 'day=yesterday', 'notYetPrinted=maybe', 'partId=1', 'x=1']) {
      const res = await t.http.get(`/api/events/${eventId}/badges/preview?${q}`).set(bearer(reception));
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorBody(res.body, res.status);
    }
    expect(await prints()).toBe(before);
  });

  it('lets organisers choose a template per category, with the event’s default for the rest', async () => {
    const initial = await t.http.get(`/api/events/${eventId}/badges/templates`).set(bearer(admin));
    expect(initial.status).toBe(200);
    expect(initial.body.defaultTemplate).toBe('colloquium');
    expect(initial.body.templates.map((x: { name: string }) => x.name).sort()).toEqual(['ceremony', 'colloquium']);
    expect(initial.body.templates.find((x: { name: string }) => x.name === 'colloquium')).toMatchObject({ badgeSize: 'A6', sheet: 'A4', perSheet: 4, cutGuides: 'crop-marks' });
    const put = await t.http.put(`/api/events/${eventId}/badges/templates`).set(bearer(admin)).send({ choices: [{ category: 'press', template: 'ceremony' }] });
    expect(put.status).toBe(200);
    expect(put.body.categories.find((c: { category: string }) => c.category === 'press')).toEqual({ category: 'press', label: 'Presse', template: 'ceremony', chosen: true });
    const res = await print({ filter: { participantIds: [ids[3], ids[0]] } });
    expect(res.headers['x-badge-templates']).toBe('ceremony,colloquium');
    const pdf = tmp.write('mixed.pdf', res.body as Buffer);
    expect(run('pdfinfo', [pdf])).toMatch(/Pages:\s+3\n/); // ceremony front + back, then one colloquium sheet
    expectErrorBody((await t.http.put(`/api/events/${eventId}/badges/templates`).set(bearer(admin)).send({ choices: [{ category: 'press', template: 'nope' }] })).body, 422, 'UNKNOWN_BADGE_TEMPLATE');
    expectErrorBody((await t.http.put(`/api/events/${eventId}/badges/templates`).set(bearer(admin)).send({ choices: [{ category: 'press', template: 'ceremony' }, { category: 'press', template: 'colloquium' }] })).body, 422);
    expectErrorBody((await t.http.put(`/api/events/${eventId}/badges/templates`).set(bearer(reception)).send({ choices: [] })).body, 403);
    const ceremonyEvent = (await t.http.get('/api/events?slug=label2012')).body.items[0].id;
    expect((await t.http.get(`/api/events/${ceremonyEvent}/badges/templates`).set(bearer(admin))).body.defaultTemplate).toBe('ceremony');
  });
});
