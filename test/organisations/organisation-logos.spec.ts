import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { ELF_EXECUTABLE, GIF_IMAGE, PDF_DOCUMENT, PE_EXECUTABLE, RED_SQUARE_SVG, renderPng, SVG_WITH_SCRIPT, tinyJpeg } from './images.js';
import { bearer, createOrganisation, insertEvent, rowCounts } from './support.js';

const MISSING = '00000000-0000-4000-8000-000000000000';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Collects a response body as bytes (supertest would otherwise try to read an image as text). */
function binary(res: unknown, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('Organisation logos (/api/organisations/:id/logo)', () => {
  let t: TestApp;
  let organiser: string;
  let reception: string;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    organiser = await t.tokenFor('organiser');
    reception = await t.tokenFor('reception');
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (id: string, bytes: Buffer, filename = 'logo.png', contentType = 'image/png', token: string | null = organiser) => {
    const req = t.http.put(`/api/organisations/${id}/logo`);
    if (token) req.set(bearer(token));
    return req.attach('file', bytes, { filename, contentType });
  };
  const download = (id: string) => t.http.get(`/api/organisations/${id}/logo`).buffer(true).parse(binary);

  it('stores an uploaded PNG and serves the very same bytes, typed, with nosniff, ETag and caching', async () => {
    const organisation = await createOrganisation(t, organiser);
    const png = renderPng(RED_SQUARE_SVG, 64);
    const res = await upload(organisation.id, png);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      url: `/api/organisations/${organisation.id}/logo?v=${sha256(png).slice(0, 16)}`,
      mediaType: 'image/png',
      uploadedMediaType: 'image/png',
      width: 64,
      height: 64,
      byteSize: png.length,
      sha256: sha256(png),
      updatedAt: expect.any(String),
    });

    const served = await download(organisation.id);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['etag']).toBe(`"${sha256(png)}"`);
    expect(served.headers['cache-control']).toBe('public, no-cache');
    expect(served.headers['content-length']).toBe(String(png.length));
    expect(Buffer.compare(served.body as Buffer, png)).toBe(0);

    const notModified = await t.http.get(`/api/organisations/${organisation.id}/logo`).set('If-None-Match', `"${sha256(png)}"`);
    expect(notModified.status).toBe(304);
    expect(notModified.text ?? '').toBe('');
    const otherTag = await download(organisation.id).set('If-None-Match', '"something-else"');
    expect(otherTag.status).toBe(200);

    const versioned = await t.http.get(res.body.url).buffer(true).parse(binary);
    expect(versioned.status).toBe(200);
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const shown = await t.http.get(`/api/organisations/${organisation.id}`);
    expect(shown.body.logoUrl).toBe(res.body.url);
    const listed = await t.http.get('/api/organisations').query({ q: organisation.name });
    expect(listed.body.items[0].logoUrl).toBe(res.body.url);
  });

  it('stores a JPEG as it is and serves it as image/jpeg', async () => {
    const organisation = await createOrganisation(t, organiser);
    const jpeg = tinyJpeg(24, 16);
    expect(await fileTypeFromBuffer(jpeg)).toEqual({ ext: 'jpg', mime: 'image/jpeg' });
    const res = await upload(organisation.id, jpeg, 'logo.jpg', 'image/jpeg');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mediaType: 'image/jpeg', uploadedMediaType: 'image/jpeg', width: 24, height: 16, byteSize: jpeg.length });
    const served = await download(organisation.id);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(served.body as Buffer, jpeg)).toBe(0);
  });

  it('decides the type from the content: a JPEG named logo.png sent as image/png is stored as a JPEG', async () => {
    const organisation = await createOrganisation(t, organiser);
    const res = await upload(organisation.id, tinyJpeg(8, 8), 'logo.png', 'image/png');
    expect(res.status).toBe(200);
    expect(res.body.mediaType).toBe('image/jpeg');
    expect((await download(organisation.id)).headers['content-type']).toBe('image/jpeg');
  });

  it('rasterises an SVG with a script and event handlers to a PNG in which no script survives', async () => {
    const organisation = await createOrganisation(t, organiser);
    const res = await upload(organisation.id, Buffer.from(SVG_WITH_SCRIPT), 'logo.svg', 'image/svg+xml');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mediaType: 'image/png', uploadedMediaType: 'image/svg+xml', width: 1024, height: 512 });
    const served = await download(organisation.id);
    expect(served.headers['content-type']).toBe('image/png');
    const bytes = served.body as Buffer;
    expect(await fileTypeFromBuffer(bytes)).toEqual({ ext: 'png', mime: 'image/png' });
    expect(bytes.toString('latin1')).not.toContain('<script');
    expect(bytes.toString('latin1')).not.toMatch(/onload|alert|<svg/i);
    expect(sha256(bytes)).toBe(res.body.sha256);
  });

  it('refuses an SVG that points at a file of the server (415), storing nothing', async () => {
    const organisation = await createOrganisation(t, organiser);
    const before = await rowCounts(t);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image width="10" height="10" href="/etc/hostname"/></svg>';
    const res = await upload(organisation.id, Buffer.from(svg), 'logo.svg', 'image/svg+xml');
    expect(res.status).toBe(415);
    expectErrorBody(res.body, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(res.body.message).toMatch(/outside resource/);
    expect(await rowCounts(t)).toEqual(before);
  });

  describe('refused uploads leave the previous logo in place', () => {
    let organisationId: string;
    let png: Buffer;
    beforeAll(async () => {
      organisationId = (await createOrganisation(t, organiser)).id;
      png = renderPng(RED_SQUARE_SVG, 32);
      expect((await upload(organisationId, png)).status).toBe(200);
    });
    afterEach(async () => {
      const served = await download(organisationId);
      expect(served.status).toBe(200);
      expect(Buffer.compare(served.body as Buffer, png)).toBe(0);
    });

    it.each([
      ['an ELF executable named logo.png, sent as image/png', ELF_EXECUTABLE, 'logo.png', 'image/png', 415],
      ['a Windows executable named logo.jpg', PE_EXECUTABLE, 'logo.jpg', 'image/jpeg', 415],
      ['a PDF named logo.svg', PDF_DOCUMENT, 'logo.svg', 'image/svg+xml', 415],
      ['a GIF', GIF_IMAGE, 'logo.gif', 'image/gif', 415],
      ['plain text', Buffer.from('hello, I am a logo'), 'logo.png', 'image/png', 415],
      ['an HTML page', Buffer.from('<html><script>alert(1)</script></html>'), 'logo.svg', 'image/svg+xml', 415],
      ['a PNG cut short', renderPng(RED_SQUARE_SVG, 40).subarray(0, 60), 'logo.png', 'image/png', 415],
      ['a JPEG cut short', tinyJpeg(8, 8).subarray(0, 100), 'logo.jpg', 'image/jpeg', 415],
      ['an empty file', Buffer.alloc(0), 'logo.png', 'image/png', 400],
    ])('refuses %s', async (_case, bytes, filename, contentType, status) => {
      const before = await rowCounts(t);
      const res = await upload(organisationId, bytes, filename, contentType);
      expect(res.status).toBe(status);
      expectErrorBody(res.body, status);
      expect(await rowCounts(t)).toEqual(before);
    });

    it('refuses a 2.5 MB file with 413 in the error shape', async () => {
      const big = Buffer.concat([renderPng(RED_SQUARE_SVG, 8), Buffer.alloc(2.5 * 1024 * 1024, 7)]);
      const res = await upload(organisationId, big);
      expect(res.status).toBe(413);
      expectErrorBody(res.body, 413, 'PAYLOAD_TOO_LARGE');
      expect(res.body.message).toMatch(/2 MB/);
    });

    it('refuses a request without the file field, with another field name, or with two files (400)', async () => {
      const url = `/api/organisations/${organisationId}/logo`;
      for (const res of [
        await t.http.put(url).set(bearer(organiser)),
        await t.http.put(url).set(bearer(organiser)).send({ file: png.toString('base64') }),
        await t.http.put(url).set(bearer(organiser)).set('content-type', 'image/png').send(png),
        await t.http.put(url).set(bearer(organiser)).attach('logo', png, 'logo.png'),
        await t.http.put(url).set(bearer(organiser)).attach('file', png, 'a.png').attach('file', png, 'b.png'),
        await t.http.put(url).set(bearer(organiser)).field('name', 'x').attach('file', png, 'a.png'),
        await t.http.put(url).set(bearer(organiser)).set('content-type', 'multipart/form-data; boundary=xyz').send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc'),
      ]) {
        expect(res.status).toBe(400);
        expectErrorBody(res.body, 400);
      }
    });

    it('refuses anonymous (401) and reception (403) uploads and removals', async () => {
      expectErrorBody((await upload(organisationId, tinyJpeg(8, 8), 'a.jpg', 'image/jpeg', null)).body, 401, 'UNAUTHENTICATED');
      expectErrorBody((await upload(organisationId, tinyJpeg(8, 8), 'a.jpg', 'image/jpeg', reception)).body, 403, 'FORBIDDEN');
      expectErrorBody((await t.http.delete(`/api/organisations/${organisationId}/logo`)).body, 401, 'UNAUTHENTICATED');
      expectErrorBody((await t.http.delete(`/api/organisations/${organisationId}/logo`).set(bearer(reception))).body, 403, 'FORBIDDEN');
    });

    it('answers a bad organisation id with 400 and an unknown one with 404, on every logo route', async () => {
      for (const id of ['not-a-uuid', "1' OR '1'='1"]) {
        for (const res of [await upload(id, png), await t.http.get(`/api/organisations/${id}/logo`), await t.http.delete(`/api/organisations/${id}/logo`).set(bearer(organiser))]) {
          expect(res.status).toBe(400);
          expectErrorBody(res.body, 400);
        }
      }
      for (const res of [await upload(MISSING, png), await t.http.get(`/api/organisations/${MISSING}/logo`), await t.http.delete(`/api/organisations/${MISSING}/logo`).set(bearer(organiser))]) {
        expect(res.status).toBe(404);
        expectErrorBody(res.body, 404, 'NOT_FOUND');
        expect(res.body.message).toBe('Organisation not found');
      }
    });
  });

  it('replaces a logo with a new one, which changes the ETag and the logoUrl', async () => {
    const organisation = await createOrganisation(t, organiser);
    const first = await upload(organisation.id, renderPng(RED_SQUARE_SVG, 16));
    const second = await upload(organisation.id, tinyJpeg(8, 8), 'b.jpg', 'image/jpeg');
    expect(second.status).toBe(200);
    expect(second.body.url).not.toBe(first.body.url);
    expect(Date.parse(second.body.updatedAt)).toBeGreaterThan(Date.parse(first.body.updatedAt));
    expect((await rowCounts(t)).logos).toBeGreaterThan(0);
    const served = await download(organisation.id);
    expect(served.headers['etag']).toBe(`"${second.body.sha256}"`);
    expect((await t.http.get(`/api/organisations/${organisation.id}`)).body.logoUrl).toBe(second.body.url);
  });

  it('removes a logo (204); then the logo is 404 and logoUrl null', async () => {
    const organisation = await createOrganisation(t, organiser);
    await upload(organisation.id, renderPng(RED_SQUARE_SVG, 16));
    expect((await t.http.delete(`/api/organisations/${organisation.id}/logo`).set(bearer(organiser))).status).toBe(204);
    const gone = await t.http.get(`/api/organisations/${organisation.id}/logo`);
    expect(gone.status).toBe(404);
    expectErrorBody(gone.body, 404, 'NOT_FOUND');
    expect(gone.body.message).toBe('Logo not found');
    expect((await t.http.get(`/api/organisations/${organisation.id}`)).body.logoUrl).toBeNull();
    expectErrorBody((await t.http.delete(`/api/organisations/${organisation.id}/logo`).set(bearer(organiser))).body, 404, 'NOT_FOUND');
  });

  it('shows the logo in the roles of an event, and deletes it with its organisation', async () => {
    const organisation = await createOrganisation(t, organiser);
    const logo = await upload(organisation.id, renderPng(RED_SQUARE_SVG, 16));
    const eventId = await insertEvent(t);
    const role = await t.http.post(`/api/events/${eventId}/organisations`).set(bearer(organiser)).send({ organisationId: organisation.id, role: 'supporter' });
    expect(role.body.organisation.logoUrl).toBe(logo.body.url);
    expect((await t.http.get(`/api/events/${eventId}/organisations`)).body.items[0].organisation.logoUrl).toBe(logo.body.url);

    await t.http.delete(`/api/events/${eventId}/organisations/${role.body.id}`).set(bearer(organiser));
    const before = await rowCounts(t);
    expect((await t.http.delete(`/api/organisations/${organisation.id}`).set(bearer(organiser))).status).toBe(204);
    expect(await rowCounts(t)).toEqual({ ...before, organisations: before.organisations - 1, logos: before.logos - 1 });
  });

  it('documents the upload as multipart/form-data with its errors', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    const path = doc.paths['/api/organisations/{id}/logo'];
    expect(Object.keys(path.put.requestBody.content)).toEqual(['multipart/form-data']);
    expect(path.put.requestBody.content['multipart/form-data'].schema.properties.file).toEqual(expect.objectContaining({ type: 'string', format: 'binary' }));
    expect(Object.keys(path.put.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '413', '415']));
    expect(Object.keys(path.get.responses)).toEqual(expect.arrayContaining(['200', '304', '404']));
    expect(Object.keys(path.delete.responses)).toEqual(expect.arrayContaining(['204', '401', '403', '404']));
  });
});
