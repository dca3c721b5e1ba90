import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import { RegistrationsService } from '../../src/participants/registrations.service.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer } from './participants-support.js';

interface Answer {
  status: number;
  body: {
    code?: string;
    token?: string;
    participant?: { id: string; email: string };
    admissions?: { code: string; status: string; position: number | null }[];
  } & Record<string, unknown>;
}

/**
 * Group commit: registrations for the same part that arrive while a batch is being written go
 * together into the next one (one transaction). A batch mixing new people, a duplicate email (in
 * another case), an email already registered, a replayed Idempotency-Key and the same key with
 * another body gives each request the answer it would have had alone. The first batch is held until
 * the others are queued, so the batch is the same on both engines.
 */
describe('Registrations written together (group commit)', () => {
  let t: TestApp;
  let base: string;
  let eventId: string;
  let service: RegistrationsService;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    await t.booted.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.booted.app.getHttpServer().address() as AddressInfo).port}`;
    const organiser = await t.adminToken();
    const event = await t.http.post('/api/events').set(bearer(organiser)).send({ slug: 'batch2030', nameFr: 'Villes et territoires numériques', startDate: '2030-02-06', endDate: '2030-02-07' });
    eventId = event.body.id;
    const part = await t.http.post(`/api/events/${eventId}/parts`).set(bearer(organiser)).send({ code: 'atelier', nameFr: 'Atelier', kind: 'workshop', admission: 'sign-up', capacity: 4 });
    expect(part.status).toBe(201);
    service = t.booted.app.get(RegistrationsService);
  });
  afterAll(async () => {
    await t?.close();
  });

  const person = (email: string, extra: Record<string, unknown> = {}) => ({ firstName: 'Zoé', lastName: email.split('@')[0], email, category: 'researcher', parts: ['atelier'], ...extra });
  const post = async (body: unknown, key?: string): Promise<Answer> => {
    const res = await fetch(`${base}/api/events/${eventId}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  };
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(done()).toBe(true);
  };

  it('answers each request of a mixed batch as it would have been answered alone', async () => {
    const first = await post(person('first@example.org', { days: ['2030-02-06'] }), 'key-first');
    expect(first.status).toBe(201);
    expect(first.body.admissions).toEqual([expect.objectContaining({ code: 'atelier', status: 'admitted', position: null })]);

    // the next batch is held until the mix is queued behind it
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const original = (service as unknown as { writeBatch(batch: unknown[]): Promise<void> }).writeBatch.bind(service);
    const spy = jest.spyOn(service as unknown as { writeBatch(batch: unknown[]): Promise<void> }, 'writeBatch').mockImplementation(async (batch) => {
      if (spy.mock.calls.length === 1) await gate;
      return original(batch);
    });
    const before = service.batchStats();
    const blocker = post(person('blocker@example.org'));
    await until(() => spy.mock.calls.length === 1);
    const mix = [
      post(person('ana@example.org'), 'key-ana'),
      post(person('ANA@Example.org', { firstName: 'Autre' })),
      post(person('bruno@example.org')),
      post(person('first@example.org', { days: ['2030-02-06'] }), 'key-first'),
      post(person('first@example.org', { firstName: 'Autre', days: ['2030-02-06'] }), 'key-first'),
      post(person('FIRST@example.org')),
      post(person('chloe@example.org', { days: ['2030-02-07'] })),
      post(person('dora@example.org'), 'key-dora'),
    ];
    await until(() => service.batchStats().queued === mix.length);
    release();
    const [blocked, ana, anaAgain, bruno, replay, reuse, firstAgain, chloe, dora] = await Promise.all([blocker, ...mix]);
    spy.mockRestore();
    const stats = service.batchStats();
    // the blocker alone, then the mix but one (the second request with key-first waits for the next batch), then that one
    expect(stats.batches - before.batches).toBe(3);
    expect(stats.largest).toBe(mix.length - 1);
    expect(stats.writtenAlone).toBe(before.writtenAlone);

    expect(blocked.status).toBe(201);
    expect(blocked.body.admissions![0]).toMatchObject({ status: 'admitted', position: null });
    // exactly one of the two requests for ana's address registers her: they are in the same batch, in the order they arrived
    expect([ana.status, anaAgain.status].sort()).toEqual([201, 409]);
    expectErrorBody((ana.status === 409 ? ana : anaAgain).body, 409, 'ALREADY_REGISTERED');
    expect(replay).toEqual(first);
    expectErrorBody(reuse.body, 422, 'IDEMPOTENCY_KEY_REUSED');
    expectErrorBody(firstAgain.body, 409, 'ALREADY_REGISTERED');
    const fresh = [ana.status === 201 ? ana : anaAgain, bruno, chloe, dora];
    for (const a of fresh) expect(a.status).toBe(201);
    // 4 seats: first, blocker, then two of the batch; the others wait, at positions 1 and 2 in the order they were placed
    expect(fresh.map((a) => a.body.admissions![0].status).sort()).toEqual(['admitted', 'admitted', 'waiting', 'waiting']);
    expect(fresh.filter((a) => a.body.admissions![0].status === 'waiting').map((a) => a.body.admissions![0].position).sort()).toEqual([1, 2]);
    expect(chloe.body.participant).toMatchObject({ email: 'chloe@example.org', days: ['2030-02-07'] });
    // each answer is what the personal link shows
    for (const a of [first, blocked, ...fresh]) {
      const view = await t.http.get(`/api/registrations/${a.body.token}`);
      expect(view.body).toEqual({ participant: a.body.participant, admissions: a.body.admissions });
    }
    // the key of a refused request is not kept; the stored answer of a new key replays
    const keys: { n: number }[] = await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM idempotency_keys`);
    expect(keys[0].n).toBe(ana.status === 201 ? 3 : 2);
    expect(await post(person('dora@example.org'), 'key-dora')).toEqual(dora);
    const [facts] = await t.booted.dataSource.query(
      `SELECT (SELECT count(*)::int FROM participants) AS participants, (SELECT admitted_count FROM event_parts WHERE code = 'atelier') AS admitted,
              (SELECT count(*)::int FROM part_admissions WHERE status = 'waiting') AS waiting,
              (SELECT count(*)::int FROM outbox_messages WHERE template = 'registration-confirmed') AS mails`,
    );
    expect(facts).toEqual({ participants: 6, admitted: 4, waiting: 2, mails: 6 });
  });
});
