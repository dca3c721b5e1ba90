import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { RED_SQUARE_SVG, renderPng } from '../organisations/images.js';
import { binary } from '../speakers/support.js';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';
import { launchChromium, listen, newPage, seriousAxeViolations, type WatchedPage } from './support/browser.js';

/**
 * The organisers' settings pages in Chromium, the browser in New York with an en-US locale: the
 * events' hub; a room with its capacity (the server's refusal of a capacity of 0 beside the field),
 * the opening hours (a closing before the opening refused beside its field) and a travel time; an
 * organisation whose logo is refused then uploaded with its preview, then given a role and moved up
 * the display order with the keyboard; a reception account created and disabled with the keyboard
 * alone. Everything checked through the API as well; axe-core on each page.
 */
describe('Organisers’ settings pages', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let organiser: string;
  let vtnId: string;
  let cnrsId: string;
  let cardinId: string;

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function signIn(page: Page, next: string) {
    await page.goto(`${base}/app/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Adresse électronique').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname === next);
  }

  function watchFailures(page: Page): string[] {
    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    return failures;
  }

  /** No console error but Chromium's own line for each expected refusal. */
  function onlyExpectedFailures(errors: string[], failures: string[], expected: string[]) {
    expect(failures).toEqual(expected);
    expect(errors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of'))).toEqual([]);
    expect(errors.length).toBe(expected.length);
  }

  async function noSeriousViolation(page: Page) {
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  /** The text of the error shown next to a field (through its aria-describedby). */
  async function errorNextTo(field: ReturnType<Page['getByLabel']>, page: Page): Promise<string> {
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
    expect(ids).toHaveLength(1);
    return (await page.locator(`[id="${ids[0]}"]`).textContent()) ?? '';
  }

  /** The accessible name of the focused element: its aria-label, its label, or its text. */
  const focusedName = (page: Page) =>
    page.evaluate(() => {
      const el = (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null; textContent: string | null; labels?: Array<{ textContent: string | null }> | null } | null } }).document
        .activeElement;
      return el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent?.trim() ?? el?.textContent?.trim() ?? '';
    });

  /** Presses Tab until the element with this accessible name has the focus (at most 80 presses). */
  async function tabTo(page: Page, name: string): Promise<void> {
    for (let i = 0; i < 80; i += 1) {
      await page.keyboard.press('Tab');
      if ((await focusedName(page)) === name) return;
    }
    throw new Error(`no focusable element named ${name}`);
  }

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    browser = await launchChromium();
    organiser = await t.adminToken();
    const vtn = (await t.http.get('/api/events?slug=vtn2012')).body.items[0];
    vtnId = vtn.id;
    const venues = (await t.http.get('/api/venues')).body.items as Array<{ id: string; name: string }>;
    cnrsId = venues.find((v) => v.name === 'CNRS')!.id;
    cardinId = venues.find((v) => v.name === 'Espace Cardin')!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the events’ list and hub link to every page of the event; a room with its capacity, opening hours and a travel time, the server’s refusals beside their fields', async () => {
    const { page, context, errors }: WatchedPage = await newPage(browser);
    const failures = watchFailures(page);
    try {
      await signIn(page, '/app/events');
      await page.getByRole('heading', { level: 1, name: 'Événements' }).waitFor();
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Réglages' }).waitFor();
      // the ceremony in Paris time, though the browser is in New York
      await page.getByText('(lundi 6 février 2012, 18 h 00 – 21 h 00)').waitFor();
      await noSeriousViolation(page);
      await page.getByRole('link', { name: /^Colloque international/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Colloque international/ }).waitFor();
      const hrefs = await page.locator('.hub-links a').evaluateAll((links) => links.map((a) => (a as unknown as { getAttribute(n: string): string }).getAttribute('href')));
      expect(hrefs).toEqual([
        '/app/settings/events/vtn2012',
        '/app/settings/events/vtn2012/cfp',
        '/app/settings/events/vtn2012/organisations',
        '/app/events/vtn2012/proposals',
        '/app/events/vtn2012/programme',
        '/app/events/vtn2012/participants',
        '/app/events/vtn2012/badges',
        '/app/events/vtn2012/today',
        '/programme/vtn2012',
        '/app/events/vtn2012/cfp',
      ]);
      await page.getByRole('link', { name: 'Remise du Label Ville Internet 2012' }).waitFor();
      await noSeriousViolation(page);
      // the ceremony's hub leads to the palmarès
      await page.goto(`${base}/app/events/label2012`);
      await page.getByRole('link', { name: 'Palmarès du Label Ville Internet' }).waitFor();
      expect(await page.getByRole('link', { name: 'Palmarès du Label Ville Internet' }).getAttribute('href')).toBe('/app/labels/2012');

      // the venue: a room refused with a capacity of 0, then created with 120 seats
      await page.goto(`${base}/app/settings/venues`);
      await page.getByRole('heading', { level: 1, name: 'Lieux' }).waitFor();
      await noSeriousViolation(page);
      await page.getByRole('link', { name: 'CNRS' }).click();
      await page.getByRole('heading', { level: 1, name: 'CNRS' }).waitFor();
      const roomForm = page.getByRole('form', { name: 'Ajouter une salle' });
      await roomForm.getByLabel('Nom de la salle').fill('Salle des conseils');
      await roomForm.getByLabel('Capacité').fill('0');
      await roomForm.getByRole('button', { name: 'Ajouter la salle' }).click();
      await roomForm.getByRole('alert').waitFor();
      expect(await errorNextTo(roomForm.getByLabel('Capacité'), page)).toContain('capacity must not be less than 1');
      // focus went to the field in error
      expect(await focusedName(page)).toBe('Capacité');
      await roomForm.getByLabel('Capacité').fill('120');
      await roomForm.getByRole('button', { name: 'Ajouter la salle' }).click();
      await page.getByText('Salle « Salle des conseils » ajoutée (120 places).').waitFor();
      await page.getByRole('row', { name: /Salle des conseils 120 places/ }).waitFor();
      const rooms = (await t.http.get(`/api/venues/${cnrsId}/rooms`)).body.items as Array<{ name: string; capacity: number }>;
      expect(rooms.find((r) => r.name === 'Salle des conseils')?.capacity).toBe(120);

      // its capacity changed in place with the keyboard: 0 refused beside the field, then 150
      await page.getByRole('button', { name: 'Modifier la capacité de Salle des conseils' }).focus();
      await page.keyboard.press('Enter');
      const capacity = page.getByLabel('Capacité de Salle des conseils', { exact: true });
      await capacity.waitFor();
      expect(await focusedName(page)).toBe('Capacité de Salle des conseils');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('0');
      await page.keyboard.press('Enter');
      await page.getByText('capacity must not be less than 1').waitFor();
      expect(await errorNextTo(capacity, page)).toContain('capacity must not be less than 1');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('150');
      await page.keyboard.press('Enter');
      await page.getByRole('row', { name: /Salle des conseils 150 places/ }).waitFor();
      const changed = (await t.http.get(`/api/venues/${cnrsId}/rooms`)).body.items as Array<{ name: string; capacity: number }>;
      expect(changed.find((r) => r.name === 'Salle des conseils')?.capacity).toBe(150);

      // opening hours: a closing before the opening refused beside its field, then saved
      const hours = page.getByRole('form', { name: 'Horaires d’ouverture' });
      await hours.getByRole('button', { name: 'Ajouter un jour' }).click();
      const day1 = hours.getByRole('group', { name: 'Jour 1' });
      await day1.getByLabel('Date').fill('2012-02-06');
      await day1.getByLabel('Ouverture').fill('09:00');
      await day1.getByLabel('Fermeture').fill('08:00');
      await hours.getByRole('button', { name: 'Ajouter un jour' }).click();
      const day2 = hours.getByRole('group', { name: 'Jour 2' });
      await day2.getByLabel('Date').fill('2012-02-07');
      await day2.getByLabel('Ouverture').fill('08:30');
      await day2.getByLabel('Fermeture').fill('18:00');
      await hours.getByRole('button', { name: 'Enregistrer les horaires' }).click();
      await hours.getByRole('alert').waitFor();
      expect(await errorNextTo(day1.getByLabel('Fermeture'), page)).toBe('On 2012-02-06 the venue must close after it opens (09:00)');
      await day1.getByLabel('Fermeture').fill('19:00');
      await hours.getByRole('button', { name: 'Enregistrer les horaires' }).click();
      await page.getByText('Horaires enregistrés.').waitFor();
      const venue = (await t.http.get(`/api/venues/${cnrsId}`)).body;
      expect(venue.openingHours).toEqual([
        { date: '2012-02-06', opens: '09:00', closes: '19:00' },
        { date: '2012-02-07', opens: '08:30', closes: '18:00' },
      ]);

      // a travel time to the Espace Cardin
      const travel = page.getByRole('form', { name: 'Enregistrer un temps de trajet' });
      await travel.getByLabel('Autre lieu').selectOption({ label: 'Espace Cardin' });
      await travel.getByLabel('À pied (minutes)').fill('45');
      await travel.getByLabel('En transports (minutes)').fill('25');
      await travel.getByRole('button', { name: 'Enregistrer le trajet' }).click();
      await page.getByText('Temps de trajet vers Espace Cardin enregistré.').waitFor();
      await page.getByRole('row', { name: 'Espace Cardin 45 min 25 min' }).waitFor();
      const times = (await t.http.get(`/api/venues/travel-times?venueId=${cardinId}`)).body.items;
      expect(times).toHaveLength(1);
      expect([times[0].walkingMinutes, times[0].transitMinutes]).toEqual([45, 25]);
      await noSeriousViolation(page);

      // in English: the same page
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Opening hours' }).waitFor();
      await page.getByRole('row', { name: /Salle des conseils 150 seats/ }).waitFor();
      await page.getByRole('button', { name: 'Français' }).click();

      onlyExpectedFailures(errors, failures, [`400 POST /api/venues/${cnrsId}/rooms`, expect.stringMatching(new RegExp(`^400 PATCH /api/venues/${cnrsId}/rooms/`)), `422 PATCH /api/venues/${cnrsId}`]);
    } finally {
      await context.close();
    }
  });

  it('an organisation’s logo: a file that is no image refused beside the field, a PNG previewed then stored; given a role and moved up the display order with the keyboard', async () => {
    const { page, context, errors }: WatchedPage = await newPage(browser);
    const failures = watchFailures(page);
    const png = renderPng(RED_SQUARE_SVG, 64);
    try {
      await signIn(page, '/app/settings/organisations');
      await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
      await noSeriousViolation(page);
      await page.getByLabel('Nom', { exact: true }).fill('Mairie de Brest');
      await page.getByLabel('Type d’organisation').selectOption({ label: 'Collectivité territoriale' });
      await page.getByLabel('Site web').fill('http://www.brest.fr');
      await page.getByRole('button', { name: 'Ajouter l’organisation' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mairie de Brest' }).waitFor();
      const orgId = new URL(page.url()).pathname.split('/').pop() as string;
      await page.getByText('Pas encore de logo.').waitFor();

      // a text file named logo.png: the server reads the bytes and refuses it, beside the field
      const file = page.getByLabel('Nouveau logo');
      await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all, only text\n') });
      await page.getByRole('button', { name: 'Envoyer le logo' }).click();
      await page.getByRole('alert').first().waitFor();
      expect(await errorNextTo(file, page)).toMatch(/PNG|JPEG|SVG/);

      // a real PNG: previewed (a blob: URL, drawn at 64 pixels), then stored and shown
      await file.setInputFiles({ name: 'brest.png', mimeType: 'image/png', buffer: png });
      const preview = page.getByRole('img', { name: 'Aperçu du logo choisi' });
      await preview.waitFor();
      expect(await preview.getAttribute('src')).toMatch(/^blob:/);
      expect(await preview.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(64);
      await noSeriousViolation(page);
      await page.getByRole('button', { name: 'Envoyer le logo' }).click();
      await page.getByText('Logo enregistré (64 × 64 pixels).').waitFor();
      const current = page.getByRole('img', { name: 'Logo actuel de Mairie de Brest' });
      await current.waitFor();
      await page.waitForFunction(() => {
        const img = (globalThis as unknown as { document: { querySelector(s: string): { complete: boolean; naturalWidth: number } | null } }).document.querySelector('img.logo-current');
        return !!img && img.complete && img.naturalWidth === 64;
      });
      const stored = await request(base).get(`/api/organisations/${orgId}/logo`).buffer(true).parse(binary);
      expect(stored.status).toBe(200);
      expect(Buffer.compare(stored.body as Buffer, png)).toBe(0);

      // its role on the colloquium: a supporter, last, then moved up one place with the keyboard
      await page.goto(`${base}/app/settings/events/vtn2012/organisations`);
      await page.getByRole('heading', { level: 1, name: /^Organisations : Colloque international/ }).waitFor();
      const add = page.getByRole('form', { name: 'Donner un rôle à une organisation' });
      await add.getByLabel('Organisation').selectOption({ label: 'Mairie de Brest' });
      await add.getByLabel('Rôle').selectOption({ label: 'Soutiens' });
      await add.getByRole('button', { name: 'Ajouter le rôle' }).click();
      await page.getByText('Mairie de Brest ajouté : Soutiens.').waitFor();
      const supporters = page.getByRole('region', { name: 'Soutiens' }).getByRole('listitem');
      await supporters.nth(6).filter({ hasText: 'Mairie de Brest' }).waitFor();
      expect(await supporters.count()).toBe(7);
      // a sponsor with its tier
      await add.getByLabel('Organisation').selectOption({ label: 'Mairie de Brest' });
      await add.getByLabel('Rôle').selectOption({ label: 'Mécènes' });
      await add.getByLabel('Niveau de mécénat').fill('or');
      await add.getByRole('button', { name: 'Ajouter le rôle' }).click();
      await page.getByText('Mairie de Brest — niveau or').waitFor();
      await noSeriousViolation(page);

      // the keyboard: Tab to « Monter Mairie de Brest (Soutiens) », Enter; the focus stays on the moved row.
      // Each move is one request carrying the group's whole new order
      const writes: string[] = [];
      page.on('request', (r) => {
        if (r.method() !== 'GET') writes.push(`${r.method()} ${new URL(r.url()).pathname}`);
      });
      await page.getByRole('heading', { level: 1 }).focus();
      await tabTo(page, 'Monter Mairie de Brest (Soutiens)');
      await page.keyboard.press('Enter');
      await page.getByText('Mairie de Brest monté : 6 sur 7.').waitFor();
      await page.waitForFunction(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id.endsWith('-up') ?? false);
      expect(await focusedName(page)).toBe('Monter Mairie de Brest (Soutiens)');
      await page.keyboard.press('Enter');
      await page.getByText('Mairie de Brest monté : 5 sur 7.').waitFor();
      expect(writes).toEqual([`PUT /api/events/${vtnId}/organisations/order`, `PUT /api/events/${vtnId}/organisations/order`]);
      const names = (await supporters.allTextContents()).map((s) => s.replace(/↑↓Retirer$/, '').trim());
      expect(names.slice(3, 6)).toEqual(['Délégation aux Usages de l’Internet', 'Mairie de Brest', 'Commission « Geography of the Information Society »']);
      const api = (await t.http.get(`/api/events/${vtnId}/organisations?role=supporter`)).body.items as Array<{ organisation: { name: string } }>;
      expect(api.map((r) => r.organisation.name)).toEqual([
        'Ministère de la Ville',
        'Mutuelle Nationale Territoriale',
        'Comité Interministériel des Villes',
        'Délégation aux Usages de l’Internet',
        'Mairie de Brest',
        'Commission « Geography of the Information Society »',
        'Agence Universitaire de la Francophonie',
      ]);
      const sponsor = (await t.http.get(`/api/events/${vtnId}/organisations?role=sponsor`)).body.items;
      expect(sponsor.map((r: { sponsorTier: string }) => r.sponsorTier)).toEqual(['or']);
      await noSeriousViolation(page);

      onlyExpectedFailures(errors, failures, [`415 PUT /api/organisations/${orgId}/logo`]);
    } finally {
      await context.close();
    }
  });

  it('with the keyboard alone: a reception account created (a taken email refused beside the field), disabled, and its sign-in then refused', async () => {
    const { page, context, errors }: WatchedPage = await newPage(browser);
    const failures = watchFailures(page);
    const k = page.keyboard;
    try {
      await signIn(page, '/app/settings/accounts');
      await page.getByRole('heading', { level: 1, name: 'Comptes' }).waitFor();
      await page.getByRole('row', { name: new RegExp(ADMIN.email) }).waitFor();
      await noSeriousViolation(page);

      // first with the organiser's own email: refused beside the field, which takes the focus
      await tabTo(page, 'Adresse électronique');
      await k.type(ADMIN.email);
      await k.press('Tab');
      expect(await focusedName(page)).toBe('Nom affiché');
      await k.type('Accueil CNRS');
      await k.press('Tab');
      await k.type('un-mot-de-passe-2012');
      await k.press('Tab');
      expect(await focusedName(page)).toBe('Organisateur');
      await k.press('Tab');
      expect(await focusedName(page)).toBe('Accueil');
      await k.press('Tab');
      expect(await focusedName(page)).toBe('Créer le compte');
      await k.press('Enter');
      const email = page.getByRole('form', { name: 'Créer un compte' }).getByLabel('Adresse électronique');
      await page.getByRole('alert').filter({ hasText: 'An account with this email already exists' }).waitFor();
      expect(await errorNextTo(email, page)).toBe('An account with this email already exists');
      expect(await focusedName(page)).toBe('Adresse électronique');
      await k.press('ControlOrMeta+a');
      await k.type('accueil.cnrs@vtn2012.fr');
      await k.press('Enter');
      await page.getByText('Compte accueil.cnrs@vtn2012.fr créé.').waitFor();
      const row = page.getByRole('row', { name: /accueil\.cnrs@vtn2012\.fr/ });
      await row.getByRole('cell', { name: 'Actif', exact: true }).waitFor();

      // disabled with the keyboard; the focus stays on the row's button, now « Réactiver »
      await page.getByRole('heading', { level: 1 }).focus();
      await tabTo(page, 'Désactiver accueil.cnrs@vtn2012.fr');
      await k.press('Enter');
      await page.getByText('Compte accueil.cnrs@vtn2012.fr désactivé.').waitFor();
      await row.getByRole('cell', { name: 'Désactivé', exact: true }).waitFor();
      await page.waitForFunction(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('aria-label') === 'Réactiver accueil.cnrs@vtn2012.fr');
      await noSeriousViolation(page);
      const users = (await t.http.get('/api/users?role=reception&q=accueil.cnrs').set(bearer(organiser))).body.items;
      expect(users).toEqual([expect.objectContaining({ email: 'accueil.cnrs@vtn2012.fr', displayName: 'Accueil CNRS', roles: ['reception'], disabled: true })]);
      const login = await t.http.post('/api/auth/login').send({ email: 'accueil.cnrs@vtn2012.fr', password: 'un-mot-de-passe-2012' });
      expect(login.status).toBe(401);

      // enabled again with the keyboard (the focus is on « Réactiver »): signing in works again
      await k.press('Enter');
      await page.getByText('Compte accueil.cnrs@vtn2012.fr réactivé.').waitFor();
      await row.getByRole('cell', { name: 'Actif', exact: true }).waitFor();
      await page.waitForFunction(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('aria-label') === 'Désactiver accueil.cnrs@vtn2012.fr');
      expect((await t.http.post('/api/auth/login').send({ email: 'accueil.cnrs@vtn2012.fr', password: 'un-mot-de-passe-2012' })).status).toBe(200);
      await noSeriousViolation(page);

      onlyExpectedFailures(errors, failures, ['409 POST /api/users']);
    } finally {
      await context.close();
    }
  });

  it('an event created with its times typed in Paris time (a refused end beside its field), linked to the colloquium; its call for papers, a type and a track', async () => {
    const { page, context, errors }: WatchedPage = await newPage(browser);
    const failures = watchFailures(page);
    try {
      await signIn(page, '/app/settings/events');
      await page.getByRole('heading', { level: 1, name: 'Réglages des événements' }).waitFor();
      await noSeriousViolation(page);
      await page.getByLabel('Nom court').fill('atelier2012');
      await page.getByLabel('Nature').selectOption({ label: 'Atelier' });
      await page.getByLabel('Nom en français').fill('Atelier des doctorants');
      await page.getByLabel('Début').fill('2012-02-07T14:00');
      await page.getByLabel('Fin', { exact: true }).fill('2012-02-07T12:00');
      await page.getByLabel('Lié à l’événement').selectOption({ label: 'Colloque international « Villes et territoires numériques »' });
      await page.getByLabel('CNRS (Paris)').check();
      await page.getByRole('button', { name: 'Créer l’événement' }).click();
      await page.getByRole('alert').filter({ hasText: 'The event must end after it starts' }).waitFor();
      expect(await errorNextTo(page.getByLabel('Fin', { exact: true }), page)).toBe('The event must end after it starts');
      await page.getByLabel('Fin', { exact: true }).fill('2012-02-07T17:30');
      await page.getByRole('button', { name: 'Créer l’événement' }).click();
      await page.waitForURL((url) => url.pathname === '/app/settings/events/atelier2012');
      await page.getByRole('heading', { level: 1, name: 'Modifier : Atelier des doctorants' }).waitFor();
      // typed in a New York browser, read as Paris time
      const made = (await t.http.get('/api/events?slug=atelier2012')).body.items[0];
      expect([made.kind, made.startsAtUtc, made.endsAtUtc, made.parentEventId]).toEqual(['workshop', '2012-02-07T13:00:00.000Z', '2012-02-07T16:30:00.000Z', vtnId]);
      expect(made.venues.map((v: { name: string }) => v.name)).toEqual(['CNRS']);
      expect(await page.getByLabel('Début').inputValue()).toBe('2012-02-07T14:00');
      await noSeriousViolation(page);

      // the colloquium's hub lists it
      await page.goto(`${base}/app/events/vtn2012`);
      await page.getByRole('link', { name: 'Atelier des doctorants' }).click();
      await page.getByRole('heading', { level: 1, name: 'Atelier des doctorants' }).waitFor();
      await page.getByText('mardi 7 février 2012, 14 h 00 – 17 h 30').waitFor();

      // its call for papers, in Paris time, French only; a type and a track
      await page.getByRole('link', { name: 'Appel à communications : réglages, types et thématiques' }).click();
      await page.getByRole('heading', { level: 1, name: 'Appel à communications : Atelier des doctorants' }).waitFor();
      await page.getByText('Pas encore d’appel pour cet événement.').waitFor();
      const call = page.getByRole('form', { name: 'L’appel' });
      await call.getByLabel('Ouverture').fill('2011-12-01T00:00');
      await call.getByLabel('Clôture').fill('2012-01-15T23:59');
      await call.getByLabel('Anglais').uncheck();
      await call.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('Ouvert du jeudi 1 décembre 2011, 00 h 00 au dimanche 15 janvier 2012, 23 h 59 (heure de Paris).').waitFor();
      const cfp = (await t.http.get(`/api/events/${made.id}/cfp`)).body;
      expect([cfp.opensAtUtc, cfp.closesAtUtc, cfp.languages]).toEqual(['2011-11-30T23:00:00.000Z', '2012-01-15T22:59:00.000Z', ['fr']]);
      const types = page.getByRole('form', { name: 'Ajouter un type' });
      await types.getByLabel('Code').fill('Atelier');
      await types.getByLabel('Nom en français').fill('Atelier');
      await types.getByLabel('Durée par défaut (minutes)').fill('90');
      await types.getByRole('button', { name: 'Ajouter le type' }).click();
      await types.getByRole('alert').waitFor();
      expect(await errorNextTo(types.getByLabel('Code'), page)).toBe('code must be 1 to 40 lower-case letters, digits or hyphens');
      await types.getByLabel('Code').fill('atelier');
      await types.getByRole('button', { name: 'Ajouter le type' }).click();
      await page.getByText('Type « Atelier » ajouté.').waitFor();
      const tracks = page.getByRole('form', { name: 'Ajouter une thématique' });
      await tracks.getByLabel('Nom en français').fill('Méthodes numériques');
      await tracks.getByRole('button', { name: 'Ajouter la thématique' }).click();
      await page.getByText('Thématique « Méthodes numériques » ajoutée.').waitFor();
      expect((await t.http.get(`/api/events/${made.id}/submission-types`)).body.items.map((x: { code: string; defaultMinutes: number }) => [x.code, x.defaultMinutes])).toEqual([['atelier', 90]]);
      expect((await t.http.get(`/api/events/${made.id}/tracks`)).body.items.map((x: { nameFr: string }) => x.nameFr)).toEqual(['Méthodes numériques']);
      await noSeriousViolation(page);

      onlyExpectedFailures(errors, failures, ['422 POST /api/events', `404 GET /api/events/${made.id}/cfp`, `400 POST /api/events/${made.id}/submission-types`]);
    } finally {
      await context.close();
    }
  });

  it('the settings pages refuse people who are not organisers: a signed-out visitor is sent to sign in', async () => {
    const { page, context } = await newPage(browser);
    try {
      await page.goto(`${base}/app/settings/venues`);
      await page.waitForURL((url) => url.pathname === '/app/login' && url.searchParams.get('next') === '/app/settings/venues');
    } finally {
      await context.close();
    }
  });
});
