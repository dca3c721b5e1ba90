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
      // the conflicts are read again after the sessions: the blocking « provisoire » goes from the panel
      await conflicts.locator('li', { hasText: 'est placé à titre provisoire' }).waitFor({ state: 'detached' });
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
  it('shades a chair’s other session and the journey between CNRS and Espace Cardin while a block is dragged, shows the warnings, and the fix', async () => {
    const o = bearer(c.organiser);
    expect((await t.http.put('/api/venues/travel-times').set(o).send({ fromVenueId: c.cnrsId, toVenueId: c.cardinId, walkingMinutes: 50, transitMinutes: 35 })).status).toBe(200);
    const create = async (roomId: string, titleFr: string, startsAt: string, endsAt: string) => {
      const res = await t.http.post(`/api/events/${c.vtnId}/sessions`).set(o).send({ roomId, kind: 'round-table', titleFr, startsAt, endsAt, chairs: [{ userId: helene.id }] });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    await create(c.amphi, 'Atelier des chercheurs', '2012-02-06T14:00', '2012-02-06T15:00');
    const debate = await create(c.cardin, 'Débat au Cardin', '2012-02-06T16:00', '2012-02-06T17:00');
    const cardinRooms = new Set(((await t.http.get(`/api/venues/${c.cardinId}`).set(o)).body.rooms as Array<{ id: string }>).map((r) => r.id));
    const debateConflicts = async () =>
      ((await t.http.get(`/api/events/${c.vtnId}/programme/conflicts`).set(o)).body.items as Array<{ code: string; sessionIds: string[] }>)
        .filter((x) => x.sessionIds.includes(debate))
        .map((x) => x.code);
    expect(await debateConflicts()).toEqual([]);

    const { page, context, errors }: WatchedPage = await newPage(browser);
    await page.setViewportSize({ width: 1600, height: 2000 });
    const ROW_H = 8;
    const block = page.locator('.pg-block', { hasText: 'Débat au Cardin' });
    const box = async (l: Locator) => {
      const b = await l.boundingBox();
      if (!b) throw new Error('not visible');
      return b;
    };
    try {
      await signIn(page);
      await block.waitFor();
      // 1. the mouse takes « Débat au Cardin » (chaired by Hélène Dupré): her other sessions are shaded in every column,
      // and the journey from or to them (35 min between CNRS and Espace Cardin) in the other venue's columns only
      const grip = await box(block.locator('.pg-handle'));
      await page.mouse.move(grip.x + 30, grip.y + 5);
      await page.mouse.down();
      await page.mouse.move(grip.x + 30, grip.y + 5 + 2 * ROW_H, { steps: 2 });
      await page.getByText(/^Zones ombrées : .*Hélène Dupré déjà pris\(e\) dans une autre séance.*Hélène Dupré n’aurait pas le temps de changer de lieu/).waitFor();
      expect(await page.locator('.pg-shade-busy').count()).toBeGreaterThan(0);
      const travelShades = page.locator('.pg-shade-travel');
      expect(await travelShades.count()).toBeGreaterThan(0);
      const cardinColumns = await Promise.all([...cardinRooms].map((id) => box(page.locator(`.pg-column[data-room-id="${id}"]`))));
      for (const shade of await travelShades.all()) {
        const b = await box(shade);
        expect(cardinColumns.some((col) => Math.abs(col.x - b.x) < 1)).toBe(true);
      }
      // 2. dropped in Salle 2 (CNRS) at 14:30, over the shade: the answer's warning names the chair's double booking
      const salle2 = await box(page.locator(`.pg-column[data-room-id="${c.salle2}"]`));
      await page.mouse.move(salle2.x + 40, grip.y + 5 - 18 * ROW_H, { steps: 4 });
      await page.mouse.up();
      await page.getByText(/Séance « Débat au Cardin » : Salle 2 .*, 14 h 30 – 15 h 30\./).waitFor();
      const warnings = page.getByRole('region', { name: 'Avertissements de ce changement' });
      await warnings.locator('li', { hasText: 'Hélène Dupré préside deux sessions en même temps' }).getByText('Bloquant').waitFor();
      expect(await page.locator('.pg-shade').count()).toBe(0);
      expect(await debateConflicts()).toEqual(['CHAIR_DOUBLE_BOOKED']);

      // 3. dragged back to Espace Cardin at 15:10: ten minutes after her CNRS session, the journey takes 35: the travel warning
      const handle = await box(block.locator('.pg-handle'));
      const cardin = await box(page.locator(`.pg-column[data-room-id="${c.cardin}"]`));
      await page.mouse.move(handle.x + 30, handle.y + 5);
      await page.mouse.down();
      await page.mouse.move(cardin.x + 40, handle.y + 5 + 4 * ROW_H, { steps: 4 });
      await page.mouse.move(cardin.x + 40, handle.y + 5 + 8 * ROW_H, { steps: 4 });
      await page.getByText(/Hélène Dupré n’aurait pas le temps de changer de lieu/).first().waitFor();
      await page.mouse.up();
      await page.getByText(/Séance « Débat au Cardin » : Grande salle .*, 15 h 10 – 16 h 10\./).waitFor();
      await warnings.getByText(/Hélène Dupré doit aller de CNRS à Espace Cardin en 10 min alors que le trajet en demande 35/).waitFor();
      expect(await debateConflicts()).toEqual(['TRAVEL_TOO_SHORT']);

      // 4. fixed with the keyboard: 30 minutes later (15:40), each step on the orange zone announced, none after it
      await block.locator('.pg-handle').focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowDown');
      await page.getByRole('status').filter({ hasText: /15 h 15 – 16 h 15\. .*Attention : Hélène Dupré n’aurait pas le temps de changer de lieu\./ }).waitFor();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
      const status = page.getByRole('status').filter({ hasText: /Déplacement de « Débat au Cardin » : Grande salle .*, 15 h 40 – 16 h 40\./ });
      await status.waitFor();
      expect(await status.textContent()).not.toContain('Attention');
      await page.keyboard.press('Enter');
      await page.getByText(/Séance « Débat au Cardin » : Grande salle .*, 15 h 40 – 16 h 40\./).waitFor();
      await page.getByText('Aucun nouveau conflit.').waitFor();
      expect(await debateConflicts()).toEqual([]);
      await page.getByRole('region', { name: 'Conflits' }).getByText(/Hélène Dupré (préside deux sessions|doit aller de)/).waitFor({ state: 'detached' });
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
