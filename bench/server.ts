/**
 * The application under load, in its own process so that the load generator (bench/run.ts) does
 * not share its event loop. Started by run.ts with `fork`; reports its port over IPC, stops on
 * the message 'stop' or SIGTERM.
 */
import { performance } from 'node:perf_hooks';
import type { AfterQueryEvent, DataSource, EntitySubscriberInterface } from 'typeorm';
import { bootApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { BenchModule } from './bench.module.js';
import { seedGrid, type SeededGrid } from './seed-grid.js';
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

/** Answer to the message 'cpu': the application process's CPU time since start-up (user + system), µs. */
export interface CpuTime {
  type: 'cpu';
  micros: number;
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

/** Asks the application to write the programme grid's data set (bench/seed-grid.ts) into vtn2012. */
export interface SeedGridRequest {
  type: 'seed-grid';
}

/** Answer to 'seed-grid'. */
export type SeedGridReply = { type: 'grid-seeded'; result: SeededGrid } | { type: 'grid-seed-failed'; error: string };

/** Asks the application to create the scratch table of the plain inserts (bench/registrations.ts). */
export interface ScratchTableRequest {
  type: 'create-scratch-table';
}

/** Answer to 'create-scratch-table'. */
export type ScratchTableReply = { type: 'scratch-table-created' } | { type: 'scratch-table-failed'; error: string };

/** Starts ('lock-profile-start') or reads ('lock-profile-read') the profile of the part's row lock. */
export interface LockProfileRequest {
  type: 'lock-profile-start' | 'lock-profile-read';
}

/**
 * How long registrations held a part's row lock: from the answer of the statement that took it
 * (`… FOR UPDATE OF p`, AdmissionsService) to the answer of the COMMIT, on the same connection.
 */
export interface LockProfile {
  type: 'lock-profile';
  transactions: number;
  /** Mean wall time the lock was held, ms. */
  meanHeldMs: number;
  /** Of which the database worked (sum of the statements' execution times as TypeORM measured them), ms. */
  meanDatabaseMs: number;
  /** Statements sent while holding it (COMMIT included), mean. */
  meanStatements: number;
  /** The statements sent under the lock (first 60 characters) with their mean time, ms, as TypeORM measured it. */
  statements: { statement: string; meanMs: number; count: number }[];
}

/** Timestamps every statement's answer per connection, to measure how long the part's lock is held. */
function lockProfiler(dataSource: DataSource) {
  let on = false;
  const open = new Map<unknown, { since: number; dbMs: number; statements: string[] }>();
  let done: { heldMs: number; dbMs: number; statements: string[] }[] = [];
  let perStatement = new Map<string, { totalMs: number; count: number }>();
  const subscriber: EntitySubscriberInterface = {
    afterQuery(event: AfterQueryEvent) {
      if (!on) return;
      const runner = event.queryRunner;
      const current = open.get(runner);
      if (!current) {
        if (/FOR UPDATE OF p/.test(event.query) && event.success) open.set(runner, { since: performance.now(), dbMs: 0, statements: [] });
        return;
      }
      current.dbMs += event.executionTime ?? 0;
      const statement = event.query.replace(/\s+/g, ' ').trim().slice(0, 60);
      current.statements.push(statement);
      const stat = perStatement.get(statement) ?? { totalMs: 0, count: 0 };
      stat.totalMs += event.executionTime ?? 0;
      stat.count += 1;
      perStatement.set(statement, stat);
      if (/^(COMMIT|ROLLBACK)/.test(event.query.trim())) {
        open.delete(runner);
        done.push({ heldMs: performance.now() - current.since, dbMs: current.dbMs, statements: current.statements });
      }
    },
  };
  dataSource.subscribers.push(subscriber);
  return {
    start() {
      on = true;
      open.clear();
      done = [];
      perStatement = new Map();
    },
    read(): LockProfile {
      on = false;
      const n = done.length || 1;
      const sum = (f: (d: (typeof done)[number]) => number) => done.reduce((a, d) => a + f(d), 0) / n;
      return {
        type: 'lock-profile',
        transactions: done.length,
        meanHeldMs: sum((d) => d.heldMs),
        meanDatabaseMs: sum((d) => d.dbMs),
        meanStatements: sum((d) => d.statements.length),
        statements: [...perStatement].map(([statement, v]) => ({ statement, meanMs: v.totalMs / v.count, count: v.count })),
      };
    },
  };
}

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
  const profiler = lockProfiler(booted.dataSource);
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
    if (message === 'cpu') {
      const used = process.cpuUsage();
      process.send?.({ type: 'cpu', micros: used.user + used.system } satisfies CpuTime);
    }
    if ((message as SeedProgrammeRequest | null)?.type === 'seed-programme') {
      seedProgramme(booted.dataSource).then(
        (result) => process.send?.({ type: 'programme-seeded', result } satisfies SeedProgrammeReply),
        (error: unknown) => process.send?.({ type: 'programme-seed-failed', error: String((error as Error)?.stack ?? error) } satisfies SeedProgrammeReply),
      );
    }
    const kind = (message as { type?: string } | null)?.type;
    if (kind === 'seed-grid') {
      seedGrid(booted.dataSource).then(
        (result) => process.send?.({ type: 'grid-seeded', result } satisfies SeedGridReply),
        (error: unknown) => process.send?.({ type: 'grid-seed-failed', error: String((error as Error)?.stack ?? error) } satisfies SeedGridReply),
      );
    }
    if (kind === 'lock-profile-start') profiler.start();
    if (kind === 'lock-profile-read') process.send?.(profiler.read());
    if (kind === 'create-scratch-table') {
      booted.dataSource
        .query(`CREATE TABLE IF NOT EXISTS bench_inserts (id bigserial PRIMARY KEY, email text NOT NULL, first_name text NOT NULL, last_name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`)
        .then(
          () => process.send?.({ type: 'scratch-table-created' } satisfies ScratchTableReply),
          (error: unknown) => process.send?.({ type: 'scratch-table-failed', error: String(error) } satisfies ScratchTableReply),
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
