import { stringify } from 'csv-stringify/sync';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';
import { countPdfPages } from '../../web/src/badges/pdf-pages.js';
import { launchChromium, listen, newPage, openFileChooserWithKeyboard, seriousAxeViolations } from './support/browser.js';

/**
 * The organisers' participants, import and badges pages in Chromium (the browser in New York, en-US):
 * a CSV of 500 participants with 3 bad rows imported with the keyboard alone, its row-by-row report
 * read (line numbers, values), the file fixed and imported; the list searched without accents and
 * filtered; a capacity changed and the waiting list promoted, with the server's answers; the badges
 * not yet printed counted, printed, and found marked printed. axe-core on every page.
 */
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const HEADER = ['Nom', 'Prénom', 'Courriel', 'Organisme', 'Catégories'];

function csv(rows: string[][]): Buffer {
  return Buffer.from('\uFEFF' + stringify(rows, { delimiter: ';', record_delimiter: 'windows' }), 'utf8');
}

/** 500 people; with `bad`, rows 10, 200 and 400 are wrong (a bad e-mail, an unknown category, a duplicate e-mail). */
function people(bad: boolean): string[][] {
  const rows: string[][] = [HEADER];
  for (let i = 0; i < 500; i++) {
    rows.push([i === 0 ? 'Dupré-Écrivain' : `Nom${String(i).padStart(3, '0')}`, i === 0 ? 'Élodie' : `Prénom ${i}`, `personne${i}@example.org`, `Laboratoire ${i % 7}`, i % 3 ? 'researcher' : 'guest']);
  }
  if (bad) {
    rows[10][2] = 'personne10-at-example.org';
    rows[200][4] = 'astronaute';
    rows[400][2] = 'PERSONNE7@example.org';
  }
  return rows;
}

