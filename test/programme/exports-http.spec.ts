import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import ICAL from 'ical.js';
import type { Response } from 'supertest';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The exports through HTTP on the real application: a programme over both venues of the 2012
 * reference data built with the sessions and talks routes, published twice (a session moved in
 * between) with the releases route, and every export fetched without logging in.
 */

const FIXTURES = join(process.cwd(), 'test/fixtures/frab-schedule');
const FORMATS = [
  { ext: 'ics', type: /^text\/calendar; charset=utf-8$/ },
  { ext: 'xml', type: /^application\/xml; charset=utf-8$/ },
  { ext: 'json', type: /^application\/json; charset=utf-8$/ },
  { ext: 'pdf', type: /^application\/pdf$/ },
] as const;

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Supertest keeps text bodies as text; PDFs are collected as bytes. */
const binary = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

async function ok<T = Record<string, unknown>>(res: { status: number; body: T }, want: number, what: string): Promise<T> {
  if (res.status !== want) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

describe('Programme exports over HTTP', () => {
  let t: TestApp;
  let organiser: string;
  let eventId: string;
  const ids: Record<string, string> = {};
  const dir = mkdtempSync(join(tmpdir(), 'exports-http-'));

  const url = (ext: string, query = '') => `/api/events/${eventId}/programme.${ext}${query}`;
  const fetch = (ext: string, query = '') => (ext === 'pdf' ? t.http.get(url(ext, query)).buffer(true).parse(binary) : t.http.get(url(ext, query)));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '0', PUBLIC_URL: 'https://colloque.example.org' });
    organiser = await t.adminToken();
    const vtn = (await t.http.get('/api/events?slug=vtn2012')).body.items[0];
    const label = (await t.http.get('/api/events?slug=label2012')).body.items[0];
    eventId = vtn.id;
    const cnrs = vtn.venues.find((v: { name: string }) => v.name === 'CNRS').id as string;
    const cardin = label.venues.find((v: { name: string }) => v.name === 'Espace Cardin').id as string;
    const room = async (venueId: string, name: string) =>
      (await ok(await t.http.post(`/api/venues/${venueId}/rooms`).set(bearer(organiser)).send({ name, capacity: 300 }), 201, 'room')).id as string;
    ids.amphi = await room(cnrs, 'Amphithéâtre Marie Curie');
    ids.salon = await room(cardin, 'Grand Salon');
    await ok(
      await t.http
        .put(`/api/events/${eventId}/cfp`)
        .set(bearer(organiser))
        .send({ opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), languages: ['fr', 'en'] }),
      200,
      'cfp',
    );
    const type = await ok(
      await t.http.post(`/api/events/${eventId}/submission-types`).set(bearer(organiser)).send({ code: 'communication', nameFr: 'Communication', nameEn: 'Paper', defaultMinutes: 30 }),
      201,
      'type',
    );
    const proposal = async (firstName: string, lastName: string, affiliation: string, text: Record<string, string>) => {
      const email = `${randomBytes(5).toString('hex')}@example.org`;
      const signup = await ok(
        await t.http.post('/api/speakers/signup').send({ email, password: 'un-mot-de-passe-2012', firstName, lastName, affiliation, countryCode: 'FR' }),
        201,
        'signup',
      );
      const token = (signup as { accessToken: string }).accessToken;
      const created = await ok(await t.http.post(`/api/events/${eventId}/submissions`).set(bearer(token)).send({ typeId: type.id, ...text }), 201, 'proposal');
      for (const [who, action] of [[token, 'submit'], [organiser, 'accept'], [token, 'confirm']] as const) {
        await ok(await t.http.post(`/api/submissions/${created.id}/transitions`).set(bearer(who)).send({ action }), 200, action);
      }
      return created.id as string;
    };
    ids.p1 = await proposal('Hélène', 'Dupré', 'Université Toulouse Le Mirail', { titleFr: 'Le Label Ville Internet, treize ans d’observation', abstractFr: 'Résumé.' });
    ids.p2 = await proposal('Ἀριστοτέλης', 'Παπαδόπουλος', 'Πανεπιστήμιο Αθηνών', { titleFr: 'Les villes grecques et le numérique', abstractFr: 'Résumé.' });
    ids.p3 = await proposal('Дмитрий', 'Иванов', 'Московский государственный университет', { titleEn: 'Digital public services in Russian municipalities', abstractEn: 'Abstract.' });
    const session = async (body: Record<string, unknown>) =>
      (await ok(await t.http.post(`/api/events/${eventId}/sessions`).set(bearer(organiser)).send(body), 201, 'session')).id as string;
    ids.opening = await session({
      roomId: ids.amphi, kind: 'plenary', titleFr: 'Séance d’ouverture', titleEn: 'Opening session', startsAt: '2012-02-06T09:00', endsAt: '2012-02-06T10:30',
      chairs: [{ guestName: 'Zoë O’Brien-Müller', guestAffiliation: 'Trinity College Dublin' }],
    });
    ids.ceremony = await session({ roomId: ids.salon, kind: 'ceremony', titleFr: 'Remise du Label Ville Internet 2012', startsAt: '2012-02-06T18:00', endsAt: '2012-02-06T21:00' });
    ids.tuesday = await session({ roomId: ids.amphi, kind: 'workshop', titleFr: 'Atelier du mardi', startsAt: '2012-02-07T09:00', endsAt: '2012-02-07T10:30' });
    const talk = async (sessionId: string, submissionId: string) =>
      (await ok(await t.http.post(`/api/sessions/${sessionId}/talks`).set(bearer(organiser)).send({ submissionId }), 201, 'talk')).id as string;
    ids.t1 = await talk(ids.opening, ids.p1);
    ids.t2 = await talk(ids.opening, ids.p2);
    ids.t3 = await talk(ids.tuesday, ids.p3);
  }, 180_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('before any publication: every export is 404 PROGRAMME_NOT_PUBLISHED, and an unknown event 404 NOT_FOUND', async () => {
    for (const { ext } of FORMATS) {
      const res = await t.http.get(url(ext));
      expect(res.status).toBe(404);
      expectErrorBody(res.body, 404, 'PROGRAMME_NOT_PUBLISHED');
      const other = await t.http.get(`/api/events/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/programme.${ext}`);
      expectErrorBody(other.body, 404, 'NOT_FOUND');
    }
  });

  describe('once published', () => {
    const v1: Record<string, { etag: string; body: string | Buffer }> = {};

    beforeAll(async () => {
      await ok(await t.http.post(`/api/events/${eventId}/programme/releases`).set(bearer(organiser)).send({ note: 'Première version' }), 201, 'publish v1');
      for (const { ext } of FORMATS) {
        const res = await fetch(ext);
        v1[ext] = { etag: res.headers.etag, body: ext === 'pdf' ? (res.body as Buffer) : res.text };
      }
    }, 60_000);

    it('serves each export anonymously with its content type, file name, ETag and Cache-Control', async () => {
      for (const { ext, type } of FORMATS) {
        const res = await fetch(ext);
        expect(`${ext} ${res.status}`).toBe(`${ext} 200`);
        expect(res.headers['content-type']).toMatch(type);
        expect(res.headers['content-disposition']).toBe(`${ext === 'pdf' ? 'inline' : 'attachment'}; filename="vtn2012-programme-v1.${ext}"`);
        expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
        expect(res.headers['cache-control']).toBe('public, max-age=60');
        expect(res.headers['x-programme-version']).toBe('1');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
      const en = await fetch('pdf', '?lang=en');
      expect(en.headers['content-disposition']).toBe('inline; filename="vtn2012-programme-v1-en.pdf"');
      const pinned = await fetch('ics', '?version=1');
      expect(pinned.headers['cache-control']).toBe('public, max-age=86400, immutable');
      expect(pinned.headers.etag).toBe(v1.ics.etag);
    });

    it('answers If-None-Match with 304 and no body; ETags differ by format and language', async () => {
      for (const { ext } of FORMATS) {
        const res = await t.http.get(url(ext)).set('If-None-Match', v1[ext].etag);
        expect(`${ext} ${res.status}`).toBe(`${ext} 304`);
        expect(res.text ?? '').toBe('');
        expect(res.headers.etag).toBe(v1[ext].etag);
        const weak = await t.http.get(url(ext)).set('If-None-Match', `"other", W/${v1[ext].etag}`);
        expect(weak.status).toBe(304);
        const stale = await t.http.get(url(ext)).set('If-None-Match', '"stale"');
        expect(stale.status).toBe(200);
      }
      const etags = [...FORMATS.map(({ ext }) => v1[ext].etag), (await fetch('ics', '?lang=en')).headers.etag];
      expect(new Set(etags).size).toBe(etags.length);
    });

    it('gives an ICS that ical.js reads: the ceremony at 2012-02-06T17:00:00Z, stable UIDs', () => {
      const calendar = new ICAL.Component(ICAL.parse(v1.ics.body as string));
      const events = new Map(calendar.getAllSubcomponents('vevent').map((c) => [c.getFirstPropertyValue('uid') as string, new ICAL.Event(c)]));
      const ceremony = events.get(`session-${ids.ceremony}@vtn2012`)!;
      expect(ceremony.startDate.toJSDate().toISOString()).toBe('2012-02-06T17:00:00.000Z');
      expect(ceremony.location).toMatch(/^Grand Salon, Espace Cardin, 1 avenue Gabriel, 75008 Paris/);
      expect(events.get(`talk-${ids.t2}@vtn2012`)!.description).toContain('Ἀριστοτέλης Παπαδόπουλος (Πανεπιστήμιο Αθηνών)');
      expect(events.size).toBe(6);
    });

    it('gives XML that xmllint validates against the frab XSD, and JSON that ajv validates against the schedule schema', () => {
      const lint = spawnSync('xmllint', ['--noout', '--schema', join(FIXTURES, 'schedule.xml.xsd'), file('v1.xml', v1.xml.body)], { encoding: 'utf8' });
      expect(lint.stderr).toContain('validates');
      expect(lint.status).toBe(0);
      expect(v1.xml.body).toContain('<acronym>vtn2012</acronym>');
      expect(v1.xml.body).toContain(`<event guid="${ids.ceremony}"`);
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);
      ajv.addMetaSchema(JSON.parse(readFileSync(join(process.cwd(), 'node_modules/ajv/dist/refs/json-schema-draft-06.json'), 'utf8')));
      const validate = ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'schedule.schema.json'), 'utf8')));
      const valid = validate(JSON.parse(v1.json.body as string));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      expect(v1.json.body).toContain('"url": "https://colloque.example.org/api/events/');
    });

    it('gives the pentabarf dialect with ?dialect=pentabarf: the conference’s venue and city, its own ETag; other dialects refused', async () => {
      const res = await fetch('xml', '?dialect=pentabarf');
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="vtn2012-programme-v1.xml"');
      expect(res.text).toMatch(/<conference>[\s\S]*<venue>[^<]+<\/venue>\s*<city>Paris<\/city>[\s\S]*<\/conference>/);
      expect(v1.xml.body).not.toContain('<venue>');
      expect(res.headers.etag).not.toBe(v1.xml.etag);
      expect((await t.http.get(url('xml', '?dialect=c3voc'))).headers.etag).toBe(v1.xml.etag);
      const bad = await t.http.get(url('xml', '?dialect=frab'));
      expectErrorBody(bad.body, 400, 'VALIDATION_FAILED');
    });

    it('gives a PDF whose text reads back with every name intact, in French, and in English with lang=en', async () => {
      const text = (pdf: Buffer) => spawnSync('pdftotext', ['-enc', 'UTF-8', file(`${randomBytes(4).toString('hex')}.pdf`, pdf), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      const fr = text(v1.pdf.body as Buffer);
      for (const name of ['Hélène Dupré', 'Ἀριστοτέλης Παπαδόπουλος', 'Дмитрий Иванов', 'Zoë O’Brien-Müller']) expect(fr).toContain(name);
      expect(fr).toContain('Lundi 6 février 2012');
      expect(fr).toContain('18:00–21:00 Remise du Label Ville Internet 2012');
      expect(fr).toMatch(/Co-organisateurs\s?: Association des Villes Internet/);
      const en = text((await fetch('pdf', '?lang=en')).body as Buffer);
      expect(en).toContain('Monday 6 February 2012');
      expect(en).toContain('Opening session');
    });

    it('after a second release that moves one session: same UIDs and GUIDs, SEQUENCE raised only for what moved, version 1 unchanged', async () => {
      await ok(await t.http.patch(`/api/sessions/${ids.tuesday}`).set(bearer(organiser)).send({ startsAt: '2012-02-07T14:00', endsAt: '2012-02-07T15:30' }), 200, 'move');
      await ok(await t.http.post(`/api/events/${eventId}/programme/releases`).set(bearer(organiser)).send({ note: 'Atelier déplacé' }), 201, 'publish v2');

      const sequences = (ics: string) =>
        new Map(new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => [c.getFirstPropertyValue('uid') as string, Number(c.getFirstPropertyValue('sequence'))]));
      const latest = await fetch('ics');
      expect(latest.headers['x-programme-version']).toBe('2');
      expect(latest.headers.etag).not.toBe(v1.ics.etag);
      const before = sequences(v1.ics.body as string);
      const after = sequences(latest.text);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      const raised = [...after].filter(([uid, n]) => n > before.get(uid)!).map(([uid]) => uid).sort();
      expect(raised).toEqual([`session-${ids.tuesday}@vtn2012`, `talk-${ids.t3}@vtn2012`].sort());

      const guids = (xml: string) => [...xml.matchAll(/<event guid="([^"]+)" id="(\d+)">/g)].map((m) => `${m[1]}:${m[2]}`).sort();
      expect(guids((await fetch('xml')).text)).toEqual(guids(v1.xml.body as string));

      // version 1 is still served, byte for byte, with its own ETag
      for (const { ext } of FORMATS) {
        const old = await fetch(ext, '?version=1');
        expect(old.headers.etag).toBe(v1[ext].etag);
        if (ext === 'pdf') expect((old.body as Buffer).equals(v1.pdf.body as Buffer)).toBe(true);
        else expect(old.text).toBe(v1[ext].body);
      }
      expectErrorBody((await t.http.get(url('ics', '?version=3'))).body, 404, 'NOT_FOUND');
    });

    it('refuses hostile query strings and paths with a 4xx in the error shape, never a 500', async () => {
      const queries = [
        '?version=0', '?version=-1', '?version=abc', '?version=1.5', '?version=1e3', '?version=99999999999', '?version=', '?version=0x10',
        '?version[]=1', '?version=1&version=2', '?version[a]=1', '?lang=de', '?lang=', '?lang[]=fr', '?lang=fr&lang=en', '?lang=FR%00',
        `?lang=${'x'.repeat(10_000)}`, '?foo=1', '?__proto__[x]=1', '?constructor[prototype][x]=1', '?version=%F0%9F%98%80',
      ];
      const failures: string[] = [];
      for (const { ext } of FORMATS) {
        for (const query of queries) {
          const res = await t.http.get(url(ext, query));
          if (res.status < 400 || res.status >= 500) failures.push(`${ext}${query.slice(0, 40)}: ${res.status}`);
          else expectErrorBody(res.body, res.status);
        }
        for (const path of [`/api/events/not-a-uuid/programme.${ext}`, `/api/events/${eventId}%00/programme.${ext}`, `/api/events/${'a'.repeat(5000)}/programme.${ext}`]) {
          const res = await t.http.get(path);
          if (res.status < 400 || res.status >= 500) failures.push(`${path.slice(0, 60)}: ${res.status}`);
          else expectErrorBody(res.body, res.status);
        }
        const huge = await t.http.get(url(ext)).set('If-None-Match', `"${'x'.repeat(7000)}"`);
        expect(huge.status).toBe(200);
      }
      expect(failures).toEqual([]);
      const invalid = await t.http.get(url('ics', '?version=abc'));
      expectErrorBody(invalid.body, 400, 'VALIDATION_FAILED');
    });
  });
});
