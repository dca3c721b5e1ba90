import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, binary, createParticipant, PEOPLE, run, scratch, untilDelivered } from './badges-support.js';

/**
 * Print jobs (issue 11): a job fixes its people; its badges count as printed only once its PDF was
 * delivered whole; a download cut short leaves them in « not yet printed »; pages reported as
 * failed put exactly their people back; an empty filter needs an explicit « all ».
 */
describe('Print jobs: printed means delivered', () => {
  let t: TestApp;
  let admin: string;
  let reception: string;
  let eventId: string;
  let otherEventId: string;
  let bulkPart: string;
  let bulk: string[] = [];
  const named: string[] = [];
  const tmp = scratch();
  const base = () => `/api/events/${eventId}/badges`;

  const createJob = (body: unknown, token = reception) => t.http.post(`${base()}/print-jobs`).set(bearer(token)).send(body as object);
  const getPdf = (jobId: string, token = reception) => t.http.get(`${base()}/print-jobs/${jobId}.pdf`).set(bearer(token)).buffer(true).parse(binary);
  const printedCount = async (ids: string[]) =>
    (await t.booted.dataSource.query(`SELECT count(DISTINCT participant_id)::int AS n FROM badge_prints WHERE participant_id = ANY($1::uuid[]) AND failed_at IS NULL`, [ids]))[0].n as number;
  /** Participants of `ids` with any row in the print log (failures included). */
  const loggedCount = async (ids: string[]) =>
    (await t.booted.dataSource.query(`SELECT count(DISTINCT participant_id)::int AS n FROM badge_prints WHERE participant_id = ANY($1::uuid[])`, [ids]))[0].n as number;
  /** Who « not yet printed » offers among `ids` (the preview runs the print filter). */
  const notYetPrinted = async (partId?: string) => {
    const res = await t.http.get(`${base()}/preview?notYetPrinted=true${partId ? `&partId=${partId}` : ''}`).set(bearer(reception));
    expect(res.status).toBe(200);
    return res.body.badges as number;
  };
  /** The raw server, listening, for requests cut short. */
  const address = async () => {
    const server = t.booted.app.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server.address() as AddressInfo;
  };
  /** Sends a request and destroys it as soon as the first chunk of the body arrives; answers the response's headers. */
  const cutShort = async (method: string, path: string, body?: unknown): Promise<http.IncomingHttpHeaders> => {
    const { port } = await address();
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request({ host: '127.0.0.1', port, method, path, headers: { ...bearer(reception), ...(payload ? { 'Content-Type': 'application/json' } : {}) } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
        res.once('data', () => {
          req.destroy();
          resolve(res.headers);
        });
      });
      req.on('error', () => undefined);
      req.end(payload);
    });
  };
  /** Waits until the server has settled a job's download (its hold on its people released or turned into prints). */
  const settled = async (jobId: string | undefined) => {
    if (!jobId) return new Promise((r) => setTimeout(r, 1500)); // (the code before jobs: no id to watch)
    for (const started = Date.now(); Date.now() - started < 10_000; ) {
      const [row] = await t.booted.dataSource.query(`SELECT reserved_until FROM badge_print_jobs WHERE id = $1`, [jobId]);
      if (row && row.reserved_until === null) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`job ${jobId} still holds its people`);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    reception = await t.tokenFor('reception');
    eventId = (await t.http.get('/api/events?slug=vtn2012')).body.items[0].id;
    otherEventId = (await t.http.get('/api/events?slug=label2012')).body.items[0].id;
    for (const [i, p] of PEOPLE.entries()) named.push(await createParticipant(t, admin, eventId, { ...p }, i));
    // 300 more, admitted to a workshop: a job of 75 sheets, streamed in many chunks
    [{ id: bulkPart }] = await t.booted.dataSource.query(
      `INSERT INTO event_parts (event_id, code, name_fr, kind, admission) VALUES ($1, 'atelier-masse', 'Atelier', 'workshop', 'open') RETURNING id`,
      [eventId],
    );
    bulk = (
      await t.booted.dataSource.query(
        `INSERT INTO participants (event_id, email, first_name, last_name, source, categories)
         SELECT $1, 'masse' || i || '@example.org', 'Prénom' || i, 'Masse ' || lpad(i::text, 3, '0'), 'organiser', '{guest}' FROM generate_series(1, 300) AS i RETURNING id`,
        [eventId],
      )
    ).map((r: { id: string }) => r.id);
    await t.booted.dataSource.query(`INSERT INTO part_admissions (part_id, participant_id, status, admitted_at) SELECT $1, unnest($2::uuid[]), 'admitted', now()`, [bulkPart, bulk]);
  });
  afterAll(async () => {
    tmp.remove();
    await t?.close();
  });
  beforeEach(async () => {
    // each test starts with nothing printed and no job holding anyone
    await t.booted.dataSource.query(`DELETE FROM badge_prints`);
    await t.booted.dataSource.query(`DELETE FROM badge_print_jobs`);
  });

  it('a job fixes its people with their page and slot; its PDF reads back; only then are they printed, and a second download is a reprint', async () => {
    const created = await createJob({ filter: { participantIds: named }, reason: 'Deuxième passage' });
    expect(created.status).toBe(201);
    const job = created.body;
    expect(job).toMatchObject({ eventId, state: 'pending', badges: 6, sheets: 2, pages: 2, deliveries: 0, deliveredAt: null, failedBadges: 0, template: null, reason: 'Deuxième passage' });
    expect(job.filter).toEqual({ all: false, categories: null, partId: null, day: null, notYetPrinted: false, participantIdCount: 6 });
    expect(job.perTemplate).toEqual([{ template: 'colloquium', badges: 6, sheets: 2, firstPage: 1, lastPage: 2, duplex: false }]);
    expect(job.createdByEmail).toMatch(/^reception-/);
    expect(job.people.total).toBe(6);
    expect(job.people.items.map((p: { participantId: string }) => p.participantId).sort()).toEqual([...named].sort());
    expect(job.people.items.map((p: { page: number; slot: number }) => `${p.page}/${p.slot}`)).toEqual(['1/1', '1/2', '1/3', '1/4', '2/1', '2/2']);
    expect(job.people.items.map((p: { lastName: string }) => p.lastName).sort()).toEqual(PEOPLE.map((p) => p.lastName).sort());
    expect(job.people.items[0]).toMatchObject({ lastName: 'Ærøskøbing-Šćepanović', template: 'colloquium', backPage: null, printable: true, failed: false }); // accents ignored: « aeroskobing »
    // created, not printed: nothing logged
    expect(await printedCount(named)).toBe(0);

    const pdf = await getPdf(job.id);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['x-badge-print-job']).toBe(job.id);
    expect(pdf.headers['x-badge-count']).toBe('6');
    const file = tmp.write('job.pdf', pdf.body as Buffer);
    expect(run('pdfinfo', [file])).toMatch(/Pages:\s+2\n/);
    const text = run('pdftotext', [file, '-']).replace(/\s+/g, ' ');
    for (const p of PEOPLE) for (const word of p.lastName.split(/[ -]/)) expect(text).toContain(word);
    await untilDelivered(t, job.id);
    expect(await printedCount(named)).toBe(6);
    const after = (await t.http.get(`${base()}/print-jobs/${job.id}`).set(bearer(reception))).body;
    expect(after).toMatchObject({ state: 'delivered', deliveries: 1, reservedUntil: null });
    expect(Date.parse(after.deliveredAt)).not.toBeNaN();
    const rows = await t.booted.dataSource.query(`SELECT DISTINCT batch_id, reprint, reason FROM badge_prints`);
    expect(rows).toEqual([{ batch_id: job.id, reprint: false, reason: null }]);

    // downloading again reprints the same job: logged as reprints with the job's reason
    expect((await getPdf(job.id)).status).toBe(200);
    await untilDelivered(t, job.id, 2);
    const reprints = await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM badge_prints WHERE reprint AND reason = 'Deuxième passage' AND batch_id = $1`, [job.id]);
    expect(reprints[0].n).toBe(6);
  });

  it('keeps the people it was created with when the filter would now give others', async () => {
    const job = (await createJob({ filter: { categories: ['press'] } })).body;
    expect(job.people.items.map((p: { participantId: string }) => p.participantId)).toEqual([named[3]]);
    const newcomer = await createParticipant(t, admin, eventId, { firstName: 'Nouvelle', lastName: 'Journaliste', categories: ['press'] }, 50);
    const again = (await t.http.get(`${base()}/print-jobs/${job.id}`).set(bearer(reception))).body;
    expect(again.people.items.map((p: { participantId: string }) => p.participantId)).toEqual([named[3]]);
    const pdf = await getPdf(job.id);
    expect(pdf.headers['x-badge-count']).toBe('1');
    expect(run('pdftotext', [tmp.write('fixed.pdf', pdf.body as Buffer), '-'])).not.toContain('Journaliste');
    await untilDelivered(t, job.id);
    expect(await printedCount([newcomer])).toBe(0);
  });

  it('a download of the job’s PDF cut short logs nobody, and « not yet printed » still finds them all', async () => {
    expect(await notYetPrinted(bulkPart)).toBe(300);
    const job = (await createJob({ filter: { partId: bulkPart, notYetPrinted: true } })).body;
    expect(job.badges).toBe(300);
    // just created: held from « not yet printed » so that another desk does not take them too
    expect(await notYetPrinted(bulkPart)).toBe(0);
    const headers = await cutShort('GET', `${base()}/print-jobs/${job.id}.pdf`);
    expect(headers['content-type']).toBe('application/pdf');
    await settled(job.id);
    expect(await printedCount(bulk)).toBe(0);
    expect((await t.http.get(`${base()}/print-jobs/${job.id}`).set(bearer(reception))).body).toMatchObject({ state: 'pending', deliveries: 0, reservedUntil: null });
    expect(await notYetPrinted(bulkPart)).toBe(300);
    const next = await createJob({ filter: { partId: bulkPart, notYetPrinted: true } });
    expect(next.body.badges).toBe(300);
  });

  it('the legacy POST …/badges/print cut short logs nobody either, and logs everybody once delivered whole', async () => {
    const headers = await cutShort('POST', `${base()}/print`, { filter: { partId: bulkPart } });
    await settled(headers['x-badge-print-job'] as string | undefined);
    expect(await loggedCount(bulk)).toBe(0);
    expect(await notYetPrinted(bulkPart)).toBe(300);

    const whole = await t.http.post(`${base()}/print`).set(bearer(reception)).send({ filter: { partId: bulkPart, notYetPrinted: true } }).buffer(true).parse(binary);
    expect(whole.status).toBe(200);
    expect(whole.headers['x-badge-count']).toBe('300');
    expect(run('pdfinfo', [tmp.write('legacy.pdf', whole.body as Buffer)])).toMatch(/Pages:\s+75\n/);
    await untilDelivered(t, whole.headers['x-badge-print-job']);
    expect(await printedCount(bulk)).toBe(300);
    expect(await notYetPrinted(bulkPart)).toBe(0);
  });

  it('pages reported as failed put exactly their people back in « not yet printed », in the job and the print log', async () => {
    const ten = bulk.slice(0, 10); // Masse 001…010: pages 1–3 of the colloquium template
    const job = (await createJob({ filter: { participantIds: ten } })).body;
    expect(job.pages).toBe(3);
    await getPdf(job.id);
    await untilDelivered(t, job.id);
    expect(await printedCount(ten)).toBe(10);
    const onPage2 = job.people.items.filter((p: { page: number }) => p.page === 2).map((p: { participantId: string }) => p.participantId);
    expect(onPage2).toEqual(ten.slice(4, 8));

    const failed = await t.http.post(`${base()}/print-jobs/${job.id}/failed`).set(bearer(reception)).send({ pages: [2], reason: 'Bourrage papier' });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ state: 'delivered', failedBadges: 4 });
    expect(failed.body.people.items.filter((p: { failed: boolean }) => p.failed).map((p: { participantId: string }) => p.participantId)).toEqual(onPage2);
    expect(await printedCount(ten)).toBe(6);
    const again = (await createJob({ filter: { partId: bulkPart, notYetPrinted: true, participantIds: ten } })).body;
    expect(again.people.items.map((p: { participantId: string }) => p.participantId)).toEqual(onPage2);
    const log = await t.booted.dataSource.query(`SELECT participant_id, failure_reason FROM badge_prints WHERE failed_at IS NOT NULL ORDER BY participant_id`);
    expect(log).toEqual([...onPage2].sort().map((id) => ({ participant_id: id, failure_reason: 'Bourrage papier' })));
    await t.booted.dataSource.query(`DELETE FROM badge_print_jobs WHERE id = $1`, [again.id]);

    // by participant, then the whole job
    const one = await t.http.post(`${base()}/print-jobs/${job.id}/failed`).set(bearer(reception)).send({ participantIds: [ten[0]], reason: 'Nom mal imprimé' });
    expect(one.body.failedBadges).toBe(5);
    expect(await printedCount(ten)).toBe(5);
    const all = await t.http.post(`${base()}/print-jobs/${job.id}/failed`).set(bearer(admin)).send({ reason: 'Imprimante hors service' });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ state: 'failed', failedBadges: 10, failureReason: 'Imprimante hors service' });
    expect(await printedCount(ten)).toBe(0);
    // printing it again delivers it again
    await getPdf(job.id);
    await untilDelivered(t, job.id, 2);
    expect((await t.http.get(`${base()}/print-jobs/${job.id}`).set(bearer(reception))).body).toMatchObject({ state: 'delivered', failedBadges: 0, failedAt: null });
    expect(await printedCount(ten)).toBe(10);
  });

  it('refuses an empty filter without an explicit « all », for reception and organisers alike', async () => {
    const before = await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM badge_prints`);
    for (const token of [reception, admin]) {
      for (const body of [{}, { filter: {} }, { filter: { notYetPrinted: false } }, { template: 'colloquium' }, { reason: 'Tout le monde' }]) {
        const legacy = await t.http.post(`${base()}/print`).set(bearer(token)).send(body);
        expectErrorBody(legacy.body, 400, 'VALIDATION_FAILED');
        expect(legacy.body.message).toContain('"all": true');
        expectErrorBody((await createJob(body, token)).body, 400, 'VALIDATION_FAILED');
      }
    }
    expectErrorBody((await createJob({ all: true, filter: { categories: ['press'] } })).body, 400, 'VALIDATION_FAILED');
    expectErrorBody((await createJob({ all: 'yes' })).body, 400, 'VALIDATION_FAILED');
    expect(await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM badge_prints`)).toEqual(before);
    expect(await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM badge_print_jobs`)).toEqual([{ n: 0 }]);

    const everyone = await createJob({ all: true });
    expect(everyone.status).toBe(201);
    expect(everyone.body.badges).toBe(named.length + bulk.length + 1); // with the press newcomer
    expect(everyone.body.filter.all).toBe(true);
    expect(everyone.body.people).toMatchObject({ page: 1, pageSize: 100, total: everyone.body.badges });
    expect(everyone.body.people.items).toHaveLength(100);
    const first200 = await t.http.get(`${base()}/print-jobs/${everyone.body.id}?pageSize=200`).set(bearer(reception));
    const page4 = await t.http.get(`${base()}/print-jobs/${everyone.body.id}?page=4&pageSize=50`).set(bearer(reception));
    expect(page4.body.people.items).toHaveLength(50);
    expect(page4.body.people.items[0]).toEqual(first200.body.people.items[150]);
  });

  it('lists the event’s jobs; another event’s job is 404; hostile ids, pages and reasons are 4xx and change nothing', async () => {
    const a = (await createJob({ filter: { participantIds: [named[0]] } })).body;
    const b = (await createJob({ filter: { participantIds: [named[1], named[2]] } })).body;
    const list = await t.http.get(`${base()}/print-jobs?order=desc&pageSize=1`).set(bearer(reception));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(list.body.items[0]).toMatchObject({ id: b.id, badges: 2 });
    expect(list.body.items[0].people).toBeUndefined();

    const other = `/api/events/${otherEventId}/badges/print-jobs/${a.id}`;
    expectErrorBody((await t.http.get(other).set(bearer(reception))).body, 404, 'NOT_FOUND');
    expectErrorBody((await t.http.get(`${other}.pdf`).set(bearer(reception))).body, 404, 'NOT_FOUND');
    expectErrorBody((await t.http.post(`${other}/failed`).set(bearer(reception)).send({ reason: 'x' })).body, 404, 'NOT_FOUND');
    expect((await t.http.get(`/api/events/${otherEventId}/badges/print-jobs`).set(bearer(reception))).body.total).toBe(0);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectErrorBody((await t.http.get(`${base()}/print-jobs/${unknown}`).set(bearer(reception))).body, 404);
    expectErrorBody((await t.http.get(`${base()}/print-jobs/${unknown}.pdf`).set(bearer(reception))).body, 404);
    expectErrorBody((await t.http.get(`/api/events/${unknown}/badges/print-jobs`).set(bearer(reception))).body, 404);
    for (const path of ['not-a-uuid', 'not-a-uuid.pdf', `${a.id}.txt`, `${a.id}.pdf.pdf`, "1'%20OR%20'1'='1.pdf"]) {
      const res = await t.http.get(`${base()}/print-jobs/${path}`).set(bearer(reception));
      expect([path, res.status]).toEqual([path, expect.any(Number)]);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorBody(res.body, res.status);
    }
    for (const q of ['page=0', 'pageSize=1001', 'page=x', 'extra=1']) {
      expectErrorBody((await t.http.get(`${base()}/print-jobs/${a.id}?${q}`).set(bearer(reception))).body, 400);
    }

    const cases: [unknown, number, string?][] = [
      [{}, 400],
      [{ reason: '' }, 400],
      [{ reason: 'x'.repeat(501) }, 400],
      [{ pages: [], reason: 'x' }, 400],
      [{ pages: null, reason: 'x' }, 400], // never read as « absent », which would fail the whole job
      [{ participantIds: null, reason: 'x' }, 400],
      [{ reason: null }, 400],
      [{ pages: [0], reason: 'x' }, 400],
      [{ pages: ['1'], reason: 'x' }, 400],
      [{ pages: [1.5], reason: 'x' }, 400],
      [{ pages: Array.from({ length: 1001 }, (_, i) => i + 1), reason: 'x' }, 400],
      [{ pages: [2], reason: 'x' }, 422, 'VALIDATION_FAILED'],
      [{ pages: [1e9], reason: 'x' }, 400],
      [{ participantIds: ['not-a-uuid'], reason: 'x' }, 400],
      [{ participantIds: Array.from({ length: 5001 }, () => named[0]), reason: 'x' }, 400],
      [{ participantIds: [named[5]], reason: 'x' }, 422, 'NOT_IN_PRINT_JOB'],
      [{ pages: [1], reason: 'x', extra: true }, 400],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.http.post(`${base()}/print-jobs/${a.id}/failed`).set(bearer(reception)).send(body as object);
      expect([JSON.stringify(body).slice(0, 60), res.status]).toEqual([JSON.stringify(body).slice(0, 60), status]);
      expectErrorBody(res.body, status, code);
    }
    expect((await t.http.get(`${base()}/print-jobs/${a.id}`).set(bearer(reception))).body).toMatchObject({ state: 'pending', failedBadges: 0 });
    const speaker = await t.http.get(`${base()}/print-jobs`);
    expectErrorBody(speaker.body, 401);
  });

  it('leaves the slot of a participant cancelled since the job was created empty, and does not log them', async () => {
    const four = bulk.slice(20, 24);
    const job = (await createJob({ filter: { participantIds: four } })).body;
    await t.booted.dataSource.query(`UPDATE participants SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [four[1]]);
    const pdf = await getPdf(job.id);
    expect(pdf.headers['x-badge-count']).toBe('3');
    const text = run('pdftotext', [tmp.write('cancelled.pdf', pdf.body as Buffer), '-']);
    expect(text).toContain('Masse 021');
    expect(text).not.toContain('Masse 022');
    expect(text).toContain('Masse 023');
    await untilDelivered(t, job.id);
    expect(await printedCount(four)).toBe(3);
    expect((await t.http.get(`${base()}/print-jobs/${job.id}`).set(bearer(reception))).body.people.items[1]).toMatchObject({ participantId: four[1], printable: false, slot: 2 });
    await t.booted.dataSource.query(`UPDATE participants SET status = 'registered', cancelled_at = NULL WHERE id = $1`, [four[1]]);
  });
});
