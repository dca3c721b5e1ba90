import type { Browser, Locator, Page } from 'playwright-core';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';
import { acceptedProposal, bearer, setUpColloquium, signUp, type Colloquium, type Speaker } from '../programme/sessions-support.js';
import { launchChromium, listen, newPage, seriousAxeViolations, type WatchedPage } from './support/browser.js';

/** Pixels of five minutes and of a room column on the grid (GridView.tsx). */
const ROW_H = 8;

/**
 * The organisers' programme grid in Chromium, the browser in New York with an en-US locale (every
 * time must still read as Paris time): sessions created in two venues with the mouse and with the
 * keyboard, moved and resized, a proposal dropped in a session with the warning of the answer shown
 * at once, a move refused with 409 put back with the name of the session holding the room, a second
 * organiser's page following the changes without reloading, the conflicts panel, axe-core.
 */
describe('Programme grid (organisers)', () => {
  let t: TestApp;
  let c: Colloquium;
  let browser: Browser;
  let base: string;
  let helene: Speaker;
  let jose: Speaker;
  let unconfirmed: string;
  let confirmed: string;

  type Row = { id: string; titleFr: string; room: { id: string }; startsAt: string; endsAt: string; talks: Array<{ submissionId: string }> };
  const sessions = async (): Promise<Row[]> =>
    (await t.http.get(`/api/events/${c.vtnId}/sessions?pageSize=100`).set(bearer(c.organiser))).body.items as Row[];
  const session = async (title: string) => (await sessions()).find((s) => s.titleFr === title);

  async function signIn(page: Page) {
    const next = '/app/events/vtn2012/programme';
    await page.goto(`${base}/app/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Adresse électronique').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname === next);
    await page.getByRole('heading', { level: 1, name: /Grille du programme/ }).waitFor();
    await page.locator('.pg-column').first().waitFor();
  }

  const block = (page: Page, title: string): Locator => page.locator('.pg-block', { hasText: title });
  const box = async (l: Locator) => {
    const b = await l.boundingBox();
    if (!b) throw new Error('not visible');
    return b;
  };
  /** The y of a wall-clock time (minutes since midnight) in a column, the grid starting at 08:00. */
  const yAt = (columnTop: number, minutes: number) => columnTop + ((minutes - 8 * 60) / 5) * ROW_H + 2;

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    browser = await launchChromium();
    c = await setUpColloquium(t);
    helene = await signUp(t, 'Hélène', 'Dupré');
    jose = await signUp(t, 'José', 'Núñez');
    unconfirmed = await acceptedProposal(t, c, helene, 'La ville numérique en question', { confirm: false });
    confirmed = await acceptedProposal(t, c, jose, 'Les territoires connectés');
    const away = await t.http
      .post(`/api/me/events/${c.vtnId}/unavailabilities`)
      .set(bearer(jose.token))
      .send({ startsAt: '2012-02-06T11:00', endsAt: '2012-02-06T12:00', note: 'Cours à Lyon' });
    expect(away.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('builds a day with the mouse and the keyboard, shows warnings, puts back a refused move, and a second page follows without reloading', async () => {
    const first: WatchedPage = await newPage(browser);
    const second: WatchedPage = await newPage(browser);
    const page = first.page;
    await page.setViewportSize({ width: 1600, height: 1200 });
    await second.page.setViewportSize({ width: 1600, height: 1200 });
    const notModified: string[] = [];
    second.page.on('response', (r) => {
      if (r.status() === 304 && r.url().includes('/sessions')) notModified.push(r.url());
    });
    try {
      await signIn(page);
      await signIn(second.page);
      // the tabs: both days and the ceremony's evening, in Paris dates whatever the browser's zone
      await page.getByRole('tab', { name: 'lundi 6 février 2012', exact: true }).waitFor();
      await page.getByRole('tab', { name: 'mardi 7 février 2012' }).waitFor();
      await page.getByRole('tab', { name: /Remise du Label Ville Internet 2012 \(soirée du lundi 6 février 2012\)/ }).waitFor();
      expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('lundi 6 février 2012');
      // rooms grouped by venue
      await page.locator('.pg-venue-name', { hasText: 'CNRS' }).waitFor();
      await page.locator('.pg-venue-name', { hasText: 'Espace Cardin' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      // 1. the mouse: drag over free time in the amphitheatre from 09:00 to 10:00, name it, create
      const amphi = await box(page.locator(`.pg-column[data-room-id="${c.amphi}"]`));
      await page.mouse.move(amphi.x + 60, yAt(amphi.y, 9 * 60));
      await page.mouse.down();
      await page.mouse.move(amphi.x + 60, yAt(amphi.y, 9 * 60 + 30), { steps: 4 });
      await page.mouse.move(amphi.x + 60, yAt(amphi.y, 9 * 60 + 55), { steps: 4 });
      await page.mouse.up();
      await page.getByRole('heading', { name: 'Nouvelle séance' }).waitFor();
      await page.getByText('9 h 00 – 10 h 00').waitFor();
      expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('pg-create-name');
      await page.getByLabel('Titre de la séance').fill('Ouverture du colloque');
      await page.getByRole('button', { name: 'Créer la séance' }).click();
      await block(page, 'Ouverture du colloque').waitFor();
      await page.getByText('Séance « Ouverture du colloque » créée.').waitFor();
      expect(await block(page, 'Ouverture du colloque').locator('.pg-time').textContent()).toBe('09:00–10:00');
      expect(await session('Ouverture du colloque')).toMatchObject({ room: { id: c.amphi }, startsAt: '2012-02-06T09:00:00+01:00', endsAt: '2012-02-06T10:00:00+01:00' });

      // 2. the keyboard: a new session in the other venue (Espace Cardin), moved down an hour, named, created
      const newInCardin = page.getByRole('button', { name: /^Nouvelle séance en Grande salle/ });
      await newInCardin.focus();
      await page.keyboard.press('Enter');
      await page.locator('.pg-draft:focus').waitFor();
      for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
      await page.getByRole('status').filter({ hasText: /Nouvelle séance : Grande salle .*, 9 h 00 – 10 h 00/ }).waitFor();
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Enter');
      await page.getByText(/, 9 h 00 – 10 h 10$/).waitFor();
      await page.keyboard.type('Table ronde des élus');
      await page.keyboard.press('Enter');
      await block(page, 'Table ronde des élus').waitFor();
      expect(await session('Table ronde des élus')).toMatchObject({ room: { id: c.cardin }, startsAt: '2012-02-06T09:00:00+01:00', endsAt: '2012-02-06T10:10:00+01:00' });
      // the new block has the focus, ready for the next keys
      expect(await page.locator('.pg-block', { hasText: 'Table ronde des élus' }).locator('.pg-handle:focus').count()).toBe(1);

      // 3. the keyboard moves « Ouverture » to the next room (Salle 2) and half an hour later; Escape first cancels a try
      const ouverture = block(page, 'Ouverture du colloque').locator('.pg-handle');
      await ouverture.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      await page.getByRole('status').filter({ hasText: 'Changement annulé.' }).waitFor();
      expect(await block(page, 'Ouverture du colloque').locator('.pg-time').textContent()).toBe('09:00–10:00');
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowRight');
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
      await page.getByRole('status').filter({ hasText: /Déplacement de « Ouverture du colloque » : Salle 2 .*, 9 h 30 – 10 h 30/ }).waitFor();
      await page.keyboard.press('Enter');
      await page.getByText(/Séance « Ouverture du colloque » : Salle 2 .*, 9 h 30 – 10 h 30\./).waitFor();
      await page.getByText('Aucun nouveau conflit.').waitFor();
      expect(await session('Ouverture du colloque')).toMatchObject({ room: { id: c.salle2 }, startsAt: '2012-02-06T09:30:00+01:00' });

      // 4. a proposal dragged from the side list onto the session: placed, the warning of the answer shown at once
      const proposal = await box(page.getByTestId(`proposal-${unconfirmed}`));
      const target = await box(block(page, 'Ouverture du colloque'));
      await page.mouse.move(proposal.x + 20, proposal.y + 8);
      await page.mouse.down();
      await page.mouse.move(target.x + 40, target.y + 40, { steps: 8 });
      // the grid may have been drawn again since it was measured (the last move's refresh, late on a
      // loaded machine): the drop goes where the session is now
      const now = await box(block(page, 'Ouverture du colloque'));
      if (now.x !== target.x || now.y !== target.y) await page.mouse.move(now.x + 40, now.y + 40, { steps: 2 });
      await page.mouse.up();
      await page.getByText('Exposé « La ville numérique en question » placé dans « Ouverture du colloque ».').waitFor();
      const warnings = page.getByRole('region', { name: 'Avertissements de ce changement' });
      await warnings.getByText(/L'exposé « La ville numérique en question » .*n'est pas confirmé par son orateur/).waitFor();
      expect(await page.locator('.pg-outcome').getAttribute('aria-live')).toBe('polite');
      await block(page, 'Ouverture du colloque').getByText('La ville numérique en question — Hélène Dupré').waitFor();
      expect((await session('Ouverture du colloque'))!.talks.map((x) => x.submissionId)).toEqual([unconfirmed]);

      // the other proposal with the keyboard: choose the session, then « Placer »
      const select = page.getByLabel('Séance pour « Les territoires connectés »');
      await select.selectOption((await select.locator('option', { hasText: 'Table ronde des élus' }).getAttribute('value'))!);
      await page.locator(`[data-submission-id="${confirmed}"] button`, { hasText: 'Placer' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Exposé « Les territoires connectés » placé dans « Table ronde des élus ».').waitFor();
      await block(page, 'Table ronde des élus').getByText('Les territoires connectés — José Núñez').waitFor();
      await page.getByText('Toutes les propositions sont placées.').waitFor();

      // 5. the conflicts panel: the unconfirmed talk in words, shown on the grid, acknowledged
      const panel = page.getByRole('region', { name: 'Conflits' });
      const item = panel.locator('li', { hasText: 'La ville numérique en question' });
      await item.getByText('Avertissement').waitFor();
      await item.getByText('Bloquant').waitFor();
      await item.getByRole('button', { name: 'Montrer sur la grille' }).click();
      await page.locator('.pg-block.pg-highlighted', { hasText: 'Ouverture du colloque' }).waitFor();
      await item.getByRole('button', { name: 'Prendre acte' }).click();
      await item.getByText('Pris en compte').waitFor();
      expect(await item.getByText('Bloquant').count()).toBe(0);

      // 6. the second page saw all this without reloading (polling with the ETag: 304s while nothing changed)
      await block(second.page, 'Table ronde des élus').getByText('Les territoires connectés — José Núñez').waitFor({ timeout: 10_000 });
      expect(await block(second.page, 'Ouverture du colloque').locator('.pg-time').textContent()).toBe('09:30–10:30');

      // while « Table ronde » (José Núñez speaks in it) is moved with the keyboard, José's unavailability is shaded and announced
      await block(page, 'Table ronde des élus').locator('.pg-handle').focus();
      await page.keyboard.press('Enter');
      await page.getByText('Zones ombrées : José Núñez indisponible.').waitFor();
      expect(await page.locator('.pg-shade-unavailable').count()).toBe(3);
      for (let i = 0; i < 24; i++) await page.keyboard.press('ArrowDown');
      await page.getByRole('status').filter({ hasText: /11 h 00 – 12 h 10\. Entrée pour valider, Échap pour annuler\. Attention : José Núñez indisponible\./ }).waitFor();
      await page.keyboard.press('Escape');
      expect(await page.locator('.pg-shade').count()).toBe(0);
      expect(await session('Table ronde des élus')).toMatchObject({ startsAt: '2012-02-06T09:00:00+01:00' });

      // 7. the mouse moves « Ouverture » half an hour later (same room), and resizes « Table ronde » by its edge
      const handle = await box(block(page, 'Ouverture du colloque').locator('.pg-handle'));
      await page.mouse.move(handle.x + 30, handle.y + 5);
      await page.mouse.down();
      await page.mouse.move(handle.x + 30, handle.y + 5 + 3 * ROW_H, { steps: 3 });
      await page.mouse.move(handle.x + 30, handle.y + 5 + 6 * ROW_H, { steps: 3 });
      await page.mouse.up();
      await page.getByText(/Séance « Ouverture du colloque » : Salle 2 .*, 10 h 00 – 11 h 00\./).waitFor();
      expect(await session('Ouverture du colloque')).toMatchObject({ room: { id: c.salle2 }, startsAt: '2012-02-06T10:00:00+01:00', endsAt: '2012-02-06T11:00:00+01:00' });
      const edge = await box(block(page, 'Table ronde des élus').locator('.pg-resize'));
      await page.mouse.move(edge.x + 30, edge.y + 3);
      await page.mouse.down();
      await page.mouse.move(edge.x + 30, edge.y + 3 + 4 * ROW_H, { steps: 4 });
      await page.mouse.up();
      await page.getByText(/Séance « Table ronde des élus » : Grande salle .*, 9 h 00 – 10 h 30\./).waitFor();
      expect(await session('Table ronde des élus')).toMatchObject({ startsAt: '2012-02-06T09:00:00+01:00', endsAt: '2012-02-06T10:30:00+01:00' });
      // the second page follows within seconds
      await block(second.page, 'Ouverture du colloque').locator('.pg-time', { hasText: '10:00–11:00' }).waitFor({ timeout: 10_000 });
      // nothing changes now: the next poll costs a 304 (the ETag of the list it holds)
      if (notModified.length === 0) await second.page.waitForResponse((r) => r.status() === 304 && r.url().includes('/sessions'), { timeout: 10_000 });
      expect(notModified.length).toBeGreaterThan(0);

      // 8. another organiser (API) books the amphitheatre at 11:00; dragging « Ouverture » there is refused (409) and the block goes back
      const other = await t.http
        .post(`/api/events/${c.vtnId}/sessions`)
        .set(bearer(c.organiser))
        .send({ roomId: c.amphi, kind: 'workshop', titleFr: 'Atelier cartographie', startsAt: '2012-02-06T11:00', endsAt: '2012-02-06T12:00' });
      expect(other.status).toBe(201);
      await block(page, 'Atelier cartographie').waitFor({ timeout: 10_000 });
      const salle2 = page.locator(`.pg-column[data-room-id="${c.salle2}"]`);
      // where the block sits in its column (the alert above the grid moves the whole grid down)
      const place = async () => {
        const [b, col] = [await box(block(page, 'Ouverture du colloque')), await box(salle2)];
        return [b.x - col.x, b.y - col.y];
      };
      const before = await place();
      const amphiNow = await box(page.locator(`.pg-column[data-room-id="${c.amphi}"]`));
      const grip = await box(block(page, 'Ouverture du colloque').locator('.pg-handle'));
      await page.mouse.move(grip.x + 30, grip.y + 5);
      await page.mouse.down();
      await page.mouse.move(amphiNow.x + 40, grip.y + 5 + 6 * ROW_H, { steps: 4 });
      await page.mouse.move(amphiNow.x + 40, grip.y + 5 + 12 * ROW_H, { steps: 4 });
      await page.mouse.up();
      await page.getByRole('alert').filter({ hasText: 'Refusé : la salle est occupée par « Atelier cartographie » (11 h 00 – 12 h 00). La séance est revenue à sa place.' }).waitFor();
      await page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('.pg-moving'));
      expect(await place()).toEqual(before);
      expect(await block(page, 'Ouverture du colloque').locator('.pg-time').textContent()).toBe('10:00–11:00');
      expect(await session('Ouverture du colloque')).toMatchObject({ room: { id: c.salle2 }, startsAt: '2012-02-06T10:00:00+01:00' });

      // 9. a click selects a session: its talks beside the grid, in order, with their Paris times
      await block(page, 'Ouverture du colloque').locator('.pg-handle').click();
      await page.getByRole('heading', { level: 2, name: 'Ouverture du colloque' }).waitFor();
      await page.locator('.pg-talks li', { hasText: '10:00 La ville numérique en question — Hélène Dupré' }).waitFor();

      expect(await seriousAxeViolations(page)).toEqual([]);
      // the page's console: only the browser's line for the expected 409
      expect(first.errors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of 409'))).toEqual([]);
      expect(second.errors).toEqual([]);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('refuses a move based on a stale view (412): the other organiser’s change shown, then redone on the current version; publishes with the changelog shown first', async () => {
    const made = await t.http
      .post(`/api/events/${c.vtnId}/sessions`)
      .set(bearer(c.organiser))
      .send({ roomId: c.amphi, kind: 'plenary', titleFr: 'Séance du mardi', startsAt: '2012-02-07T09:00', endsAt: '2012-02-07T10:00' });
    expect(made.status).toBe(201);
    const { page, context, errors }: WatchedPage = await newPage(browser);
    await page.setViewportSize({ width: 1600, height: 1200 });
    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    try {
      await signIn(page);
      await page.getByRole('tab', { name: 'lundi 6 février 2012', exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.getByRole('tab', { selected: true }).textContent()).toMatch(/^Remise du Label Ville Internet 2012/);
      await page.keyboard.press('ArrowRight');
      expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('mardi 7 février 2012');
      await block(page, 'Séance du mardi').waitFor();
      // this page stops hearing of changes (its polls fail), then another organiser moves the session
      const sessionLists = (url: URL) => url.pathname.endsWith('/sessions');
      await page.route(sessionLists, (route) => route.abort());
      const moved = await t.http.patch(`/api/sessions/${made.body.id}`).set(bearer(c.organiser)).send({ startsAt: '2012-02-07T09:30', endsAt: '2012-02-07T10:30' });
      expect(moved.status).toBe(200);
      expect(await block(page, 'Séance du mardi').locator('.pg-time').textContent()).toBe('09:00–10:00');

      await block(page, 'Séance du mardi').locator('.pg-handle').focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      const alert = page.getByRole('alert').filter({ hasText: 'Un autre organisateur a modifié « Séance du mardi » entre-temps' });
      await alert.getByText(/\(Amphithéâtre .*, 9 h 30 – 10 h 30\) : votre changement n’a pas été enregistré\./).waitFor();
      // the grid shows the other organiser's change, and nothing of ours was written
      await block(page, 'Séance du mardi').locator('.pg-time', { hasText: '09:30–10:30' }).waitFor();
      expect(await session('Séance du mardi')).toMatchObject({ room: { id: c.amphi }, startsAt: '2012-02-07T09:30:00+01:00' });

      await page.unroute(sessionLists);
      await alert.getByRole('button', { name: 'Refaire mon changement' }).click();
      await page.getByText(/Séance « Séance du mardi » : Salle 2 .*, 9 h 00 – 10 h 00\./).waitFor();
      expect(await session('Séance du mardi')).toMatchObject({ room: { id: c.salle2 }, startsAt: '2012-02-07T09:00:00+01:00' });

      // two talks placed (API) appear, then are reordered from the keyboard in the selected session's panel
      const mobility = await acceptedProposal(t, c, helene, 'Mobilités urbaines');
      const data = await acceptedProposal(t, c, jose, 'Données ouvertes');
      for (const submissionId of [mobility, data]) {
        expect((await t.http.post(`/api/sessions/${made.body.id}/talks`).set(bearer(c.organiser)).send({ submissionId })).status).toBe(201);
      }
      await block(page, 'Séance du mardi').getByText('Données ouvertes — José Núñez').waitFor({ timeout: 10_000 });
      await block(page, 'Séance du mardi').locator('.pg-handle').click();
      await page.getByRole('heading', { level: 2, name: 'Séance du mardi' }).waitFor();
      await page.getByRole('button', { name: 'Descendre « Mobilités urbaines »' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Exposé « Mobilités urbaines » déplacé.').waitFor();
      await page.locator('.pg-talks li').first().getByText('09:00 Données ouvertes — José Núñez').waitFor();
      expect((await session('Séance du mardi'))!.talks.map((x) => x.submissionId)).toEqual([data, mobility]);

      // publish: the draft's changelog first (none for the first version), then the release, listed with its public page
      const publication = page.getByRole('region', { name: 'Publication' });
      await publication.getByRole('button', { name: 'Préparer la publication' }).click();
      await publication.getByRole('heading', { name: 'Changements de la version 1' }).waitFor();
      await publication.getByText('Première version : pas encore de changements à montrer.').waitFor();
      await publication.getByText('Cette publication enverra 0 courriel(s) aux intervenants dont les exposés changent.').waitFor();
      await publication.getByLabel('Note de version (facultative)').fill('Première version du programme.');
      await publication.getByRole('button', { name: 'Publier la version 1' }).click();
      await publication.getByText(/^Version 1 publiée ; \d+ intervenant\(s\) prévenu\(s\) par courriel\.$/).waitFor();
      // a change after it: the next version's changelog says it in words
      expect((await t.http.patch(`/api/sessions/${made.body.id}`).set(bearer(c.organiser)).send({ titleFr: 'Séance du mardi matin' })).status).toBe(200);
      await publication.getByRole('button', { name: 'Préparer la publication' }).click();
      await publication.getByRole('heading', { name: 'Changements de la version 2' }).waitFor();
      await publication.getByText('Séance renommée : Séance du mardi matin').waitFor();
      // the mails counted before publishing are the mails publication then sends
      const toSend = (await publication.getByText(/^Cette publication enverra \d+ courriel\(s\)/).textContent())!.match(/\d+/)![0];
      expect(await seriousAxeViolations(page)).toEqual([]);
      await publication.getByRole('button', { name: 'Publier la version 2' }).click();
      await publication.getByText(new RegExp(`^Version 2 publiée ; ${toSend} intervenant\\(s\\) prévenu\\(s\\) par courriel\\.$`)).waitFor();
      const link = publication.getByRole('link', { name: 'page publique de la version 1' });
      expect(await link.getAttribute('href')).toBe('/programme/vtn2012/v/1');
      expect(failures).toEqual([`412 PATCH /api/sessions/${made.body.id}`]);
      expect(errors.filter((e) => !/Failed to load resource: (net::ERR_FAILED|the server responded with a status of 412)/.test(e))).toEqual([]);
      const seen = errors.length;
      await publication.getByRole('link', { name: 'page publique de la version 2' }).click();
      await page.waitForURL((url) => url.pathname === '/programme/vtn2012/v/2');
      await page.getByText('Séance du mardi matin').first().waitFor();
      await page.getByText('Les territoires connectés').first().waitFor();
      // the public page (server-rendered, not the app) at most adds the browser's own favicon request, which no page serves
      expect(errors.slice(seen).filter((e) => !e.includes('status of 404'))).toEqual([]);
      expect(failures).toEqual([`412 PATCH /api/sessions/${made.body.id}`]);
    } finally {
      await context.close();
    }
  });

  it('while a co-signed proposal is dragged, shades the times of its co-speaker who accepted, not those of one only invited', async () => {
    const marie = await signUp(t, 'Marie', 'Lefèvre');
    // José (away on Monday 11:00–12:00) accepted to co-sign this one
    const cosigned = await acceptedProposal(t, c, marie, 'Communes et données ouvertes', { co: jose });
    // and is only invited on this one: his times are none of its business yet
    const created = await t.http
      .post(`/api/events/${c.vtnId}/submissions`)
      .set(bearer(marie.token))
      .send({ titleFr: 'Écoles connectées', abstractFr: 'Résumé.', typeId: c.typeId, coSpeakers: [jose.email] });
    expect(created.status).toBe(201);
    const invited = created.body.id as string;
    for (const [token, action] of [
      [marie.token, 'submit'],
      [c.organiser, 'accept'],
      [marie.token, 'confirm'],
    ]) {
      expect((await t.http.post(`/api/submissions/${invited}/transitions`).set(bearer(token)).send({ action })).status).toBe(200);
    }

    // where the proposals are held (not dropped): a session of its own, early on Monday (in view without scrolling)
    const workshop = await t.http
      .post(`/api/events/${c.vtnId}/sessions`)
      .set(bearer(c.organiser))
      .send({ roomId: c.amphi, kind: 'workshop', titleFr: 'Atelier des communes', startsAt: '2012-02-06T08:00', endsAt: '2012-02-06T08:45' });
    expect(workshop.status).toBe(201);

    const { page, context }: WatchedPage = await newPage(browser);
    await page.setViewportSize({ width: 1600, height: 1200 });
    try {
      await signIn(page);
      const legend = page.locator('.pg-shade-legend');
      /** Takes the proposal, holds it over « Atelier des communes » (marked as where it would go), then brings it back to the list. */
      const hold = async (submissionId: string, check: () => Promise<void>) => {
        const from = await box(page.getByTestId(`proposal-${submissionId}`));
        const over = await box(block(page, 'Atelier des communes'));
        await page.mouse.move(from.x + 20, from.y + 8);
        await page.mouse.down();
        await page.mouse.move(over.x + 40, over.y + 20, { steps: 6 });
        // drawn with the drag under way: whatever shades there are, they are drawn by now
        await page.locator('.pg-block.pg-drop-target', { hasText: 'Atelier des communes' }).waitFor();
        await check();
        await page.mouse.move(from.x + 20, from.y + 8, { steps: 6 });
        await page.mouse.up();
        await page.locator('.pg-drop-target').waitFor({ state: 'detached' });
        expect(await page.locator('.pg-shade').count()).toBe(0);
      };

      await hold(cosigned, async () => {
        await legend.filter({ hasText: 'José Núñez indisponible' }).waitFor();
        expect(await page.locator('.pg-shade-unavailable').count()).toBeGreaterThan(0);
      });
      await hold(invited, async () => {
        // Marie has nothing else on Monday and José has not accepted: nothing shaded
        expect(await page.locator('.pg-shade').count()).toBe(0);
        expect((await legend.textContent())?.trim()).toBe('');
      });
      // neither was placed by being brought back to the list
      const placed = (await sessions()).flatMap((s) => s.talks.map((x) => x.submissionId));
      expect(placed).not.toContain(cosigned);
      expect(placed).not.toContain(invited);
    } finally {
      await context.close();
    }
  });
});
