import type { Browser, Locator, Page } from 'playwright-core';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';
import { acceptedProposal, bearer, setUpColloquium, signUp, type Colloquium, type Speaker } from '../programme/sessions-support.js';
import { launchChromium, listen, newPage, seriousAxeViolations, type WatchedPage } from './support/browser.js';

/**
 * The programme grid in Chromium (browser in New York, en-US), with the keyboard: a proposal still
 * under review offered by the side list's state filter, placed tentatively (« provisoire » in words
 * on the grid and in the session's panel, a blocking conflict), then accepted in bulk after a
 * confirmation (Escape first cancels): the accept transition's mails in the outbox, the talk placed
 * for good.
 */
describe('Programme grid: tentative placement, severities, shading (organisers)', () => {
  let t: TestApp;
  let c: Colloquium;
  let browser: Browser;
  let base: string;
  let helene: Speaker;
  let jose: Speaker;
  let review: string;
  let sessionId: string;

  const state = async (id: string) => (await t.http.get(`/api/submissions/${id}`).set(bearer(c.organiser))).body.state as string;
  const acceptedMails = async (): Promise<string[]> =>
    (await t.booted.dataSource.query(`SELECT to_address FROM outbox_messages WHERE template = 'submission-accepted' AND text_body LIKE '%Données ouvertes et communes%' ORDER BY to_address`)).map((r: { to_address: string }) => r.to_address);

  type Window = { document: { activeElement: unknown }; getComputedStyle(el: unknown): { backgroundColor: string } };
  const focused = (l: Locator) => l.evaluate((el) => el === (globalThis as unknown as Window).document.activeElement);
  const background = (l: Locator) => l.evaluate((el) => (globalThis as unknown as Window).getComputedStyle(el).backgroundColor);

  async function signIn(page: Page) {
    const next = '/app/events/vtn2012/programme';
    await page.goto(`${base}/app/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Adresse électronique').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname === next);
    await page.locator('.pg-column').first().waitFor();
  }

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_MS: '0' });
    base = await listen(t);
    browser = await launchChromium();
    c = await setUpColloquium(t);
    helene = await signUp(t, 'Hélène', 'Dupré');
    jose = await signUp(t, 'José', 'Núñez');
    review = await acceptedProposal(t, c, helene, 'Données ouvertes et communes', { accept: false, co: jose });
    await acceptedProposal(t, c, jose, 'Les territoires connectés');
    const made = await t.http
      .post(`/api/events/${c.vtnId}/sessions`)
      .set(bearer(c.organiser))
      .send({ roomId: c.amphi, kind: 'plenary', titleFr: 'Villes et données', startsAt: '2012-02-06T09:00', endsAt: '2012-02-06T11:00' });
    expect(made.status).toBe(201);
    sessionId = made.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('places a proposal under review tentatively with the keyboard, shows it apart, and accepts it in bulk after a confirmation', async () => {
    const { page, context, errors }: WatchedPage = await newPage(browser);
    await page.setViewportSize({ width: 1600, height: 1200 });
    try {
      await signIn(page);
      const list = page.getByRole('region', { name: /^Propositions à placer/ });
      // by default the list offers accepted and confirmed proposals only
      await list.getByText('Les territoires connectés', { exact: true }).waitFor();
      expect(await list.getByText('Données ouvertes et communes', { exact: true }).count()).toBe(0);
      // the state filter offers those under review, marked as such
      await list.getByLabel('État').focus();
      await list.getByLabel('État').selectOption({ label: 'À l’examen (placement provisoire)' });
      const item = list.locator(`[data-submission-id="${review}"]`);
      await item.getByText('à l’examen').waitFor();
      await list.getByText(/placées à titre provisoire pour voir si le programme tient/).waitFor();
      expect(await list.getByText('Les territoires connectés', { exact: true }).count()).toBe(0);

      // placed with the keyboard: the session chosen, then « Placer »
      const select = page.getByLabel('Séance pour « Données ouvertes et communes »');
      await select.selectOption((await select.locator('option', { hasText: 'Villes et données' }).getAttribute('value'))!);
      await item.getByRole('button', { name: 'Placer' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Exposé « Données ouvertes et communes » placé dans « Villes et données ».').waitFor();
      const warnings = page.getByRole('region', { name: 'Avertissements de ce changement' });
      const warning = warnings.locator('li', { hasText: /L'exposé « Données ouvertes et communes » .* est placé à titre provisoire/ });
      await warning.getByText('Bloquant').waitFor();

      // shown apart on the grid and in the session's panel: another style, and the word « provisoire »
      const block = page.locator('.pg-block', { hasText: 'Villes et données' });
      const line = block.locator('.pg-talk-tentative');
      await line.getByText('provisoire', { exact: false }).waitFor();
      expect((await line.textContent())!.replace(/\s+/g, ' ')).toBe('provisoire · Données ouvertes et communes — Hélène Dupré, José Núñez');
      const [tentativeBg, ordinaryBg] = [await background(line), await background(block)];
      expect(tentativeBg).not.toBe(ordinaryBg);
      await block.locator('.pg-handle').click();
      await page.locator('.pg-talks li', { hasText: '09:00 Données ouvertes et communes (provisoire)' }).waitFor();
      const conflicts = page.getByRole('region', { name: 'Conflits' });
      await conflicts.locator('li', { hasText: 'est placé à titre provisoire' }).getByText('Bloquant').waitFor();
      expect(await state(review)).toBe('submitted');

      // the bulk acceptance: a confirmation first; Escape cancels it and nothing happens
      const panel = page.getByRole('region', { name: 'Placements provisoires' });
      await panel.getByText('1 proposition(s) placée(s) à titre provisoire : la publication attend leur acceptation ou leur retrait.').waitFor();
      await panel.getByRole('button', { name: 'Accepter les propositions placées (1)' }).focus();
      await page.keyboard.press('Enter');
      await panel.getByText(/Accepter ces 1 proposition\(s\) \? .*reçoivent le courriel d’acceptation habituel\./).waitFor();
      expect(await focused(panel.getByRole('button', { name: 'Confirmer l’acceptation' }))).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await panel.getByText('Acceptation annulée.').waitFor();
      expect(await focused(panel.getByRole('button', { name: 'Accepter les propositions placées (1)' }))).toBe(true);
      expect(await state(review)).toBe('submitted');
      expect(await acceptedMails()).toEqual([]);

      await page.keyboard.press('Enter');
      await panel.getByRole('button', { name: 'Confirmer l’acceptation' }).waitFor();
      await page.keyboard.press('Enter');
      await panel.getByText('1 proposition(s) acceptée(s), 0 refus.').waitFor();
      await panel.getByText('Aucune proposition placée à titre provisoire.').waitFor();
      // placed for good now: no « provisoire » left on the grid, the proposal accepted, its speakers told by the usual mail
      await block.getByText('Données ouvertes et communes — Hélène Dupré, José Núñez').waitFor();
      expect(await block.locator('.pg-talk-tentative').count()).toBe(0);
      expect(await state(review)).toBe('accepted');
      expect(await acceptedMails()).toEqual([helene.email, jose.email].sort());
      const talks = (await t.http.get(`/api/sessions/${sessionId}`).set(bearer(c.organiser))).body.talks;
      expect(talks).toMatchObject([{ submissionId: review, tentative: false, proposalState: 'accepted' }]);
      expect(await conflicts.locator('li', { hasText: 'est placé à titre provisoire' }).count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
  it('edits the severities of conflicts from the conflicts panel with the keyboard: what blocks follows, and back to the defaults', async () => {
    // left by the test before: « Données ouvertes et communes » accepted, not confirmed (TALK_NOT_CONFIRMED), and
    // « Les territoires connectés » confirmed but not placed (PROPOSAL_NOT_PLACED), both warnings
    const { page, context, errors }: WatchedPage = await newPage(browser);
    await page.setViewportSize({ width: 1600, height: 1200 });
    const settings = async () =>
      Object.fromEntries(
        ((await t.http.get(`/api/events/${c.vtnId}/programme/conflict-settings`).set(bearer(c.organiser))).body.items as Array<{ code: string; severity: string; custom: boolean }>).map(
          (i) => [i.code, `${i.severity}${i.custom ? '*' : ''}`],
        ),
      );
    try {
      await signIn(page);
      const panel = page.getByRole('region', { name: 'Conflits' });
      const unconfirmed = panel.locator('li', { hasText: /L'exposé « Données ouvertes et communes » .*n'est pas confirmé/ });
      const unplaced = panel.locator('li', { hasText: 'La proposition acceptée « Les territoires connectés »' });
      await unconfirmed.getByText('Avertissement').waitFor();
      await unplaced.getByRole('button', { name: 'Prendre acte' }).waitFor();

      await panel.getByText('Sévérité des conflits').focus();
      await page.keyboard.press('Enter');
      const form = panel.getByRole('form', { name: 'Sévérité des conflits' });
      await form.getByLabel('Exposé non confirmé').waitFor();
      // every code but the tentative talks' (always an error), each with its default said
      expect(await form.locator('select').count()).toBe(10);
      expect(await form.getByLabel('Exposé placé à titre provisoire').count()).toBe(0);
      expect(await form.getByLabel('Trajet trop court entre deux lieux').inputValue()).toBe('error');
      expect(await seriousAxeViolations(page)).toEqual([]);

      // keys only: the unconfirmed talk becomes ignored (warning → ignore), the unplaced proposal an error (warning → error)
      await form.getByLabel('Exposé non confirmé').focus();
      await page.keyboard.press('ArrowDown');
      expect(await form.getByLabel('Exposé non confirmé').inputValue()).toBe('ignore');
      await form.getByLabel('Proposition acceptée non placée').focus();
      await page.keyboard.press('ArrowUp');
      expect(await form.getByLabel('Proposition acceptée non placée').inputValue()).toBe('error');
      await form.getByRole('button', { name: 'Enregistrer les sévérités' }).focus();
      await page.keyboard.press('Enter');
      await panel.getByRole('status').filter({ hasText: 'Sévérités enregistrées.' }).waitFor();
      expect(await settings()).toMatchObject({ TALK_NOT_CONFIRMED: 'ignore*', PROPOSAL_NOT_PLACED: 'error*', TRAVEL_TOO_SHORT: 'error' });
      // the panel follows: the ignored conflict leaves it, the other is now an error (blocking, nothing to acknowledge)
      await unconfirmed.waitFor({ state: 'detached' });
      await unplaced.getByText('Erreur').waitFor();
      await unplaced.getByText('Bloquant').waitFor();
      expect(await unplaced.getByRole('button', { name: 'Prendre acte' }).count()).toBe(0);

      // back to the defaults, with the keyboard too
      await form.getByRole('button', { name: 'Revenir aux valeurs par défaut' }).focus();
      await page.keyboard.press('Enter');
      await unconfirmed.getByText('Avertissement').waitFor();
      expect(Object.values(await settings()).some((v) => v.endsWith('*'))).toBe(false);
      expect(await form.getByLabel('Exposé non confirmé').inputValue()).toBe('warning');
      await unplaced.getByRole('button', { name: 'Prendre acte' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
