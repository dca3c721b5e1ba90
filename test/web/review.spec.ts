import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { colloquium, organiser, PASSWORD, proposal, reviews, speaker, submissionType, track, type Person } from '../submissions-review/fixtures.js';
import { bearer } from '../submissions-review/fixtures.js';
import { launchChromium, listen, newPage, seriousAxeViolations } from './support/browser.js';

/**
 * The organisers' review pages in Chromium (the browser in New York, en-US: every time shown must be
 * Paris time). The list of the 2012 colloquium's proposals with its filters, sort, pages and CSV
 * export; a proposal with both abstracts, its speakers' availability, the reviews; then a reviewer
 * going through the list with the keyboard alone: filter, open, score and comment, accept, next, reject
 * with a note, next.
 */
describe('Organisers’ review pages', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let eventId: string;
  let claire: Person;
  let marc: Person;
  let helene: Person;
  let lukasz: Person;
  const ids: Record<string, string> = {};

  const LIST = '/app/events/vtn2012/proposals';

  async function signIn(page: Page, next: string) {
    await page.goto(`${base}/app/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Adresse électronique').fill(claire.email);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname === next);
  }

  /** What has the focus, as `TAG#id|text` (the test's tsconfig has no DOM types). */
  async function focused(page: Page): Promise<string> {
    return page.evaluate(() => {
      const el = (globalThis as unknown as { document: { activeElement: { tagName: string; id: string; textContent: string | null } | null } }).document.activeElement;
      return el ? `${el.tagName}#${el.id}|${(el.textContent ?? '').trim().slice(0, 80)}` : '';
    });
  }

  /** Presses Tab until the focused element matches (a person tabbing through the page). */
  async function tabTo(page: Page, wanted: RegExp, max = 80): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (wanted.test(await focused(page))) return;
    }
    throw new Error(`never reached ${wanted} by Tab; focus on ${await focused(page)}`);
  }

  async function rowTitles(page: Page): Promise<string[]> {
    await page.locator('.review-table tbody tr').first().waitFor();
    return page.locator('.review-table tbody tr td:first-child').allTextContents();
  }

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    browser = await launchChromium();
    eventId = (await colloquium(t)).id;
    claire = await organiser(t, 'Claire Organisatrice');
    marc = await organiser(t, 'Marc Relecteur');
    helene = await speaker(t, { firstName: 'Hélène', lastName: 'Dupré', affiliation: 'CNRS, LAVUE' });
    lukasz = await speaker(t, { firstName: 'Łukasz', lastName: 'Wróbel', affiliation: 'Uniwersytet Warszawski' });
    const communication = await submissionType(t, eventId, 'communication', 'Communication');
    const poster = await submissionType(t, eventId, 'poster', 'Poster');
    const gouvernance = await track(t, eventId, 'Gouvernance des territoires numériques');
    ids.questions = await proposal(t, {
      eventId,
      typeId: communication,
      trackId: gouvernance,
      titleFr: 'Les territoires numériques en question',
      abstractFr: 'Une enquête dans douze communes.',
      titleEn: 'Digital territories in question',
      abstractEn: 'A survey of twelve towns.',
      main: helene,
      co: [lukasz],
      submittedAt: '2011-11-15T10:00:00Z',
    });
    ids.villes = await proposal(t, { eventId, typeId: communication, titleFr: 'Villes intelligentes et citoyens', main: helene, submittedAt: '2011-11-20T16:30:00Z' });
    ids.rural = await proposal(t, { eventId, typeId: poster, titleFr: 'Le haut débit dans les communes rurales', main: lukasz, submittedAt: '2011-11-18T09:00:00Z' });
    ids.accepted = await proposal(t, { eventId, typeId: poster, state: 'accepted', titleFr: 'Cartographier l’Internet municipal', main: helene, submittedAt: '2011-11-10T09:00:00Z' });
    ids.draft = await proposal(t, { eventId, typeId: communication, state: 'draft', titleFr: 'Brouillon de Łukasz', main: lukasz });
    await reviews(t, ids.questions, [[marc, 4]]);
    await reviews(t, ids.villes, [[marc, 2]]);
    await t.booted.dataSource.query(`UPDATE reviews SET comment = 'Solide, bien situé.' WHERE submission_id = $1`, [ids.questions]);
    const busy = await t.http
      .post(`/api/me/events/${eventId}/unavailabilities`)
      .set(bearer(await helene.token()))
      .send({ startsAt: '2012-02-06T14:00', endsAt: '2012-02-06T16:30', note: 'Cours à Paris 8' });
    expect(busy.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists the proposals for organisers: menu, filters (speaker without accents), sort by score, Paris times, CSV export, English on the switch; no serious axe violation', async () => {
    const { page, context, errors } = await newPage(browser);
    try {
      await signIn(page, '/app/review');
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Évaluation des propositions' }).waitFor();
      await page.getByRole('link', { name: /Colloque international/ }).click();
      await page.waitForURL((url) => url.pathname === LIST);
      await page.getByRole('heading', { level: 1, name: /^Propositions : Colloque international/ }).waitFor();
      await page.getByText('5 proposition(s)').waitFor();
      // by submission date (the default): the draft, never submitted, last
      expect(await rowTitles(page)).toEqual([
        'Cartographier l’Internet municipal',
        'Les territoires numériques en question',
        'Le haut débit dans les communes rurales',
        'Villes intelligentes et citoyens',
        'Brouillon de Łukasz',
      ]);
      const first = page.locator('.review-table tbody tr').nth(1);
      // 10:00 UTC is 11 h 00 in Paris (05:00 in the browser's New York)
      expect(await first.locator('td').nth(6).textContent()).toBe('mardi 15 novembre 2011, 11 h 00');
      expect(await first.locator('td').nth(1).textContent()).toBe('Hélène Dupré (CNRS, LAVUE) + 1 co-intervenant(s)');
      expect(await first.locator('td').nth(4).textContent()).toBe('FR · EN');
      expect(await first.locator('td').nth(7).textContent()).toBe('4,00');
      expect(await seriousAxeViolations(page)).toEqual([]);

      // a speaker typed without accents, submitted ones only, best score first
      await page.getByLabel('Intervenant', { exact: true }).fill('helene dupre');
      await page.getByLabel('État').selectOption({ label: 'Soumise' });
      await page.getByLabel('Trier par').selectOption({ label: 'note moyenne' });
      await page.getByLabel('Ordre').selectOption({ label: 'décroissant' });
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.waitForURL((url) => url.searchParams.get('speaker') === 'helene dupre' && url.searchParams.get('state') === 'submitted');
      await page.getByText('2 proposition(s)').waitFor();
      expect(await rowTitles(page)).toEqual(['Les territoires numériques en question', 'Villes intelligentes et citoyens']);
      expect(await page.locator('th[aria-sort="descending"]').textContent()).toBe('Note moyenne');

      // the CSV of the same filters, downloaded with the session's token
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV' }).click()]);
      expect(download.suggestedFilename()).toBe('propositions-vtn2012.csv');
      const csv = await readFile(await download.path(), 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain('Les territoires numériques en question');
      expect(lines[2]).toContain('Villes intelligentes et citoyens');

      // the type filter, then cleared
      await page.getByLabel('Type').selectOption({ label: 'Poster' });
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.getByText('Aucune proposition ne correspond à ces filtres.').waitFor();
      await page.getByRole('button', { name: 'Effacer les filtres' }).click();
      await page.getByText('5 proposition(s)').waitFor();
      expect(await page.getByLabel('Intervenant', { exact: true }).inputValue()).toBe('');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: /^Proposals: / }).waitFor();
      expect(await page.locator('.review-table tbody tr').nth(1).locator('td').nth(6).textContent()).toBe('Tuesday 15 November 2011, 11:00');
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets a reviewer go through the list with the keyboard alone: filter, open, score and comment, accept, next (j), reject with a note, next; no serious axe violation', async () => {
    const { page, context, errors } = await newPage(browser);
    try {
      await signIn(page, LIST);
      await page.getByText('5 proposition(s)').waitFor();
      // filter: submitted ones, by mean score, best first
      await tabTo(page, /^SELECT#f-state\|/);
      await page.keyboard.press('s');
      await tabTo(page, /^SELECT#f-sort\|/);
      await page.keyboard.press('n');
      await tabTo(page, /^SELECT#f-order\|/);
      await page.keyboard.press('d');
      await tabTo(page, /^BUTTON#\|Filtrer$/);
      await page.keyboard.press('Enter');
      await page.getByText('3 proposition(s)').waitFor();
      expect(await rowTitles(page)).toEqual(['Les territoires numériques en question', 'Villes intelligentes et citoyens', 'Le haut débit dans les communes rurales']);

      // open the first
      await tabTo(page, /^A#\|Les territoires numériques en question$/);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Les territoires numériques en question' }).waitFor();
      await page.getByText('Proposition 1 sur 3').waitFor();
      expect(await focused(page)).toMatch(/^H1#\|Les territoires numériques en question$/);
      // both abstracts, marked with their language
      expect(await page.locator('main div[lang="fr"]').filter({ hasText: 'Une enquête dans douze communes.' }).count()).toBe(1);
      expect(await page.locator('main div[lang="en"]').filter({ hasText: 'A survey of twelve towns.' }).count()).toBe(1);
      // speakers with affiliations and availability, in Paris time
      const speakers = page.locator('.review-speakers');
      await speakers.getByText('Hélène Dupré').waitFor();
      expect(await speakers.textContent()).toContain('Hélène Dupré, CNRS, LAVUE — intervenant principal');
      expect(await speakers.textContent()).toContain('Indisponible :lundi 6 février 2012, 14 h 00 – 16 h 30 (Cours à Paris 8)');
      expect(await speakers.textContent()).toContain('Łukasz Wróbel, Uniwersytet Warszawski — co-intervenant, a accepté');
      expect(await speakers.textContent()).toContain('Aucune indisponibilité déclarée.');
      await page.getByText('Note moyenne : 4 sur 5 (1 évaluation(s))').waitFor();
      await page.getByRole('cell', { name: 'Solide, bien situé.' }).waitFor();
      // decisions: only those allowed from « submitted »
      const decision = page.getByRole('region', { name: 'Décision' });
      expect(await decision.getByRole('button').allTextContents()).toEqual(['Accepter', 'Refuser…', 'Annuler la proposition…']);
      expect(await page.locator('a[aria-keyshortcuts="j"]').textContent()).toBe('Suivante →');
      expect(await page.locator('a[aria-keyshortcuts="k"]').count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // score and comment
      await tabTo(page, /^SELECT#my-score\|/);
      await page.keyboard.press('5');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatch(/^TEXTAREA#my-comment/);
      await page.keyboard.type('Très pertinent pour la session « e-administration ».');
      await tabTo(page, /^BUTTON#\|Enregistrer mon évaluation$/);
      await page.keyboard.press('Enter');
      await page.getByText('Évaluation enregistrée.').waitFor();
      await page.getByText('Note moyenne : 4,5 sur 5 (2 évaluation(s))').waitFor();
      await page.getByRole('cell', { name: 'Très pertinent pour la session « e-administration ».' }).waitFor();

      // accept
      await tabTo(page, /^BUTTON#\|Accepter$/);
      await page.keyboard.press('Enter');
      await page.getByText('Proposition acceptée.').waitFor();
      expect(await focused(page)).toMatch(/^H2#decision-heading\|Décision$/);
      expect(await decision.getByRole('button').allTextContents()).toEqual(['Annuler la proposition…']);
      expect(await page.locator('.facts .state').textContent()).toBe('Acceptée');
      await page.getByRole('cell', { name: /^Acceptation \(Soumise → Acceptée\)$/ }).waitFor();
      await page.getByText('Les évaluations ne se font que sur une proposition soumise, en attente de décision.').waitFor();

      // next, by its key: the list's filters kept (the accepted one has left it)
      await page.keyboard.press('j');
      await page.getByRole('heading', { level: 1, name: 'Villes intelligentes et citoyens' }).waitFor();
      await page.getByText('Proposition 1 sur 2').waitFor();
      expect(new URL(page.url()).searchParams.get('state')).toBe('submitted');
      expect(new URL(page.url()).searchParams.get('sort')).toBe('score');

      // reject with a note, in a dialog
      await tabTo(page, /^BUTTON#\|Refuser…$/);
      await page.keyboard.press('Enter');
      expect(await focused(page)).toMatch(/^TEXTAREA#/);
      await page.keyboard.type('Le programme est complet sur ce thème.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatch(/\|Refuser la proposition$/);
      await page.keyboard.press('Enter');
      await page.getByText('Proposition refusée.').waitFor();
      await page.getByRole('cell', { name: 'Le programme est complet sur ce thème.' }).waitFor();
      expect(await decision.getByRole('button').allTextContents()).toEqual(['Remettre à l’étude', 'Annuler la proposition…']);

      await page.keyboard.press('j');
      await page.getByRole('heading', { level: 1, name: 'Le haut débit dans les communes rurales' }).waitFor();
      await page.getByText('Proposition 1 sur 1').waitFor();
      // back: the previous is the one before in the list as it is now (none)
      expect(await page.locator('a[aria-keyshortcuts="k"]').count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // the back link returns to the list with its filters
      await page.getByRole('link', { name: 'Retour à la liste' }).click();
      await page.getByText('1 proposition(s)').waitFor();
      expect(await page.getByLabel('État').inputValue()).toBe('submitted');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    // what the server keeps
    const [review] = await t.booted.dataSource.query(`SELECT score, comment FROM reviews WHERE submission_id = $1 AND reviewer_id = $2`, [ids.questions, claire.id]);
    expect(review).toEqual({ score: 5, comment: 'Très pertinent pour la session « e-administration ».' });
    const states = await t.booted.dataSource.query(`SELECT id, state FROM submissions WHERE id = ANY($1::uuid[]) ORDER BY title_fr`, [[ids.questions, ids.villes, ids.rural]]);
    expect(Object.fromEntries(states.map((r: { id: string; state: string }) => [r.id, r.state]))).toEqual({ [ids.questions]: 'accepted', [ids.villes]: 'rejected', [ids.rural]: 'submitted' });
  });
});
