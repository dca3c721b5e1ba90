import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { OutboxWorker } from '../../src/mail/outbox.worker.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { aDate } from '../support/realm.js';

/**
 * « Forgotten password » through HTTP and the .eml outbox: the request answers the same 202 for
 * any email, the mail carries a one-hour single-use link, the confirmation sets the password and
 * ends every session of the account.
 */
const PUBLIC_URL = 'https://colloque.example.org';
const LINK = /^https:\/\/colloque\.example\.org\/app\/reset-password\?token=([A-Za-z0-9_-]{43})$/m;
const ACCEPTED = {
  message: 'If an account uses this address, a link to choose a new password has been sent to it; it is valid for one hour.',
};

describe('Password reset (POST /api/auth/password-reset and /confirm)', () => {
  let t: TestApp;
  let root: string;
  let worker: OutboxWorker;
  let base: string;
  const seen = new Set<string>();
  let counter = 0;

  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.booted.dataSource.query(sql, params) as Promise<T[]>;

  /** Delivers the outbox and returns the .eml files written since the last call, parsed. */
  async function newMails(): Promise<ParsedMail[]> {
    await worker.deliverDue();
    const files = readdirSync(root).filter((f) => f.endsWith('.eml') && !seen.has(f)).sort();
    files.forEach((f) => seen.add(f));
    return Promise.all(files.map((f) => simpleParser(readFileSync(join(root, f)))));
  }

  function tokenOf(mail: ParsedMail): string {
    const match = LINK.exec(mail.text ?? '');
    if (!match) throw new Error(`no reset link in:\n${mail.text}`);
    return match[1];
  }

  /** A fresh reception account (name « Hélène Dupré ») with a signed-in session. */
  async function account(password = 'old-password-123') {
    const email = `helene-${++counter}@test.local`;
    const created = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${await t.adminToken()}`)
      .send({ email, password, roles: ['reception'], displayName: 'Hélène Dupré' });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, email, password, bearer: await t.login(email, password) };
  }

  const ask = (body: object) => t.http.post('/api/auth/password-reset').send(body);
  const confirm = (body: object) => t.http.post('/api/auth/password-reset/confirm').send(body);
  const login = (email: string, password: string) => t.http.post('/api/auth/login').send({ email, password });
  const me = (bearer: string) => t.http.get('/api/auth/me').set('Authorization', `Bearer ${bearer}`);

  /** Asks for a link for `email` and returns the token read from the mail. */
  async function linkFor(email: string, language?: 'fr' | 'en'): Promise<string> {
    const res = await ask(language ? { email, language } : { email });
    expect(res.status).toBe(202);
    const mails = await newMails();
    expect(mails).toHaveLength(1);
    return tokenOf(mails[0]);
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'password-reset-'));
    t = await startTestApp({ OUTBOX_DIR: root, OUTBOX_POLL_MS: '0', SEED_REFERENCE_DATA: 'false', PUBLIC_URL: `${PUBLIC_URL}/` });
    worker = t.booted.app.get(OutboxWorker);
    await t.booted.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.booted.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });
  // each test starts under every limit
  beforeEach(async () => {
    await query('DELETE FROM password_reset_requests');
  });

  it('mails a French link to the account, which sets the new password once and ends every other session', async () => {
    const user = await account();
    const other = await t.login(user.email, user.password);
    const res = await ask({ email: `  ${user.email.toUpperCase()} ` });
    expect(res.status).toBe(202);
    expect(res.body).toEqual(ACCEPTED);

    const mails = await newMails();
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect((mail.to as AddressObject).value).toEqual([{ address: user.email, name: 'Hélène Dupré' }]);
    expect(mail.subject).toBe('Votre nouveau mot de passe pour « Villes et territoires numériques »');
    expect(mail.text).toContain('Bonjour Hélène Dupré,');
    expect(mail.text).toContain('Ce lien est valable une heure et ne sert qu’une fois.');
    const token = tokenOf(mail);
    // 32 random bytes; only its SHA-256 is stored, valid one hour
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await query<{ token_hash: string; user_id: string; ttl: number; used_at: Date | null }>(
      `SELECT token_hash, user_id, extract(epoch FROM expires_at - created_at)::int AS ttl, used_at FROM password_reset_tokens WHERE user_id = $1`,
      [user.id],
    );
    expect(rows).toEqual([{ token_hash: sha256(token), user_id: user.id, ttl: 3600, used_at: null }]);
    expect(JSON.stringify(await query('SELECT * FROM password_reset_tokens'))).not.toContain(token);

    const done = await confirm({ token, password: 'new-password-456' });
    expect(done.status).toBe(204);
    expect(done.text).toBe('');

    // both sessions opened before are over; the old password no longer opens one, the new one does
    for (const bearer of [user.bearer, other]) {
      const gone = await me(bearer);
      expect(gone.status).toBe(401);
      expectErrorBody(gone.body, 401, 'UNAUTHENTICATED');
    }
    expect((await login(user.email, user.password)).status).toBe(401);
    const fresh = await login(user.email, 'new-password-456');
    expect(fresh.status).toBe(200);
    expect((await me(fresh.body.accessToken)).status).toBe(200);

    // single use: the same link again is refused, and the new password stays
    const again = await confirm({ token, password: 'third-password-789' });
    expect(again.status).toBe(400);
    expectErrorBody(again.body, 400, 'RESET_TOKEN_INVALID');
    expect((await login(user.email, 'new-password-456')).status).toBe(200);
    const [used] = await query<{ used_at: Date | null }>('SELECT used_at FROM password_reset_tokens WHERE user_id = $1', [user.id]);
    expect(used.used_at).toEqual(aDate());
  });

  it('writes the mail in English when asked, with the same link form', async () => {
    const user = await account();
    expect((await ask({ email: user.email, language: 'en' })).body).toEqual(ACCEPTED);
    const [mail] = await newMails();
    expect(mail.subject).toBe('Your new password for “Villes et territoires numériques”');
    expect(mail.text).toContain('Dear Hélène Dupré,');
    expect(mail.text).toContain('This link is valid for one hour and works only once.');
    expect(mail.text).not.toContain('Bonjour');
    expect(mail.text).toMatch(LINK);
    const [row] = await query<{ locale: string; template: string }>('SELECT locale, template FROM outbox_messages WHERE to_address = $1', [user.email]);
    expect(row).toEqual({ locale: 'en', template: 'password-reset' });
  });

  it('answers an unknown or disabled account the same 202 and sends nothing', async () => {
    const disabled = await account();
    const off = await t.http.post(`/api/users/${disabled.id}/disable`).set('Authorization', `Bearer ${await t.adminToken()}`);
    expect(off.status).toBe(200);
    const [{ n: before }] = await query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_messages');
    for (const email of ['nobody@test.local', disabled.email]) {
      const res = await ask({ email, language: 'en' });
      expect(res.status).toBe(202);
      expect(res.body).toEqual(ACCEPTED);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
    expect(await newMails()).toEqual([]);
    const [{ n: after }] = await query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_messages');
    expect(after).toBe(before);
    expect(await query('SELECT * FROM password_reset_tokens WHERE user_id = $1', [disabled.id])).toEqual([]);
    // the requests are recorded alike (they count for the address's limit)
    const recorded = await query<{ email: string; mailed: boolean }>('SELECT email, mailed FROM password_reset_requests ORDER BY id');
    expect(recorded).toEqual([
      { email: 'nobody@test.local', mailed: false },
      { email: disabled.email, mailed: false },
    ]);
  });

  it('refuses an unknown, a used and an expired link with one error, and changes nothing', async () => {
    const user = await account();
    const expired = await linkFor(user.email);
    await query(`UPDATE password_reset_tokens SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE token_hash = $1`, [sha256(expired)]);
    const used = await linkFor(user.email);
    await query(`UPDATE password_reset_tokens SET used_at = now() WHERE token_hash = $1`, [sha256(used)]);
    const unknown = Buffer.alloc(32, 7).toString('base64url');
    const answers = [];
    for (const token of [unknown, used, expired, 'not-even-a-token']) {
      const res = await confirm({ token, password: 'new-password-456' });
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'RESET_TOKEN_INVALID');
      answers.push(res.body.message);
    }
    expect(new Set(answers).size).toBe(1);
    expect((await login(user.email, user.password)).status).toBe(200);
    expect((await me(user.bearer)).status).toBe(200);
  });

  it('refuses a password that breaks the account rules with the field error, and keeps the link and the sessions', async () => {
    const user = await account();
    const token = await linkFor(user.email);
    for (const password of ['short', 'p'.repeat(201), 12345678901]) {
      const res = await confirm({ token, password });
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
      const fields = (res.body.details.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(['password']);
    }
    expect((await login(user.email, user.password)).status).toBe(200);
    expect((await me(user.bearer)).status).toBe(200);
    const [row] = await query<{ used_at: Date | null }>('SELECT used_at FROM password_reset_tokens WHERE token_hash = $1', [sha256(token)]);
    expect(row.used_at).toBeNull();
    // the link still works with a good password
    expect((await confirm({ token, password: 'a-good-new-password' })).status).toBe(204);
  });

  it('lets several links coexist, and spends them all when one is used', async () => {
    const user = await account();
    const first = await linkFor(user.email);
    const second = await linkFor(user.email);
    expect(second).not.toBe(first);
    expect((await confirm({ token: first, password: 'from-the-first-link' })).status).toBe(204);
    const res = await confirm({ token: second, password: 'from-the-second-link' });
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 400, 'RESET_TOKEN_INVALID');
    expect((await login(user.email, 'from-the-first-link')).status).toBe(200);
  });

  it('forgets the failed logins of the account once its password is reset', async () => {
    const user = await account();
    for (let i = 0; i < 3; i++) expect((await login(user.email, 'a-wrong-guess')).status).toBe(401);
    const failures = () => query<{ n: number }>('SELECT count(*)::int AS n FROM login_failures WHERE email = $1', [user.email]);
    expect((await failures())[0].n).toBe(3);
    expect((await confirm({ token: await linkFor(user.email), password: 'new-password-456' })).status).toBe(204);
    expect((await failures())[0].n).toBe(0);
  });

  it('sends at most 3 mails per account an hour; further requests get the same 202 and send nothing', async () => {
    const user = await account();
    for (let i = 0; i < 5; i++) {
      const res = await ask({ email: user.email });
      expect(res.status).toBe(202);
      expect(res.body).toEqual(ACCEPTED);
    }
    const mails = await newMails();
    expect(mails).toHaveLength(3);
    expect(new Set(mails.map(tokenOf)).size).toBe(3);
    expect(await query('SELECT mailed FROM password_reset_requests ORDER BY id')).toEqual(
      [true, true, true, false, false].map((mailed) => ({ mailed })),
    );
    // an hour later the account may have mails again
    await query(`UPDATE password_reset_requests SET requested_at = now() - interval '61 minutes'`);
    expect((await ask({ email: user.email })).status).toBe(202);
    expect(await newMails()).toHaveLength(1);
  });

  it('refuses the 21st request of an address within the hour with 429 and Retry-After, known and unknown emails alike', async () => {
    const user = await account();
    for (let i = 0; i < 20; i++) expect((await ask({ email: `nobody-${i}@test.local` })).status).toBe(202);
    for (const email of [user.email, 'nobody-else@test.local']) {
      const res = await ask({ email });
      expect(res.status).toBe(429);
      expectErrorBody(res.body, 429, 'TOO_MANY_REQUESTS');
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(3500);
      expect(retryAfter).toBeLessThanOrEqual(3600);
    }
    expect(await newMails()).toEqual([]);
    expect(await query('SELECT * FROM password_reset_requests WHERE email = $1', [user.email])).toEqual([]);
    // another address is not affected (X-Forwarded-For is believed from loopback, the default TRUST_PROXY)
    const elsewhere = await t.http.post('/api/auth/password-reset').set('X-Forwarded-For', '198.51.100.7').send({ email: user.email });
    expect(elsewhere.status).toBe(202);
    expect(await newMails()).toHaveLength(1);
  });

  // Both engines run these; only the PostgreSQL server (TEST_DATABASE_URL) really runs them at once.
  it('uses a link once even when it is sent several times at once', async () => {
    const user = await account();
    const token = await linkFor(user.email);
    const answers = await Promise.all(
      ['first-at-once-pw', 'second-at-once-pw', 'third-at-once-pw'].map(async (password) => ({ password, res: await confirm({ token, password }) })),
    );
    const won = answers.filter((a) => a.res.status === 204);
    expect(won).toHaveLength(1);
    for (const lost of answers.filter((a) => a.res.status !== 204)) {
      expect(lost.res.status).toBe(400);
      expectErrorBody(lost.res.body, 400, 'RESET_TOKEN_INVALID');
      expect((await login(user.email, lost.password)).status).toBe(401);
    }
    expect((await login(user.email, won[0].password)).status).toBe(200);
  });

  it('sends no more than 3 mails to an account when many requests arrive at once', async () => {
    const user = await account();
    // from 30 addresses, so that only the account's own lock keeps them in turn
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${base}/api/auth/password-reset`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i + 1}` },
          body: JSON.stringify({ email: user.email }),
        }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(30).fill(202));
    expect(await newMails()).toHaveLength(3);
  });

  it('answers malformed bodies with 400 VALIDATION_FAILED and writes nothing', async () => {
    const bodies: object[] = [
      {},
      { email: 'not-an-email' },
      { email: 'x@y', language: 'de' },
      { email: 'x@y', language: null },
      { email: null },
      { email: ['x@y'] },
      { email: `${'x'.repeat(300)}@test.local` },
      { email: 'x@y', extra: true },
    ];
    for (const body of bodies) {
      const res = await ask(body);
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    }
    for (const body of [{}, { token: 'abc' }, { password: 'long-enough-pw' }, { token: null, password: 'long-enough-pw' }, { token: 'a', password: 'long-enough-pw', extra: 1 }]) {
      const res = await confirm(body);
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    }
    expect(await query('SELECT * FROM password_reset_requests')).toEqual([]);
  });

  it('is described in the OpenAPI document as public, with its answers', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    const request = doc.paths['/api/auth/password-reset'].post;
    const confirmOp = doc.paths['/api/auth/password-reset/confirm'].post;
    expect(request.security).toEqual([]);
    expect(confirmOp.security).toEqual([]);
    expect(Object.keys(request.responses).sort()).toEqual(['202', '400', '413', '429', '500']);
    expect(request.responses['202'].content['application/json'].schema.$ref).toBe('#/components/schemas/PasswordResetAccepted');
    expect(Object.keys(confirmOp.responses).sort()).toEqual(['204', '400', '413', '500']);
    expect(confirmOp.responses['400'].description).toContain('RESET_TOKEN_INVALID');
    const body = doc.components.schemas.RequestPasswordResetDto;
    expect(body.required).toEqual(['email']);
    expect(body.properties.language.enum).toEqual(['fr', 'en']);
    expect(doc.components.schemas.ConfirmPasswordResetDto.properties.password).toMatchObject({ minLength: 10, maxLength: 200 });
  });
});
