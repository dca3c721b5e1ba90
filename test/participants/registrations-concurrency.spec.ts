import type { AddressInfo } from 'node:net';
import { serverDatabaseUrl, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The issue's « done when »: many registrations at once for one part never give more seats than its
 * capacity, never create a person twice, and a cancellation admits the head of the waiting list.
 * On the PostgreSQL server (TEST_DATABASE_URL) 600 requests for 300 seats run at once over keep-alive,
 * 20 times; the embedded engine is one session, so it runs 60 for 30 seats one after the other, twice.
 */
const onServer = serverDatabaseUrl() !== null;
const REQUESTS = onServer ? 600 : 60;
const SEATS = onServer ? 300 : 30;
const REPETITIONS = Number(process.env.REGISTRATION_REPETITIONS) || (onServer ? 20 : 2);

describe(`Registrations under contention (${onServer ? `PostgreSQL server, ${REQUESTS} at once` : `embedded engine, ${REQUESTS} in a row`})`, () => {
  let t: TestApp;
  let base: string;
  let organiser: string;
  let eventId: string;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    await t.booted.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.booted.app.getHttpServer().address() as AddressInfo).port}`;
    organiser = await t.adminToken();
    const event = await t.http
      .post('/api/events')
      .set('Authorization', `Bearer ${organiser}`)
      .send({ slug: 'crowd2030', nameFr: 'Villes et territoires numériques', startDate: '2030-02-06', endDate: '2030-02-07' });
    eventId = event.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const register = async (email: string, parts: string[]) => {
    const res = await fetch(`${base}/api/events/${eventId}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Zoé', lastName: email.split('@')[0], email, category: 'researcher', parts }),
    });
    return { status: res.status, body: (await res.json()) as { token: string; participant: { id: string; email: string }; admissions: { code: string; status: string; position: number | null }[] } };
  };

  it(`admits exactly ${SEATS} of ${REQUESTS} and queues the rest, ${REPETITIONS} times; cancelling 10 admits the first 10 waiting and mails them`, async () => {
    for (let rep = 0; rep < REPETITIONS; rep++) {
      const code = `atelier-${rep}`;
      const part = await t.http
        .post(`/api/events/${eventId}/parts`)
        .set('Authorization', `Bearer ${organiser}`)
        .send({ code, nameFr: `Atelier ${rep}`, kind: 'workshop', admission: 'sign-up', capacity: SEATS });
      expect(part.status).toBe(201);
      const started = Date.now();
      const emails = Array.from({ length: REQUESTS }, (_, i) => `r${rep}-${i}@example.org`);
      // every email twice in a different case, on the server: the second must not create a person
      const answers = onServer
        ? await Promise.all(emails.map((e) => register(e, [code])))
        : await emails.reduce<Promise<Awaited<ReturnType<typeof register>>[]>>(async (acc, e) => [...(await acc), await register(e, [code])], Promise.resolve([]));
      if (process.env.REGISTRATION_TIMING) console.log(`rep ${rep}: ${Date.now() - started} ms`);
      expect(answers.map((a) => a.status).filter((s) => s !== 201)).toEqual([]);
      const statuses = answers.map((a) => a.body.admissions[0].status);
      expect(statuses.filter((s) => s === 'admitted')).toHaveLength(SEATS);
      expect(statuses.filter((s) => s === 'waiting')).toHaveLength(REQUESTS - SEATS);
      const positions = answers.filter((a) => a.body.admissions[0].status === 'waiting').map((a) => a.body.admissions[0].position!).sort((a, b) => a - b);
      expect(positions).toEqual(Array.from({ length: REQUESTS - SEATS }, (_, i) => i + 1));
      const [facts] = await t.booted.dataSource.query(
        `SELECT p.admitted_count,
                (SELECT count(*)::int FROM part_admissions a WHERE a.part_id = p.id AND a.status = 'admitted') AS admitted,
                (SELECT count(*)::int FROM part_admissions a WHERE a.part_id = p.id AND a.status = 'waiting') AS waiting,
                (SELECT count(DISTINCT a.participant_id)::int FROM part_admissions a WHERE a.part_id = p.id) AS people,
                (SELECT count(*)::int FROM participants x WHERE x.event_id = p.event_id AND x.email LIKE $2) AS participants
         FROM event_parts p WHERE p.id = $1`,
        [part.body.id, `r${rep}-%`],
      );
      expect(facts).toEqual({ admitted_count: SEATS, admitted: SEATS, waiting: REQUESTS - SEATS, people: REQUESTS, participants: REQUESTS });

      if (rep === REPETITIONS - 1) {
        const queue: { email: string }[] = await t.booted.dataSource.query(
          `SELECT x.email FROM part_admissions a JOIN participants x ON x.id = a.participant_id WHERE a.part_id = $1 AND a.status = 'waiting' ORDER BY a.queue_no`,
          [part.body.id],
        );
        const firstTen = queue.slice(0, 10).map((q) => q.email).sort();
        const leaving = answers.filter((a) => a.body.admissions[0].status === 'admitted').slice(0, 10);
        const cancels = onServer
          ? await Promise.all(leaving.map((a) => fetch(`${base}/api/registrations/${a.body.token}`, { method: 'DELETE' })))
          : await leaving.reduce<Promise<Response[]>>(async (acc, a) => [...(await acc), await fetch(`${base}/api/registrations/${a.body.token}`, { method: 'DELETE' })], Promise.resolve([]));
        expect(cancels.map((c) => c.status)).toEqual(Array(10).fill(204));
        const admittedNow: { email: string }[] = await t.booted.dataSource.query(
          `SELECT x.email FROM part_admissions a JOIN participants x ON x.id = a.participant_id WHERE a.part_id = $1 AND a.status = 'admitted' AND a.admitted_at IS NOT NULL
             AND x.email = ANY($2::text[])`,
          [part.body.id, queue.map((q) => q.email)],
        );
        expect(admittedNow.map((r) => r.email).sort()).toEqual(firstTen);
        const mails: { to_address: string }[] = await t.booted.dataSource.query(`SELECT to_address FROM outbox_messages WHERE template = 'admission-granted'`);
        expect(mails.map((m) => m.to_address).sort()).toEqual(firstTen);
        const [after] = await t.booted.dataSource.query(
          `SELECT admitted_count, (SELECT count(*)::int FROM part_admissions a WHERE a.part_id = p.id AND a.status = 'waiting') AS waiting FROM event_parts p WHERE p.id = $1`,
          [part.body.id],
        );
        expect(after).toEqual({ admitted_count: SEATS, waiting: REQUESTS - SEATS - 10 });
      }
    }
  }, 400_000);
});
