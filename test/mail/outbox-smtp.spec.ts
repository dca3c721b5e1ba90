import pg from 'pg';
import type { AddressObject } from 'mailparser';
import { MailService, type OutgoingMail } from '../../src/mail/mail.service.js';
import { OutboxWorker } from '../../src/mail/outbox.worker.js';
import { serverDatabaseUrl, startTestApp, type TestApp } from '../support/test-app.js';
import { headerBlock, startSmtpServer, type TestSmtpServer } from './smtp-test-server.js';
import { aDate } from '../support/realm.js';

const DATA = {
  firstName: 'Hélène',
  eventName: 'Villes et territoires numériques',
  submissionTitle: 'Remise du Label Ville Internet 2012',
  link: 'http://localhost:3000/submissions/1',
};

const HELENE: OutgoingMail = { to: 'helene.dupre@example.org', toName: 'Hélène Dupré', template: 'submission-received', data: DATA };

interface Row {
  id: string;
  to_address: string;
  template: string;
  locale: string;
  subject: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  /** Seconds from now to next_attempt_at (negative when due). */
  due_in: number;
}

function addresses(field: AddressObject | AddressObject[] | undefined) {
  return (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map(({ address, name }) => ({ address, name })));
}

/** Helpers bound to one booted app. */
function outbox(t: TestApp) {
  const mail = t.booted.app.get(MailService);
  const worker = t.booted.app.get(OutboxWorker);
  const db = t.booted.dataSource;
  return {
    mail,
    worker,
    enqueue: (...mails: OutgoingMail[]) =>
      db.transaction(async (manager) => {
        for (const m of mails) await mail.enqueue(manager, m);
      }),
    rows: async (): Promise<Row[]> =>
      db.query(
        `SELECT id, to_address, template, locale, subject, attempts, last_error, sent_at,
                extract(epoch FROM next_attempt_at - now())::float8 AS due_in
           FROM outbox_messages ORDER BY created_at, id`,
      ),
    makeDue: () => db.query(`UPDATE outbox_messages SET next_attempt_at = now() - interval '1 second' WHERE sent_at IS NULL`),
  };
}

