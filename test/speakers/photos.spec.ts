import { createHash } from 'node:crypto';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { ELF_EXECUTABLE, GIF_IMAGE, PDF_DOCUMENT, RED_SQUARE_SVG, renderPng, SVG_WITH_SCRIPT, tinyJpeg } from '../organisations/images.js';
import { bearer, binary, signUp, speakerRowCounts, type SignedUpSpeaker } from './support.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('Speaker photos', () => {
  let t: TestApp;
  let organiser: string;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    organiser = await t.tokenFor('organiser');
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (speaker: SignedUpSpeaker, bytes: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg') =>
    t.http.put('/api/me/speaker-profile/photo').set(bearer(speaker.token)).attach('file', bytes, { filename, contentType });
  const ownPhoto = (speaker: SignedUpSpeaker) => t.http.get('/api/me/speaker-profile/photo').set(bearer(speaker.token)).buffer(true).parse(binary);
  const photoFor = (userId: string, token = organiser) => t.http.get(`/api/speakers/${userId}/photo`).set(bearer(token)).buffer(true).parse(binary);

  it('stores a PNG and serves the very same bytes to the speaker and to organisers', async () => {
    const speaker = await signUp(t);
    const png = renderPng(RED_SQUARE_SVG, 80);
    const res = await upload(speaker, png, 'moi.png', 'image/png');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ mediaType: 'image/png', width: 80, height: 80, byteSize: png.length, sha256: sha256(png) });

    for (const served of [await ownPhoto(speaker), await photoFor(speaker.userId)]) {
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers['etag']).toBe(`"${sha256(png)}"`);
      expect(served.headers['cache-control']).toBe('private, no-cache');
      expect(Buffer.compare(served.body as Buffer, png)).toBe(0);
    }
    const notModified = await t.http.get('/api/me/speaker-profile/photo').set(bearer(speaker.token)).set('If-None-Match', `"${sha256(png)}"`);
    expect(notModified.status).toBe(304);

    const profile = await t.http.get('/api/me/speaker-profile').set(bearer(speaker.token));
    expect(profile.body.hasPhoto).toBe(true);
    expect(JSON.stringify(profile.body)).not.toContain(png.toString('base64').slice(0, 40));
    const listed = await t.http.get(`/api/speakers/${speaker.userId}`).set(bearer(organiser));
    expect(listed.body.hasPhoto).toBe(true);
  });

  it('stores a JPEG, replaces it, and removes it', async () => {
    const speaker = await signUp(t);
    const jpeg = tinyJpeg(40, 48);
    const res = await upload(speaker, jpeg, 'photo.png', 'image/png');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mediaType: 'image/jpeg', width: 40, height: 48 });
    const served = await ownPhoto(speaker);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(served.body as Buffer, jpeg)).toBe(0);

    const png = renderPng(RED_SQUARE_SVG, 16);
    expect((await upload(speaker, png)).status).toBe(200);
    expect((await ownPhoto(speaker)).headers['content-type']).toBe('image/png');

    const removed = await t.http.delete('/api/me/speaker-profile/photo').set(bearer(speaker.token));
    expect(removed.status).toBe(204);
    const gone = await t.http.get('/api/me/speaker-profile/photo').set(bearer(speaker.token));
    expect(gone.status).toBe(404);
    expectErrorBody(gone.body, 404, 'NOT_FOUND');
    const again = await t.http.delete('/api/me/speaker-profile/photo').set(bearer(speaker.token));
    expect(again.status).toBe(404);
    expect((await t.http.get('/api/me/speaker-profile').set(bearer(speaker.token))).body.hasPhoto).toBe(false);
  });

  it.each([
    ['an executable named photo.jpg', ELF_EXECUTABLE, 'photo.jpg', 'image/jpeg'],
    ['a PDF', PDF_DOCUMENT, 'photo.png', 'image/png'],
    ['a GIF', GIF_IMAGE, 'photo.gif', 'image/gif'],
    ['an SVG (logos accept them, photos do not)', Buffer.from(RED_SQUARE_SVG), 'photo.svg', 'image/svg+xml'],
    ['an SVG with a script', Buffer.from(SVG_WITH_SCRIPT), 'photo.jpg', 'image/jpeg'],
    ['text', Buffer.from('hello, I am a photo'), 'photo.jpg', 'image/jpeg'],
    ['a truncated PNG', renderPng(RED_SQUARE_SVG, 32).subarray(0, 60), 'photo.png', 'image/png'],
    ['a JPEG without its end', tinyJpeg(16, 16).subarray(0, 120), 'photo.jpg', 'image/jpeg'],
  ])('refuses %s with 415 and keeps the previous photo', async (_label, bytes, filename, contentType) => {
    const speaker = await signUp(t);
    const png = renderPng(RED_SQUARE_SVG, 24);
    expect((await upload(speaker, png)).status).toBe(200);
    const res = await upload(speaker, bytes, filename, contentType);
    expect(res.status).toBe(415);
    expectErrorBody(res.body, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(res.body.message).toMatch(/JPEG|PNG/);
    expect(Buffer.compare((await ownPhoto(speaker)).body as Buffer, png)).toBe(0);
  });

  it('refuses a 2.5 MB upload with 413 and writes nothing', async () => {
    const speaker = await signUp(t);
    const before = await speakerRowCounts(t);
    const big = Buffer.concat([tinyJpeg(8, 8).subarray(0, 20), Buffer.alloc(2.5 * 1024 * 1024, 0x41)]);
    const res = await upload(speaker, big);
    expect(res.status).toBe(413);
    expectErrorBody(res.body, 413, 'PAYLOAD_TOO_LARGE');
    expect(res.body.message).toMatch(/photo.*2 MB/);
    expect(await speakerRowCounts(t)).toEqual(before);
  });

  it('refuses uploads that are not one file in the field "file"', async () => {
    const speaker = await signUp(t);
    const png = renderPng(RED_SQUARE_SVG, 8);
    const url = '/api/me/speaker-profile/photo';
    const attempts = [
      t.http.put(url).set(bearer(speaker.token)).send({ file: 'x' }),
      t.http.put(url).set(bearer(speaker.token)).attach('photo', png, 'a.png'),
      t.http.put(url).set(bearer(speaker.token)).attach('file', png, 'a.png').attach('file', png, 'b.png'),
      t.http.put(url).set(bearer(speaker.token)).field('note', 'x').attach('file', png, 'a.png'),
      t.http.put(url).set(bearer(speaker.token)).attach('file', Buffer.alloc(0), 'empty.png'),
      t.http.put(url).set(bearer(speaker.token)).set('content-type', 'multipart/form-data; boundary=xyz').send('--xyz\r\nbroken'),
    ];
    for (const attempt of attempts) {
      const res = await attempt;
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorBody(res.body, res.status);
    }
    expect((await t.http.get(url).set(bearer(speaker.token))).status).toBe(404);
  });

  it('lets only organisers fetch another speaker’s photo; 404 for non-speakers and speakers without one', async () => {
    const speaker = await signUp(t);
    const other = await signUp(t);
    await upload(speaker, renderPng(RED_SQUARE_SVG, 8));
    expect((await photoFor(speaker.userId, other.token)).status).toBe(403);
    expect((await photoFor(speaker.userId, await t.tokenFor('reception'))).status).toBe(403);
    expect((await t.http.get(`/api/speakers/${speaker.userId}/photo`)).status).toBe(401);
    const organiserId = (await t.http.get('/api/auth/me').set(bearer(organiser))).body.id as string;
    for (const id of [organiserId, other.userId, '00000000-0000-4000-8000-000000000000']) {
      const res = await photoFor(id);
      expect(res.status).toBe(404);
    }
    const bad = await t.http.get('/api/speakers/not-a-uuid/photo').set(bearer(organiser));
    expect(bad.status).toBe(400);
    expectErrorBody(bad.body, 400);
  });

  it('takes the photo with the sign-up itself as multipart/form-data, and refuses a bad one without creating the account', async () => {
    const png = renderPng(RED_SQUARE_SVG);
    const fields = { email: 'multipart@test.local', password: 'un-mot-de-passe-2012', firstName: 'Hélène', lastName: 'Dupré', affiliation: 'CNRS', countryCode: 'FR' };
    let req = t.http.post('/api/speakers/signup');
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    const res = await req.attach('photo', png, { filename: 'moi.png', contentType: 'image/png' });
    expect(res.status).toBe(201);
    const photo = await t.http.get('/api/me/speaker-profile/photo').set(bearer(res.body.accessToken)).buffer(true).parse(binary);
    expect(photo.status).toBe(200);
    expect(Buffer.compare(photo.body as Buffer, png)).toBe(0);
    const profile = await t.http.get('/api/me/speaker-profile').set(bearer(res.body.accessToken));
    expect(profile.body).toMatchObject({ firstName: 'Hélène', lastName: 'Dupré', hasPhoto: true });

    const before = await speakerRowCounts(t);
    let bad = t.http.post('/api/speakers/signup');
    for (const [k, v] of Object.entries({ ...fields, email: 'multipart-bad@test.local' })) bad = bad.field(k, v);
    const refused = await bad.attach('photo', ELF_EXECUTABLE, { filename: 'photo.jpg', contentType: 'image/jpeg' });
    expect(refused.status).toBe(415);
    expectErrorBody(refused.body, 415);
    expect(await speakerRowCounts(t)).toEqual(before);
  });
});
