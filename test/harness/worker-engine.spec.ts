import type { PGlite } from '@electric-sql/pglite';
import { openEmbeddedDatabase } from '../../src/database/embedded-postgres.js';
import { describeOnEmbeddedPass, EMBEDDED_PASS_ONLY } from '../support/server-process.js';
import { embeddedTemplate, embeddedTemplateName } from '../support/template-database.js';
import { startTestApp, templateConfigFor } from '../support/test-app.js';
import { contentFingerprint, leaseEngine } from '../support/worker-engine.js';

/**
 * The harness's promise (docs/testing.md, « One database engine per worker »): a test file that gets
 * the worker's engine, reset, finds exactly what a fresh copy of the template holds, whatever the
 * file before it did.
 */
describeOnEmbeddedPass(`The worker's database engine, reset between test files${EMBEDDED_PASS_ONLY}`, () => {
  const config = templateConfigFor(true);
  const key = embeddedTemplateName(config);
  const template = () => embeddedTemplate(config);
  let fresh: PGlite;
  let freshContent: string;

  beforeAll(async () => {
    fresh = await openEmbeddedDatabase(':memory:', { initialData: await template() });
    freshContent = await contentFingerprint(fresh);
  });
  afterAll(async () => {
    await fresh?.close();
  });

  const sessionState = async (db: PGlite) => ({
    timeZone: (await db.query<{ TimeZone: string }>('SHOW TimeZone')).rows[0].TimeZone,
    replicationRole: (await db.query<{ session_replication_role: string }>('SHOW session_replication_role')).rows[0].session_replication_role,
    listening: (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_listening_channels()')).rows[0].n,
    advisoryLocks: (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`)).rows[0].n,
    temporaryTables: (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class WHERE relpersistence = 't'`)).rows[0].n,
  });

  it('gives the next file what a fresh copy holds after a file wrote, deleted and changed its session everywhere', async () => {
    const t = await startTestApp();
    try {
      // through the API: an account, its login, a failed login
      await t.tokenFor('organiser');
      expect((await t.http.post('/api/auth/login').send({ email: 'nobody@test.local', password: 'not-the-password' })).status).toBe(401);
      // straight to the engine, on the application's one connection: every table emptied, every sequence moved on
      const ds = t.booted.dataSource;
      await ds.query(`SET session_replication_role = replica`);
      await ds.query(`SET TIME ZONE 'Asia/Tokyo'`);
      await ds.query(`LISTEN leftover_channel`);
      await ds.query(`SELECT pg_advisory_lock(42)`);
      await ds.query(`CREATE TEMPORARY TABLE leftover_temp (x int)`);
      const tables: Array<{ name: string }> = await ds.query(
        `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
      );
      expect(tables.length).toBeGreaterThan(30);
      for (const { name } of tables) await ds.query(`DELETE FROM ${name}`);
      const sequences: Array<{ name: string }> = await ds.query(`SELECT format('%I.%I', schemaname, sequencename) AS name FROM pg_sequences WHERE schemaname = 'public'`);
      expect(sequences.length).toBeGreaterThan(0);
      for (const { name } of sequences) await ds.query(`SELECT nextval('${name}')`);
      await ds.query(`ANALYZE`);
    } finally {
      await t.close();
    }

    const lease = await leaseEngine(key, template);
    expect(lease).not.toBeNull();
    try {
      expect(await contentFingerprint(lease!.db)).toBe(freshContent);
      expect(await sessionState(lease!.db)).toEqual(await sessionState(fresh));
    } finally {
      lease!.release();
    }
  });

  it('replaces the engine when a file changed the schema, which a reset cannot undo', async () => {
    const first = await leaseEngine(key, template);
    const before = first!.db;
    await before.exec(`CREATE TABLE public.leftover (x int)`);
    first!.release();

    const next = await leaseEngine(key, template);
    try {
      expect(next!.db).not.toBe(before);
      expect(before.closed).toBe(true);
      expect((await next!.db.query(`SELECT to_regclass('public.leftover') AS t`)).rows).toEqual([{ t: null }]);
      expect(await contentFingerprint(next!.db)).toBe(freshContent);
    } finally {
      next!.release();
    }
  });

  it('gives a second application of the same file its own database while the first holds the engine', async () => {
    const held = await leaseEngine(key, template);
    try {
      expect(await leaseEngine(key, template)).toBeNull();
      const second = await startTestApp();
      try {
        expect((await second.http.get('/health')).status).toBe(200);
        expect(second.booted.embedded?.dataDir).toBe(':memory:');
      } finally {
        await second.close();
      }
    } finally {
      held!.release();
    }
  });

  it('closes what an earlier file left serving the engine before handing it on', async () => {
    const earlier = await leaseEngine(key, template, 'test/an-earlier-file.spec.ts');
    let closed = 0;
    earlier!.onTakeOver(async () => {
      closed += 1;
    });
    expect((await earlier!.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM public.applied_seeds`)).rows[0].n).toBeGreaterThan(0);
    await earlier!.db.exec(`DELETE FROM public.applied_seeds`);
    expect((await earlier!.db.query(`SELECT count(*)::int AS n FROM public.applied_seeds`)).rows).toEqual([{ n: 0 }]);
    const next = await leaseEngine(key, template);
    try {
      expect(closed).toBe(1);
      expect(next!.db).toBe(earlier!.db);
      expect(await contentFingerprint(next!.db)).toBe(freshContent);
    } finally {
      next!.release();
    }
  });
});
