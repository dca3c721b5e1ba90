/**
 * The application under load, in its own process so that the load generator (bench/run.ts) does
 * not share its event loop. Started by run.ts with `fork`; reports its port over IPC, stops on
 * the message 'stop' or SIGTERM.
 */
import { bootApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { BenchModule } from './bench.module.js';
import { seedProgramme, type SeededProgramme } from './seed-programme.js';
import { seedSubmissions, type SeededSubmissions } from './seed-submissions.js';

export interface ServerReady {
  type: 'ready';
  port: number;
  embedded: boolean;
  pid: number;
}

/** Answer to the message 'count': SQL statements TypeORM has sent since start-up. */
export interface QueryCount {
  type: 'count';
  queries: number;
}

/** Asks the application to write `count` fictitious proposals (bench/seed-submissions.ts) in its database. */
export interface SeedSubmissionsRequest {
  type: 'seed-submissions';
  count: number;
}

/** Answer to 'seed-submissions'. */
export type SeedSubmissionsReply = { type: 'seeded'; result: SeededSubmissions } | { type: 'seed-failed'; error: string };

/** Asks the application to write the fictitious programme of bench/seed-programme.ts in its database. */
export interface SeedProgrammeRequest {
  type: 'seed-programme';
}

/** Answer to 'seed-programme'. */
export type SeedProgrammeReply = { type: 'programme-seeded'; result: SeededProgramme } | { type: 'programme-seed-failed'; error: string };

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const booted = await bootApp(config, { quiet: true, extraModules: [BenchModule] });
  const server = await booted.app.listen(0, '127.0.0.1');
  // Every statement goes through the DataSource logger's logQuery (TypeORM calls it whether or not
  // logging is on): counting there gives the queries each route costs.
  let queries = 0;
  const logger = booted.dataSource.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (...args: Parameters<typeof logQuery>) => {
    queries += 1;
    return logQuery(...args);
  };
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await booted.close();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('message', (message: unknown) => {
    if (message === 'stop') void stop();
    if (message === 'count') process.send?.({ type: 'count', queries } satisfies QueryCount);
    if ((message as SeedProgrammeRequest | null)?.type === 'seed-programme') {
      seedProgramme(booted.dataSource).then(
        (result) => process.send?.({ type: 'programme-seeded', result } satisfies SeedProgrammeReply),
        (error: unknown) => process.send?.({ type: 'programme-seed-failed', error: String((error as Error)?.stack ?? error) } satisfies SeedProgrammeReply),
      );
    }
    const seed = message as SeedSubmissionsRequest | null;
    if (seed?.type === 'seed-submissions') {
      seedSubmissions(booted.dataSource, seed.count).then(
        (result) => process.send?.({ type: 'seeded', result } satisfies SeedSubmissionsReply),
        (error: unknown) => process.send?.({ type: 'seed-failed', error: String((error as Error)?.stack ?? error) } satisfies SeedSubmissionsReply),
      );
    }
  });
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
  const ready: ServerReady = { type: 'ready', port, embedded: booted.embedded !== null, pid: process.pid };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  console.error('bench server failed to start:', error);
  process.exit(1);
});
