import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { EMBEDDED_EXTENSIONS, embeddedDataLocation, startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { untilDelivered } from '../badges/badges-support.js';
import { bearer, colloquiumId, createPart, createParticipant, setNow } from '../check-ins/check-ins-support.js';
import { EMBEDDED_PASS_ONLY, itOnEmbeddedPass } from '../support/server-process.js';
import { createThrowawayDatabase, serverDatabaseUrl, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * `npm run cli -- backup FILE` and `restore FILE [--force]` as an organiser runs them (the compiled
 * CLI as a child process), on a database with participants, printed badges and check-ins: the
 * restored database holds every row of every table, the same, on both engines.
 */
const TIMEOUT_MS = 300_000;

type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;
/** Every table of the schema, its rows as JSON text, sorted. */
type Snapshot = Record<string, string[]>;

async function snapshot(query: Query): Promise<Snapshot> {
  const tables = await query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const result: Snapshot = {};
  for (const { tablename } of tables) {
    const rows = await query(`SELECT to_jsonb(t)::text AS row FROM public."${tablename as string}" t`);
    result[tablename as string] = rows.map((r) => r.row as string).sort();
  }
  return result;
}

async function embeddedSnapshot(dataDir: string): Promise<Snapshot> {
  const db = await PGlite.create(embeddedDataLocation(dataDir), { extensions: EMBEDDED_EXTENSIONS });
  try {
    return await snapshot(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await db.close();
  }
}

async function serverSnapshot(url: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await snapshot(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.end();
  }
}

/** The compiled CLI (dist/, built by `npm test`) with only `env` and PATH. */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/src/cli.js', ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/** Three participants (accented names), all badges printed by reception, two checked in on Monday 6 February 2012. */
async function fillDesk(t: TestApp): Promise<void> {
  const organiser = await t.adminToken();
  const reception = await t.tokenFor('reception');
  const eventId = await colloquiumId(t);
  const day1 = await createPart(t, eventId, 'jour-1', 'day', '2012-02-06', null, 'Lundi 6 février');
  const people = [
    { firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@example.org', categories: ['researcher'], affiliation: 'CNRS' },
    { firstName: 'Łukasz', lastName: 'Żółkiewski', email: 'lukasz@example.org', categories: ['researcher'], affiliation: 'Uniwersytet Warszawski' },
    { firstName: 'Zoë', lastName: 'Ærøskøbing', email: 'zoe@example.org', categories: ['press'] },
  ];
  const created = [];
  for (const person of people) created.push(await createParticipant(t, organiser, eventId, person, [day1]));
  const printed = await t.http.post(`/api/events/${eventId}/badges/print`).set(bearer(reception)).send({ all: true });
  expect(printed.status).toBe(200);
  await untilDelivered(t, printed.headers['x-badge-print-job']);
  setNow(t, '2012-02-06T08:12:00Z');
  for (const p of created.slice(0, 2)) expect((await t.http.post('/api/check-ins').set(bearer(reception)).send({ token: p.token })).status).toBe(201);
}

/** The rows the test wrote are there (so that equal snapshots prove something). */
function expectDeskRows(s: Snapshot): void {
  expect(s.participants?.length).toBe(3);
  expect(s.participants?.join()).toContain('Żółkiewski');
  expect(s.badge_prints?.length).toBe(3);
  expect(s.check_ins?.length).toBe(2);
  expect(s.migrations?.length).toBeGreaterThan(0);
}

describe('Backup and restore (npm run cli -- backup | restore)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'vtn-backup-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  itOnEmbeddedPass(`embedded: backs up DATA_DIR, restores it into an empty DATA_DIR with every row, refuses a running server’s DATA_DIR and a full one without --force${EMBEDDED_PASS_ONLY}`, async () => {
    const source = join(scratch, 'source');
    const target = join(scratch, 'target');
    const file = join(scratch, 'colloque.tgz');
    const t = await startTestApp({ DATA_DIR: source, DATABASE_URL: '' });
    try {
      expect(t.booted.embedded).not.toBeNull();
      await fillDesk(t);
      // the server holds DATA_DIR: the backup says so and writes nothing
      const refused = await cli(['backup', file], { DATA_DIR: source });
      expect(refused.code).toBe(1);
      expect(refused.out).toContain(`it is open in process ${process.pid}`);
      expect(refused.out).toMatch(/stop the server first/);
      expect(existsSync(file)).toBe(false);
    } finally {
      await t.close();
    }
    const original = await embeddedSnapshot(source);
    expectDeskRows(original);

    const backup = await cli(['backup', file], { DATA_DIR: source });
    expect(backup).toEqual({ code: 0, out: expect.stringMatching(/^backed up the embedded database in .* to .*colloque\.tgz \(\d+\.\d MB\)\n$/) });
    const restore = await cli(['restore', file], { DATA_DIR: target });
    expect(restore).toEqual({ code: 0, out: expect.stringMatching(/^restored .*colloque\.tgz into the embedded database in .*target\n$/) });
    const restored = await embeddedSnapshot(target);
    expect(Object.keys(restored)).toEqual(Object.keys(original));
    for (const table of Object.keys(original)) expect({ table, rows: restored[table] }).toEqual({ table, rows: original[table] });

    // over a database that holds one: refused without --force, nothing touched; with --force the old one is kept aside
    const again = await cli(['restore', file], { DATA_DIR: target });
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already holds a database.*--force/);
    expect(readdirSync(target).filter((f) => f.startsWith('pgdata.before-restore-'))).toEqual([]);
    const forced = await cli(['restore', file, '--force'], { DATA_DIR: target });
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/the database it replaced is kept in .*pgdata\.before-restore-/);
    expect(readdirSync(target).filter((f) => f.startsWith('pgdata.before-restore-'))).toHaveLength(1);

    // a held target is refused too
    const holder = await startEmbeddedPostgres(target);
    try {
      const client = new pg.Client({ connectionString: holder.url });
      await client.connect();
      expect((await client.query(`SELECT first_name FROM participants ORDER BY first_name`)).rows.map((r) => r.first_name)).toEqual(['Hélène', 'Zoë', 'Łukasz']);
      await client.end();
      const held = await cli(['restore', file, '--force'], { DATA_DIR: target });
      expect(held.code).toBe(1);
      expect(held.out).toContain(`cannot restore the embedded database in ${target}: it is open in process ${process.pid}`);
    } finally {
      await holder.stop();
    }
  }, TIMEOUT_MS);

  const server = serverDatabaseUrl();
  (server ? it : it.skip)(
    `server${server ? '' : ' (skipped: TEST_DATABASE_URL is unset)'}: pg_dump while the app runs, pg_restore into an empty database with every row, refuses a database with tables without --force`,
    async () => {
      const t = await startTestApp();
      const file = join(scratch, 'colloque.dump');
      const empty = await createThrowawayDatabase(server as string);
      try {
        const sourceUrl = t.config.databaseUrl as string;
        await fillDesk(t);
        // the app keeps running and connected during the backup
        const backup = await cli(['backup', file], { DATABASE_URL: sourceUrl });
        expect(backup.code).toBe(0);
        expect(backup.out).toMatch(/^backed up database \S+ on \S+ to .*colloque\.dump \(\d+\.\d MB\) with \S*pg_dump\n$/);
        expect(backup.out).not.toContain(new URL(sourceUrl).password || '\u0000');
        const original = await serverSnapshot(sourceUrl);
        expectDeskRows(original);

        const restore = await cli(['restore', file], { DATABASE_URL: empty.url });
        expect(restore.code).toBe(0);
        const restored = await serverSnapshot(empty.url);
        expect(Object.keys(restored)).toEqual(Object.keys(original));
        for (const table of Object.keys(original)) expect({ table, rows: restored[table] }).toEqual({ table, rows: original[table] });

        const again = await cli(['restore', file], { DATABASE_URL: empty.url });
        expect(again.code).toBe(1);
        expect(again.out).toMatch(/already holds \d+ table\(s\).*--force/);
        const forced = await cli(['restore', file, '--force'], { DATABASE_URL: empty.url });
        expect(forced.code).toBe(0);
        expect(await serverSnapshot(empty.url)).toEqual(original);

        const notADump = join(scratch, 'not-a-dump.sql');
        writeFileSync(notADump, '--\n-- PostgreSQL database dump\n--\nSELECT 1;\n');
        const wrongKind = await cli(['restore', notADump, '--force'], { DATABASE_URL: empty.url });
        expect(wrongKind).toEqual({ code: 1, out: expect.stringContaining('plain SQL script: restore it with psql') });
      } finally {
        await t.close();
        await empty.drop();
      }
    },
    TIMEOUT_MS,
  );
});
