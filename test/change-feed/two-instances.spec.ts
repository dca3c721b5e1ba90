import pg from 'pg';
import { LISTENER_APPLICATION_NAME } from '../../src/change-feed/change-feed.service.js';
import { startServer, stopServer, type ServerProcess } from '../support/server-process.js';
import { createThrowawayDatabase, serverDatabaseUrl } from '../support/test-app.js';

/**
 * Two instances of the compiled server on one PostgreSQL: each keeps in memory the latest release,
 * public events, venues, organisations and the callers of bearer tokens (src/change-feed), and must
 * see a change made on the other within one second — a publication, a revoked token, a disabled
 * account, a rotated badge token, a palmarès revealed — after having served (and kept) the state
 * before. An instance whose listening connection is cut serves nothing stale: it reads through
 * until it listens again.
 */
const server = serverDatabaseUrl();
const ADMIN = { email: 'admin@feed.local', password: 'admin-password-feed-2012' };
const WITHIN_MS = 1000;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const describeOnServer = server ? describe : describe.skip;

describeOnServer(
  server ? 'Kept reads across two instances on one PostgreSQL server' : 'Kept reads across two instances (skipped: needs TEST_DATABASE_URL, the embedded engine belongs to one process)',
  () => {
    let db: { url: string; drop(): Promise<void> };
    let sql: pg.Client;
    let a: ServerProcess;
    let b: ServerProcess;
    let organiser: string;
    let eventId: string;
    let venueId: string;

    const call = async (on: ServerProcess, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${on.base}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      const json: Json = (res.headers.get('content-type') ?? '').includes('json') && text ? (JSON.parse(text) as Json) : {};
      return { status: res.status, body: json, headers: res.headers };
    };
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
    const login = async (on: ServerProcess, email: string, password: string) => {
      const res = await call(on, 'POST', '/api/auth/login', { email, password });
      expect(res.status).toBe(200);
      return res.body.accessToken as string;
    };
    /** Asks until `seen` holds; how long it took (fails past one second). */
    const seenWithin = async (ask: () => Promise<boolean>): Promise<number> => {
      const started = Date.now();
      for (;;) {
        if (await ask()) return Date.now() - started;
        if (Date.now() - started > WITHIN_MS) throw new Error(`not seen within ${WITHIN_MS} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const listeners = async () =>
      (await sql.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [LISTENER_APPLICATION_NAME])).rows.map((r) => r.pid as number);

    beforeAll(async () => {
      db = await createThrowawayDatabase(server!);
      const env = {
        DATABASE_URL: db.url,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        SEED_REFERENCE_DATA: 'false',
        OUTBOX_POLL_MS: '0',
        LOG_LEVEL: 'silent',
        DATA_DIR: ':memory:',
      };
      a = await startServer(env);
      b = await startServer(env);
      sql = new pg.Client({ connectionString: db.url });
      await sql.connect();
      organiser = await login(a, ADMIN.email, ADMIN.password);
      const venue = await call(a, 'POST', '/api/venues', { name: 'Campus Michel-Ange du CNRS', streetAddress: '3 rue Michel-Ange', postcode: '75016', city: 'Paris' }, auth(organiser));
      expect(venue.status).toBe(201);
      venueId = venue.body.id;
      const event = await call(a, 'POST', '/api/events', { slug: 'feed2030', nameFr: 'Villes et territoires numériques', startDate: '2030-02-06', endDate: '2030-02-07', venueIds: [venueId] }, auth(organiser));
      expect(event.status).toBe(201);
      eventId = event.body.id;
    }, 200_000);

    afterAll(async () => {
      for (const s of [b, a]) if (s) await stopServer(s);
      await sql?.end();
      await db?.drop();
    });

    it('has one listening connection per instance', async () => {
      expect(await listeners()).toHaveLength(2);
    });

    it('shows a publication made on one instance on the other within a second: programme, exports and page', async () => {
      const room = await call(a, 'POST', `/api/venues/${venueId}/rooms`, { name: 'Amphithéâtre Marie Curie', capacity: 200 }, auth(organiser));
      const session = await call(a, 'POST', `/api/events/${eventId}/sessions`, { kind: 'plenary', roomId: room.body.id, titleFr: 'Séance d’ouverture', startsAt: '2030-02-06T09:00', endsAt: '2030-02-06T10:30' }, auth(organiser));
      expect(session.status).toBe(201);
      const programme = `/api/events/${eventId}/programme`;
      expect((await call(a, 'POST', `${programme}/releases`, {}, auth(organiser))).status).toBe(201);
      await seenWithin(async () => (await call(b, 'GET', programme)).body.version === 1);
      // B keeps version 1 (served twice, the page too)
      for (let i = 0; i < 2; i++) {
        expect((await call(b, 'GET', programme)).body.version).toBe(1);
        expect((await call(b, 'GET', '/programme/feed2030', undefined, { Accept: 'text/html' })).headers.get('x-programme-version')).toBe('1');
      }
      expect((await call(a, 'PATCH', `/api/sessions/${session.body.id}`, { titleFr: 'Séance inaugurale' }, auth(organiser))).status).toBe(200);
      expect((await call(a, 'POST', `${programme}/releases`, {}, auth(organiser))).status).toBe(201);
      await seenWithin(async () => {
        const [json, page, xml] = await Promise.all([
          call(b, 'GET', programme),
          call(b, 'GET', '/programme/feed2030', undefined, { Accept: 'text/html' }),
          call(b, 'GET', `${programme}.xml`),
        ]);
        return json.body.version === 2 && json.body.sessions[0].titleFr === 'Séance inaugurale' && page.headers.get('x-programme-version') === '2' && xml.headers.get('x-programme-version') === '2';
      });
    });

    it('shows an event, a venue and an organisation changed on one instance on the other within a second', async () => {
      const org = await call(a, 'POST', '/api/organisations', { name: 'Fondation Internet Nouvelle Génération', kind: 'association', acronym: 'FING' }, auth(organiser));
      expect(org.status).toBe(201);
      for (let i = 0; i < 2; i++) {
        expect((await call(b, 'GET', `/api/events/${eventId}`)).body.nameFr).toBe('Villes et territoires numériques');
        expect((await call(b, 'GET', '/api/venues')).body.items.map((v: Json) => v.city)).toEqual(['Paris']);
        expect((await call(b, 'GET', '/api/organisations')).body.items.map((o: Json) => o.acronym)).toEqual(['FING']);
      }
      expect((await call(a, 'PATCH', `/api/events/${eventId}`, { nameFr: 'Villes et territoires numériques 2030' }, auth(organiser))).status).toBe(200);
      expect((await call(a, 'PATCH', `/api/venues/${venueId}`, { city: 'Paris 16e' }, auth(organiser))).status).toBe(200);
      expect((await call(a, 'PATCH', `/api/organisations/${org.body.id}`, { acronym: 'FING2' }, auth(organiser))).status).toBe(200);
      await seenWithin(async () => (await call(b, 'GET', `/api/events/${eventId}`)).body.nameFr === 'Villes et territoires numériques 2030');
      await seenWithin(async () => (await call(b, 'GET', '/api/venues')).body.items[0].city === 'Paris 16e');
      await seenWithin(async () => (await call(b, 'GET', '/api/organisations')).body.items[0].acronym === 'FING2');
    });

    it('refuses on the other instance within a second a token revoked (logout) on one, and every token of an account disabled on one', async () => {
      const staff = await call(a, 'POST', '/api/users', { email: 'accueil@feed.local', password: 'a-long-password-42', roles: ['reception'], displayName: 'Accueil' }, auth(organiser));
      expect(staff.status).toBe(201);
      const first = await login(a, 'accueil@feed.local', 'a-long-password-42');
      const second = await login(b, 'accueil@feed.local', 'a-long-password-42');
      for (let i = 0; i < 2; i++) {
        expect((await call(b, 'GET', '/api/auth/me', undefined, auth(first))).status).toBe(200);
        expect((await call(b, 'GET', '/api/auth/me', undefined, auth(second))).status).toBe(200);
      }
      expect((await call(a, 'POST', '/api/auth/logout', undefined, auth(first))).status).toBe(204);
      await seenWithin(async () => (await call(b, 'GET', '/api/auth/me', undefined, auth(first))).status === 401);
      expect((await call(b, 'GET', '/api/auth/me', undefined, auth(second))).status).toBe(200);
      expect((await call(a, 'POST', `/api/users/${staff.body.id}/disable`, undefined, auth(organiser))).status).toBe(200);
      await seenWithin(async () => (await call(b, 'GET', '/api/auth/me', undefined, auth(second))).status === 401);
      expect((await call(a, 'GET', '/api/auth/me', undefined, auth(second))).status).toBe(401);
    });

    it('refuses on the other instance within a second a badge token rotated on one', async () => {
      const reception = await login(a, ADMIN.email, ADMIN.password);
      const part = await call(a, 'POST', `/api/events/${eventId}/parts`, { code: 'atelier', nameFr: 'Atelier', kind: 'workshop', admission: 'sign-up', capacity: 10 }, auth(organiser));
      expect(part.status).toBe(201);
      const people: string[] = [];
      for (const name of ['Hélène', 'Zoë']) {
        const reg = await call(a, 'POST', `/api/events/${eventId}/registrations`, { firstName: name, lastName: 'Dupré', email: `${name.normalize('NFD').replace(/[^a-z]/gi, '')}@example.org`, category: 'researcher', parts: ['atelier'] });
        expect(reg.status).toBe(201);
        people.push(reg.body.participant.id as string);
      }
      const tokenOf = async (id: string) => (await sql.query(`SELECT badge_token FROM participants WHERE id = $1`, [id])).rows[0].badge_token as string;
      const old = await tokenOf(people[0]);
      // B scans the other badge (its holder read, the token's caller kept)
      expect((await call(b, 'POST', '/api/check-ins', { token: await tokenOf(people[1]), part: 'atelier' }, auth(reception))).status).toBe(201);
      expect((await call(a, 'POST', `/api/participants/${people[0]}/badge-token/rotate`, { reason: 'Badge perdu' }, auth(reception))).status).toBe(200);
      await seenWithin(async () => (await call(b, 'POST', '/api/check-ins', { token: old, part: 'atelier' }, auth(reception))).status === 404);
      expect((await call(b, 'POST', '/api/check-ins', { token: await tokenOf(people[0]), part: 'atelier' }, auth(reception))).status).toBe(201);
    });

    it('shows a palmarès revealed on one instance on the other within a second', async () => {
      const year = await call(a, 'POST', '/api/labels', { year: 2030, eventId }, auth(organiser));
      expect(year.status).toBe(201);
      for (let i = 0; i < 2; i++) expect((await call(b, 'GET', '/api/labels/2030')).body.revealed).toBe(false);
      expect((await call(a, 'POST', '/api/labels/2030/reveal', {}, auth(organiser))).status).toBe(200);
      await seenWithin(async () => (await call(b, 'GET', '/api/labels/2030')).body.revealed === true);
    });

    it('serves nothing stale while its listening connection is lost, then listens again', async () => {
      const read = async () => (await call(b, 'GET', `/api/events/${eventId}`)).body.nameFr as string;
      expect(await read()).toBe('Villes et territoires numériques 2030');
      expect(await read()).toBe('Villes et territoires numériques 2030');
      const before = await listeners();
      expect(before).toHaveLength(2);
      await sql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ANY($1::int[])`, [before]);
      // the connections are gone (the instances are told as they close), and none is back yet (1 s later)
      await seenWithin(async () => (await listeners()).length === 0);
      // changed while nobody listens: no notification reaches either instance
      await sql.query(`UPDATE events SET name_fr = 'Changé sans personne à l’écoute' WHERE id = $1`, [eventId]);
      expect(await read()).toBe('Changé sans personne à l’écoute');
      expect((await call(a, 'GET', `/api/events/${eventId}`)).body.nameFr).toBe('Changé sans personne à l’écoute');
      // both listen again, and a change is then seen through the notifications
      const deadline = Date.now() + 10_000;
      while ((await listeners()).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await listeners()).toHaveLength(2);
      expect(await read()).toBe('Changé sans personne à l’écoute');
      await sql.query(`UPDATE events SET name_fr = 'Écouté de nouveau' WHERE id = $1`, [eventId]);
      await seenWithin(async () => (await read()) === 'Écouté de nouveau');
    });
  },
);
