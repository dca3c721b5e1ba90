import type { DataSource, Migration } from 'typeorm';

/** Arbitrary constant naming the advisory lock that serialises migrations between instances. */
export const MIGRATION_LOCK_KEY = 7_202_012;

/**
 * Applies pending migrations. On a PostgreSQL server, two instances starting together take
 * turns through a session-level advisory lock held on a dedicated connection; the second one
 * then finds nothing left to do. The embedded engine belongs to one process, so no lock is needed
 * (and its single connection could not hold one while migrating).
 */
export async function runPendingMigrations(dataSource: DataSource, embedded: boolean): Promise<Migration[]> {
  if (embedded) return dataSource.runMigrations({ transaction: 'each' });
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lockRunner.release();
  }
}

/** The SQL that would bring the database to what the entities say (empty when they agree). */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sqlInMemory.upQueries.map((q) => q.query),
    down: sqlInMemory.downQueries.map((q) => q.query),
  };
}