describe('Organisers’ participants, import and badges pages', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let organiser: string;
  let eventId: string;
  let partId: string;

  const count = async (query: Record<string, string> = {}) =>
    (await t.http.get(`/api/events/${eventId}/participants`).query({ pageSize: 1, ...query }).set(bearer(organiser))).body.total as number;

  async function signIn(page: Page, next: string) {
    await page.goto(`${base}/app/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Adresse électronique').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname === next);
  }

  /** Tab until the focused element has this label or text (at most 80 presses). */
  async function tabTo(page: Page, name: string | RegExp) {
    for (let i = 0; i < 80; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { activeElement: { textContent: string | null; labels?: Array<{ textContent: string | null }> | null } | null } }).document;
        const el = d.activeElement;
        return { text: el?.textContent?.trim() ?? '', label: el?.labels?.[0]?.textContent?.trim() ?? '' };
      });
      const hit = (s: string) => (typeof name === 'string' ? s === name : name.test(s));
      if (hit(focused.label) || hit(focused.text)) return;
    }
    throw new Error(`no focusable element named ${String(name)}`);
  }

  /** Chooses a file for the focused file input with the keyboard (Space opens the chooser). */
  async function chooseFile(page: Page, name: string, bytes: Buffer) {
    await tabTo(page, 'Fichier CSV');
    const chooser = await openFileChooserWithKeyboard(page);
    await chooser.setFiles({ name, mimeType: 'text/csv', buffer: bytes });
  }

  async function noSeriousViolation(page: Page) {
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '0' });
    base = await listen(t);
    browser = await launchChromium();
    organiser = await t.adminToken();
    eventId = (await t.http.get('/api/events?slug=vtn2012')).body.items[0].id;
    const part = await t.http
      .post(`/api/events/${eventId}/parts`)
      .set(bearer(organiser))
      .send({ code: 'ceremonie', nameFr: 'Cérémonie du Label', nameEn: 'Label ceremony', kind: 'ceremony', admission: 'open', day: '2012-02-06', capacity: 2 });
    expect(part.status).toBe(201);
    partId = part.body.id;
    for (const [firstName, lastName] of [['Anne', 'Ébrard'], ['Bruno', 'Fabre'], ['Chloé', 'Garnier'], ['Denis', 'Huet']]) {
      const res = await t.http
        .post(`/api/events/${eventId}/participants`)
        .set(bearer(organiser))
        .send({ firstName, lastName, email: `${firstName.toLowerCase()}@example.org`, categories: ['city-representative'], partIds: [partId] });
      expect(res.status).toBe(201);
    }
    // a name too long for any badge: the templates' previews warn about it
    const long = await t.http
      .post(`/api/events/${eventId}/participants`)
      .set(bearer(organiser))
      .send({ firstName: 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeit', lastName: 'X'.repeat(150), email: 'long@example.org', categories: ['guest'] });
    expect(long.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('imports a CSV of 500 people with the keyboard alone: the report of its 3 bad rows with their lines and values, nothing written; fixed, imported; then the list', async () => {
    const { page, context, errors } = await newPage(browser);
    const polls: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'GET' && /\/participants\/import-jobs\/[0-9a-f-]{36}$/.test(new URL(r.url()).pathname)) polls.push(r.url());
    });
    try {
      const before = await count();
      await signIn(page, '/app/events/vtn2012/participants/import');
      await page.getByRole('heading', { level: 1, name: /^Importer des participants — / }).waitFor();
      await noSeriousViolation(page);

      await chooseFile(page, 'participants.csv', csv(people(true)));
      await tabTo(page, 'Importer');
      await page.keyboard.press('Enter');
      const report = page.getByRole('heading', { level: 2, name: 'Rapport ligne par ligne' });
      await report.waitFor();
      // the report takes the focus, so the keyboard is where the report is
      expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('import-report');
      await page.getByRole('alert').filter({ hasText: '3 ligne(s) sur 500 ne sont pas valides : rien n’a été importé.' }).waitFor();
      const table = page.getByRole('table', { name: 'Lignes refusées (3), dans l’ordre du fichier' });
      const rowHeaders = await table.getByRole('rowheader').allTextContents();
      expect(rowHeaders).toEqual(['11', '201', '401']);
      const text = (await table.textContent()) ?? '';
      expect(text).toContain('« personne10-at-example.org » is not an email address');
      expect(text).toContain('astronaute');
      expect(text).toContain('the same email as line 9');
      // the line's content as the file has it
      expect(text).toContain('Nom199;Prénom 199;personne199@example.org;Laboratoire 3;astronaute');
      expect(polls.length).toBeGreaterThan(0);
      await noSeriousViolation(page);
      expect(await count()).toBe(before);

      // the valid rows only, from the report, with the keyboard: the 3 bad rows refused again, the others written
      await tabTo(page, 'Importer seulement les 497 lignes valides de ce fichier');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: '500 lignes lues : 497 créées, 0 mises à jour, 0 inchangées, 3 refusées.' }).waitFor();
      expect(await page.getByRole('table', { name: 'Lignes refusées (3), dans l’ordre du fichier' }).getByRole('rowheader').allTextContents()).toEqual(['11', '201', '401']);
      expect(await count()).toBe(before + 497);
      await noSeriousViolation(page);

      // fixed, chosen again and imported (all or nothing): the 3 fixed rows created, the others matched by e-mail
      await chooseFile(page, 'participants-corrige.csv', csv(people(false)));
      await tabTo(page, 'Importer');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: '500 lignes lues : 3 créées, 0 mises à jour, 497 inchangées, 0 refusées.' }).waitFor();
      expect(await count()).toBe(before + 500);
      await noSeriousViolation(page);

      await tabTo(page, 'Voir la liste des participants');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /^Participants — / }).waitFor();
      await page.getByText(`${before + 500} participant(s)`, { exact: true }).waitFor();
      // searched without accents
      await tabTo(page, 'Rechercher (nom, courriel, ville)');
      await page.keyboard.type('elodie dupre ecrivain');
      await page.keyboard.press('Enter');
      await page.getByText('1 participant(s)', { exact: true }).waitFor();
      const rows = page.getByRole('table', { name: 'Liste des participants' }).getByRole('row');
      expect(await rows.count()).toBe(2);
      expect(await rows.nth(1).textContent()).toContain('Dupré-Écrivain Élodie');
      expect(new URL(page.url()).searchParams.get('q')).toBe('elodie dupre ecrivain');
      await noSeriousViolation(page);
      expect(errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('changes a capacity and admits from the waiting list, showing the server’s answers; filters the list and exports it', async () => {
    const { page, context, errors } = await newPage(browser);
    try {
      await signIn(page, '/app/events/vtn2012/participants');
      const part = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /Cérémonie du Label/ }) });
      await part.getByText('2 admis sur 2 places, 0 restantes, 2 en liste d’attente.').waitFor();
      await noSeriousViolation(page);

      // 50 a page: the next page with the keyboard, kept in the address
      const total = await count();
      const pages = Math.ceil(total / 50);
      const list = page.getByRole('table', { name: 'Liste des participants' });
      await page.getByText(`Page 1 sur ${pages}`).waitFor();
      const firstPage = await list.getByRole('rowheader').allTextContents();
      expect(firstPage.length).toBe(50);
      await page.getByRole('button', { name: 'Page suivante' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText(`Page 2 sur ${pages}`).waitFor();
      expect(new URL(page.url()).searchParams.get('page')).toBe('2');
      await page.waitForFunction((first) => {
        const d = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } };
        const cells = Array.from(d.document.querySelectorAll('table.participants th[scope=row]'));
        return cells.length === 50 && !cells.some((c) => c.textContent === first);
      }, firstPage[0]);
      const secondPage = await list.getByRole('rowheader').allTextContents();
      expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);
      await page.goBack();
      await page.getByText(`Page 1 sur ${pages}`).waitFor();

      await part.getByLabel('Capacité de « Cérémonie du Label »').fill('3');
      await part.getByRole('button', { name: 'Enregistrer la capacité' }).click();
      await part.getByRole('status').filter({ hasText: '« Cérémonie du Label » : capacité 3. 3 admis, 1 en attente. 1 personne(s) admise(s) depuis la liste d’attente.' }).waitFor();
      await part.getByText('3 admis sur 3 places, 0 restantes, 1 en liste d’attente.').waitFor();

      // the last one waiting: asked to be admitted, the server says there is no seat
      await part.getByRole('button', { name: 'Liste d’attente de « Cérémonie du Label » (1)' }).click();
      await part.getByRole('button', { name: 'Admettre Denis Huet' }).click();
      await part.getByRole('status').filter({ hasText: 'Denis Huet reste en liste d’attente de « Cérémonie du Label » (rang 1) : plus de place.' }).waitFor();

      // a capacity below the seats given: the server's refusal shown
      await part.getByLabel('Capacité de « Cérémonie du Label »').fill('1');
      await part.getByRole('button', { name: 'Enregistrer la capacité' }).click();
      await part.getByRole('alert').waitFor();
      expect((await t.http.get(`/api/parts/${partId}`).set(bearer(organiser))).body.capacity).toBe(3);

      // filters: the part and its waiting list
      await page.getByLabel('Partie', { exact: true }).selectOption({ label: 'Cérémonie du Label' });
      await page.getByText('4 participant(s)', { exact: true }).waitFor();
      await page.getByLabel('État dans la partie').selectOption('waiting');
      await page.getByText('1 participant(s)', { exact: true }).waitFor();
      expect(await page.getByRole('table', { name: 'Liste des participants' }).getByRole('rowheader').allTextContents()).toEqual([expect.stringContaining('Huet Denis')]);
      await page.getByLabel('Catégorie').selectOption({ label: 'Ville Internet' });
      await page.getByText('1 participant(s)', { exact: true }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV (filtres appliqués)' }).click()]);
      const exported = await download.createReadStream().then(async (s) => {
        const chunks: Buffer[] = [];
        for await (const c of s) chunks.push(c as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      });
      expect(exported.split('\r\n').filter(Boolean).length).toBe(2);
      expect(exported).toContain('Huet');
      await noSeriousViolation(page);
      expect(errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('prints the badges not yet printed: the count first, the pages as they are drawn, then all marked printed and logged', async () => {
    const { page, context, errors } = await newPage(browser);
    try {
      const registered = await count({ status: 'registered' });
      expect(await count({ badgePrinted: 'false' })).toBe(registered);
      await signIn(page, '/app/events/vtn2012/badges');
      await page.getByRole('heading', { level: 1, name: /^Badges — / }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Aperçu des modèles' }).waitFor();
      await page.getByText(`Avec ce modèle : ${registered} badge(s)`).first().waitFor();
      // each template's preview warns about the name that cannot fit, even made smaller
      const previews = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) }).filter({ hasText: 'Avec ce modèle' });
      // each preview is drawn by its own request: wait for the second before counting them
      await previews.nth(1).waitFor();
      expect(await previews.count()).toBe(2);
      for (const preview of await previews.all()) {
        const warning = preview.getByRole('note');
        await warning.getByText('1 badge(s) dont un texte ne tient pas, même réduit :').waitFor();
        expect(await warning.textContent()).toContain('Wolfeschlegelsteinhausenbergerdorff');
      }
      await page.getByText('Aucune impression pour l’instant.').waitFor();
      await noSeriousViolation(page);

      expect(await page.getByLabel('Seulement les badges pas encore imprimés').isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Compter les badges' }).click();
      await page.getByRole('status').filter({ hasText: `${registered} badge(s) à imprimer sur` }).waitFor();
      // nothing is printed by counting
      expect(await count({ badgePrinted: 'false' })).toBe(registered);
      await noSeriousViolation(page);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Imprimer ces ${registered} badge(s) (télécharger le PDF)` }).click()]);
      await page.getByRole('status').filter({ hasText: `PDF reçu : ${registered} badge(s), marqués imprimés.` }).waitFor();
      const pdf = await download.createReadStream().then(async (s) => {
        const chunks: Buffer[] = [];
        for await (const c of s) chunks.push(c as Buffer);
        return Buffer.concat(chunks);
      });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // the page's progress counts the pages of this very PDF as it streams, whatever the chunks' sizes
      const [job] = (await t.http.get(`/api/events/${eventId}/badges/print-jobs`).query({ order: 'desc' }).set(bearer(organiser))).body.items;
      expect(job.pages).toBeGreaterThan(100);
      for (const size of [7, 1000, 65_536]) {
        const counter = countPdfPages();
        let pages = 0;
        for (let at = 0; at < pdf.length; at += size) pages = counter.push(pdf.subarray(at, at + size));
        expect(pages).toBe(job.pages);
      }

      // the log says it, and the list finds them all printed
      await page.getByRole('table', { name: 'Impressions, les plus récentes d’abord (heure de Paris)' }).getByText('imprimé', { exact: true }).waitFor();
      await page.goto(`${base}/app/events/vtn2012/participants?badgePrinted=false`);
      await page.getByText('0 participant(s)', { exact: true }).waitFor();
      await page.getByLabel('Badge', { exact: true }).selectOption({ label: 'Imprimé' });
      await page.getByText(`${registered} participant(s)`, { exact: true }).waitFor();
      expect(await count({ badgePrinted: 'true' })).toBe(registered);
      await noSeriousViolation(page);

      // counting again: nothing left to print
      await page.goto(`${base}/app/events/vtn2012/badges`);
      await page.getByRole('button', { name: 'Compter les badges' }).click();
      await page.getByRole('status').filter({ hasText: 'Aucun badge ne correspond à ces critères.' }).waitFor();
      expect(errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reprints a badge with its reason and reports a spoiled page with the keyboard: the log shows both, the spoiled badges are back in « not yet printed »', async () => {
    const { page, context, errors } = await newPage(browser);
    try {
      expect(await count({ badgePrinted: 'false' })).toBe(0);
      const [first] = (await t.http.get(`/api/events/${eventId}/badges/print-jobs`).query({ order: 'desc' }).set(bearer(organiser))).body.items;
      await signIn(page, '/app/events/vtn2012/badges');
      await page.getByRole('heading', { level: 3, name: 'Réimpressions' }).waitFor();
      await page.getByText('Aucune réimpression.').waitFor();
      await page.getByText('Aucun badge signalé raté.').waitFor();

      // a reprint of one person, with its reason, all with the keyboard
      await page.getByLabel('Chercher une personne à ajouter').focus();
      await page.keyboard.type('ebrard');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Ajouter Anne Ébrard' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Retirer Anne Ébrard' }).waitFor();
      await page.getByLabel('Seulement les badges pas encore imprimés').focus();
      await page.keyboard.press('Space');
      expect(await page.getByLabel('Seulement les badges pas encore imprimés').isChecked()).toBe(false);
      await page.keyboard.press('Tab');
      await page.keyboard.type('Badge perdu');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: '1 badge(s) à imprimer sur 1 feuille(s)' }).waitFor();
      await page.getByRole('button', { name: 'Imprimer ces 1 badge(s) (télécharger le PDF)' }).focus();
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toMatch(/^badges-vtn2012-/);
      await page.getByRole('status').filter({ hasText: 'PDF reçu : 1 badge(s), marqués imprimés.' }).waitFor();
      const reprints = page.getByRole('table', { name: 'Badges réimprimés, les plus récents d’abord (heure de Paris)' });
      const reprintRow = reprints.getByRole('row').filter({ hasText: 'Anne Ébrard' });
      await reprintRow.waitFor();
      expect(await reprintRow.textContent()).toContain('impression par lot');
      expect(await reprintRow.textContent()).toContain('Badge perdu');
      expect(await reprints.getByRole('row').count()).toBe(2);
      await noSeriousViolation(page);

      // the first job's people on one page without Anne (her badge was just printed again)
      const people = (await t.http.get(`/api/events/${eventId}/badges/print-jobs/${first.id}`).query({ pageSize: 1000 }).set(bearer(organiser))).body.people.items as Array<{
        firstName: string;
        lastName: string;
        page: number;
        backPage: number | null;
      }>;
      const on = (page: number) => people.filter((p) => p.page === page || p.backPage === page);
      const spoiled = [1, 2, 3, 4].find((n) => on(n).length > 0 && !on(n).some((p) => p.lastName === 'Ébrard')) ?? 0;
      const onSpoiled = on(spoiled).length;
      expect(onSpoiled).toBeGreaterThan(0);

      // reported with the keyboard: a page the PDF does not have first (the server's refusal shown), then the right one
      const form = page.getByRole('form', { name: 'Signaler des badges ratés' });
      await form.getByLabel('Impression', { exact: true }).focus();
      await form.getByLabel('Impression', { exact: true }).selectOption(first.id);
      await page.keyboard.press('Tab');
      expect(await form.getByLabel('Ceux de certaines pages du PDF').evaluate((e) => e === (e as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.type(`${first.pages + 1}`);
      await page.keyboard.press('Tab');
      await page.keyboard.type('Bourrage papier');
      await page.keyboard.press('Enter');
      await page.getByRole('alert').filter({ hasText: `The job has ${first.pages} page(s)` }).waitFor();
      expect(await count({ badgePrinted: 'false' })).toBe(0);
      await noSeriousViolation(page);

      await form.getByLabel(/^Pages ratées/).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(`${spoiled}`);
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: `Signalé : ${onSpoiled} badge(s) sur ${first.badges} de cette impression sont ratés` }).waitFor();
      // the log: the job with its spoiled badges, and each of them with the reason
      await page.getByRole('table', { name: 'Impressions, les plus récentes d’abord (heure de Paris)' }).getByRole('row').filter({ hasText: `${onSpoiled} badge(s) signalés ratés` }).waitFor();
      const spoiledTable = page.getByRole('table', { name: 'Badges signalés ratés, les derniers imprimés d’abord (heure de Paris)' });
      await spoiledTable.waitFor();
      const spoiledRows = spoiledTable.locator('tbody tr');
      expect(await spoiledRows.count()).toBe(onSpoiled);
      for (const text of await spoiledRows.allTextContents()) expect(text).toContain('Bourrage papier');
      expect((await spoiledRows.allTextContents()).map((r) => on(spoiled).some((p) => r.includes(`${p.firstName} ${p.lastName}`)))).toEqual(on(spoiled).map(() => true));
      expect(await count({ badgePrinted: 'false' })).toBe(onSpoiled);
      await noSeriousViolation(page);

      // counting the badges not yet printed now finds exactly the spoiled ones
      await page.getByLabel('Seulement les badges pas encore imprimés').check();
      await page.getByRole('button', { name: 'Retirer Anne Ébrard' }).click();
      await page.getByRole('button', { name: 'Compter les badges' }).click();
      await page.getByRole('status').filter({ hasText: `${onSpoiled} badge(s) à imprimer sur` }).waitFor();

      // the filters of a print: a category and a part (admitted people only), printed or not
      await page.getByLabel('Seulement les badges pas encore imprimés').uncheck();
      await page.getByRole('group', { name: 'Catégories' }).getByLabel('Ville Internet').check();
      await page.getByLabel('Admis à la partie').selectOption({ label: 'Cérémonie du Label' });
      await page.getByRole('button', { name: 'Compter les badges' }).click();
      await page.getByRole('status').filter({ hasText: '3 badge(s) à imprimer sur' }).waitFor();
      const [filtered] = (await t.http.get(`/api/events/${eventId}/badges/print-jobs`).query({ order: 'desc', pageSize: 1 }).set(bearer(organiser))).body.items;
      const filteredPeople = (await t.http.get(`/api/events/${eventId}/badges/print-jobs/${filtered.id}`).set(bearer(organiser))).body.people.items;
      expect(filteredPeople.map((p: { lastName: string }) => p.lastName).sort()).toEqual(['Fabre', 'Garnier', 'Ébrard']);

      // the template of a category, chosen and saved with the keyboard
      await page.getByLabel('Modèle pour « Ville Internet »').selectOption('ceremony');
      await page.getByRole('button', { name: 'Enregistrer les modèles' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Modèles enregistrés.' }).waitFor();
      const chosen = (await t.http.get(`/api/events/${eventId}/badges/templates`).set(bearer(organiser))).body.categories;
      expect(chosen).toContainEqual(expect.objectContaining({ category: 'city-representative', template: 'ceremony' }));
      expect(chosen).toContainEqual(expect.objectContaining({ category: 'researcher', template: 'colloquium' }));
      await noSeriousViolation(page);
      expect(errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps a 20,000-row file moving: the server’s progress (rows checked) shown while it works, then its report; nothing written', async () => {
    const { page, context, errors } = await newPage(browser);
    try {
      const before = await count();
      const rows: string[][] = [HEADER];
      for (let i = 0; i < 20_000; i++) rows.push([`Grand${i}`, `Prénom ${i}`, `grand${i}@example.org`, 'Laboratoire', 'guest']);
      rows[20_000][2] = 'grand-sans-arobase';
      // every state of the server's progress bar the page drew, as the page drew it
      await page.addInitScript(() => {
        const g = globalThis as unknown as { seen: string[]; MutationObserver: new (cb: () => void) => { observe(n: unknown, o: unknown): void }; document: { getElementById(id: string): { getAttribute(n: string): string | null } | null } };
        g.seen = [];
        new g.MutationObserver(() => {
          const bar = g.document.getElementById('import-server');
          const state = bar ? `${bar.getAttribute('value')}/${bar.getAttribute('max')}` : '';
          if (state && g.seen.at(-1) !== state) g.seen.push(state);
        }).observe(g.document, { subtree: true, childList: true, attributes: true });
      });
      await signIn(page, '/app/events/vtn2012/participants/import');
      await page.getByRole('heading', { level: 1, name: /^Importer des participants — / }).waitFor();
      await chooseFile(page, 'grand-fichier.csv', csv(rows));
      await tabTo(page, 'Importer');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: 'Rapport ligne par ligne' }).waitFor({ timeout: 120_000 });
      await page.getByRole('alert').filter({ hasText: '1 ligne(s) sur 20000 ne sont pas valides : rien n’a été importé.' }).waitFor();
      expect(await page.getByRole('table', { name: 'Lignes refusées (1), dans l’ordre du fichier' }).getByRole('rowheader').allTextContents()).toEqual(['20001']);
      // the server's progress bar was drawn while the job ran: at first without a value (the 202 comes back
      // before the rows are counted), then with the rows checked out of 20,000 if a poll (every 400 ms)
      // finds the job still running; on a fast machine the job may end before the first poll
      const seen = await page.evaluate(() => (globalThis as unknown as { seen: string[] }).seen);
      expect(seen.length).toBeGreaterThan(0);
      for (const state of seen) expect(state === 'null/null' || /^\d+\/20000$/.test(state)).toBe(true);
      expect(await count()).toBe(before);
      await noSeriousViolation(page);
      expect(errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
