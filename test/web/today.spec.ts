import type { Browser, Locator, Page } from 'playwright-core';
import { bearer, colloquiumId, createPart, createParticipant, receptionToken, setNow } from '../check-ins/check-ins-support.js';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';
import { launchChromium, listen, newPage, seriousAxeViolations } from './support/browser.js';

/**
 * The day's dashboard in Chromium (New York, en-US), standing on Monday 6 February 2012 at 09:12 in
 * Paris: the desks' check-ins are posted through the API while the page is open, and the page
 * moves without being reloaded — each part's admitted, arrived and still expected, its bar, the
 * arrivals per quarter hour in Paris time with the chart's table; pause and resume with the keyboard.
 */
describe('The day’s dashboard', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let reception: string;
  let eventName: string;
  const people: Array<{ id: string; token: string }> = [];

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    browser = await launchChromium();
    const organiser = await t.adminToken();
    reception = await receptionToken(t, 'Jeanne Martin', 'jeanne.martin@test.local');
    const eventId = await colloquiumId(t);
    eventName = (await t.http.get('/api/events?slug=vtn2012')).body.items[0].nameFr as string;
    const day1 = await createPart(t, eventId, 'jour-1', 'day', '2012-02-06', 300, 'Lundi 6 février');
    const day2 = await createPart(t, eventId, 'jour-2', 'day', '2012-02-07', null, 'Mardi 7 février');
    for (const [first, last] of [['Hélène', 'Dupré'], ['Łukasz', 'Wróbel'], ['Zoé', 'Martin'], ['Noé', 'Petit']]) {
      people.push(await createParticipant(t, organiser, eventId, { firstName: first, lastName: last, email: `${people.length}.jour@example.org` }, [day1, day2]));
    }
    setNow(t, '2012-02-06T08:12:00Z');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const scan = async (token: string) => {
    const res = await t.http.post('/api/check-ins').set(bearer(reception)).send({ token });
    expect(res.status).toBe(201);
  };

  async function figure(card: Locator, name: string): Promise<string | null> {
    return card.locator(`[data-figure="${name}"]`).textContent();
  }

  /** Waits (the page reads the API every 4 s) until the part's figures read as given. */
  async function waitForFigures(page: Page, code: string, admitted: string, arrived: string, expected: string) {
    const card = page.locator(`[data-part="${code}"]`);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const now = [await figure(card, 'admitted'), await figure(card, 'checked-in'), await figure(card, 'expected')];
      if (now.join('/') === [admitted, arrived, expected].join('/')) return;
      if (Date.now() > deadline) throw new Error(`${code}: ${now.join('/')} instead of ${admitted}/${arrived}/${expected}`);
      await page.waitForTimeout(250);
    }
  }

  async function cells(table: Locator): Promise<string[][]> {
    return table.locator('tr').evaluateAll((rows) =>
      rows.map((r) => Array.from((r as unknown as { children: ArrayLike<{ textContent: string | null }> }).children, (c) => (c.textContent ?? '').trim())),
    );
  }

  async function tabTo(page: Page, text: string, max = 60) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string | null } } }).document.activeElement.textContent);
      if (focused?.trim() === text) return;
    }
    throw new Error(`no focusable « ${text} »`);
  }

  it('moves while check-ins are posted through the API, without a reload, in Paris time; keyboard and axe', async () => {
    const { page, context, errors } = await newPage(browser);
    try {
      await page.goto(`${base}/app/login?next=${encodeURIComponent('/app/events/vtn2012/today')}`);
      await page.getByLabel('Adresse électronique').fill(ADMIN.email);
      await page.getByLabel('Mot de passe').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((url) => url.pathname === '/app/events/vtn2012/today');
      await page.getByRole('heading', { level: 1, name: `Le jour J : ${eventName}` }).waitFor();
      await page.getByText('Aujourd’hui : lundi 6 février 2012. Mis à jour à 09 h 12 (heure de Paris), toutes les 4 secondes.').waitFor();
      await waitForFigures(page, 'jour-1', '4', '0', '4');
      await page.locator('[data-part="jour-2"]').getByText('Autre jour (mardi 7 février 2012) : 0 arrivée(s) ce jour-là.').waitFor();
      await page.getByText('Aucune arrivée enregistrée aujourd’hui pour l’instant.').waitFor();
      expect(await page.locator('[data-part="jour-1"] rect.progress-done').getAttribute('width')).toBe('0');
      expect(await seriousAxeViolations(page)).toEqual([]);
      // a mark in the page: it must survive every update (no reload)
      await page.evaluate(() => ((globalThis as unknown as { stillHere: boolean }).stillHere = true));

      await scan(people[0].token); // 09:12 in Paris
      await waitForFigures(page, 'jour-1', '4', '1', '3');
      const chart = page.locator('figure[data-chart="arrivals"]');
      await chart.getByText('1 arrivée(s) aujourd’hui ; le quart d’heure le plus chargé : 09 h 00 (1).').waitFor();

      setNow(t, '2012-02-06T08:40:00Z'); // 09:40 in Paris
      await scan(people[1].token);
      await scan(people[2].token);
      await waitForFigures(page, 'jour-1', '4', '3', '1');
      await page.locator('[data-part="jour-1"]').getByText('3 sur 4 arrivés (75 %) · Capacité : 300').waitFor();
      expect(await page.locator('[data-part="jour-1"] rect.progress-done').getAttribute('width')).toBe('150');
      await chart.getByText('3 arrivée(s) aujourd’hui ; le quart d’heure le plus chargé : 09 h 30 (2).').waitFor();
      expect(await chart.locator('svg.chart-svg').getAttribute('aria-hidden')).toBe('true');
      expect(await chart.locator('rect.chart-bar').count()).toBe(3);
      await page.getByText('Mis à jour à 09 h 40 (heure de Paris)', { exact: false }).waitFor();

      // the chart's table, with the keyboard
      await page.locator('#main h1').focus();
      await tabTo(page, 'Afficher le tableau des chiffres');
      await page.keyboard.press('Enter');
      const table = chart.locator('table');
      expect(await table.isVisible()).toBe(true);
      expect(await cells(table)).toEqual([
        ['Quart d’heure (heure de Paris)', 'Arrivées'],
        ['09 h 00', '1'],
        ['09 h 15', '0'],
        ['09 h 30', '2'],
      ]);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // paused with the keyboard: a check-in does not show; resumed: it does
      await page.locator('#main h1').focus();
      await tabTo(page, 'Suspendre la mise à jour');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Mise à jour suspendue.' }).waitFor();
      expect(await page.getByRole('button', { name: 'Reprendre la mise à jour' }).getAttribute('aria-pressed')).toBe('true');
      await scan(people[3].token);
      await page.waitForTimeout(5_000);
      expect(await figure(page.locator('[data-part="jour-1"]'), 'checked-in')).toBe('3');
      await page.keyboard.press('Enter');
      await waitForFigures(page, 'jour-1', '4', '4', '0');
      expect(await page.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
