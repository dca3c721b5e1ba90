import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { MailService } from '../../src/mail/mail.service.js';
import { OutboxWorker } from '../../src/mail/outbox.worker.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { headerBlock } from './smtp-test-server.js';
import { aDate } from '../support/realm.js';

describe('Mail outbox without SMTP_URL: .eml files under OUTBOX_DIR', () => {
  let t: TestApp;
  let root: string;
  let outboxDir: string;
  let mail: MailService;
  let worker: OutboxWorker;

  const enqueue = (to: string, submissionTitle: string) =>
    t.booted.dataSource.transaction((manager) =>
      mail.enqueue(manager, {
        to,
        toName: 'Hélène Dupré',
        template: 'submission-accepted',
        data: { firstName: 'Hélène', eventName: 'Villes et territoires numériques', submissionTitle, link: mail.linkTo('/submissions/1'), note: 'Félicitations !' },
      }),
    );

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'outbox-eml-'));
    // a folder that does not exist yet: the worker creates it (and its parent) when it first writes
    outboxDir = join(root, 'data', 'outbox');
    t = await startTestApp({ OUTBOX_DIR: outboxDir, OUTBOX_POLL_MS: '0', SEED_REFERENCE_DATA: 'false', PUBLIC_URL: 'https://colloque.example.org/' });
    mail = t.booted.app.get(MailService);
    worker = t.booted.app.get(OutboxWorker);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('writes one parseable RFC 5322 file per message, named <created-at>-<id>.eml, with a UTF-8 subject', async () => {
    await enqueue('helene.dupre@example.org', 'Remise du Label Ville Internet 2012');
    const [{ id, created_at: createdAt }] = await t.booted.dataSource.query('SELECT id, created_at FROM outbox_messages');
    expect(await worker.deliverDue()).toBe(1);

    const files = readdirSync(outboxDir);
    const stamp = (createdAt as Date).toISOString().replace(/[-:]/g, '');
    expect(files).toEqual([`${stamp}-${id}.eml`]);
    const raw = readFileSync(join(outboxDir, files[0]));
    // CRLF line ends, ASCII headers with encoded words
    expect(raw.toString('latin1')).not.toMatch(/[^\r]\n/);
    expect(headerBlock(raw)).toMatch(/^[\x20-\x7e\r\n\t]+$/);

    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Proposition acceptée : « Remise du Label Ville Internet 2012 »');
    expect(parsed.text).toContain('Bonjour Hélène,');
    expect(parsed.text).toContain('Message du comité de programme :\nFélicitations !');
    expect(parsed.text).toContain('https://colloque.example.org/submissions/1');
    const to = parsed.to as AddressObject;
    expect(to.value).toEqual([{ address: 'helene.dupre@example.org', name: 'Hélène Dupré' }]);
    expect((parsed.from as AddressObject).value[0]).toEqual({ address: 'no-reply@localhost', name: 'Villes et territoires numériques' });
    expect(parsed.date).toBeInstanceOf(Date);
    expect(parsed.messageId).toBe(`<${id}@localhost>`);

    const [row] = await t.booted.dataSource.query('SELECT attempts, sent_at FROM outbox_messages');
    expect(row.attempts).toBe(1);
    expect(row.sent_at).toEqual(aDate());
  });

  it('keeps the message when the file cannot be written, and writes it on a later run', async () => {
    await t.booted.dataSource.query('DELETE FROM outbox_messages');
    rmSync(join(root, 'data'), { recursive: true, force: true });
    writeFileSync(join(root, 'data'), 'a file where the folder should be');
    await enqueue('jean@example.org', 'Les territoires numériques');
    expect(await worker.deliverDue()).toBe(0);
    let [row] = await t.booted.dataSource.query(
      `SELECT id, attempts, last_error, sent_at, next_attempt_at > now() AS later FROM outbox_messages`,
    );
    expect(row).toMatchObject({ attempts: 1, sent_at: null, later: true });
    expect(row.last_error).toMatch(/ENOTDIR|EEXIST/);

    rmSync(join(root, 'data'));
    await t.booted.dataSource.query(`UPDATE outbox_messages SET next_attempt_at = now() - interval '1 second'`);
    expect(await worker.deliverDue()).toBe(1);
    [row] = await t.booted.dataSource.query('SELECT id, attempts, sent_at FROM outbox_messages');
    expect(row).toMatchObject({ attempts: 2, sent_at: aDate() });
    const files = readdirSync(outboxDir);
    expect(files).toHaveLength(1);
    expect(files[0].endsWith(`-${row.id}.eml`)).toBe(true);
    expect((await simpleParser(readFileSync(join(outboxDir, files[0])))).subject).toBe('Proposition acceptée : « Les territoires numériques »');
  });
});
