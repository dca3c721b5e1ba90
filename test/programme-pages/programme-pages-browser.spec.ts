import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../web/support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildProgrammes, NAMES, publish, type PagesFixture } from './pages-fixture.js';

/**
 * The programme pages as a person reads them, in Debian's Chromium with the browser in New York
 * and an American locale: times stay Paris times (the page is rendered on the server), names
 * render intact, the print style applies, and axe-core finds no serious or critical violation.
 */

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** What the page's window offers (the tests compile without the DOM library). */
interface PageWindow {
  document: { scripts: { length: number }; activeElement: { textContent: string | null } | null };
  getComputedStyle(element: unknown): { borderLeftStyle: string };
  axe: { run(): Promise<{ violations: AxeViolation[] }> };
}
declare const window: PageWindow;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

describe('The programme pages in Chromium', () => {
  let t: TestApp;
  let f: PagesFixture;
  let browser: Browser;
  let context: BrowserContext;
  let axeContext: BrowserContext;
  let page: Page;
  let base: string;
  const pageErrors: string[] = [];
  const cspReports: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '0' });
    f = await buildProgrammes(t);
    await publish(t, f, f.vtn, 'Première version');
    await publish(t, f, f.label, 'Cérémonie');
    const server = t.booted.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspReports.push(m.text());
    });
    // axe-core is injected as a script: only this context lets it past the page's CSP
    axeContext = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', bypassCSP: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the ceremony at 18:00 Paris time with the browser in New York, in English and in French', async () => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
    const en = await page.goto(`${base}/programme/label2012?lang=en`);
    expect(en?.status()).toBe(200);
    const ceremony = page.locator(`#session-${f.ids.ceremony}`);
    await expect(ceremony.locator('h3 .when').innerText()).resolves.toBe('18:00–21:00');
    await expect(ceremony.locator('h3 time').first().getAttribute('datetime')).resolves.toBe('2012-02-06T18:00+01:00');
    expect(await ceremony.innerText()).toContain('Espace Cardin');
    expect(await page.locator('h2 time').first().innerText()).toBe('Monday 6 February 2012');

    await page.goto(`${base}/programme/label2012`);
    await expect(page.locator(`#session-${f.ids.ceremony} h3 .when`).innerText()).resolves.toBe('18 h 00–21 h 00');
    expect(await page.locator('h2 time').first().innerText()).toBe('lundi 6 février 2012');
    expect(await page.evaluate(() => window.document.scripts.length)).toBe(0);
  });

  it('renders every name intact, styled by the served sheet (no CSP refusal), and hides navigation when printed', async () => {
    await page.goto(`${base}/programme/vtn2012`);
    const text = await page.locator('main').innerText();
    for (const name of Object.values(NAMES)) expect(text).toContain(name);
    // the style sheet applied: the skip link is off-screen, the session has its coloured border
    const border = await page.locator(`#session-${f.ids.opening}`).evaluate((el) => window.getComputedStyle(el).borderLeftStyle);
    expect(border).toBe('solid');
    expect(await page.locator('nav.days').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.days').isVisible()).toBe(false);
    expect(await page.locator(`#session-${f.ids.opening}`).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    // the logo is loaded from the served route
    const logo = page.locator('img.logo').first();
    expect(await logo.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth > 0)).toBe(true);
    expect(pageErrors).toEqual([]);
    expect(cspReports).toEqual([]);
  });

  it('follows links from the programme to a talk, a speaker and back, with the keyboard-reachable links of a plain page', async () => {
    await page.goto(`${base}/programme/vtn2012?lang=en`);
    await page.locator(`#session-${f.ids.opening} a.talk-title`).nth(1).click();
    await page.waitForURL(`**/programme/vtn2012/talks/${f.ids.t2}?lang=en`);
    expect(await page.locator('h1').innerText()).toBe('Les villes grecques et le numérique');
    await page.getByRole('link', { name: NAMES.aristotelis }).first().click();
    await page.waitForURL(`**/programme/vtn2012/speakers/${f.ids.aristotelis}?lang=en`);
    expect(await page.locator('h1').innerText()).toBe(NAMES.aristotelis);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => window.document.activeElement?.textContent)).toBe('Skip to content');
  });

  it('passes axe-core with no serious or critical violation on every kind of page', async () => {
    const axePage = await axeContext.newPage();
    const failures: string[] = [];
    for (const path of [
      '/',
      '/?lang=en',
      '/programme/vtn2012',
      '/programme/vtn2012?lang=en',
      '/programme/vtn2012/v/1',
      '/programme/label2012',
      `/programme/vtn2012/talks/${f.ids.t1}`,
      `/programme/vtn2012/speakers/${f.ids.helene}?lang=en`,
      '/programme/nosuchevent',
    ]) {
      await axePage.goto(`${base}${path}`);
      await axePage.addScriptTag({ content: axeSource });
      const violations = await axePage.evaluate(async () => {
        return (await window.axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
      });
      for (const v of violations) {
        if (v.impact === 'serious' || v.impact === 'critical') failures.push(`${path}: ${v.id} (${v.impact}) ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
