import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { pendingSchemaChanges, runPendingMigrations } from './migrate.js';
import { registerMigration, renderMigration } from './migration-writer.js';

/**
 * npm run migration:generate -- <Name>   writes migrations/<timestamp>-<Name>.ts from the entities
 * npm run migration:run                  applies pending migrations
 * npm run migration:revert               reverts the last one
 * Uses DATABASE_URL when set, otherwise the embedded database under DATA_DIR
 * (generate uses a throwaway in-memory one, so it compares the entities with the migrations only).
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  if (!['generate', 'run', 'revert'].includes(command ?? '')) {
    throw new Error('usage: migration-cli generate <Name> | run | revert');
  }
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
    throw new Error('generate needs a PascalCase name, e.g. npm run migration:generate -- AddSessions');
  }
  let embedded: EmbeddedPostgres | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(command === 'generate' ? ':memory:' : config.dataDir);
    url = embedded.url;
  }
  const dataSource = new DataSource(dataSourceOptions({ url, embedded: embedded !== null }));
  await dataSource.initialize();
  try {
    if (command === 'run') {
      const applied = await runPendingMigrations(dataSource, embedded !== null);
      console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'no pending migration');
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else {
      await runPendingMigrations(dataSource, embedded !== null);
      const { up, down } = await pendingSchemaChanges(dataSource);
      if (up.length === 0) {
        console.log('the entities and the migrations agree: nothing to generate');
        return;
      }
      const timestamp = Date.now();
      const fileBase = `${timestamp}-${name}`;
      const className = `${name}${timestamp}`;
      const dir = join(process.cwd(), 'migrations');
      writeFileSync(join(dir, `${fileBase}.ts`), renderMigration(className, up, down.reverse()));
      const indexPath = join(dir, 'index.ts');
      writeFileSync(indexPath, registerMigration(readFileSync(indexPath, 'utf8'), fileBase, className));
      console.log(`wrote migrations/${fileBase}.ts (${up.length} statements) and registered it in migrations/index.ts`);
    }
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
