import { DataSource } from 'typeorm';
import { dataSourceOptions, type DatabaseTarget } from '../../src/database/data-source-options.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { pendingSchemaChanges, runPendingMigrations } from '../../src/database/migrate.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { createThrowawayDatabase, serverDatabaseUrl } from '../support/test-app.js';

/** A fresh, empty database: a throwaway one on the server when TEST_DATABASE_URL is set, else embedded. */
async function freshDatabase(): Promise<{ target: DatabaseTarget; dispose(): Promise<void> }> {
  const server = serverDatabaseUrl();
  if (server) {
    const db = await createThrowawayDatabase(server);
    return { target: { url: db.url, embedded: false }, dispose: () => db.drop() };
  }
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres(':memory:');
  return { target: { url: embedded.url, embedded: true }, dispose: () => embedded.stop() };
}

async function tableNames(ds: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await ds.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

describe('Migrations', () => {
  // one fresh, empty database for the first two tests: migrated up once here, checked against the
  // entities, then run all the way down and up again
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let ds: DataSource;
  let applied: string[];
  beforeAll(async () => {
    db = await freshDatabase();
    ds = new DataSource(dataSourceOptions(db.target));
    await ds.initialize();
    applied = (await runPendingMigrations(ds, db.target.embedded)).map((m) => m.name);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.dispose();
  });

  it('produce exactly the schema the entities describe (generation would be empty)', async () => {
    expect(applied).toHaveLength(MIGRATIONS.length);
    const changes = await pendingSchemaChanges(ds);
    expect(changes.up).toEqual([]);
  });

  it('all run down to an empty schema and up again', async () => {
    const full = await tableNames(ds);
    expect(full).toEqual(expect.arrayContaining(['users', 'events', 'venues', 'rooms', 'organisations', 'event_organisations']));
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tableNames(ds)).toEqual(['migrations']);
    expect(await ds.query('SELECT count(*)::int AS n FROM migrations')).toEqual([{ n: 0 }]);
    const again = await runPendingMigrations(ds, db.target.embedded);
    expect(again).toHaveLength(MIGRATIONS.length);
    expect(await tableNames(ds)).toEqual(full);
    expect((await pendingSchemaChanges(ds)).up).toEqual([]);
  });

  const onServer = serverDatabaseUrl() ? it : it.skip;
  onServer('take turns when two instances start at once (advisory lock; server only: the embedded engine is one process)', async () => {
    const db = await freshDatabase();
    const a = new DataSource(dataSourceOptions(db.target));
    const b = new DataSource(dataSourceOptions(db.target));
    try {
      await Promise.all([a.initialize(), b.initialize()]);
      const [ranA, ranB] = await Promise.all([runPendingMigrations(a, false), runPendingMigrations(b, false)]);
      expect(ranA.length + ranB.length).toBe(MIGRATIONS.length);
      expect(await a.query('SELECT count(*)::int AS n FROM migrations')).toEqual([{ n: MIGRATIONS.length }]);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
      await db.dispose();
    }
  });
});
