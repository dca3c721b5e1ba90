import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createThrowawayDatabase, serverDatabaseUrl } from '../support/test-app.js';
import { startServer, stopServer, type ServerProcess } from '../support/server-process.js';

/**
 * Two instances of the compiled server on one PostgreSQL database, as a larger event would run
 * them behind a proxy: the contention cases are sent across both, and each must hold as it holds
 * on one instance, since everything they share goes through the database (docs/operations.md, « Several
 * instances on one PostgreSQL »). The first instance starts alone (it applies the migrations and
 * creates the first organiser), then the second. Flows that need no date: the event is in 2030
 * and the scans name their part, so no clock is set.
 */
const server = serverDatabaseUrl();
const ADMIN = { email: 'admin@two.local', password: 'admin-password-two-2012' };
const SEATS = 300;
const REQUESTS = 600;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const describeOnServer = server ? describe : describe.skip;

describeOnServer(
  server ? 'Two instances on one PostgreSQL server' : 'Two instances on one PostgreSQL (skipped: needs TEST_DATABASE_URL, one embedded engine cannot be shared by two processes)',
  () => {
    let db: { url: string; drop(): Promise<void> };
    let sql: pg.Client;
    let dataDir: string;
    let a: ServerProcess;
    let b: ServerProcess;
    let organiser: string;
    let reception: string;
    let eventId: string;
    let venueId: string;

    /** A JSON request to one instance; the answer's status, body and headers. */
    const call = async (on: ServerProcess, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${on.base}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let json: Json = {};
      if ((res.headers.get('content-type') ?? '').includes('json') && text) json = JSON.parse(text) as Json;
      return { status: res.status, body: json, text, headers: res.headers };
    };
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
    const instance = (i: number) => (i % 2 === 0 ? a : b);

    beforeAll(async () => {
      db = await createThrowawayDatabase(server!);
      dataDir = mkdtempSync(join(tmpdir(), 'two-instances-'));
      const env = {
        DATABASE_URL: db.url,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        SEED_REFERENCE_DATA: 'false',
        OUTBOX_POLL_MS: '0',
        LOG_LEVEL: 'silent',
        DATA_DIR: dataDir,
        // one public address for both, as behind a proxy: links in answers and mails, and the exports' ETags, name it
        PUBLIC_URL: 'https://colloque.example.org',
      };
      a = await startServer(env);
      b = await startServer(env);
      sql = new pg.Client({ connectionString: db.url });
      await sql.connect();

      const login = await call(a, 'POST', '/api/auth/login', ADMIN);
      expect(login.status).toBe(200);
      organiser = login.body.accessToken;
      const staff = await call(b, 'POST', '/api/users', { email: 'accueil@two.local', password: 'a-long-password-42', roles: ['reception'], displayName: 'Accueil' }, auth(organiser));
      expect(staff.status).toBe(201);
      reception = (await call(a, 'POST', '/api/auth/login', { email: 'accueil@two.local', password: 'a-long-password-42' })).body.accessToken;
      const venue = await call(a, 'POST', '/api/venues', { name: 'Campus Michel-Ange du CNRS', streetAddress: '3 rue Michel-Ange', postcode: '75016', city: 'Paris' }, auth(organiser));
      expect(venue.status).toBe(201);
      venueId = venue.body.id;
      const event = await call(
        a,
        'POST',
        '/api/events',
        { slug: 'two2030', nameFr: 'Villes et territoires numériques', startDate: '2030-02-06', endDate: '2030-02-07', venueIds: [venueId] },
        auth(organiser),
      );
      expect(event.status).toBe(201);
      eventId = event.body.id;
    }, 200_000);

    afterAll(async () => {
      for (const s of [b, a]) if (s) await stopServer(s);
      await sql?.end();
      await db?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    /** Registers `email` for the parts `codes` on one instance. */
    const register = (on: ServerProcess, email: string, codes: string[], headers: Record<string, string> = {}) =>
      call(on, 'POST', `/api/events/${eventId}/registrations`, { firstName: 'Zoé', lastName: email.split('@')[0], email, category: 'researcher', parts: codes }, headers);

    const badgeToken = async (participantId: string) => (await sql.query(`SELECT badge_token FROM participants WHERE id = $1`, [participantId])).rows[0].badge_token as string;

    it('both instances answer, and a token issued by one is accepted by the other', async () => {
      expect((await call(a, 'GET', '/health')).status).toBe(200);
      expect((await call(b, 'GET', '/health')).status).toBe(200);
      expect((await call(b, 'GET', `/api/events/${eventId}`, undefined, auth(organiser))).status).toBe(200);
      // one organiser, though both were started with ADMIN_EMAIL
      expect((await sql.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [ADMIN.email])).rows[0].n).toBe(1);
    });

    it(`admits exactly ${SEATS} of ${REQUESTS} registrations sent at once, alternating instances; the rest wait, nobody twice`, async () => {
      const part = await call(a, 'POST', `/api/events/${eventId}/parts`, { code: 'atelier', nameFr: 'Atelier', kind: 'workshop', admission: 'sign-up', capacity: SEATS }, auth(organiser));
      expect(part.status).toBe(201);
      const answers = await Promise.all(Array.from({ length: REQUESTS }, (_, i) => register(instance(i), `r${i}@example.org`, ['atelier'])));
      expect(answers.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
      // both instances took their share
      const statuses = answers.map((r) => r.body.admissions[0].status as string);
      expect(statuses.filter((s) => s === 'admitted')).toHaveLength(SEATS);
      expect(statuses.filter((s) => s === 'waiting')).toHaveLength(REQUESTS - SEATS);
      const positions = answers.filter((r) => r.body.admissions[0].status === 'waiting').map((r) => r.body.admissions[0].position as number);
      expect(positions.sort((x, y) => x - y)).toEqual(Array.from({ length: REQUESTS - SEATS }, (_, i) => i + 1));
      const { rows } = await sql.query(
        `SELECT p.admitted_count,
                (SELECT count(*)::int FROM part_admissions x WHERE x.part_id = p.id AND x.status = 'admitted') AS admitted,
                (SELECT count(*)::int FROM part_admissions x WHERE x.part_id = p.id AND x.status = 'waiting') AS waiting,
                (SELECT count(DISTINCT x.participant_id)::int FROM part_admissions x WHERE x.part_id = p.id) AS people,
                (SELECT count(*)::int FROM participants q WHERE q.event_id = p.event_id AND q.email LIKE 'r%@example.org') AS participants,
                (SELECT count(DISTINCT lower(q.email))::int FROM participants q WHERE q.event_id = p.event_id) AS emails
           FROM event_parts p WHERE p.id = $1`,
        [part.body.id],
      );
      expect(rows[0]).toEqual({ admitted_count: SEATS, admitted: SEATS, waiting: REQUESTS - SEATS, people: REQUESTS, participants: REQUESTS, emails: REQUESTS });
    }, 120_000);

    it('writes one check-in for ten simultaneous scans of one badge, five on each instance', async () => {
      const [{ id }] = (await sql.query(
        `SELECT q.id FROM participants q JOIN part_admissions x ON x.participant_id = q.id WHERE x.status = 'admitted' ORDER BY q.email LIMIT 1`,
      )).rows;
      const token = await badgeToken(id);
      const scans = await Promise.all(Array.from({ length: 10 }, (_, i) => call(instance(i), 'POST', '/api/check-ins', { token, part: 'atelier' }, auth(reception))));
      expect(scans.map((s) => s.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(scans.map((s) => s.body.checkInId)).size).toBe(1);
      expect(scans.filter((s) => s.body.created === true)).toHaveLength(1);
      expect((await sql.query(`SELECT count(*)::int AS n FROM check_ins WHERE participant_id = $1`, [id])).rows[0].n).toBe(1);
    });

    it('answers one Idempotency-Key sent ten times, five to each instance, with one registration and one answer', async () => {
      const key = 'two-instances-retry';
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => register(instance(i), 'idem@example.org', ['atelier'], { 'Idempotency-Key': key })));
      expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
      for (const r of answers) expect(r.body).toEqual(answers[0].body);
      expect((await sql.query(`SELECT count(*)::int AS n FROM participants WHERE email = 'idem@example.org'`)).rows[0].n).toBe(1);
      expect((await sql.query(`SELECT count(*)::int AS n FROM part_admissions x JOIN participants q ON q.id = x.participant_id WHERE q.email = 'idem@example.org'`)).rows[0].n).toBe(1);
    });

    it('shows a release published on one instance at once on the other, in the programme and its exports', async () => {
      const room = await call(b, 'POST', `/api/venues/${venueId}/rooms`, { name: 'Amphithéâtre Marie Curie', capacity: 200 }, auth(organiser));
      expect(room.status).toBe(201);
      const session = await call(a, 'POST', `/api/events/${eventId}/sessions`, { kind: 'plenary', roomId: room.body.id, titleFr: 'Séance d’ouverture', startsAt: '2030-02-06T09:00', endsAt: '2030-02-06T10:30' }, auth(organiser));
      expect(session.status).toBe(201);
      const programme = `/api/events/${eventId}/programme`;
      expect((await call(a, 'POST', `${programme}/releases`, {}, auth(organiser))).status).toBe(201);
      // the other instance reads version 1 (and keeps its renderings of it)
      const v1 = await call(b, 'GET', programme);
      expect(v1.status).toBe(200);
      expect(v1.body.version).toBe(1);
      const xml1 = await call(b, 'GET', `${programme}.xml`);
      expect(xml1.headers.get('x-programme-version')).toBe('1');
      expect(xml1.text).toContain('Séance d’ouverture');

      expect((await call(a, 'PATCH', `/api/sessions/${session.body.id}`, { titleFr: 'Séance inaugurale' }, auth(organiser))).status).toBe(200);
      expect((await call(a, 'POST', `${programme}/releases`, {}, auth(organiser))).status).toBe(201);
      const v2 = await call(b, 'GET', programme, undefined, { 'If-None-Match': v1.headers.get('etag')! });
      expect(v2.status).toBe(200);
      expect(v2.body.version).toBe(2);
      expect(v2.body.sessions[0].titleFr).toBe('Séance inaugurale');
      const xml2 = await call(b, 'GET', `${programme}.xml`, undefined, { 'If-None-Match': xml1.headers.get('etag')! });
      expect(xml2.status).toBe(200);
      expect(xml2.headers.get('x-programme-version')).toBe('2');
      expect(xml2.text).toContain('Séance inaugurale');
      expect(xml2.text).not.toContain('Séance d’ouverture');
      // both instances give one rendering the same ETag (same PUBLIC_URL), so a client sent to either gets its 304
      const again = await call(a, 'GET', `${programme}.xml`, undefined, { 'If-None-Match': xml2.headers.get('etag')! });
      expect(again.status).toBe(304);
    }, 60_000);

    it('refuses at once on one instance a badge token rotated on the other; the new token is accepted there', async () => {
      const [{ id }] = (await sql.query(
        `SELECT q.id FROM participants q JOIN part_admissions x ON x.participant_id = q.id
          WHERE x.status = 'admitted' AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.participant_id = q.id) ORDER BY q.email LIMIT 1`,
      )).rows;
      const old = await badgeToken(id);
      const rotated = await call(a, 'POST', `/api/participants/${id}/badge-token/rotate`, { reason: 'Badge perdu' }, auth(reception));
      expect(rotated.status).toBe(200);
      const refused = await call(b, 'POST', '/api/check-ins', { token: old, part: 'atelier' }, auth(reception));
      expect(refused.status).toBe(404);
      const fresh = await badgeToken(id);
      expect(fresh).not.toBe(old);
      const accepted = await call(b, 'POST', '/api/check-ins', { token: fresh, part: 'atelier' }, auth(reception));
      expect(accepted.status).toBe(201);
    });
  },
);
