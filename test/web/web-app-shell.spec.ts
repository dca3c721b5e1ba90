import type { Browser } from 'playwright-core';
import request from 'supertest';
import { startTestApp, type TestApp, expectErrorBody } from '../support/test-app.js';
import { launchChromium, listen, newPage, seriousAxeViolations, sessionItem } from './support/browser.js';
import { readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/**
 * The web app's foundation: served by Nest at /app/ from the built files (deep links answer the
 * page, its CSP keeps scripts and styles to this origin), and its home page in Chromium with the
 * browser in New York: the events' times are Paris times, French first, English on the switch.
 */
describe('The web app at /app/', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('serves the page with a strict CSP at /app/ and at any deep link, its hashed files compressed and cached, and a 404 for a missing file', async () => {
    for (const path of ['/app/', '/app', '/app/proposals/42', '/app/events/vtn2012/cfp']) {
      const res = await request(base).get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(res.text).toMatch(/<script type="module" crossorigin src="\/app\/assets\/index-[\w-]+\.js"><\/script>/);
      expect(res.text).not.toMatch(/<script>(?!<\/)/);
    }
    const shell = await request(base).get('/app/');
    const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(shell.text)?.[1] as string;
    const js = await request(base).get(script).set('Accept-Encoding', 'br, gzip');
    expect(js.status).toBe(200);
    expect(js.headers['content-encoding']).toBe('br');
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.headers['content-type']).toContain('text/javascript');
    const missing = await request(base).get('/app/assets/index-nothere.js');
    expectErrorBody(missing.body, 404, 'NOT_FOUND');
    // compressed once, by the build: the bytes sent are the build's copies, which read back as the file;
    // the copies themselves are not files of the app
    const file = join(process.cwd(), 'dist', 'web', script.replace(/^\/app\//, ''));
    // node:http, which leaves the bytes as sent (supertest would decode them)
    const raw = (encoding: string) =>
      new Promise<Buffer>((resolve, reject) => {
        httpGet(`${base}${script}`, { headers: { 'Accept-Encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks)));
          res.on('error', reject);
        }).on('error', reject);
      });
    const [br, gz] = [await raw('br'), await raw('gzip')];
    expect(br.equals(readFileSync(`${file}.br`))).toBe(true);
    expect(gz.equals(readFileSync(`${file}.gz`))).toBe(true);
    expect(brotliDecompressSync(br).equals(readFileSync(file))).toBe(true);
    expect(gunzipSync(gz).equals(readFileSync(file))).toBe(true);
    expectErrorBody((await request(base).get(`${script}.br`)).body, 404, 'NOT_FOUND');
  });

  it('shows the events at their Paris times to a browser in New York, in French then in English, with no CSP refusal and no serious axe violation', async () => {
    const { page, context, errors } = await newPage(browser);
    try {
      await page.goto(`${base}/app/`);
      await page.getByRole('heading', { level: 1, name: 'Espace du colloque' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      // the ceremony, 18:00–21:00 in Paris (noon in New York)
      await page.getByText('lundi 6 février 2012, 18 h 00 – 21 h 00').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'English' }).press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Colloquium space' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByText('Monday 6 February 2012, 18:00 – 21:00').waitFor();
      expect(await page.getByText(/12:00|12 h 00/).count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the login page passes axe and signs in with the keyboard alone', async () => {
    const { page, context, errors } = await newPage(browser);
    try {
      await page.goto(`${base}/app/login`);
      await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel('Adresse électronique').focus();
      await page.keyboard.type('admin@test.local');
      await page.keyboard.press('Tab');
      await page.keyboard.type('admin-password-123');
      await page.keyboard.press('Enter');
      await page.getByText('Connecté : admin@test.local').waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/app\/?$/);
      const stored = await sessionItem(page, 'colloquium.session');
      expect(JSON.parse(stored as string).user.roles).toContain('organiser');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
