import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';

/** Where the application's PostgreSQL is, and whether it is the embedded one. */
export interface DatabaseTarget {
  url: string;
  embedded: boolean;
}

/** TypeORM options shared by the app, the migration commands and the tests. */
export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built in from PostgreSQL 13 on, and PGlite has it; uuid-ossp is not needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // PGlite is a single session: one connection, or transactions would interleave.
    // Its one connection is also the one that hears change notifications (src/change-feed): kept open while idle.
    extra: target.embedded ? { max: 1, idleTimeoutMillis: 0, application_name: 'colloquium-back-office' } : { max: 10, application_name: 'colloquium-back-office' },
    logging: false,
  };
}
