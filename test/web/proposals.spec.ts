import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, signUp, type Person } from '../programme/publication-support.js';
import { launchChromium, listen, newPage, seriousAxeViolations, type WatchedPage } from './support/browser.js';

/**
 * The researchers' pages in Chromium, the browser in New York with an en-US locale: the call for
 * papers of the 2012 colloquium, a proposal filed through the form with a co-speaker, who accepts in
 * their own browser; accepted by an organiser (API), confirmed in the page, placed and published
 * (API), after which the researcher reads the talk's Paris time and room. Then the same path with
 * the keyboard alone, down to a withdrawal confirmed in a dialog.
 */
describe('Researchers’ pages: call for papers and proposals', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let organiser: string;
  let vtnId: string;
  let typeId: string;
  let roomName: string;
  let roomId: string;
  let helene: Person;
  let lukasz: Person;
  let proposalId: string;

  const PASSWORD = 'un-mot-de-passe-2012';

  async function signIn(page: Page, who: Person, next: string) {
    await page.goto(`${base}/app/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Adresse électronique').fill(who.email);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname === next);
  }

  /**
   * The page's console showed no error but the browser's own line for each expected refusal, which
   * `failures` lists as `STATUS METHOD path` (Chromium logs every 4xx answer, without its address).
   */
  function onlyExpectedFailures(errors: string[], failures: string[], expected: string[]) {
    expect(failures).toEqual(expected);
    expect(errors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of'))).toEqual([]);
    expect(errors.length).toBe(expected.length);
  }

  function watchFailures(page: Page): string[] {
    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    return failures;
  }

  async function noSeriousViolation(page: Page) {
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    browser = await launchChromium();
    organiser = await t.adminToken();
    const vtn = (await t.http.get('/api/events?slug=vtn2012')).body.items[0];
    vtnId = vtn.id;
    const cnrs = vtn.venues.find((v: { name: string }) => v.name === 'CNRS').id as string;
    // open since December 2011 (Paris), closing in 3 days and an hour; abstracts of 120 characters at most
    const closes = new Date(Date.now() + 3 * 86_400_000 + 3_600_000).toISOString();
    const cfp = await t.http.put(`/api/events/${vtnId}/cfp`).set(bearer(organiser)).send({ opensAt: '2011-12-01T00:00', closesAt: closes, languages: ['fr', 'en'], maxAbstractLength: 120 });
    expect(cfp.status).toBe(200);
    typeId = (await t.http.post(`/api/events/${vtnId}/submission-types`).set(bearer(organiser)).send({ code: 'communication', nameFr: 'Communication', nameEn: 'Paper', defaultMinutes: 20 })).body.id;
    await t.http.post(`/api/events/${vtnId}/submission-types`).set(bearer(organiser)).send({ code: 'poster', nameFr: 'Poster', nameEn: 'Poster', defaultMinutes: 5 });
    await t.http.post(`/api/events/${vtnId}/tracks`).set(bearer(organiser)).send({ nameFr: 'Gouvernance des territoires numériques', nameEn: 'Governance of digital territories' });
    roomName = 'Amphithéâtre Marie Curie';
    const room = await t.http.post(`/api/venues/${cnrs}/rooms`).set(bearer(organiser)).send({ name: roomName, capacity: 300 });
    expect(room.status).toBe(201);
    roomId = room.body.id;
    helene = await signUp(t, 'Hélène', 'Dupré');
    lukasz = await signUp(t, 'Łukasz', 'Wróbel', 'Uniwersytet Warszawski');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the call in Paris time to everyone, then files a proposal with a co-speaker through the form: length counted live, the server’s field errors next to their fields, a draft, then submitted', async () => {
    const { page, context, errors }: WatchedPage = await newPage(browser);
    const failures = watchFailures(page);
    try {
      await page.goto(`${base}/app/events/vtn2012/cfp`);
      await page.getByRole('heading', { level: 1, name: /Appel à communications : Colloque international/ }).waitFor();
      await page.getByText('Ouvert du jeudi 1 décembre 2011, 00 h 00 au').waitFor();
      expect(await page.getByText('(heure de Paris)').count()).toBe(1);
      await page.getByText('Appel ouvert : il ferme dans 3 jours.').waitFor();
      await page.getByText('Résumés de 120 caractères au plus.').waitFor();
      await page.getByText('Poster (5 min)').waitFor();
      await page.getByText('Gouvernance des territoires numériques').waitFor();
      // signed out: no form, a way to sign in that comes back here
      expect(await page.getByLabel('Titre en français').count()).toBe(0);
      await noSeriousViolation(page);
      await page.getByRole('link', { name: 'Connectez-vous' }).click();
      await page.getByLabel('Adresse électronique').fill(helene.email);
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((url) => url.pathname === '/app/events/vtn2012/cfp');

      const abstract = page.getByLabel('Résumé en français');
      const counter = page.locator('#proposal-abstractFr-count');
      expect(await counter.getAttribute('aria-live')).toBe('polite');
      await page.getByLabel('Titre en français').fill('Les territoires numériques en question');
      // « é » counts as one character, as the server counts it
      await abstract.pressSequentially('Résumé');
      await expect(counter.textContent()).resolves.toBe('6 / 120 caractères');
      await abstract.fill('x'.repeat(130));
      await expect(counter.textContent()).resolves.toBe('130 / 120 caractères — limite dépassée de 10');
      expect(await counter.getAttribute('class')).toContain('over');
      expect(await abstract.getAttribute('aria-invalid')).toBe('true');
      await abstract.fill('Les collectivités locales face à la société de l’information : une enquête dans douze communes.');
      expect(await abstract.getAttribute('aria-invalid')).toBeNull();
      await page.getByLabel('Mots-clés').fill('e-administration, territoires');
      await page.getByLabel('Type de communication').selectOption({ label: 'Communication (20 min)' });
      await page.getByLabel('Thématique').selectOption({ label: 'Gouvernance des territoires numériques' });
      await noSeriousViolation(page);

      // the server refuses the main speaker as co-speaker: its message next to the field, announced, focused
      await page.getByLabel('Co-intervenants').fill(helene.email);
      await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await page.getByRole('alert').filter({ hasText: 'La proposition n’a pas été enregistrée' }).waitFor();
      await expect(page.locator('#proposal-coSpeakers-error').textContent()).resolves.toBe('The main speaker cannot also be a co-speaker');
      expect(await page.getByLabel('Co-intervenants').getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('proposal-coSpeakers');
      expect(Number((await t.booted.dataSource.query('SELECT count(*)::int AS n FROM submissions'))[0].n)).toBe(0);

      await page.getByLabel('Co-intervenants').fill(lukasz.email.toUpperCase());
      await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await page.waitForURL(/\/app\/proposals\/[0-9a-f-]{36}$/);
      proposalId = new URL(page.url()).pathname.split('/').pop() as string;
      await page.getByRole('heading', { level: 1, name: 'Les territoires numériques en question' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Brouillon enregistré' }).waitFor();
      await page.getByText('Łukasz Wróbel (Uniwersytet Warszawski) — co-intervenant, invitation en attente').waitFor();
      expect(await page.locator('.facts .state').textContent()).toBe('Brouillon');
      // a draft: submit, edit, no confirm; no withdraw
      expect(await page.getByRole('button', { name: 'Confirmer ma participation' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Retirer la proposition' }).count()).toBe(0);
      await noSeriousViolation(page);

      await page.getByRole('button', { name: 'Soumettre la proposition' }).click();
      await page.getByRole('status').filter({ hasText: 'Proposition soumise.' }).waitFor();
      expect(await page.locator('.facts .state').textContent()).toBe('Soumise');
      await page.getByRole('cell', { name: 'Soumission (Brouillon → Soumise)' }).waitFor();
      await page.getByRole('button', { name: 'Retirer la proposition' }).waitFor();
      expect(await page.getByRole('button', { name: 'Soumettre la proposition' }).count()).toBe(0);

      const stored = await t.http.get(`/api/submissions/${proposalId}`).set(bearer(helene.token));
      expect(stored.body).toMatchObject({ state: 'submitted', keywords: ['e-administration', 'territoires'], type: { id: typeId }, track: { nameFr: 'Gouvernance des territoires numériques' } });
      expect(stored.body.signers.map((s: { email: string; status: string }) => [s.email, s.status])).toEqual([
        [helene.email, 'accepted'],
        [lukasz.email, 'invited'],
      ]);

      await page.getByRole('link', { name: 'Mes propositions' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Mes propositions' }).waitFor();
      await page.getByRole('row', { name: /Les territoires numériques en question .*Soumise/ }).waitFor();
      await noSeriousViolation(page);
      // the one refusal was the deliberate one
      onlyExpectedFailures(errors, failures, [`422 POST /api/events/${vtnId}/submissions`]);
    } finally {
      await context.close();
    }
  });

  it('the co-speaker accepts in their browser; accepted by the organisers, confirmed in the page, corrected after acceptance; once published, the talk’s Paris time and room, in French and in English', async () => {
    // the invitation mail names the proposal
    const [mail] = await t.booted.dataSource.query(`SELECT text_body FROM outbox_messages WHERE template = 'co-speaker-invited' AND to_address = $1`, [lukasz.email]);
    // and links to the invitation page of the web app, which the co-speaker opens below
    const invitationPath = `/app/proposals/${proposalId}/invitation`;
    expect(mail.text_body).toContain(`${t.config.publicUrl}${invitationPath}`);

    const co = await newPage(browser);
    try {
      await signIn(co.page, lukasz, invitationPath);
      await co.page.getByRole('heading', { level: 1, name: 'Invitation à cosigner une proposition' }).waitFor();
      await noSeriousViolation(co.page);
      await co.page.getByRole('button', { name: 'Accepter de cosigner' }).click();
      await co.page.getByRole('heading', { level: 1, name: 'Les territoires numériques en question' }).waitFor();
      await co.page.getByRole('status').filter({ hasText: 'Invitation acceptée' }).waitFor();
      // a co-speaker may withdraw but not change the co-speakers
      await co.page.getByRole('button', { name: 'Retirer la proposition' }).waitFor();
      expect(co.errors).toEqual([]);
    } finally {
      await co.context.close();
    }
    expect((await t.http.post(`/api/submissions/${proposalId}/transitions`).set(bearer(organiser)).send({ action: 'accept', note: 'Bienvenue au colloque.' })).status).toBe(200);

    const { page, context, errors } = await newPage(browser);
    const failures = watchFailures(page);
    try {
      await signIn(page, helene, `/app/proposals/${proposalId}`);
      await page.getByText('Łukasz Wróbel (Uniwersytet Warszawski) — co-intervenant, a accepté').waitFor();
      expect(await page.locator('.facts .state').textContent()).toBe('Acceptée');
      await page.getByRole('cell', { name: 'Bienvenue au colloque.' }).waitFor();
      await page.getByText('Le programme publié ne comprend pas encore cette communication.').waitFor();
      await noSeriousViolation(page);
      await page.getByRole('button', { name: 'Confirmer ma participation' }).click();
      await page.getByRole('status').filter({ hasText: 'Participation confirmée.' }).waitFor();
      expect(await page.locator('.facts .state').textContent()).toBe('Confirmée');
      expect(await page.getByRole('button', { name: 'Confirmer ma participation' }).count()).toBe(0);

      // after acceptance only the text can change, and organisers see it as a revision
      await page.getByRole('button', { name: 'Modifier la proposition' }).click();
      await page.getByText('seuls les titres, résumés et mots-clés peuvent encore être corrigés').waitFor();
      expect(await page.getByLabel('Type de communication').count()).toBe(0);
      expect(await page.getByLabel('Co-intervenants').count()).toBe(0);
      await page.getByLabel('Titre en anglais').fill('Digital territories in question');
      await page.getByLabel('Résumé en anglais').fill('Local authorities and the information society: a survey of twelve towns.');
      await noSeriousViolation(page);
      await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
      await page.getByRole('status').filter({ hasText: 'Modifications enregistrées.' }).waitFor();
      const revisions = await t.http.get(`/api/submissions/${proposalId}/revisions`).set(bearer(organiser));
      expect(revisions.body.total).toBe(1);
      expect(Object.keys(revisions.body.items[0].changes).sort()).toEqual(['abstractEn', 'titleEn']);

      // placed at 10:15 Paris (04:15 in New York) and published
      const session = await t.http
        .post(`/api/events/${vtnId}/sessions`)
        .set(bearer(organiser))
        .send({ kind: 'plenary', roomId, titleFr: 'Séance d’ouverture', titleEn: 'Opening session', startsAt: '2012-02-06T10:15', endsAt: '2012-02-06T11:15' });
      expect(session.status).toBe(201);
      expect((await t.http.post(`/api/sessions/${session.body.id}/talks`).set(bearer(organiser)).send({ submissionId: proposalId })).status).toBe(201);
      const release = await t.http.post(`/api/events/${vtnId}/programme/releases`).set(bearer(organiser)).send({});
      expect(release.status).toBe(201);

      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'Au programme' }).waitFor();
      await page.getByText('lundi 6 février 2012, 10 h 15 – 10 h 35').waitFor();
      await page.getByText(`${roomName}, CNRS, 3 rue Michel-Ange, 75016 Paris`).waitFor();
      await page.getByText('Séance d’ouverture').waitFor();
      // not shown in the browser's zone anywhere in the placement (the history's times are today's, which may be 04:15)
      expect(await page.getByRole('region', { name: 'Au programme' }).getByText(/04 h 15|04:15/).count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Au programme' }).getByText('10 h 15', { exact: false }).count()).toBe(1);
      await noSeriousViolation(page);

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'In the programme' }).waitFor();
      await page.getByText('Monday 6 February 2012, 10:15 – 10:35').waitFor();
      await page.getByText('Opening session').waitFor();
      await page.getByRole('cell', { name: 'Participation confirmed (Accepted → Confirmed)' }).waitFor();
      await noSeriousViolation(page);
      // before publication, the public programme answered 404 (nothing published): once per load of the page
      onlyExpectedFailures(errors, failures, Array(3).fill(`404 GET /api/events/${vtnId}/programme`));
    } finally {
      await context.close();
    }
  });

  it('with the keyboard alone: sign in, fill and save the form, submit, then withdraw through the confirmation dialog (Escape first cancels)', async () => {
    const zoe = await signUp(t, 'Zoé', 'Ξενάκη');
    const { page, context, errors } = await newPage(browser);
    /** Tab until the focused element has this accessible label or text (at most 60 presses). */
    const tabTo = async (name: string) => {
      for (let i = 0; i < 60; i += 1) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const d = (globalThis as unknown as { document: { activeElement: { textContent: string | null; labels?: Array<{ textContent: string | null }> | null } | null } }).document;
          const el = d.activeElement;
          return { text: el?.textContent?.trim() ?? '', label: el?.labels?.[0]?.textContent?.trim() ?? '' };
        });
        if (focused.label === name || focused.text === name) return;
      }
      throw new Error(`no focusable element named ${name}`);
    };
    try {
      await page.goto(`${base}/app/login?next=${encodeURIComponent('/app/events/vtn2012/cfp')}`);
      await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      await tabTo('Adresse électronique');
      await page.keyboard.type(zoe.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByLabel('Titre en français').waitFor();

      await tabTo('Titre en français');
      await page.keyboard.type('Villes grecques et numérique');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Un résumé court.');
      await tabTo('Type de communication');
      await page.keyboard.type('Comm');
      expect(await page.getByLabel('Type de communication').inputValue()).toBe(typeId);
      await tabTo('Titre en français');
      await page.keyboard.press('Enter'); // the form's first button: save the draft
      await page.getByRole('status').filter({ hasText: 'Brouillon enregistré' }).waitFor();

      await tabTo('Soumettre la proposition');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Proposition soumise.' }).waitFor();
      await tabTo('Retirer la proposition');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Retirer cette proposition ?' });
      await dialog.waitFor();
      await noSeriousViolation(page);
      expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).toBe('Non, revenir');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await page.locator('.facts .state').textContent()).toBe('Soumise');
      await tabTo('Retirer la proposition');
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Proposition retirée.' }).waitFor();
      expect(await page.locator('.facts .state').textContent()).toBe('Retirée');
      await page.getByText('Aucune action possible dans cet état.').waitFor();
      expect(await page.getByRole('button', { name: /Modifier|Retirer|Soumettre|Confirmer/ }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
