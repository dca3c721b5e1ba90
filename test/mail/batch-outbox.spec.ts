import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { MailService, type OutgoingMail } from '../../src/mail/mail.service.js';
import { RegistrationsService } from '../../src/participants/registrations.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface OutboxRowRead {
  to_address: string;
  to_name: string | null;
  template: string;
  locale: string;
  subject: string;
  text_body: string;
  attempts: number;
  sent_at: Date | null;
  last_error: string | null;
  due: boolean;
}

/**
 * Mails written together: MailService.enqueueAll writes any number of rendered mails in ONE
 * statement, in the caller's transaction, all or none; and a batch of registrations written by group
 * commit gives every registrant their own confirmation mail with their own personal link.
 */
describe('Mails written together (enqueueAll, registrations batch)', () => {
  let t: TestApp;
  let mail: MailService;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0', PUBLIC_URL: 'https://colloque.example.org' });
    mail = t.booted.app.get(MailService);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    await t.booted.dataSource.query('DELETE FROM outbox_messages');
  });

  const confirmation = (to: string, firstName: string, locale: 'fr' | 'en', toName: string | null = `${firstName} Dupré`): OutgoingMail => ({
    to,
    toName,
    template: 'registration-confirmed',
    locale,
    data: { firstName, eventName: 'Villes et territoires numériques', link: mail.linkTo(`/registrations/${firstName}`) },
  });
  const outbox = async (): Promise<OutboxRowRead[]> =>
    t.booted.dataSource.query(
      `SELECT to_address, to_name, template, locale, subject, text_body, attempts, sent_at, last_error, next_attempt_at <= now() AS due
       FROM outbox_messages ORDER BY to_address`,
    );
  /** The caller's manager, with the statements it is sent counted (the database is the real one). */
  const counting = (manager: EntityManager, sql: string[]): EntityManager =>
    new Proxy(manager, {
      get(target, prop, receiver) {
        if (prop === 'query') return (query: string, parameters?: unknown[]) => (sql.push(query), target.query(query, parameters));
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });

  it('writes 250 mails in one statement, each rendered in its language, due now, never sent', async () => {
    const mails = Array.from({ length: 250 }, (_, i) =>
      confirmation(`p${String(i).padStart(3, '0')}@example.org`, i % 2 ? 'Zoë' : 'Ἑλένη', i % 2 ? 'en' : 'fr', i % 5 === 0 ? null : `  Prénom\n  Nom ${i} `),
    );
    const sql: string[] = [];
    await t.booted.dataSource.transaction((m) => mail.enqueueAll(counting(m, sql), mails));
    expect(sql).toHaveLength(1);
    expect(sql[0]).toMatch(/^INSERT INTO outbox_messages/);
    const rows = await outbox();
    expect(rows).toHaveLength(250);
    expect(rows[0]).toEqual({
      to_address: 'p000@example.org',
      to_name: null,
      template: 'registration-confirmed',
      locale: 'fr',
      subject: 'Inscription confirmée : « Villes et territoires numériques »',
      text_body: expect.stringContaining('Bonjour Ἑλένη,'),
      attempts: 0,
      sent_at: null,
      last_error: null,
      due: true,
    });
    expect(rows[0].text_body).toContain('https://colloque.example.org/registrations/Ἑλένη\n');
    expect(rows[1]).toMatchObject({ to_address: 'p001@example.org', to_name: 'Prénom Nom 1', locale: 'en', subject: 'Registration confirmed: “Villes et territoires numériques”' });
    expect(rows[1].text_body).toContain('Dear Zoë,');
    // the same rows as one mail at a time writes
    await t.booted.dataSource.query('DELETE FROM outbox_messages');
    await t.booted.dataSource.transaction(async (m) => {
      for (const one of mails) await mail.enqueue(m, one);
    });
    expect(await outbox()).toEqual(rows);
  });

  it('writes none when one mail cannot be rendered, and none when the transaction rolls back', async () => {
    const bad = { ...confirmation('bad@example.org', 'Jean', 'fr'), data: { firstName: 'Jean', eventName: 'Colloque' } };
    await expect(t.booted.dataSource.transaction((m) => mail.enqueueAll(m, [confirmation('a@example.org', 'Ana', 'fr'), bad]))).rejects.toThrow(/needs "link"/);
    await expect(t.booted.dataSource.transaction((m) => mail.enqueueAll(m, [confirmation('not an address', 'Ana', 'fr')]))).rejects.toThrow(/not an e-mail address/);
    await expect(
      t.booted.dataSource.transaction(async (m) => {
        await mail.enqueueAll(m, [confirmation('a@example.org', 'Ana', 'fr'), confirmation('b@example.org', 'Bruno', 'en')]);
        throw new Error('the change fails after its mails were written');
      }),
    ).rejects.toThrow('the change fails');
    await t.booted.dataSource.transaction((m) => mail.enqueueAll(m, []));
    expect(await outbox()).toEqual([]);
  });

  it('gives every registrant of one batch their own confirmation mail with their own personal link', async () => {
    await t.booted.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(t.booted.app.getHttpServer().address() as AddressInfo).port}`;
    const organiser = await t.adminToken();
    const auth = { Authorization: `Bearer ${organiser}` };
    const event = await t.http
      .post('/api/events')
      .set(auth)
      .send({ slug: 'mails2030', nameFr: 'Villes et territoires numériques', nameEn: 'Digital cities and territories', startDate: '2030-02-06', endDate: '2030-02-07' });
    expect(event.status).toBe(201);
    const part = await t.http
      .post(`/api/events/${event.body.id}/parts`)
      .set(auth)
      .send({ code: 'atelier', nameFr: 'Atelier', kind: 'workshop', admission: 'sign-up', capacity: 10 });
    expect(part.status).toBe(201);
    const service = t.booted.app.get(RegistrationsService);
    const post = async (body: Record<string, unknown>) => {
      const res = await fetch(`${base}/api/events/${event.body.id}/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { token: string; link: string; participant: { email: string } } };
    };
    // the first batch is held until the others are queued behind it, so they are written together on both engines
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const target = service as unknown as { writeBatch(batch: unknown[]): Promise<void> };
    const original = target.writeBatch.bind(service);
    const spy = jest.spyOn(target, 'writeBatch').mockImplementation(async (batch) => {
      if (spy.mock.calls.length === 1) await gate;
      return original(batch);
    });
    const before = service.batchStats();
    const person = (i: number) => ({
      firstName: i % 2 ? 'Zoë' : 'Hélène',
      lastName: `Lefèvre-${i}`,
      email: `Inscrit${i}@Example.org`,
      category: 'researcher',
      parts: ['atelier'],
      ...(i % 3 === 0 ? { language: 'en' } : {}),
    });
    const blocker = post(person(0));
    for (let i = 0; i < 500 && spy.mock.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const rest = Array.from({ length: 24 }, (_, i) => post(person(i + 1)));
    for (let i = 0; i < 500 && service.batchStats().queued < 24; i++) await new Promise((r) => setTimeout(r, 10));
    expect(service.batchStats().queued).toBe(24);
    release();
    const answers = await Promise.all([blocker, ...rest]);
    spy.mockRestore();
    expect(service.batchStats().largest).toBe(24);
    expect(service.batchStats().writtenAlone).toBe(before.writtenAlone);

    const rows = await outbox();
    expect(rows).toHaveLength(25);
    for (const [i, answer] of answers.entries()) {
      expect(answer.status).toBe(201);
      const mine = rows.filter((r) => r.to_address === `inscrit${i}@example.org`);
      expect(mine).toHaveLength(1);
      const english = i % 3 === 0;
      expect(mine[0]).toMatchObject({
        template: 'registration-confirmed',
        locale: english ? 'en' : 'fr',
        to_name: `${person(i).firstName} Lefèvre-${i}`,
        subject: english ? 'Registration confirmed: “Digital cities and territories”' : 'Inscription confirmée : « Villes et territoires numériques »',
      });
      expect(mine[0].text_body).toContain(english ? `Dear ${person(i).firstName},` : `Bonjour ${person(i).firstName},`);
      expect(answer.body.link).toBe(`https://colloque.example.org/api/registrations/${answer.body.token}`);
      expect(mine[0].text_body).toContain(`${answer.body.link}\n`);
      // nobody else's link is in it
      expect(answers.filter((other) => other !== answer && mine[0].text_body.includes(other.body.token))).toEqual([]);
    }
  });
});
