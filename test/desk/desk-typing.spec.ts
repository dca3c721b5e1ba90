import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../web/support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { colloquiumId, createPart, createParticipant, receptionToken, setNow } from '../check-ins/check-ins-support.js';

/**
 * The desk as a person types on it, in Debian's Chromium with the browser in New York (the desk
 * works in the event's zone, Paris, whatever the machine's): names typed letter by letter never
 * lose the focus nor check anyone in; a check-in takes a deliberate action (Enter on the selected
 * person, a click, a scan); an unknown badge leaves nobody displayed; a walk-in is a plain
 * participant unless the desk says otherwise.
 */
describe('The desk page as one types (Chromium, browser in America/New_York)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let eventId: string;
  let marieTherese: { id: string; token: string };
  let marais: { id: string; token: string };
  let durand: { id: string; token: string };
  let ollivier: { id: string; token: string };
  let vasseur: { id: string; token: string };
  const pageErrors: string[] = [];

  const checkIns = async (participantId?: string): Promise<number> => {
    const [row] = participantId
      ? await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM check_ins WHERE participant_id = $1`, [participantId])
      : await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM check_ins`);
    return row.n as number;
  };
  /** The id of the focused element (an expression: the tests are not compiled with the DOM's types). */
  const focused = () => page.evaluate<string | null>('document.activeElement ? document.activeElement.id || null : null');
  /** Types `text` one key at a time, 250 ms apart (a person typing slowly); answers where the focus was after each key. */
  const typeSlowly = async (text: string): Promise<Array<string | null>> => {
    const seen: Array<string | null> = [];
    for (const key of text) {
      await page.keyboard.type(key);
      await page.waitForTimeout(250);
      seen.push(await focused());
    }
    return seen;
  };
  const clearLookup = async () => {
    await page.locator('#lookup').fill('');
    await page.locator('#lookup').focus();
  };

  beforeAll(async () => {
    t = await startTestApp();
    const organiser = await t.adminToken();
    await receptionToken(t, 'Jeanne Martin', 'accueil@test.local');
    eventId = await colloquiumId(t);
    const day1 = await createPart(t, eventId, 'jour-1', 'day', '2012-02-06', null, 'Lundi 6 février');
    const person = (firstName: string, lastName: string, email: string) =>
      createParticipant(t, organiser, eventId, { firstName, lastName, email, categories: ['researcher'] }, [day1]);
    marieTherese = await person('Marie-Thérèse', 'Lambert', 'mt.lambert@example.org');
    // "ma", "mar": both; "mari…": Marie-Thérèse alone — the result count changes as one types
    marais = await person('Jean', 'Marais', 'jean.marais@example.org');
    durand = await person('Paul', 'Durand', 'paul.durand@example.org');
    ollivier = await person('Bernard', 'Ollivier', 'b.ollivier@example.org');
    vasseur = await person('Claire', 'Vasseur', 'c.vasseur@example.org');
    // 15:12 in Paris, 09:12 in New York
    setNow(t, '2012-02-06T14:12:00Z');
    const server = t.booted.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'America/New_York' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => void d.dismiss());
    // the walk-in's badge opens in a new tab: answer its PDF request without rendering anything
    context.on('page', (popup) => void popup.close().catch(() => undefined));

    await page.goto(`${base}/desk`);
    await page.locator('#login-email').fill('accueil@test.local');
    await page.locator('#login-password').fill('a-long-password-42');
    await page.locator('#login-password').press('Enter');
    await page.locator(`#event-select option[value="${eventId}"]`).waitFor({ state: 'attached' });
    await page.locator('#event-select').selectOption(eventId);
    await page.locator('#event-go').click();
    await page.locator('#today', { hasText: '2012-02-06' }).waitFor();
    await page.locator('#lookup:focus').waitFor();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('keeps the focus in the field while "marie therese" is typed slowly, checks nobody in, and keeps the whole name', async () => {
    const seen = await typeSlowly('marie therese');
    expect(seen).toEqual(Array(13).fill('lookup'));
    expect(await page.locator('#lookup').inputValue()).toBe('marie therese');
    // the one match is shown (a hyphen counts as a space), not checked in
    await page.locator('#person-name').getByText('Marie-Thérèse Lambert').waitFor();
    expect(await page.locator('#person-checked-in').textContent()).toBe('non');
    expect(await checkIns()).toBe(0);
    expect(await focused()).toBe('lookup');
  });

  it('checks the selected person in on Enter in the field (a deliberate action), at the event’s time', async () => {
    await page.locator('#lookup').press('Enter');
    await page.locator('#message').getByText('arrivée enregistrée à 15:12').waitFor();
    await page.locator('#person-checked-in').getByText('oui').waitFor();
    expect(await checkIns(marieTherese.id)).toBe(1);
    expect(await checkIns()).toBe(1);
    await page.locator('#lookup:focus').waitFor();
  });

  it('with two matches, Enter only selects the first; ArrowDown, Enter on a result, then Enter checks that one in', async () => {
    await clearLookup();
    expect(await typeSlowly('ma')).toEqual(['lookup', 'lookup']);
    await page.locator('#result-count', { hasText: '(2)' }).waitFor();
    await page.locator('#lookup').press('Enter');
    await page.locator('#results button.selected', { hasText: 'Marie-Thérèse Lambert' }).waitFor();
    expect(await focused()).toBe('lookup');
    expect(await checkIns()).toBe(1);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate<string>("document.activeElement ? document.activeElement.textContent : ''")).toContain('Jean Marais');
    await page.keyboard.press('Enter');
    await page.locator('#person-name').getByText('Jean Marais').waitFor();
    expect(await focused()).toBe('checkin-button');
    expect(await checkIns(marais.id)).toBe(0);
    await page.keyboard.press('Enter');
    await page.locator('#message').getByText('Jean Marais : arrivée enregistrée à 15:12').waitFor();
    expect(await checkIns(marais.id)).toBe(1);
    expect(await checkIns()).toBe(2);
  });

  it('checks in with a click on « Enregistrer l’arrivée »', async () => {
    await clearLookup();
    expect(await typeSlowly('durand')).toEqual(Array(6).fill('lookup'));
    await page.locator('#person-name').getByText('Paul Durand').waitFor();
    expect(await checkIns(durand.id)).toBe(0);
    await page.locator('#checkin-button').click();
    await page.locator('#message').getByText('Paul Durand : arrivée enregistrée à 15:12').waitFor();
    expect(await checkIns(durand.id)).toBe(1);
  });

  it('leaves what was typed while a check-in was on its way as typed (not selected, so the next key does not replace it)', async () => {
    await clearLookup();
    await typeSlowly('vasseur');
    await page.locator('#person-name').getByText('Claire Vasseur').waitFor();
    // the check-in is held on its way to the server while the person goes on typing
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/check-ins', async (route) => {
      await held;
      await route.continue();
    });
    await page.locator('#lookup').press('Enter');
    await page.keyboard.type(' x');
    await page.waitForTimeout(400);
    release();
    await page.locator('#message').getByText('Claire Vasseur : arrivée enregistrée à 15:12').waitFor();
    await page.unroute('**/api/check-ins');
    expect(await checkIns(vasseur.id)).toBe(1);
    await page.keyboard.type('y');
    expect(await page.locator('#lookup').inputValue()).toBe('vasseur xy');
    expect(await focused()).toBe('lookup');
  });

  it('checks in on a scan (the token typed, then Enter), then shows nobody after an unknown badge', async () => {
    await clearLookup();
    await page.keyboard.type(ollivier.token, { delay: 2 });
    await page.keyboard.press('Enter');
    await page.locator('#message').getByText('Bernard Ollivier : arrivée enregistrée à 15:12').waitFor();
    await page.locator('#person-name').getByText('Bernard Ollivier').waitFor();
    expect(await checkIns(ollivier.id)).toBe(1);

    await page.locator('#lookup:focus').waitFor();
    await page.keyboard.type('x'.repeat(43), { delay: 2 });
    await page.keyboard.press('Enter');
    await page.locator('#message').getByText('Badge inconnu (ou remplacé par un nouveau badge)').waitFor();
    await page.locator('#person').waitFor({ state: 'hidden' });
    expect(await page.locator('#person-name').textContent()).toBe('');
    expect(await page.locator('#results li').count()).toBe(0);
    expect(await page.locator('#result-count').textContent()).toBe('');
    // and Enter in the empty field checks nobody in
    await page.locator('#lookup').press('Enter');
    expect(await checkIns()).toBe(5);
  });

  it('proposes the plain participant category for a walk-in, also after a walk-in was registered', async () => {
    await page.locator('#walkin summary').click();
    expect(await page.locator('#walkin-category').inputValue()).toBe('guest');
    await page.locator('#walkin-first').fill('Yves');
    await page.locator('#walkin-last').fill('Passant');
    await page.locator('#walkin-form button[type=submit]').click();
    await page.locator('#message').getByText(/Yves Passant/).waitFor();
    await page.locator('#person-name').getByText('Yves Passant').waitFor();
    const [row] = await t.booted.dataSource.query(`SELECT categories, source FROM participants WHERE last_name = 'Passant'`);
    expect(row).toEqual({ categories: ['guest'], source: 'desk' });
    await page.locator('#walkin summary').click();
    expect(await page.locator('#walkin-category').inputValue()).toBe('guest');
    expect(pageErrors).toEqual([]);
  });
});
