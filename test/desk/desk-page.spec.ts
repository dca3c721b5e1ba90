import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../web/support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { colloquiumId, createPart, createParticipant, receptionToken, setNow } from '../check-ins/check-ins-support.js';

/**
 * The reception desk end to end in Debian's Chromium: the real app listening on a random local
 * port, a reception account, standing on Monday 6 February 2012 at 09:12 in Paris.
 */
describe('The reception desk page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let eventId: string;
  let helene: { id: string; token: string };
  /** Every badge PDF the page fetched, as the server answered it (status, type, bytes), read through a route. */
  const pdfs: Array<{ url: string; status: number; type: string; body: Buffer }> = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const organiser = await t.adminToken();
    await receptionToken(t, 'Jeanne Martin', 'accueil@test.local');
    eventId = await colloquiumId(t);
    const day1 = await createPart(t, eventId, 'jour-1', 'day', '2012-02-06', null, 'Lundi 6 février');
    await createPart(t, eventId, 'ceremonie', 'ceremony', null, null, 'Cérémonie du Label');
    helene = await createParticipant(
      t,
      organiser,
      eventId,
      { firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@example.org', categories: ['researcher'], affiliation: 'CNRS, LAVUE' },
      [day1],
    );
    // a hostile name: shown as text, never run
    await createParticipant(t, organiser, eventId, { firstName: '<img src=x onerror=alert(1)>', lastName: '<script>alert(2)</script>Piège', email: 'xss@example.org' }, [day1]);
    setNow(t, '2012-02-06T08:12:00Z');
    const server = t.booted.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Chromium does not give Playwright the body of a fetch read as a blob: read it on the way instead
    await page.route(/\/badge\.pdf|\/badge-token\/rotate/, async (route) => {
      const response = await route.fetch();
      pdfs.push({ url: route.request().url(), status: response.status(), type: response.headers()['content-type'] ?? '', body: await response.body() });
      await route.fulfill({ response });
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('logs in, finds Hélène by typing "helene", prints her badge, checks her in, and a second scan says already checked in', async () => {
    const response = await page.goto(`${base}/desk`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    // log in (reception)
    await page.locator('#login-email').fill('accueil@test.local');
    await page.locator('#login-password').fill('a-long-password-42');
    await page.locator('#login-password').press('Enter');

    // choose the colloquium
    await page.locator('#event-select').waitFor({ state: 'visible' });
    await page.locator(`#event-select option[value="${eventId}"]`).waitFor({ state: 'attached' });
    await page.locator('#event-select').selectOption(eventId);
    await page.locator('#event-go').click();
    await page.locator('#today', { hasText: '2012-02-06' }).waitFor();
    await page.locator('#today-part').getByText('Lundi 6 février').waitFor();

    // type "helene" as a person would: the search runs as one types, accents ignored
    const lookup = page.locator('#lookup');
    await page.locator('#lookup:focus').waitFor();
    await lookup.pressSequentially('helene', { delay: 30 });
    await page.locator('#results').getByText('Hélène Dupré').waitFor();
    await page.locator('#person-name').getByText('Hélène Dupré').waitFor();
    expect(await page.locator('#person-category').textContent()).toBe('Chercheur·euse');
    expect(await page.locator('#person-affiliation').textContent()).toBe('CNRS, LAVUE');
    expect(await page.locator('#person-printed').textContent()).toBe('pas encore imprimé');
    expect(await page.locator('#person-checked-in').textContent()).toBe('non');
    expect(await page.locator('#person-parts').textContent()).toContain('Lundi 6 février — admis(e)');

    // print: the PDF fetched with the token is checked, then opened from a blob: URL
    await page.locator('#print-button').click();
    await page.locator('#message').getByText('Badge prêt : Hélène Dupré').waitFor();
    expect(pdfs).toHaveLength(1);
    expect(pdfs[0].url).toBe(`${base}/api/participants/${helene.id}/badge.pdf`);
    expect(pdfs[0].status).toBe(200);
    expect(pdfs[0].type).toMatch(/^application\/pdf/);
    expect(pdfs[0].body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await page.locator('#pdf-link').getAttribute('href')).toMatch(/^blob:/);
    await page.locator('#person-printed').getByText(/^imprimé \(1 fois/).waitFor();
    const [printed] = await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM badge_prints WHERE participant_id = $1`, [helene.id]);
    expect(printed.n).toBe(1);

    // check in
    await page.locator('#checkin-button').click();
    await page.locator('#message').getByText('arrivée enregistrée à 09:12').waitFor();
    await page.locator('#person-checked-in').getByText('oui').waitFor();
    expect(await page.locator('#person-parts').textContent()).toContain('arrivée à 09:12 (Jeanne Martin)');

    // the scanner: the token typed into the focused field, then Enter, no click
    await page.locator('#lookup:focus').waitFor();
    await page.keyboard.type(helene.token, { delay: 2 });
    await page.keyboard.press('Enter');
    const message = page.locator('#message');
    await message.getByText('déjà enregistré(e) à 09:12 par Jeanne Martin').waitFor();
    expect(await message.textContent()).toContain('already checked in');
    expect(await message.getAttribute('class')).toContain('warn');
    expect(await lookup.inputValue()).toBe('');
    const [rows] = await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM check_ins WHERE participant_id = $1`, [helene.id]);
    expect(rows.n).toBe(1);

    // the ceremony's door: the same badge scanned for another part she has no place in
    await page.locator('#scan-part').selectOption('ceremonie');
    await page.locator('#lookup:focus').waitFor();
    await page.keyboard.type(helene.token, { delay: 2 });
    await page.keyboard.press('Enter');
    await message.getByText('Non admis(e) à « Cérémonie du Label » : pas inscrit(e) à cette partie').waitFor();
    expect(await message.getAttribute('class')).toContain('error');
    await page.locator('#scan-part').selectOption('');
  });

  it('shows a hostile name as text and runs nothing', async () => {
    await page.locator('#lookup').fill('');
    await page.locator('#lookup').pressSequentially('piège', { delay: 20 });
    await page.locator('#person-name').getByText('<script>alert(2)</script>Piège').waitFor();
    expect(await page.locator('#results').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('#person img, #results img, #person script, #results script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('registers a walk-in and prints the badge at once', async () => {
    await page.locator('#walkin summary').click();
    await page.locator('#walkin-first').fill('Zoé');
    await page.locator('#walkin-last').fill('Œuvray');
    await page.locator('#walkin-email').fill('zoe@example.org');
    await page.locator('#walkin-affiliation').fill('Mairie de Brest');
    await page.locator('#walkin-category').selectOption('city-representative');
    const before = pdfs.length;
    await page.locator('#walkin-form button[type=submit]').click();
    await page.locator('#message').getByText('Badge prêt : Zoé Œuvray').waitFor();
    expect(pdfs).toHaveLength(before + 1);
    expect(pdfs[before].status).toBe(200);
    expect(pdfs[before].type).toMatch(/^application\/pdf/);
    expect(pdfs[before].body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.locator('#person-name').getByText('Zoé Œuvray').waitFor();
    expect(await page.locator('#person-category').textContent()).toBe('Ville Internet');
    await page.locator('#person-printed').getByText(/^imprimé/).waitFor();
    const [row] = await t.booted.dataSource.query(
      `SELECT p.categories, (SELECT count(*)::int FROM badge_prints b WHERE b.participant_id = p.id) AS prints FROM participants p WHERE email = 'zoe@example.org'`,
    );
    expect(row).toEqual({ categories: ['city-representative'], prints: 1 });

    // she loses it: a new badge, and the old one's scan is refused as unknown
    const [{ id, badge_token: oldToken }] = await t.booted.dataSource.query(`SELECT id, badge_token FROM participants WHERE email = 'zoe@example.org'`);
    await page.locator('#reprint-reason').fill('Badge perdu au vestiaire');
    await page.locator('#rotate-button').click();
    await page.locator('#message').getByText('Nouveau badge prêt (l’ancien n’est plus valable) : Zoé Œuvray').waitFor();
    const rotated = pdfs[pdfs.length - 1];
    expect(rotated.url).toBe(`${base}/api/participants/${id}/badge-token/rotate`);
    expect([rotated.status, rotated.body.subarray(0, 5).toString('latin1')]).toEqual([200, '%PDF-']);
    await page.locator('#person-printed').getByText(/^imprimé \(2 fois/).waitFor();
    const [after] = await t.booted.dataSource.query(`SELECT badge_token FROM participants WHERE id = $1`, [id]);
    expect(after.badge_token).not.toBe(oldToken);
    await page.locator('#lookup:focus').waitFor();
    await page.keyboard.type(oldToken, { delay: 2 });
    await page.keyboard.press('Enter');
    await page.locator('#message').getByText('Badge inconnu (ou remplacé par un nouveau badge)').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('registers a walk-in with no email (name, affiliation, category) and prints the badge at once', async () => {
    await page.locator('#walkin summary').click();
    await page.locator('#walkin-first').fill('Łucja');
    await page.locator('#walkin-last').fill('Wróblewska');
    expect(await page.locator('#walkin-email').getAttribute('required')).toBeNull();
    await page.locator('#walkin-affiliation').fill('Mairie de Quimper');
    await page.locator('#walkin-category').selectOption('city-representative');
    const before = pdfs.length;
    await page.locator('#walkin-form button[type=submit]').click();
    await page.locator('#message').getByText('Badge prêt : Łucja Wróblewska').waitFor();
    expect(pdfs).toHaveLength(before + 1);
    expect([pdfs[before].status, pdfs[before].body.subarray(0, 5).toString('latin1')]).toEqual([200, '%PDF-']);
    await page.locator('#person-name').getByText('Łucja Wróblewska').waitFor();
    await page.locator('#person-printed').getByText(/^imprimé/).waitFor();
    const [row] = await t.booted.dataSource.query(
      `SELECT p.email, p.source, p.affiliation, (SELECT count(*)::int FROM badge_prints b WHERE b.participant_id = p.id) AS prints FROM participants p WHERE last_name = 'Wróblewska'`,
    );
    expect(row).toEqual({ email: null, source: 'desk', affiliation: 'Mairie de Quimper', prints: 1 });
    expect(pageErrors).toEqual([]);
  });
});
