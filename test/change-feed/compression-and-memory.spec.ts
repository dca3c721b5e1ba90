import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { seedProgramme } from '../../bench/seed-programme.js';
import { ChangeFeedService } from '../../src/change-feed/change-feed.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Compression as negotiated (gzip, br, identity) on the stored programme, its exports and pages and
 * on any JSON or CSV answer over 1 KB, with the ETag and its 304 unchanged; and, on the embedded
 * engine (one process), what is kept in memory forgotten at once by a change made through the API
 * or straight in the database. Raw HTTP (node:http), so that the bytes are seen as sent.
 */
interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

describe('Compression and reads kept in memory (embedded engine)', () => {
  let t: TestApp;
  let base: string;
  let organiser: string;
  let eventId: string;

  const raw = (path: string, headers: Record<string, string> = {}): Promise<RawAnswer> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(`${base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  const decoded = (a: RawAnswer) =>
    a.headers['content-encoding'] === 'gzip' ? gunzipSync(a.body) : a.headers['content-encoding'] === 'br' ? brotliDecompressSync(a.body) : a.body;
  const auth = () => ({ Authorization: `Bearer ${organiser}` });

  beforeAll(async () => {
    t = await startTestApp();
    const server = t.booted.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    organiser = await t.adminToken();
    ({ eventId } = await seedProgramme(t.booted.dataSource));
    const published = await t.http.post(`/api/events/${eventId}/programme/releases`).set(auth()).send({});
    expect(published.status).toBe(201);
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it('listens on the embedded engine (its one connection)', () => {
    expect(t.booted.app.get(ChangeFeedService).listening).toBe(true);
  });

  it('sends the 256-talk programme as negotiated: identity, gzip (< 40 KB) and br, one ETag, each 304 on If-None-Match', async () => {
    const path = `/api/events/${eventId}/programme`;
    const plain = await raw(path);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString('utf8')).sessions).toHaveLength(64);
    expect(plain.body.length).toBeGreaterThan(200_000);
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);

    const gz = await raw(path, { 'Accept-Encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.length).toBeLessThan(40 * 1024);
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
    expect(decoded(gz).equals(plain.body)).toBe(true);
    expect(gz.headers.etag).toBe(etag);
    expect(gz.headers.vary).toMatch(/Accept-Encoding/i);

    const br = await raw(path, { 'Accept-Encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(gz.body.length);
    expect(decoded(br).equals(plain.body)).toBe(true);
    expect(br.headers.etag).toBe(etag);

    // q-values are honoured: gzip refused, br taken; everything refused but identity
    expect((await raw(path, { 'Accept-Encoding': 'gzip;q=0, br' })).headers['content-encoding']).toBe('br');
    expect((await raw(path, { 'Accept-Encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding']).toBeUndefined();

    for (const encoding of ['identity', 'gzip', 'br']) {
      const again = await raw(path, { 'Accept-Encoding': encoding, 'If-None-Match': etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
    }
  });

  it('compresses the text exports once and the pages per coding (own ETags), never the PDF', async () => {
    const xmlPlain = await raw(`/api/events/${eventId}/programme.xml`);
    const xmlBr = await raw(`/api/events/${eventId}/programme.xml`, { 'Accept-Encoding': 'br' });
    expect(xmlBr.headers['content-encoding']).toBe('br');
    expect(decoded(xmlBr).equals(xmlPlain.body)).toBe(true);
    expect(xmlBr.headers.etag).toBe(xmlPlain.headers.etag);
    expect((await raw(`/api/events/${eventId}/programme.xml`, { 'Accept-Encoding': 'br', 'If-None-Match': xmlPlain.headers.etag as string })).status).toBe(304);

    const pdf = await raw(`/api/events/${eventId}/programme.pdf`, { 'Accept-Encoding': 'gzip, br' });
    expect(pdf.headers['content-encoding']).toBeUndefined();
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const page = (encoding: string) => raw('/programme/benchprog', { Accept: 'text/html', 'Accept-Encoding': encoding });
    const [html, gz, br] = [await page('identity'), await page('gzip'), await page('br')];
    expect(html.headers['content-encoding']).toBeUndefined();
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(decoded(gz).equals(html.body)).toBe(true);
    expect(decoded(br).equals(html.body)).toBe(true);
    expect(new Set([html.headers.etag, gz.headers.etag, br.headers.etag]).size).toBe(3);
    expect((await raw('/programme/benchprog', { Accept: 'text/html', 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag as string })).status).toBe(304);
  });

  it('compresses any JSON or CSV answer over 1 KB as negotiated, and leaves small ones alone', async () => {
    const csvPath = `/api/events/${eventId}/sessions.csv`;
    const csv = await raw(csvPath, auth());
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.length).toBeGreaterThan(1024);
    expect(csv.headers['content-encoding']).toBeUndefined();
    for (const coding of ['gzip', 'br']) {
      const packed = await raw(csvPath, { ...auth(), 'Accept-Encoding': coding });
      expect(packed.headers['content-encoding']).toBe(coding);
      expect(packed.headers.vary).toMatch(/Accept-Encoding/i);
      expect(Number(packed.headers['content-length'])).toBe(packed.body.length);
      expect(decoded(packed).equals(csv.body)).toBe(true);
    }

    const listPath = `/api/events/${eventId}/sessions?pageSize=100`;
    const list = await raw(listPath, auth());
    expect(list.headers['content-type']).toMatch(/^application\/json/);
    expect(list.body.length).toBeGreaterThan(1024);
    const listGz = await raw(listPath, { ...auth(), 'Accept-Encoding': 'gzip' });
    expect(listGz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(listGz).toString('utf8'))).toEqual(JSON.parse(list.body.toString('utf8')));
    // Express's ETag of a JSON answer is unchanged by the coding, and its 304 still comes
    expect(listGz.headers.etag).toBe(list.headers.etag);
    expect((await raw(listPath, { ...auth(), 'Accept-Encoding': 'gzip', 'If-None-Match': list.headers.etag as string })).status).toBe(304);

    const small = await raw('/health', { 'Accept-Encoding': 'gzip, br' });
    expect(small.status).toBe(200);
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    // an error body too is JSON: over 1 KB it would be compressed, this one is not
    const missing = await raw('/api/events/00000000-0000-4000-8000-000000000000', { 'Accept-Encoding': 'gzip' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString('utf8')).error).toBe('NOT_FOUND');
  });

  it('never answers one compressed body for another: two sessions at the same version, the same length, each its own answer', async () => {
    // A version ETag ("2") names a row's version, not the bytes: two sessions at version 2 whose
    // answers have the same length must still each get their own body (compressed bodies are kept by content).
    const [first] = (await t.http.get(`/api/events/${eventId}/sessions?pageSize=1`).set(auth())).body.items;
    const room = await t.http.post(`/api/venues/${first.venue.id}/rooms`).set(auth()).send({ name: 'Salle de la compression', capacity: 20 });
    expect(room.status).toBe(201);
    const at = (hour: number) => `${first.day}T${String(hour).padStart(2, '0')}:00`;
    const ids: string[] = [];
    for (const [n, hour] of [['A', 9], ['B', 11]] as const) {
      const created = await t.http.post(`/api/events/${eventId}/sessions`).set(auth()).send({ kind: 'plenary', titleFr: `Session ${n}`, roomId: room.body.id, startsAt: at(hour), endsAt: at(hour + 1) });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const answers: RawAnswer[] = [];
    for (const [i, id] of ids.entries()) {
      const patched = await new Promise<RawAnswer>((resolve, reject) => {
        const body = JSON.stringify({ titleFr: `Session ${'AB'[i]}`, descriptionFr: 'Une description assez longue. '.repeat(60) });
        const req = httpRequest(`${base}/api/sessions/${id}`, { method: 'PATCH', headers: { ...auth(), 'Content-Type': 'application/json', 'Accept-Encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
      expect(patched.status).toBe(200);
      expect(patched.headers['content-encoding']).toBe('gzip');
      answers.push(patched);
    }
    expect(answers[0].headers.etag).toBe('"2"');
    expect(answers[1].headers.etag).toBe('"2"');
    const [a, b] = answers.map((x) => JSON.parse(decoded(x).toString('utf8')) as { id: string; startsAt: string });
    expect(decoded(answers[0]).length).toBe(decoded(answers[1]).length);
    expect([a.id, b.id]).toEqual(ids);
    expect(b.startsAt).toBe(`${first.day}T11:00:00+01:00`);
  });

  it('forgets what it keeps at once after a change through the API or straight in the database (one process)', async () => {
    const read = async () => JSON.parse((await raw(`/api/events/${eventId}`)).body.toString('utf8'));
    expect((await read()).nameFr).toBe('Programme du banc d’essai (fictif)');
    expect((await read()).nameFr).toBe('Programme du banc d’essai (fictif)');
    const patched = await t.http.patch(`/api/events/${eventId}`).set(auth()).send({ nameFr: 'Programme renommé' });
    expect(patched.status).toBe(200);
    expect((await read()).nameFr).toBe('Programme renommé');
    await t.booted.dataSource.query(`UPDATE events SET name_fr = 'Renommé en SQL' WHERE id = $1`, [eventId]);
    expect((await read()).nameFr).toBe('Renommé en SQL');

    // the latest release: kept, then forgotten by the next publication
    const v1 = await raw(`/api/events/${eventId}/programme`);
    expect(v1.headers['x-programme-version']).toBe('1');
    expect((await t.http.post(`/api/events/${eventId}/programme/releases`).set(auth()).send({})).status).toBe(201);
    const v2 = await raw(`/api/events/${eventId}/programme`, { 'If-None-Match': v1.headers.etag as string });
    expect(v2.status).toBe(200);
    expect(v2.headers['x-programme-version']).toBe('2');
    const page = await raw('/programme/benchprog', { Accept: 'text/html' });
    expect(page.headers['x-programme-version']).toBe('2');
    expect(page.body.toString('utf8')).toContain('Renommé en SQL');
  });
});
