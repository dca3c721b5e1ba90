import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { setNow } from '../check-ins/check-ins-support.js';
import { bearer, importCsv } from '../labels/labels-support.js';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';
import { launchChromium, listen, newPage, seriousAxeViolations } from './support/browser.js';

/**
 * The Label Ville Internet page for organisers in Chromium (New York, en-US): a palmarès with bad
 * rows refused with its report (unknown code, Saint-Denis with its candidates, a town twice), the
 * file fixed and imported, the figures as charts with their tables; the towns as the public sees
 * them before the reveal; the confirmation before an early reveal (Escape keeps the secret); the
 * running order with a delegate and the certificates downloaded and read back. Standing on
 * 1 February 2012, before the ceremony (6 February, 18:00 in Paris).
 */
describe('Label Ville Internet pages', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let admin: string;

  const HEADER = 'Code INSEE;Commune;Département;Niveau;Première participation';
  const BAD = [
    HEADER,
    '59350;;;4;non', // 2 Lille
    '99999;;;2;oui', // 3 unknown
    ';Saint-Denis;;2;oui', // 4 ambiguous
    '92040;;;5;non', // 5 Issy-les-Moulineaux
    '59350;;;3;non', // 6 Lille again
    '38185;;;2;oui', // 7 Grenoble
    '2A004;;;2;oui', // 8 Ajaccio
    '13094;;;3;non', // 9 Saint-Rémy-de-Provence
    "59009;;;3;non", // 10 Villeneuve-d'Ascq
    '62041;;;1;non', // 11 Arras
  ];
  const FIXED = BAD.filter((_, i) => i !== 2 && i !== 5).map((line) => (line.startsWith(';Saint-Denis') ? ';Saint-Denis;974;2;oui' : line));

  async function signIn(page: Page, next: string) {
    await page.goto(`${base}/app/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Adresse électronique').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname === next);
  }

  async function noSeriousViolation(page: Page) {
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  /** The cells of a table, row by row (textContent: the table may be visually hidden). */
  async function cells(table: Locator): Promise<string[][]> {
    return table.locator('tr').evaluateAll((rows) =>
      rows.map((r) => Array.from((r as unknown as { children: ArrayLike<{ textContent: string | null }> }).children, (c) => (c.textContent ?? '').trim())),
    );
  }

  const focusedText = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string | null } } }).document.activeElement.textContent);

  async function tabTo(page: Page, accessibleText: string, max = 80) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => {
        const el = (globalThis as unknown as { document: { activeElement: { textContent: string | null; id: string; labels?: ArrayLike<{ textContent: string | null }> } } }).document.activeElement;
        return `${el.textContent ?? ''}|${el.labels?.[0]?.textContent ?? ''}`;
      });
      if (label.split('|').some((s) => s.trim() === accessibleText)) return;
    }
    throw new Error(`no focusable « ${accessibleText} » within ${max} tabs`);
  }

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    browser = await launchChromium();
    admin = await t.adminToken();
    setNow(t, '2012-02-01T10:00:00Z');
    const y2011 = await importCsv(t, admin, 2011, [HEADER, '59350;;;3;non', '38185;;;2;oui', '33063;;;1;non'].join('\r\n'));
    expect(y2011.body).toMatchObject({ created: 3, rejected: 0 });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('refuses a palmarès with bad rows and shows the report; the fixed file is imported and its figures drawn as charts with their tables', async () => {
    const { page, context, errors } = await newPage(browser);
    try {
      await signIn(page, '/app/labels/2012');
      await page.getByRole('heading', { level: 1, name: 'Label Ville Internet 2012' }).waitFor();
      await page.getByText('Aucun palmarès pour 2012 pour l’instant').waitFor();
      await noSeriousViolation(page);

      await page.getByLabel('Fichier CSV du palmarès').setInputFiles({ name: 'palmares-2012.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD.join('\r\n'), 'utf8') });
      await page.getByRole('button', { name: 'Importer', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'Rien n’a été importé : 3 ligne(s) sur 10 sont en erreur.' }).waitFor();
      // focus on the report's heading, read out
      await page.getByRole('heading', { level: 3, name: 'Rapport d’import' }).waitFor();
      expect(await focusedText(page)).toBe('Rapport d’import');
      const report = page.locator('table.report-table');
      expect(await cells(report)).toEqual([
        ['Ligne', 'Ville (valeur du fichier)', 'Colonne', 'Problème'],
        ['3', '99999', 'Code INSEE', 'unknown INSEE code 99999'],
        ['4', 'Saint-Denis', 'Commune', expect.stringContaining('ambiguous: 4 communes are named « Saint-Denis »')],
        ['6', '59350', '(toute la ligne)', 'Lille (59350) is already on line 2'],
      ]);
      expect(await report.locator('tr[data-line="4"] ul.candidates li').allTextContents()).toEqual([
        'Saint-Denis (11) — 11339',
        'Saint-Denis (30) — 30247',
        'Saint-Denis (93) — 93066',
        'Saint-Denis (974) — 97411',
      ]);
      await page.getByRole('button', { name: 'Importer seulement les 7 ligne(s) valide(s) de ce fichier' }).waitFor();
      expect(Number((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM label_awards WHERE year = 2012`))[0].n)).toBe(0);
      await noSeriousViolation(page);

      // fixed: the ambiguous name gets its département, the bad rows go
      await page.getByLabel('Fichier CSV du palmarès').setInputFiles({ name: 'palmares-2012.csv', mimeType: 'text/csv', buffer: Buffer.from(FIXED.join('\r\n'), 'utf8') });
      await page.getByRole('button', { name: 'Importer', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Import terminé : 8 ligne(s) lue(s), 8 ville(s) ajoutée(s), 0 modifiée(s), 0 inchangée(s), 0 refusée(s).' }).waitFor();
      expect(Number((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM label_awards WHERE year = 2012`))[0].n)).toBe(8);

      // the charts, with the press release's words and their tables
      const levels = page.locator('figure[data-chart="levels"]');
      await levels.waitFor();
      await levels.getByText('8 villes labellisées en 2012 contre 3 en 2011 (+167 %), dont 2 à 4 ou 5 @.').waitFor();
      // the drawing is hidden from screen readers, the table is not
      expect(await levels.locator('svg.chart-svg').getAttribute('aria-hidden')).toBe('true');
      // the year before's bars come with its own figures
      await levels.locator('thead th', { hasText: '2011' }).waitFor({ state: 'attached' });
      expect(await levels.locator('rect.chart-bar').count()).toBe(10);
      const levelTable = levels.locator('table');
      expect(await levelTable.locator('xpath=..').getAttribute('class')).toContain('visually-hidden');
      expect(await cells(levelTable)).toEqual([
        ['Niveau', '2012', '2011'],
        ['1 @', '1', '1'],
        ['2 @', '3', '1'],
        ['3 @', '2', '1'],
        ['4 @', '1', '0'],
        ['5 @', '1', '0'],
      ]);
      const show = levels.getByRole('button', { name: 'Afficher le tableau des chiffres' });
      expect(await show.getAttribute('aria-expanded')).toBe('false');
      await show.click();
      await levels.getByRole('button', { name: 'Masquer le tableau des chiffres' }).waitFor();
      expect(await levelTable.locator('xpath=..').getAttribute('class')).toBe('chart-table');
      expect(await levelTable.isVisible()).toBe(true);

      const stats = (await t.http.get('/api/labels/2012/stats').set(bearer(admin))).body;
      const regions = page.locator('figure[data-chart="regions"]');
      await regions.getByText('6 régions représentées ; 2 régions réunissent à elles seules la moitié des villes.').waitFor();
      expect(await cells(regions.locator('table'))).toEqual([
        ['Région', 'Villes'],
        ...stats.perRegion.map((r: { region: string; towns: number }, i: number) => [`${r.region}${i < 2 ? ' (régions réunissant la moitié des villes)' : ''}`, String(r.towns)]),
      ]);
      expect(stats.regionsHoldingHalf.map((r: { region: string }) => r.region)).toEqual(['Nord-Pas-de-Calais', 'Corse']);
      expect(await regions.locator('svg.chart-svg rect.chart-fill-highlight').count()).toBe(2);
      const first = page.locator('figure[data-chart="first"]');
      await first.getByText('3 villes sur 8 participent pour la première fois (38 %).').waitFor();
      expect(await cells(first.locator('table'))).toEqual([
        ['Participation', 'Villes'],
        ['Première participation', '3'],
        ['Déjà candidates', '5'],
      ]);
      await noSeriousViolation(page);
      expect(errors.filter((e) => !e.includes('status of 404') && !e.includes('status of 422'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows with the keyboard how the public sees the towns before the reveal, and asks before revealing early (Escape keeps the secret)', async () => {
    const { page, context, errors } = await newPage(browser);
    try {
      await signIn(page, '/app/labels/2012');
      await page.getByText('Les niveaux sont secrets : seuls les organisateurs les voient.').waitFor();
      await page.getByText('Révélation prévue : lundi 6 février 2012, 18 h 00 (heure de Paris).').waitFor();
      const towns = page.locator('table.towns');
      await towns.waitFor();
      expect(await towns.locator('thead th').allTextContents()).toEqual(['Commune', 'Code INSEE', 'Département', 'Région', 'Niveau', 'Première participation']);
      expect((await cells(towns)).find((r) => r[0] === 'Issy-les-Moulineaux')).toEqual(['Issy-les-Moulineaux', '92040', '92', 'Île-de-France', '5 @', 'non']);

      // the switch, with the keyboard: the public's answer, without levels
      await tabTo(page, 'Voir comme le public');
      await page.keyboard.press('Space');
      await page.getByText('Vue publique : avant la révélation, le public voit les villes sans leur niveau.').waitFor();
      await page.locator('table.towns.public').waitFor();
      expect(await page.locator('table.towns.public thead th').allTextContents()).toEqual(['Commune', 'Code INSEE', 'Département', 'Région', 'Première participation']);
      expect((await cells(page.locator('table.towns.public'))).find((r) => r[0] === 'Issy-les-Moulineaux')).toEqual(['Issy-les-Moulineaux', '92040', '92', 'Île-de-France', 'non']);
      expect(await page.locator('table.towns.public').getByText('5 @').count()).toBe(0);
      await noSeriousViolation(page);
      await page.keyboard.press('Space');
      await page.locator('table.towns:not(.public)').waitFor();

      // reveal now: a confirmation; Escape cancels and nothing is revealed
      await page.locator('#main h1').focus();
      await tabTo(page, 'Révéler maintenant');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Révéler le palmarès avant l’heure ?' });
      await dialog.waitFor();
      await dialog.getByText('Les niveaux des 8 villes deviendront publics tout de suite, avant l’heure prévue (lundi 6 février 2012, 18 h 00).').waitFor();
      expect(await focusedText(page)).toBe('Non, garder le secret');
      await noSeriousViolation(page);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect((await t.http.get('/api/labels/2012')).body.revealed).toBe(false);

      // an earlier time than planned also asks; « Non » keeps the planned time
      await page.getByLabel('Nouvelle heure de révélation (heure de Paris)').fill('2012-02-03T12:00');
      await page.getByRole('button', { name: 'Fixer cette heure' }).click();
      await dialog.getByText('Les niveaux deviendront publics le vendredi 3 février 2012, 12 h 00, plus tôt que prévu (lundi 6 février 2012, 18 h 00).').waitFor();
      await dialog.getByRole('button', { name: 'Non, garder le secret' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect((await t.http.get('/api/labels/2012')).body.embargoEndsAtUtc).toBe('2012-02-06T17:00:00.000Z');

      // confirmed with the keyboard: revealed
      await page.locator('#main h1').focus();
      await tabTo(page, 'Révéler maintenant');
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.keyboard.press('Tab');
      expect(await focusedText(page)).toBe('Oui, révéler plus tôt');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Palmarès révélé : les niveaux sont publics.' }).waitFor();
      await page.getByText('Les niveaux sont publics depuis le mercredi 1 février 2012, 11 h 00 (heure de Paris).').waitFor();
      expect((await t.http.get('/api/labels/2012')).body).toMatchObject({ revealed: true, embargoEndsAtUtc: '2012-02-01T10:00:00.000Z' });
      // the public now sees the levels
      await page.getByRole('switch', { name: 'Voir comme le public' }).check();
      await page.getByText('Vue publique : le palmarès est révélé, le public voit les niveaux.').waitFor();
      await page.locator('table.towns.public thead th', { hasText: 'Niveau' }).waitFor();
      await noSeriousViolation(page);

      // a later time hides them again until then (no confirmation: nothing is revealed early)
      await page.getByLabel('Nouvelle heure de révélation (heure de Paris)').fill('2012-02-06T18:30');
      await page.getByRole('button', { name: 'Fixer cette heure' }).click();
      await page.getByRole('status').filter({ hasText: 'Heure de révélation fixée au lundi 6 février 2012, 18 h 30 (heure de Paris).' }).waitFor();
      expect((await t.http.get('/api/labels/2012')).body).toMatchObject({ revealed: false, embargoEndsAtUtc: '2012-02-06T17:30:00.000Z' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists the delegates per town in the running order and downloads the certificates with their progress', async () => {
    const eventId = (await t.http.get('/api/events?slug=label2012')).body.items[0].id as string;
    await t.booted.dataSource.query(
      `INSERT INTO event_parts (event_id, code, name_fr, kind, admission, capacity) VALUES ($1, 'ceremonie', 'Cérémonie du Label', 'ceremony', 'invitation', 100)`,
      [eventId],
    );
    const delegate = await t.http.post('/api/labels/2012/towns/92040/delegates').set(bearer(admin)).send({ email: 'claire.martin@mairie.test', firstName: 'Claire', lastName: 'Martin' });
    expect(delegate.status).toBe(201);
    const dir = mkdtempSync(join(tmpdir(), 'labels-web-'));
    const { page, context, errors } = await newPage(browser);
    try {
      await signIn(page, '/app/labels/2012');
      const ceremony = page.locator('#ceremony');
      await ceremony.getByText('8 villes, 1 délégué(s) inscrit(s), 0 présent(s).').waitFor();
      expect(await ceremony.locator('h3').allTextContents()).toEqual(['1 @', '2 @', '3 @', '4 @', '5 @']);
      const issy = ceremony.locator('tr', { hasText: 'Issy-les-Moulineaux (92)' });
      expect(await issy.locator('ul.delegates li').allTextContents()).toEqual(['Claire Martin']);
      // the running order as the API gives it: level up, then region and name
      const order = (await t.http.get('/api/labels/2012/ceremony/running-order').set(bearer(admin))).body as { levels: Array<{ towns: Array<{ name: string; departement: string }> }> };
      const expected = order.levels.flatMap((l) => l.towns.map((town) => `${town.name} (${town.departement})`));
      expect(expected).toHaveLength(8);
      expect(expected[0]).toBe('Arras (62)');
      expect(await ceremony.locator('tbody th').allTextContents()).toEqual(expected);
      await noSeriousViolation(page);

      await ceremony.getByRole('button', { name: 'Tous les diplômes (PDF)' }).click();
      const save = ceremony.getByRole('link', { name: /^enregistrer label-2012-diplomes\.pdf \(\d+(,\d)? Ko\)$/ });
      await save.waitFor();
      expect(await focusedText(page)).toMatch(/^enregistrer label-2012-diplomes\.pdf/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toBe('label-2012-diplomes.pdf');
      const file = join(dir, 'diplomes.pdf');
      await download.saveAs(file);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+8\n/);
      const text = execFileSync('pdftotext', [file, '-']).toString();
      for (const town of ['Issy-les-Moulineaux', 'Saint-Denis', 'Ajaccio', 'Arras']) expect(text).toContain(town);

      // one town's certificate
      await issy.getByRole('button', { name: 'Diplôme de Issy-les-Moulineaux' }).click();
      await ceremony.getByRole('link', { name: /^enregistrer label-2012-diplome-92040\.pdf/ }).waitFor();
      await noSeriousViolation(page);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
