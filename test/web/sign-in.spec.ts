import type { Browser, Page } from 'playwright-core';
import { signupBody, PASSWORD } from '../speakers/support.js';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';
import { launchChromium, listen, newPage, seriousAxeViolations, sessionItem } from './support/browser.js';

/**
 * Signing in and out of the web app in Chromium: the wanted page kept through the login, the token
 * in sessionStorage only, sign-out revoking it on the server, an expired or revoked token bringing
 * the person back to the login page (told why, the page kept), menus by role.
 */
describe('Signing in to the web app', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const reception = { email: 'accueil@test.local', password: 'a-long-password-42' };
  const speaker = signupBody({ email: 'grazyna.brzeczyszczykiewicz@example.org', firstName: 'Grażyna', lastName: 'Brzęczyszczykiewicz' });

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    const admin = await t.adminToken();
    const created = await t.http.post('/api/users').set('Authorization', `Bearer ${admin}`).send({ ...reception, roles: ['reception'] });
    expect(created.status).toBe(201);
    expect((await t.http.post('/api/speakers/signup').send(speaker)).status).toBe(201);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(page: Page, email: string, password: string) {
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
  }

  async function menuLinks(page: Page): Promise<string[]> {
    return page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link').allTextContents();
  }

  it('a deep link without a session leads to the login page, then to the page wanted; sign-out revokes the token', async () => {
    const { page, context, errors } = await newPage(browser);
    try {
      await page.goto(`${base}/app/account`);
      await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      expect(new URL(page.url()).searchParams.get('next')).toBe('/app/account');
      expect(await menuLinks(page)).toEqual(['Accueil']);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // a wrong password: the same message whatever was wrong, nothing stored
      await signIn(page, ADMIN.email, 'not-the-password');
      await page.getByRole('alert').getByText('Adresse ou mot de passe incorrect.').waitFor();
      expect(await sessionItem(page, 'colloquium.session')).toBeNull();

      await signIn(page, ADMIN.email, ADMIN.password);
      await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/app/account');
      await page.getByText('organisation').waitFor();
      expect(await menuLinks(page)).toEqual(['Accueil', 'Événements', 'Évaluation des propositions', 'Réglages', 'Mon compte', 'Label Ville Internet', 'Accueil des participants']);
      const token = JSON.parse((await sessionItem(page, 'colloquium.session')) as string).accessToken as string;
      expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);
      // nothing in localStorage but the language
      expect(await page.evaluate(() => Object.keys((globalThis as unknown as { localStorage: Record<string, string> }).localStorage))).not.toContain('colloquium.session');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('status').getByText('Vous êtes déconnecté.').waitFor();
      expect(await sessionItem(page, 'colloquium.session')).toBeNull();
      expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
      expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a token revoked or expired meanwhile brings the person back to the login page, told why, and back to the page after signing in', async () => {
    const { page, context, errors } = await newPage(browser);
    try {
      await page.goto(`${base}/app/login`);
      await signIn(page, reception.email, reception.password);
      await page.getByText(`Connecté : ${reception.email}`).waitFor();
      expect(await menuLinks(page)).toEqual(['Accueil', 'Mon compte', 'Accueil des participants']);

      // the token dies on the server (as when it expires): the next call answers 401
      const token = JSON.parse((await sessionItem(page, 'colloquium.session')) as string).accessToken as string;
      expect((await t.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`)).status).toBeLessThan(300);
      await page.getByRole('link', { name: 'Mon compte' }).click();
      await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      await page.getByRole('status').getByText('Votre session a expiré : reconnectez-vous pour continuer.').waitFor();
      expect(new URL(page.url()).searchParams.get('next')).toBe('/app/account');
      expect(await sessionItem(page, 'colloquium.session')).toBeNull();

      await signIn(page, reception.email, reception.password);
      await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
      await page.getByText('accueil', { exact: true }).waitFor();

      // past its expiry time the stored session is not used at all
      await page.evaluate(() => {
        const store = (globalThis as unknown as { sessionStorage: { getItem(k: string): string; setItem(k: string, v: string): void } }).sessionStorage;
        const session = JSON.parse(store.getItem('colloquium.session'));
        store.setItem('colloquium.session', JSON.stringify({ ...session, expiresAt: '2012-02-06T17:00:00.000Z' }));
      });
      await page.goto(`${base}/app/account`);
      await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      await page.getByText('Votre session a expiré : reconnectez-vous pour continuer.').waitFor();
      expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a speaker’s menu has no desk; a login link never leads off the app', async () => {
    const { page, context } = await newPage(browser);
    try {
      await page.goto(`${base}/app/login?next=${encodeURIComponent('//evil.example/app/x')}`);
      await signIn(page, speaker.email as string, PASSWORD);
      await page.getByText(`Connecté : ${speaker.email as string}`).waitFor();
      expect(new URL(page.url()).origin).toBe(base);
      expect(await menuLinks(page)).not.toContain('Accueil des participants');
      expect(await menuLinks(page)).toContain('Mon compte');
    } finally {
      await context.close();
    }
  });
});
