import ICAL from 'ical.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, buildProgrammes, HOSTILE_TITLE, NAMES, publish, type PagesFixture } from './pages-fixture.js';

/**
 * The public programme pages and the home page through HTTP on the real application: the 2012
 * colloquium and ceremony built with the API, published, read as a browser reads them (Accept:
 * text/html), then published again with a session moved.
 */

const HTML = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** The text of an HTML fragment as a reader sees it (tags dropped, the few entities decoded, spaces folded). */
function visible(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The `<article>` of a session on a programme page. */
function sessionHtml(page: string, sessionId: string): string {
  const match = new RegExp(`<article[^>]*id="session-${sessionId}"[\\s\\S]*?</article>`).exec(page);
  if (!match) throw new Error(`no session ${sessionId} on the page`);
  return match[0];
}

describe('Programme pages over HTTP', () => {
  let t: TestApp;
  let f: PagesFixture;

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '0', PUBLIC_URL: 'https://colloque.example.org' });
    f = await buildProgrammes(t);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('before publication: the programme page is a 404 HTML page for a browser, the error body otherwise; the home page says « pas encore publié »', async () => {
    const page = await t.http.get('/programme/vtn2012').set(HTML);
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<h1>Page introuvable</h1>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    // nothing of the draft leaks
    expect(page.text).not.toContain('Séance d’ouverture');
    const api = await t.http.get('/programme/vtn2012');
    expectErrorBody(api.body, 404, 'NOT_FOUND');
    const home = await t.http.get('/').set(HTML);
    expect(home.status).toBe(200);
    expect(visible(home.text)).toContain('Programme pas encore publié.');
    expect(home.text).not.toContain('href="/programme/vtn2012"');
  });

  describe('once published', () => {
    let v1: string;
    let v1Etag: string;

    beforeAll(async () => {
      await publish(t, f, f.vtn, 'Première version');
      await publish(t, f, f.label, 'Cérémonie');
      const res = await t.http.get('/programme/vtn2012').set(HTML);
      v1 = res.text;
      v1Etag = res.headers.etag;
    }, 60_000);

    it('serves the latest release as HTML with a strict CSP, no script, no inline style, and a linked style sheet with print rules', async () => {
      const res = await t.http.get('/programme/vtn2012').set(HTML);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toMatch(/script-src|unsafe-inline/);
      expect(res.headers['x-programme-version']).toBe('1');
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      expect(res.headers['content-language']).toBe('fr');
      expect(v1).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
      expect(v1).toContain('<html lang="fr">');
      expect(v1).toContain('<link rel="stylesheet" href="/programme/pages.css">');
      const css = await t.http.get('/programme/pages.css');
      expect(css.status).toBe(200);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.text).toContain('@media print');
    });

    it('shows days, sessions with chairs, talks with speakers and affiliations, tracks, venues, organisations; every name intact', () => {
      const text = visible(v1);
      expect(text).toContain('lundi 6 février 2012');
      expect(text).toContain('mardi 7 février 2012');
      for (const name of Object.values(NAMES)) expect(text).toContain(name);
      expect(text).toContain('Πανεπιστήμιο Αθηνών');
      expect(text).toContain('Московский государственный университет');
      expect(text).toContain('Uniwersytet Wrocławski');
      const opening = visible(sessionHtml(v1, f.ids.opening));
      expect(opening).toContain('09 h 00 – 10 h 30 Séance d’ouverture');
      // (visible() folds the no-break space before the colon)
      expect(opening).toContain(`Présidence de séance : ${NAMES.zoe} (Trinity College Dublin)`);
      expect(sessionHtml(v1, f.ids.opening)).toContain('Présidence de séance\u00a0: ');
      expect(opening).toContain('Amphithéâtre Marie Curie, CNRS — 3 rue Michel-Ange, 75016 Paris, France');
      expect(opening).toContain(`${NAMES.helene} (Université Toulouse Le Mirail)`);
      expect(opening).toContain('Le Label Ville Internet, treize ans d’observation');
      expect(sessionHtml(v1, f.ids.opening)).toContain('<time datetime="2012-02-06T09:00+01:00">09 h 00</time>');
      const workshop = visible(sessionHtml(v1, f.ids.workshop));
      expect(workshop).toContain('Thématique : Gouvernance locale');
      expect(workshop).toContain('Digital public services in Russian municipalities');
      expect(text).toContain('Co-organisateurs');
      expect(text).toContain('Association des Villes Internet');
      expect(text).toContain('Avec le soutien de');
      expect(text).toContain('Première version publiée.');
    });

    it('escapes every text: a title that looks like markup is shown, never parsed', () => {
      expect(v1).not.toContain('<script>alert');
      expect(v1).toContain('&lt;script&gt;alert(&quot;programme&quot;)&lt;/script&gt; Les « balises » &amp; le numérique');
      expect(visible(v1)).toContain(HOSTILE_TITLE);
    });

    it('shows the organisations’ logos through the served logo route, and links the exports of this release, all answering 200', async () => {
      const logo = new RegExp(`<img src="(/api/organisations/${f.villesInternet}/logo\\?v=[0-9a-f]{16})" alt="Association des Villes Internet"`).exec(v1);
      expect(logo).not.toBeNull();
      const image = await t.http.get(logo![1]);
      expect(image.status).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      const exports = [...v1.matchAll(/<a href="(\/api\/events\/[^"]+\/programme\.(ics|pdf|xml|json)\?version=1)"/g)].map((m) => m[1]);
      expect(exports.map((e) => e.replace(/^.*\.(\w+)\?.*$/, '$1')).sort()).toEqual(['ics', 'json', 'pdf', 'xml']);
      for (const href of exports) {
        const res = await t.http.get(href);
        expect(`${href} ${res.status}`).toBe(`${href} 200`);
      }
    });

    it('shows the ceremony at Espace Cardin at « 18 h 00 » in French and 18:00 in English, with its patron', async () => {
      const fr = await t.http.get('/programme/label2012').set(HTML);
      expect(fr.status).toBe(200);
      const ceremony = sessionHtml(fr.text, f.ids.ceremony);
      expect(ceremony).toContain('<time datetime="2012-02-06T18:00+01:00">18 h 00</time>');
      expect(visible(ceremony)).toContain('18 h 00 – 21 h 00 Remise du Label Ville Internet 2012');
      expect(visible(ceremony)).toContain('Grand Salon, Espace Cardin — 1 avenue Gabriel, 75008 Paris, France');
      expect(visible(fr.text)).toContain('lundi 6 février 2012');
      expect(visible(fr.text)).toContain('Sous le parrainage de');
      expect(visible(fr.text)).toContain('Ministère de la Ville — Sous le parrainage de Maurice Leroy, Ministre de la Ville');
      const en = await t.http.get('/programme/label2012?lang=en').set(HTML);
      expect(en.text).toContain('<html lang="en">');
      expect(en.headers['content-language']).toBe('en');
      const ceremonyEn = sessionHtml(en.text, f.ids.ceremony);
      expect(ceremonyEn).toContain('<time datetime="2012-02-06T18:00+01:00">18:00</time>');
      expect(visible(ceremonyEn)).toContain('18:00 – 21:00 Ville Internet Label awards 2012');
      expect(visible(en.text)).toContain('Monday 6 February 2012');
      expect(visible(en.text)).toContain('Under the patronage of');
      expect(en.headers.etag).not.toBe(fr.headers.etag);
    });

    it('answers If-None-Match with 304 and no body; a stale tag gets the page', async () => {
      // supertest, like a browser, accepts gzip: the stored gzip twin, with its own ETag
      expect(v1Etag).toMatch(/^"[A-Za-z0-9_-]{43}\.gz"$/);
      expect((await t.http.get('/programme/vtn2012').set(HTML)).headers['content-encoding']).toBe('gzip');
      const same = await t.http.get('/programme/vtn2012').set(HTML).set('If-None-Match', v1Etag);
      expect(same.status).toBe(304);
      expect(same.text ?? '').toBe('');
      expect(same.headers.etag).toBe(v1Etag);
      const weak = await t.http.get('/programme/vtn2012').set('If-None-Match', `"x", W/${v1Etag}`);
      expect(weak.status).toBe(304);
      const stale = await t.http.get('/programme/vtn2012').set('If-None-Match', '"stale"');
      expect(stale.status).toBe(200);
      expect(stale.text).toBe(v1);
      const pinned = await t.http.get('/programme/vtn2012/v/1').set(HTML);
      expect(pinned.status).toBe(200);
      expect(pinned.headers['cache-control']).toBe('public, max-age=3600');
      expect(pinned.headers.etag).not.toBe(v1Etag);
      expect((await t.http.get('/programme/vtn2012/v/1').set('If-None-Match', pinned.headers.etag)).status).toBe(304);
      // a client that does not take gzip gets the plain bytes, under their own ETag
      const plain = await t.http.get('/programme/vtn2012').set(HTML).set('Accept-Encoding', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.text).toBe(v1);
      expect(plain.headers.etag).not.toBe(v1Etag);
      expect((await t.http.get('/programme/vtn2012').set('Accept-Encoding', 'identity').set('If-None-Match', plain.headers.etag)).status).toBe(304);
      const home = await t.http.get('/');
      expect((await t.http.get('/').set('If-None-Match', home.headers.etag)).status).toBe(304);
    });

    it('gives a talk page and a speaker page; unknown talks, people, versions and events are 404 pages', async () => {
      const talk = await t.http.get(`/programme/vtn2012/talks/${f.ids.t2}`).set(HTML);
      expect(talk.status).toBe(200);
      const text = visible(talk.text);
      expect(text).toContain('Les villes grecques et le numérique');
      expect(text).toContain(`${NAMES.aristotelis} (Πανεπιστήμιο Αθηνών)`);
      expect(text).toContain('lundi 6 février 2012,');
      expect(text).toContain('Amphithéâtre Marie Curie, CNRS');
      expect(talk.text).toContain(`href="/programme/vtn2012#session-${f.ids.opening}"`);
      expect(talk.text).toContain(`href="/programme/vtn2012/speakers/${f.ids.aristotelis}"`);

      const helene = await t.http.get(`/programme/vtn2012/speakers/${f.ids.helene}?lang=en`).set(HTML);
      expect(helene.status).toBe(200);
      const who = visible(helene.text);
      expect(who).toContain(NAMES.helene);
      expect(who).toContain('The Ville Internet label: thirteen years of observation');
      expect(who).toContain('Chairing');
      expect(who).toContain('Tuesday workshop');
      expect(helene.text).toContain(`href="/programme/vtn2012/talks/${f.ids.t1}?lang=en"`);

      for (const path of [
        '/programme/vtn2012/talks/00000000-0000-4000-8000-000000000000',
        `/programme/vtn2012/talks/${'a'.repeat(5000)}`,
        `/programme/vtn2012/speakers/${f.ids.helene}x`,
        `/programme/label2012/talks/${f.ids.t1}`,
        '/programme/nosuchevent',
        '/programme/VTN2012',
        '/programme/vtn2012/v/2',
        '/programme/vtn2012/v/0',
        '/programme/vtn2012/v/abc',
        '/programme/vtn2012/v/1e3',
        '/programme/vtn2012/v/99999999999',
        '/programme/vtn2012/elsewhere',
        '/programme',
      ]) {
        const res = await t.http.get(path).set(HTML);
        expect(`${path.slice(0, 60)} ${res.status}`).toBe(`${path.slice(0, 60)} 404`);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.text).toContain('Page introuvable');
        const api = await t.http.get(path);
        expectErrorBody(api.body, 404, 'NOT_FOUND');
      }
      const bad = await t.http.get('/programme/vtn2012?lang=de').set(HTML);
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('<h1>Erreur</h1>');
      expectErrorBody((await t.http.get('/programme/vtn2012?lang=en&lang=fr')).body, 400, 'VALIDATION_FAILED');
      // other query parameters (a campaign tag, a cache buster) are ignored
      expect((await t.http.get('/programme/vtn2012?utm_source=mail').set(HTML)).status).toBe(200);
    });

    it('points every export item at a page that answers 200: the talk’s page, the session’s place on the programme page', async () => {
      const ics = (await t.http.get(`/api/events/${f.vtn}/programme.ics`)).text;
      const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
      expect(events.length).toBe(6);
      const urls = events.map((e) => String(e.getFirstPropertyValue('url')));
      expect(urls).toContain(`https://colloque.example.org/programme/vtn2012/talks/${f.ids.t1}`);
      expect(urls).toContain(`https://colloque.example.org/programme/vtn2012#session-${f.ids.opening}`);
      const json = JSON.parse((await t.http.get(`/api/events/${f.vtn}/programme.json?lang=en`)).text);
      const frab = (json.schedule.conference.days as Array<{ rooms: Record<string, Array<{ url: string }>> }>).flatMap((d) => Object.values(d.rooms).flat().map((e) => e.url));
      expect(frab).toContain(`https://colloque.example.org/programme/vtn2012/talks/${f.ids.t3}?lang=en`);
      const xml = (await t.http.get(`/api/events/${f.vtn}/programme.xml`)).text;
      const xmlUrls = [...xml.matchAll(/<url>([^<]+)<\/url>/g)].map((m) => m[1]).filter((u) => u.includes('/programme/vtn2012'));
      expect(xmlUrls.length).toBe(4);
      for (const url of [...urls, ...frab, ...xmlUrls]) {
        const { pathname, search, hash } = new URL(url);
        const res = await t.http.get(`${pathname}${search}`).set(HTML);
        expect(`${url} ${res.status}`).toBe(`${url} 200`);
        if (hash) expect(res.text).toContain(`id="${hash.slice(1)}"`);
      }
    });

    it('links both published programmes, the call for papers and sign-in from the home page, in French and English', async () => {
      const fr = await t.http.get('/').set(HTML);
      expect(fr.status).toBe(200);
      expect(fr.headers['content-security-policy']).toContain("default-src 'none'");
      expect(fr.text).not.toMatch(/<script|\sstyle=/i);
      const text = visible(fr.text);
      expect(text).toContain('Colloque international « Villes et territoires numériques »');
      expect(text).toContain('du lundi 6 février 2012 au mardi 7 février 2012');
      expect(text).toContain('CNRS, 3 rue Michel-Ange, 75016 Paris');
      expect(text).toContain('Remise du Label Ville Internet 2012');
      expect(text).toContain('lundi 6 février 2012, 18 h 00 – 21 h 00');
      expect(text).toContain('Espace Cardin, 1 avenue Gabriel, 75008 Paris');
      for (const href of ['/programme/vtn2012', '/programme/label2012', '/app/events/vtn2012/cfp', '/app/login']) expect(fr.text).toContain(`href="${href}"`);
      for (const href of ['/programme/vtn2012', '/programme/label2012']) expect((await t.http.get(href).set(HTML)).status).toBe(200);
      const en = await t.http.get('/?lang=en').set(HTML);
      expect(en.text).toContain('<html lang="en">');
      expect(visible(en.text)).toContain('Monday 6 February 2012, 18:00 – 21:00');
      expect(en.text).toContain('href="/programme/vtn2012?lang=en"');
      // the other entry points still answer
      expect((await t.http.get('/health')).status).toBe(200);
      expect((await t.http.get('/desk')).status).toBe(200);
      expect((await t.http.get('/docs-json')).status).toBe(200);
      expect((await t.http.get('/api/events')).status).toBe(200);
    });

    it('documents the pages in the OpenAPI document as text/html, outside /api', async () => {
      const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
      for (const path of ['/', '/programme/{slug}', '/programme/{slug}/v/{n}', '/programme/{slug}/talks/{talkId}', '/programme/{slug}/speakers/{speakerId}']) {
        expect(Object.keys(doc.paths[path]?.get?.responses['200']?.content ?? {})).toEqual(['text/html']);
      }
      expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/programme'))).toEqual([]);
    });

    describe('after a second release that moves a session and a draft change left unpublished', () => {
      beforeAll(async () => {
        const moved = await t.http
          .patch(`/api/sessions/${f.ids.workshop}`)
          .set(bearer(f.organiser))
          .send({ startsAt: '2012-02-07T14:00', endsAt: '2012-02-07T15:30' });
        expect(moved.status).toBe(200);
        await publish(t, f, f.vtn, 'Atelier déplacé');
        const draft = await t.http
          .post(`/api/events/${f.vtn}/sessions`)
          .set(bearer(f.organiser))
          .send({ roomId: f.ids.amphi, kind: 'round-table', titleFr: 'Table ronde secrète', startsAt: '2012-02-07T16:00', endsAt: '2012-02-07T17:00' });
        expect(draft.status).toBe(201);
      }, 60_000);

      it('shows version 2 with what changed; version 1 stays readable at /v/1 as it was; the draft shows nowhere', async () => {
        const latest = await t.http.get('/programme/vtn2012').set(HTML);
        expect(latest.headers['x-programme-version']).toBe('2');
        expect(latest.headers.etag).not.toBe(v1Etag);
        const text = visible(latest.text);
        expect(text).toContain('Ce qui a changé');
        expect(text).toContain('Depuis la version 1');
        expect(text).toMatch(/Séance Atelier du mardi : déplacé \(mardi 7 février 2012, 09 h 00–10 h 30, Salle Émile Durkheim, CNRS → mardi 7 février 2012, 14 h 00–15 h 30, Salle Émile Durkheim, CNRS\)/);
        expect(visible(sessionHtml(latest.text, f.ids.workshop))).toContain('14 h 00 – 15 h 30 Atelier du mardi');
        expect(latest.text).toContain('href="/programme/vtn2012/v/1"');
        expect(latest.text).not.toContain('Table ronde secrète');

        const old = await t.http.get('/programme/vtn2012/v/1').set(HTML);
        expect(old.status).toBe(200);
        expect(old.headers['x-programme-version']).toBe('1');
        expect(visible(sessionHtml(old.text, f.ids.workshop))).toContain('09 h 00 – 10 h 30 Atelier du mardi');
        expect(visible(old.text)).toContain('Vous lisez la version 1. Lire la dernière version');
        expect(old.text).toContain(`href="/programme/vtn2012/v/1/talks/${f.ids.t3}"`);
        const oldTalk = await t.http.get(`/programme/vtn2012/v/1/talks/${f.ids.t3}`).set(HTML);
        expect(oldTalk.status).toBe(200);
        expect(visible(oldTalk.text)).toContain('09 h 00');
        expect((await t.http.get('/programme/vtn2012/v/3').set(HTML)).status).toBe(404);
        // the latest page's earlier ETag no longer matches
        expect((await t.http.get('/programme/vtn2012').set('If-None-Match', v1Etag)).status).toBe(200);
      });
    });
  });
});
