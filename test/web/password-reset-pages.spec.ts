import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser } from 'playwright-core';
import { OutboxWorker } from '../../src/mail/outbox.worker.js';
import { freePort } from '../support/server-process.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { launchChromium, newPage, seriousAxeViolations } from './support/browser.js';

/**
 * The forgotten-password flow end to end in Chromium: the page asks for a link, the link arrives in
 * an .eml file of the outbox, opening it sets a new password, the old one and the old session die,
 * the link cannot be used twice.
 */
describe('Forgotten password in the web app', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let outbox: string;
  const user = { email: 'wladyslaw.zolkiewski@test.local', password: 'old-password-123' };

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'reset-pages-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({ OUTBOX_DIR: outbox, OUTBOX_POLL_MS: '0', SEED_REFERENCE_DATA: 'false', PUBLIC_URL: base });
    await new Promise<void>((resolve) => (t.booted.app.getHttpServer() as Server).listen(port, '127.0.0.1', resolve));
    const created = await t.http.post('/api/users').set('Authorization', `Bearer ${await t.adminToken()}`).send({ ...user, roles: ['reception'], displayName: 'Władysław Żółkiewski' });
    expect(created.status).toBe(201);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  async function mailedLink(): Promise<{ text: string; link: string }> {
    await t.booted.app.get(OutboxWorker).deliverDue();
    const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const mail = await simpleParser(readFileSync(join(outbox, files[0])));
    const link = /(http:\/\/\S+\/app\/reset-password\?token=[A-Za-z0-9_-]{43})/.exec(mail.text ?? '')?.[1];
    if (!link) throw new Error(`no link in ${mail.text}`);
    return { text: mail.text ?? '', link };
  }

  it('asks for a link in English, follows it from the mail, sets a new password and signs in with it; the old session and the link are spent', async () => {
    const oldSession = await t.login(user.email, user.password);
    const { page, context, errors } = await newPage(browser);
    try {
      await page.goto(`${base}/app/login`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('link', { name: 'Forgotten password?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Forgotten password' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel('Email address').fill(user.email);
      await page.getByLabel('Email address').press('Enter');
      await page.getByRole('status').getByText(/If an account uses this address, a link valid for one hour/).waitFor();

      const { text, link } = await mailedLink();
      expect(text).toContain('Władysław Żółkiewski');
      expect(link.startsWith(`${base}/app/reset-password?token=`)).toBe(true);

      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      // checked before sending: too short, then two different entries
      await page.getByLabel('New password').fill('short');
      await page.getByLabel('Confirm the password').fill('short');
      await page.getByRole('button', { name: 'Save the password' }).click();
      await page.getByText('At least 10 characters.', { exact: true }).nth(1).waitFor();
      await page.getByLabel('New password').fill('new-password-2012');
      await page.getByLabel('Confirm the password').fill('new-password-2013');
      await page.getByRole('button', { name: 'Save the password' }).click();
      await page.getByText('The two passwords differ.').waitFor();
      expect((await t.http.post('/api/auth/login').send(user)).status).toBe(200);

      await page.getByLabel('Confirm the password').fill('new-password-2012');
      await page.getByLabel('Confirm the password').press('Enter');
      await page.getByRole('status').getByText('Your password is changed and your other sessions are closed.', { exact: false }).waitFor();
      expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${oldSession}`)).status).toBe(401);
      expect((await t.http.post('/api/auth/login').send(user)).status).toBe(401);

      await page.getByRole('link', { name: 'Sign in' }).last().click();
      await page.getByLabel('Email address').fill(user.email);
      await page.getByLabel('Password').fill('new-password-2012');
      await page.getByLabel('Password').press('Enter');
      await page.getByText(`Signed in: ${user.email}`).waitFor();

      // the same link a second time: refused, with a way to ask again
      await page.goto(link);
      await page.getByLabel('New password').fill('another-password-1');
      await page.getByLabel('Confirm the password').fill('another-password-1');
      await page.getByRole('button', { name: 'Save the password' }).click();
      await page.getByRole('alert').getByText(/This link is no longer valid/).waitFor();
      await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
      expect((await t.http.post('/api/auth/login').send({ email: user.email, password: 'new-password-2012' })).status).toBe(200);
      expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
