import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { RED_SQUARE_SVG, renderPng, tinyJpeg } from '../organisations/images.js';
import { binary } from '../speakers/support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { launchChromium, listen, newPage, openFileChooserWithKeyboard, seriousAxeViolations, sessionItem } from './support/browser.js';

/**
 * The researchers' pages in Chromium, the browser in New York with an en-US locale: sign-up at
 * /app/signup (the ORCID checked as typed, the server's field errors next to their fields, the
 * photo previewed and stored), then /app/me (profile, photo, unavailabilities typed in Paris time).
 */
describe('Researchers’ pages: /app/signup and /app/me', () => {
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

  async function tokenOf(page: Page): Promise<string> {
    return (JSON.parse((await sessionItem(page, 'colloquium.session')) as string) as { accessToken: string }).accessToken;
  }

  const focusedName = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('name') ?? null);

  /** Presses Tab until the named field has the focus. */
  async function tabTo(page: Page, name: string): Promise<void> {
    for (let i = 0; i < 8 && (await focusedName(page)) !== name; i++) await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe(name);
  }

  /** The text of the error shown next to a field (through its aria-describedby). */
  async function errorNextTo(page: Page, label: string): Promise<string> {
    const field = page.getByLabel(label, { exact: true });
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
    expect(ids).toHaveLength(1);
    return (await page.locator(`[id="${ids[0]}"]`).textContent()) ?? '';
  }

  it('a Polish researcher signs up with the keyboard alone: ORCID refused as typed, the server’s field errors beside their fields, the photo previewed and stored; then fills the biographies and declares an unavailability in Paris time', async () => {
    const png = renderPng(RED_SQUARE_SVG, 48);
    const { page, context, errors } = await newPage(browser);
    const signupCalls: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/speakers/signup')) signupCalls.push(r.status());
    });
    try {
      await page.goto(`${base}/app/signup`);
      await page.getByRole('heading', { level: 1, name: 'Créer un compte d’intervenant' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      const k = page.keyboard;
      await page.getByLabel('Adresse électronique *').focus();
      await k.type('admin@test.local'); // taken: the server will say so
      await k.press('Tab');
      await k.type('Wisła-2012-Kraków');
      await k.press('Tab');
      await k.type('Małgorzata');
      await k.press('Tab');
      await k.type('Żółkiewska-Wąs');
      await k.press('Tab');
      await k.type('Uniwersytet Warszawski');
      await k.press('Tab');
      await k.type('UK'); // not an ISO code (GB is): only the server knows
      await k.press('Tab');
      await k.type('0000-0002-1825-0098'); // wrong check digit (…0097 is right)
      // refused as typed, before anything is sent, with the expected check character, read out
      const orcidAlert = page.getByRole('alert').filter({ hasText: 'devrait être 7' });
      await orcidAlert.waitFor();
      expect(await errorNextTo(page, 'Identifiant ORCID')).toContain('0000-0002-1825-0098');

      // the photo, chosen with the keyboard: Space opens the file chooser
      await k.press('Tab');
      expect(await focusedName(page)).toBe('photo');
      const chooser = await openFileChooserWithKeyboard(page);
      await chooser.setFiles({ name: 'portrait.png', mimeType: 'image/png', buffer: png });
      const preview = page.getByRole('img', { name: 'Aperçu de la photo choisie' });
      await preview.waitFor();
      expect(await preview.getAttribute('src')).toMatch(/^blob:/);
      // really drawn (the CSP lets blob: images through): 48 pixels wide
      expect(await preview.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(48);

      await k.press('Tab');
      await k.type('Urbaniste, elle étudie les « villes numériques » en Pologne.');
      await k.press('Tab');
      await k.type('An urban planner studying digital cities in Poland.');
      await k.press('Tab');
      await k.press('Enter');
      // the bad ORCID stops the submission: nothing sent, the summary read out, focus on the field
      await page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' }).waitFor();
      expect(await focusedName(page)).toBe('orcid');
      expect(signupCalls).toEqual([]);

      await k.press('Control+A');
      await k.type('https://orcid.org/0000-0002-1825-0097');
      await page.getByRole('status').filter({ hasText: 'Identifiant ORCID valide.' }).waitFor();
      await k.press('Enter');
      // the server refuses the country code: its words beside the country field, focus there
      await page.getByLabel('Pays (code à deux lettres) *').and(page.locator('[aria-invalid="true"]')).waitFor();
      expect(await errorNextTo(page, 'Pays (code à deux lettres) *')).toContain('ISO 3166-1 alpha-2');
      expect(await focusedName(page)).toBe('countryCode');
      expect(signupCalls).toEqual([400]);

      await k.press('Control+A');
      await k.type('PL');
      await k.press('Enter');
      // the email is taken: said clearly, beside the email field and read out
      await page.getByRole('alert').filter({ hasText: 'Un compte existe déjà avec cette adresse' }).waitFor();
      expect(await errorNextTo(page, 'Adresse électronique *')).toContain('Un compte existe déjà');
      expect(await focusedName(page)).toBe('email');
      expect(signupCalls).toEqual([400, 409]);

      await k.press('Control+A');
      await k.type('malgorzata.zolkiewska@uw.example.pl');
      await k.press('Enter');
      // signed in by the answer, on /app/me
      await page.getByRole('heading', { level: 1, name: 'Mon profil d’intervenant' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/app/me');
      expect(signupCalls).toEqual([400, 409, 201]);
      const token = await tokenOf(page);

      // the server stored the profile as typed and the photo byte for byte
      const profile = await t.http.get('/api/me/speaker-profile').set('Authorization', `Bearer ${token}`).expect(200);
      expect(profile.body).toMatchObject({
        email: 'malgorzata.zolkiewska@uw.example.pl',
        firstName: 'Małgorzata',
        lastName: 'Żółkiewska-Wąs',
        affiliation: 'Uniwersytet Warszawski',
        countryCode: 'PL',
        orcid: '0000-0002-1825-0097',
        bioFr: 'Urbaniste, elle étudie les « villes numériques » en Pologne.',
        bioEn: 'An urban planner studying digital cities in Poland.',
        hasPhoto: true,
      });
      const photo = await request(base).get('/api/me/speaker-profile/photo').set('Authorization', `Bearer ${token}`).buffer(true).parse(binary).expect(200);
      expect(photo.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(photo.body as Buffer, png)).toBe(0);
      // the page shows the stored photo, fetched with the session
      const current = page.getByRole('img', { name: 'Votre photo actuelle' });
      await current.waitFor();
      expect(await current.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(48);
      expect(await page.getByLabel('Prénom *').inputValue()).toBe('Małgorzata');
      expect(await seriousAxeViolations(page)).toEqual([]);

      // the biographies changed and saved with the keyboard; the form shows the server's answer
      await page.getByLabel('Biographie en français').focus();
      await k.press('Control+A');
      await k.type('Urbaniste (Varsovie) ; travaux sur l’e-administration.\nCoordinatrice du réseau « Miasta cyfrowe ».');
      await k.press('Tab');
      await k.press('Control+A');
      await k.type('Urban planner (Warsaw); works on e-government.');
      await k.press('Tab');
      await k.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Profil enregistré le' }).waitFor();
      const saved = await t.http.get('/api/me/speaker-profile').set('Authorization', `Bearer ${token}`).expect(200);
      expect(saved.body.bioFr).toBe('Urbaniste (Varsovie) ; travaux sur l’e-administration.\nCoordinatrice du réseau « Miasta cyfrowe ».');
      expect(saved.body.bioEn).toBe('Urban planner (Warsaw); works on e-government.');

      // an unavailability typed in Paris time by a browser in New York (en-US segments: mm dd yyyy hh mm AM/PM)
      const events = await t.http.get('/api/events').expect(200);
      const colloquium = (events.body.items as Array<{ id: string; kind: string }>).find((e) => e.kind !== 'ceremony') as { id: string };
      expect(await page.getByLabel('Événement').inputValue()).toBe(colloquium.id);
      await page.getByLabel('Début (heure de Paris)').focus();
      await k.type('020620120200P');
      await tabTo(page, 'endsAt'); // Tab walks the field's own segments and its picker button first
      await k.type('020620120400P');
      await tabTo(page, 'note');
      await k.type('Cours à l’université');
      await k.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Indisponibilité ajoutée' }).waitFor();
      await page.getByRole('listitem').filter({ hasText: 'lundi 6 février 2012, 14 h 00 – 16 h 00' }).filter({ hasText: 'Cours à l’université' }).waitFor();
      const stored = await t.http.get(`/api/me/events/${colloquium.id}/unavailabilities`).set('Authorization', `Bearer ${token}`).expect(200);
      expect(stored.body.items).toHaveLength(1);
      expect(stored.body.items[0]).toMatchObject({ startsAtUtc: '2012-02-06T13:00:00.000Z', endsAtUtc: '2012-02-06T15:00:00.000Z', note: 'Cours à l’université' });
      expect(await seriousAxeViolations(page)).toEqual([]);

      // in English the same instant still reads as Paris time
      await page.getByRole('button', { name: 'English' }).press('Enter');
      await page.getByRole('listitem').filter({ hasText: 'Monday 6 February 2012, 14:00 – 16:00' }).waitFor();
      // Chromium logs the two refusals the test provoked; nothing else (no CSP refusal, no exception)
      expect(errors).toEqual([
        'Failed to load resource: the server responded with a status of 400 (Bad Request)',
        'Failed to load resource: the server responded with a status of 409 (Conflict)',
      ]);
    } finally {
      await context.close();
    }
  });

  it('a Greek researcher signed up earlier replaces and removes her photo and removes an unavailability on /app/me', async () => {
    const jpeg = tinyJpeg(16, 16);
    const signup = await t.http
      .post('/api/speakers/signup')
      .send({ email: 'zoi.papadopoulou@auth.example.gr', password: 'Θεσσαλονίκη-2012', firstName: 'Ζωή', lastName: 'Παπαδοπούλου', affiliation: 'Αριστοτέλειο Πανεπιστήμιο Θεσσαλονίκης', countryCode: 'GR' })
      .expect(201);
    const token = signup.body.accessToken as string;
    const auth = { Authorization: `Bearer ${token}` };
    const events = await t.http.get('/api/events').expect(200);
    const colloquium = (events.body.items as Array<{ id: string; kind: string }>).find((e) => e.kind !== 'ceremony') as { id: string };
    await t.http.post(`/api/me/events/${colloquium.id}/unavailabilities`).set(auth).send({ startsAt: '2012-02-07T09:00', endsAt: '2012-02-07T10:30' }).expect(201);

    const { page, context, errors } = await newPage(browser);
    try {
      // a deep link to /app/me without a session goes through the login page and back
      await page.goto(`${base}/app/me`);
      await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      await page.getByLabel('Adresse électronique').fill('zoi.papadopoulou@auth.example.gr');
      await page.getByLabel('Mot de passe').fill('Θεσσαλονίκη-2012');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mon profil d’intervenant' }).waitFor();
      expect(await page.getByLabel('Nom *', { exact: true }).inputValue()).toBe('Παπαδοπούλου');
      await page.getByText('Aucune photo.').waitFor();
      await page.getByRole('listitem').filter({ hasText: 'mardi 7 février 2012, 09 h 00 – 10 h 30' }).waitFor();

      await page.getByLabel('Nouvelle photo').setInputFiles({ name: 'zoi.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      await page.getByRole('img', { name: 'Aperçu de la photo choisie' }).waitFor();
      await page.getByRole('button', { name: 'Envoyer la photo' }).click();
      await page.getByRole('status').filter({ hasText: 'Photo enregistrée.' }).waitFor();
      const current = page.getByRole('img', { name: 'Votre photo actuelle' });
      await current.waitFor();
      expect(await current.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(16);
      expect(await page.getByRole('img', { name: 'Aperçu de la photo choisie' }).count()).toBe(0);
      const served = await request(base).get('/api/me/speaker-profile/photo').set(auth).buffer(true).parse(binary).expect(200);
      expect(Buffer.compare(served.body as Buffer, jpeg)).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Supprimer la photo' }).click();
      await page.getByRole('status').filter({ hasText: 'Photo supprimée.' }).waitFor();
      await page.getByText('Aucune photo.').waitFor();
      await t.http.get('/api/me/speaker-profile/photo').set(auth).expect(404);

      await page.getByRole('button', { name: 'Supprimer l’indisponibilité du mardi 7 février 2012, 09 h 00 – 10 h 30' }).press('Enter');
      await page.getByRole('status').filter({ hasText: 'Indisponibilité supprimée.' }).waitFor();
      await page.getByText('Aucune indisponibilité déclarée pour cet événement.').waitFor();
      // focus stays in the section, not lost with the removed button
      expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('unavailabilities-heading');
      const left = await t.http.get(`/api/me/events/${colloquium.id}/unavailabilities`).set(auth).expect(200);
      expect(left.body.items).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