describe('Mail outbox delivered by SMTP', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
  });

  describe('deliverDue (worker timer off)', () => {
    let t: TestApp;
    let o: ReturnType<typeof outbox>;

    beforeAll(async () => {
      t = await startTestApp({ SMTP_URL: smtp.url, OUTBOX_POLL_MS: '0', SEED_REFERENCE_DATA: 'false' });
      o = outbox(t);
    });
    afterAll(async () => {
      await t?.close();
    });
    beforeEach(async () => {
      await t.booted.dataSource.query('DELETE FROM outbox_messages');
      smtp.received.length = 0;
      smtp.refuse(null);
    });

    it('delivers a French mail with its accents intact in subject, body and recipient name', async () => {
      await o.enqueue(HELENE);
      const [queued] = await o.rows();
      expect(queued).toMatchObject({ to_address: 'helene.dupre@example.org', template: 'submission-received', locale: 'fr', attempts: 0, sent_at: null });
      expect(smtp.received).toHaveLength(0);

      expect(await o.worker.deliverDue()).toBe(1);
      expect(smtp.received).toHaveLength(1);
      const { parsed, raw, recipients } = smtp.received[0];
      expect(parsed.subject).toBe('Proposition reçue : « Remise du Label Ville Internet 2012 »');
      expect(parsed.text).toContain('Bonjour Hélène,');
      expect(parsed.text).toContain('Nous avons bien reçu votre proposition « Remise du Label Ville Internet 2012 » pour « Villes et territoires numériques ».');
      expect(parsed.text).toContain('http://localhost:3000/submissions/1');
      expect(addresses(parsed.to)).toEqual([{ address: 'helene.dupre@example.org', name: 'Hélène Dupré' }]);
      expect(addresses(parsed.from)).toEqual([{ address: 'no-reply@localhost', name: 'Villes et territoires numériques' }]);
      expect(recipients).toEqual(['helene.dupre@example.org']);
      expect(parsed.messageId).toBe(`<${queued.id}@localhost>`);
      expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
      // headers travel as 7-bit ASCII (RFC 2047 encoded words), the body as UTF-8
      const headers = headerBlock(raw);
      expect(headers).toMatch(/^[\x20-\x7e\r\n\t]+$/);
      expect(headers).toMatch(/^Subject: =\?UTF-8\?/im);
      expect(headers).toMatch(/^Content-Type: text\/plain; charset=utf-8/im);

      const [sent] = await o.rows();
      expect(sent.sent_at).toEqual(aDate());
      expect(sent.attempts).toBe(1);
      expect(sent.last_error).toBeNull();
      // a sent message is kept and never sent again
      expect(await o.worker.deliverDue()).toBe(0);
      expect(smtp.received).toHaveLength(1);
    });

    it('delivers in English when asked', async () => {
      await o.enqueue({ ...HELENE, locale: 'en', template: 'submission-accepted', data: { ...DATA, note: 'Vingt minutes, questions comprises.' } });
      expect(await o.worker.deliverDue()).toBe(1);
      const { parsed } = smtp.received[0];
      expect(parsed.subject).toBe('Submission accepted: “Remise du Label Ville Internet 2012”');
      expect(parsed.text).toContain('Dear Hélène,');
      expect(parsed.text).toContain('A message from the programme committee:\nVingt minutes, questions comprises.\n');
      expect((await o.rows())[0].locale).toBe('en');
    });

    it('writes nothing when the transaction rolls back, or when a mail of it cannot be rendered', async () => {
      await expect(
        t.booted.dataSource.transaction(async (manager) => {
          await o.mail.enqueue(manager, HELENE);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await o.rows()).toEqual([]);

      const { firstName: _missing, ...incomplete } = DATA;
      await expect(o.enqueue(HELENE, { ...HELENE, to: 'jean@example.org', data: incomplete })).rejects.toThrow(
        'Mail template "submission-received" (fr) needs "firstName"',
      );
      await expect(o.enqueue({ ...HELENE, template: 'submission-lost' as OutgoingMail['template'] })).rejects.toThrow('Unknown mail template');
      await expect(o.enqueue({ ...HELENE, to: 'Hélène <helene@example.org>' })).rejects.toThrow('not an e-mail address');
      expect(await o.rows()).toEqual([]);
      expect(await o.worker.deliverDue()).toBe(0);
      expect(smtp.received).toHaveLength(0);
    });

    it('keeps a refused message with its error, retries it with back-off, and delivers it once the server accepts', async () => {
      smtp.refuse('Mailbox unavailable, try later');
      await o.enqueue(HELENE);
      expect(await o.worker.deliverDue()).toBe(0);
      let [row] = await o.rows();
      expect(row.sent_at).toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.last_error).toMatch(/550.*Mailbox unavailable, try later/);
      expect(row.due_in).toBeGreaterThan(25);
      expect(row.due_in).toBeLessThanOrEqual(30);

      // not due yet: nothing is tried
      expect(await o.worker.deliverDue()).toBe(0);
      expect((await o.rows())[0].attempts).toBe(1);

      // second failure: the delay doubles
      await o.makeDue();
      expect(await o.worker.deliverDue()).toBe(0);
      [row] = await o.rows();
      expect(row.attempts).toBe(2);
      expect(row.due_in).toBeGreaterThan(55);
      expect(row.due_in).toBeLessThanOrEqual(60);
      expect(smtp.received).toHaveLength(0);

      smtp.refuse(null);
      await o.makeDue();
      expect(await o.worker.deliverDue()).toBe(1);
      [row] = await o.rows();
      expect(row.sent_at).toEqual(aDate());
      expect(row.attempts).toBe(3);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].parsed.subject).toBe('Proposition reçue : « Remise du Label Ville Internet 2012 »');
    });

    it('keeps the message while the SMTP server is down, and delivers it when it is back', async () => {
      await smtp.stop();
      try {
        await o.enqueue(HELENE);
        expect(await o.worker.deliverDue()).toBe(0);
        const [row] = await o.rows();
        expect(row).toMatchObject({ attempts: 1, sent_at: null });
        expect(row.last_error).toMatch(/ECONNREFUSED/);
        expect(row.due_in).toBeGreaterThan(25);
      } finally {
        await smtp.restart();
      }
      await o.makeDue();
      expect(await o.worker.deliverDue()).toBe(1);
      expect(smtp.received).toHaveLength(1);
      expect((await o.rows())[0]).toMatchObject({ attempts: 2, sent_at: aDate() });
    });

    it('sends the oldest messages first, at most `limit` per run', async () => {
      await o.enqueue({ ...HELENE, data: { ...DATA, submissionTitle: 'Première' } });
      await o.enqueue({ ...HELENE, data: { ...DATA, submissionTitle: 'Deuxième' } });
      await o.enqueue({ ...HELENE, data: { ...DATA, submissionTitle: 'Troisième' } });
      expect(await o.worker.deliverDue(2)).toBe(2);
      expect(smtp.received.map((m) => m.parsed.subject)).toEqual(['Proposition reçue : « Première »', 'Proposition reçue : « Deuxième »']);
      expect(await o.worker.deliverDue(2)).toBe(1);
      expect(smtp.received[2].parsed.subject).toBe('Proposition reçue : « Troisième »');
    });

    it('runs one delivery at a time: concurrent calls never send a message twice', async () => {
      await o.enqueue(...['a', 'b', 'c', 'd'].map((x) => ({ ...HELENE, to: `${x}@example.org` })));
      const counts = await Promise.all([o.worker.deliverDue(), o.worker.deliverDue(), o.worker.deliverDue()]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
      expect(smtp.received.map((m) => m.recipients[0]).sort()).toEqual(['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org']);
    });

    (serverDatabaseUrl() ? it : it.skip)(
      'skips a message another instance has claimed (FOR UPDATE SKIP LOCKED) instead of waiting or sending it twice (PostgreSQL server only: the embedded engine has one session)',
      async () => {
        await o.enqueue({ ...HELENE, to: 'locked@example.org' });
        await o.enqueue({ ...HELENE, to: 'free@example.org' });
        const [locked] = await o.rows();
        const other = new pg.Client({ connectionString: t.config.databaseUrl as string });
        await other.connect();
        try {
          await other.query('BEGIN');
          await other.query('SELECT id FROM outbox_messages WHERE id = $1 FOR UPDATE', [locked.id]);
          expect(await o.worker.deliverDue()).toBe(1);
          expect(smtp.received.map((m) => m.recipients[0])).toEqual(['free@example.org']);
          await other.query('ROLLBACK');
          expect(await o.worker.deliverDue()).toBe(1);
          expect(smtp.received.map((m) => m.recipients[0])).toEqual(['free@example.org', 'locked@example.org']);
        } finally {
          await other.end();
        }
      },
    );
  });

  describe('the worker timer (OUTBOX_POLL_MS=100)', () => {
    let t: TestApp;
    let o: ReturnType<typeof outbox>;

    beforeAll(async () => {
      t = await startTestApp({ SMTP_URL: smtp.url, OUTBOX_POLL_MS: '100', SEED_REFERENCE_DATA: 'false' });
      o = outbox(t);
    });
    afterAll(async () => {
      smtp.delayMs = 0;
      await t?.close();
    });
    beforeEach(() => {
      smtp.received.length = 0;
      smtp.started = 0;
      smtp.refuse(null);
    });

    it('delivers a queued message without anyone calling deliverDue', async () => {
      await o.enqueue({ ...HELENE, to: 'timer@example.org' });
      const [arrived] = await smtp.waitFor(1, 5000);
      expect(arrived.recipients).toEqual(['timer@example.org']);
      expect(arrived.parsed.subject).toBe('Proposition reçue : « Remise du Label Ville Internet 2012 »');
      for (let i = 0; i < 50 && (await o.rows()).some((r) => r.sent_at === null); i++) await new Promise((r) => setTimeout(r, 20));
      expect((await o.rows()).every((r) => r.sent_at !== null)).toBe(true);
    });

    it('on shutdown, waits for the message being sent and gives back the ones not yet tried', async () => {
      smtp.delayMs = 700;
      await o.enqueue({ ...HELENE, to: 'first@example.org' }, { ...HELENE, to: 'second@example.org' });
      const deadline = Date.now() + 5000;
      while (smtp.started === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(smtp.started).toBe(1);
      await o.worker.stop();
      // stop() returned only after the message in flight was accepted and marked sent; the two
      // share one created_at (one transaction), so either may have gone first
      expect(smtp.received).toHaveLength(1);
      const sentTo = smtp.received[0].recipients[0];
      const rows = (await o.rows()).filter((r) => ['first@example.org', 'second@example.org'].includes(r.to_address));
      const first = rows.find((r) => r.to_address === sentTo);
      const second = rows.find((r) => r.to_address !== sentTo);
      expect(first).toMatchObject({ attempts: 1, sent_at: aDate() });
      expect(second).toMatchObject({ attempts: 0, sent_at: null, last_error: null });
      expect(second?.due_in).toBeLessThanOrEqual(0);
      // stopped: no more runs
      await new Promise((r) => setTimeout(r, 400));
      expect(smtp.started).toBe(1);
    });
  });
});
