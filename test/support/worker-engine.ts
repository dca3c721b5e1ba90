import type { PGlite } from '@electric-sql/pglite';
import { openEmbeddedDatabase } from '../../src/database/embedded-postgres.js';

/**
 * One in-memory PGlite per Jest worker (and template variant), reset to the template's contents
 * before each test file that uses it (docs/testing.md, « One database engine per worker »).
 *
 * Opening PGlite from the template costs ≈ 0.5 s of CPU and a few hundred MB of fresh pages: the
 * template's files are unpacked into PGlite's in-memory file system and PostgreSQL starts. A reset
 * costs a few tens of milliseconds: every table of the schema is emptied (TRUNCATE … RESTART
 * IDENTITY) and refilled with the rows the template had, copied out once when the engine was
 * opened (COPY … FORMAT binary, in the same physical order), the sequences and the planner's
 * figures are put back (statistics a file's ANALYZE left removed), and the session is reset (DISCARD ALL: settings, LISTEN, advisory locks,
 * prepared statements, temporary tables). What a reset cannot put back, a test file's own schema
 * objects (a table, an index, a function, a role), is caught by comparing the schema's fingerprint
 * with the template's: the engine is then closed and a fresh one opened from the template.
 *
 * `contentFingerprint` is what test/harness/worker-engine.spec.ts compares between a reset engine
 * and a fresh copy of the template; TEST_VERIFY_RESET=1 compares it after every reset of a run.
 */

export interface EngineLease {
  db: PGlite;
  /** Gives the engine back for the next test file (after the application serving it has closed). */
  release(): void;
  /** Called when a later test file finds the engine still held by this one (its app never closed). */
  onTakeOver(close: () => Promise<void>): void;
}

interface Snapshot {
  /** Every table of the schema, qualified and quoted. */
  tables: string[];
  /** The rows of each table that has any, as COPY … FORMAT binary wrote them. */
  rows: Array<{ table: string; data: Blob }>;
  sequences: Array<{ name: string; lastValue: string; isCalled: boolean }>;
  /** relpages, reltuples, relallvisible of each table and index: TRUNCATE resets them. */
  planner: Array<{ oid: number; name: string; relpages: number; reltuples: number; relallvisible: number }>;
  schema: string;
  /** The full fingerprint, kept only under TEST_VERIFY_RESET. */
  content: string | null;
}

interface Engine {
  db: PGlite;
  snapshot: Snapshot;
  /** The test file holding it, and how to close what it left serving the engine. */
  holder: { testPath: string; close: (() => Promise<void>) | null } | null;
}

interface WorkerScope {
  engines?: Map<string, Engine>;
}

const SCHEMA = 'public';

/** The worker's lasting scope, which the test environment hands every file (outer-realm/environment.js). */
function engines(): Map<string, Engine> {
  const scope = (globalThis as unknown as { __workerScope?: WorkerScope }).__workerScope;
  if (!scope) throw new Error('test/support/worker-engine.ts needs the test environment of test/support/outer-realm');
  scope.engines ??= new Map();
  return scope.engines;
}

export function engineReuseEnabled(): boolean {
  return !/^(off|false|0|no)$/i.test(process.env.TEST_ENGINE_REUSE?.trim() ?? '');
}

function currentTestPath(): string {
  return (expect.getState().testPath as string | undefined) ?? '(outside a test file)';
}

/**
 * The worker's engine for `key` (the template's version and variant), reset to the template; opened
 * from `template()` the first time, or again when a reset finds the schema changed. `null` when this
 * same test file already holds it (a second application at once): that one gets its own database.
 */
export async function leaseEngine(key: string, template: () => Promise<Blob>, testPath = currentTestPath()): Promise<EngineLease | null> {
  const pool = engines();
  let engine = pool.get(key);
  if (engine?.holder) {
    if (engine.holder.testPath === testPath) return null;
    // an earlier file never closed its application: close it now, it is not running any more
    await engine.holder.close?.().catch(() => undefined);
    engine.holder = null;
  }
  if (engine && !(await resetOrDiscard(engine))) {
    pool.delete(key);
    await engine.db.close().catch(() => undefined);
    engine = undefined;
  }
  if (!engine) {
    letEngineTimersEnd();
    const db = await openEmbeddedDatabase(':memory:', { initialData: await template() });
    engine = { db, snapshot: await takeSnapshot(db), holder: null };
    pool.set(key, engine);
  }
  const held = engine;
  const holder: NonNullable<Engine['holder']> = { testPath, close: null };
  held.holder = holder;
  return {
    db: held.db,
    release() {
      if (held.holder === holder) held.holder = null;
    },
    onTakeOver(close) {
      holder.close = close;
    },
  };
}

async function takeSnapshot(db: PGlite): Promise<Snapshot> {
  const tables = await relationNames(db, TABLES);
  const rows: Snapshot['rows'] = [];
  for (const table of tables) {
    const { rows: count } = await db.query<{ any: boolean }>(`SELECT EXISTS (SELECT FROM ${table}) AS any`);
    if (!count[0].any) continue;
    const copied = await db.query(`COPY ${table} TO '/dev/blob' WITH (FORMAT binary)`);
    if (!copied.blob) throw new Error(`COPY ${table} gave no data`);
    rows.push({ table, data: copied.blob });
  }
  // the template was never analysed; a reset removes what a file's ANALYZE left
  if ((await statisticsCount(db)) !== 0) throw new Error('the test database template holds planner statistics (pg_statistic), which a reset would remove');
  return {
    tables,
    rows,
    sequences: await sequenceStates(db),
    planner: await plannerFigures(db),
    schema: await schemaFingerprint(db),
    content: verifyEveryReset() ? await contentFingerprint(db) : null,
  };
}

const TABLES = ['r', 'p'];

/** The schema's relations of these kinds, qualified and quoted, by name. */
async function relationNames(db: PGlite, kinds: string[]): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = ANY ($2::"char"[]) ORDER BY c.relname`,
    [SCHEMA, kinds],
  );
  return rows.map((r) => r.name);
}

async function sequenceStates(db: PGlite): Promise<Snapshot['sequences']> {
  const states: Snapshot['sequences'] = [];
  for (const name of await relationNames(db, ['S'])) {
    const [state] = (await db.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${name}`)).rows;
    states.push({ name, lastValue: state.last_value, isCalled: state.is_called });
  }
  return states;
}

/** relpages, reltuples, relallvisible of each table and index, by name. */
async function plannerFigures(db: PGlite): Promise<Snapshot['planner']> {
  const { rows } = await db.query<Snapshot['planner'][number]>(
    `SELECT c.oid::int AS oid, c.relname AS name, c.relpages, c.reltuples, c.relallvisible FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'i') ORDER BY c.relname`,
    [SCHEMA],
  );
  return rows;
}

const PUBLIC_RELATIONS = `ARRAY(SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1)`;

async function statisticsCount(db: PGlite): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_statistic WHERE starelid = ANY (${PUBLIC_RELATIONS})`, [SCHEMA]);
  return rows[0].n;
}

const verifyEveryReset = () => /^(1|true|on|yes)$/i.test(process.env.TEST_VERIFY_RESET?.trim() ?? '');

/** Puts the engine back to its snapshot; false when it cannot be (the schema changed, a query failed). */
async function resetOrDiscard(engine: Engine): Promise<boolean> {
  const { db, snapshot } = engine;
  try {
    if (db.closed) return false;
    if (db.isInTransaction()) await db.exec('ROLLBACK');
    await db.exec('DISCARD ALL');
    if ((await schemaFingerprint(db)) !== snapshot.schema) return false;
    await db.exec('BEGIN');
    await db.exec(`TRUNCATE ${snapshot.tables.join(', ')} RESTART IDENTITY`);
    // the rows as they were, foreign keys and triggers aside: they held when the rows were copied out
    await db.exec('SET LOCAL session_replication_role = replica');
    for (const { table, data } of snapshot.rows) await db.query(`COPY ${table} FROM '/dev/blob' WITH (FORMAT binary)`, [], { blob: data });
    await db.query('SELECT setval(s.name::regclass, s.value, s.called) FROM unnest($1::text[], $2::bigint[], $3::boolean[]) AS s(name, value, called)', [
      snapshot.sequences.map((s) => s.name),
      snapshot.sequences.map((s) => s.lastValue),
      snapshot.sequences.map((s) => s.isCalled),
    ]);
    await db.query(
      `UPDATE pg_class c SET relpages = p.relpages, reltuples = p.reltuples, relallvisible = p.relallvisible
         FROM jsonb_to_recordset($1::jsonb) AS p(oid int, relpages int, reltuples real, relallvisible int) WHERE c.oid = p.oid`,
      [JSON.stringify(snapshot.planner)],
    );
    await db.query(`DELETE FROM pg_statistic WHERE starelid = ANY (${PUBLIC_RELATIONS})`, [SCHEMA]);
    await db.exec('COMMIT');
    if (snapshot.content !== null) {
      const now = await contentFingerprint(db);
      if (now !== snapshot.content) throw new Error(`TEST_VERIFY_RESET: the reset database differs from the template:\n${diffLines(snapshot.content, now)}`);
    }
    return true;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('TEST_VERIFY_RESET')) throw error;
    if (db.isInTransaction()) await db.exec('ROLLBACK').catch(() => undefined);
    return false;
  }
}

/**
 * The schema's objects as a reset cannot change them: relations and their columns, constraints,
 * indexes, triggers, functions, types, schemas, extensions, roles, and the database's settings.
 */
export async function schemaFingerprint(db: PGlite): Promise<string> {
  const { rows } = await db.query<{ fingerprint: string }>(
    `SELECT md5(string_agg(line, E'\\n' ORDER BY line)) AS fingerprint FROM (
       SELECT format('rel %s.%s %s %s', n.nspname, c.relname, c.relkind, c.relpersistence) AS line
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
       UNION ALL SELECT format('col %s.%s %s %s %s %s %s', c.oid::regclass, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attisdropped,
                               pg_get_expr(d.adbin, d.adrelid))
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE n.nspname = $1 AND a.attnum > 0
       UNION ALL SELECT format('con %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) FROM pg_constraint WHERE connamespace = $1::regnamespace
       UNION ALL SELECT format('idx %s', pg_get_indexdef(indexrelid)) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = $1::regnamespace
       UNION ALL SELECT format('trg %s %s %s', tgrelid::regclass, tgname, tgenabled) FROM pg_trigger WHERE NOT tgisinternal
       UNION ALL SELECT format('fn %s %s', p.oid::regprocedure, md5(p.prosrc)) FROM pg_proc p WHERE p.pronamespace = $1::regnamespace
       UNION ALL SELECT format('type %s %s', t.typname, t.typtype) FROM pg_type t WHERE t.typnamespace = $1::regnamespace
       UNION ALL SELECT format('enum %s %s %s', enumtypid::regtype, enumsortorder, enumlabel) FROM pg_enum
       UNION ALL SELECT format('ns %s', nspname) FROM pg_namespace
       UNION ALL SELECT format('ext %s %s', extname, extversion) FROM pg_extension
       UNION ALL SELECT format('role %s %s', rolname, rolsuper) FROM pg_roles
       UNION ALL SELECT format('setting %s %s', setdatabase, setconfig) FROM pg_db_role_setting
       UNION ALL SELECT format('db %s %s', datname, datallowconn) FROM pg_database
     ) AS schema`,
    [SCHEMA],
  );
  return rows[0].fingerprint;
}

/**
 * Everything a test could read back: the schema's fingerprint, each table's rows in their physical
 * order (what a query without ORDER BY returns), each sequence's state and the planner's figures.
 * One line per item, so that two fingerprints can be compared line by line.
 */
export async function contentFingerprint(db: PGlite): Promise<string> {
  const lines = [`schema ${await schemaFingerprint(db)}`];
  for (const name of await relationNames(db, TABLES)) {
    const [r] = (
      await db.query<{ n: number; rows: string }>(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t.ctid), '')) AS rows FROM ${name} t`)
    ).rows;
    lines.push(`table ${name} ${r.n} rows ${r.rows}`);
  }
  for (const s of await sequenceStates(db)) lines.push(`sequence ${s.name} ${s.lastValue} ${s.isCalled}`);
  for (const p of await plannerFigures(db)) lines.push(`planner ${p.name} ${p.relpages} ${p.reltuples} ${p.relallvisible}`);
  lines.push(`statistics ${await statisticsCount(db)}`);
  return lines.join('\n');
}

function diffLines(expected: string, actual: string): string {
  const want = new Set(expected.split('\n'));
  const got = new Set(actual.split('\n'));
  return [...[...want].filter((l) => !got.has(l)).map((l) => `- ${l}`), ...[...got].filter((l) => !want.has(l)).map((l) => `+ ${l}`)].join('\n');
}

/**
 * PostgreSQL arms timers (setitimer, which Emscripten turns into setTimeout: after each statement,
 * « flush the statistics in 10 s »). An engine kept open across files would keep the worker alive
 * for up to 10 s after its last file, and Jest would force it to exit with a warning. The worker's
 * setTimeout is wrapped once so that those timers, and only those, do not hold the worker open;
 * they still fire while it runs.
 */
function letEngineTimersEnd(): void {
  const realm = (globalThis as unknown as { __appGlobals: typeof globalThis & { __engineTimersUnref?: true } }).__appGlobals;
  if (realm.__engineTimersUnref) return;
  realm.__engineTimersUnref = true;
  const real = realm.setTimeout;
  const wrapped = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = real(callback, ms, ...args);
    if (typeof callback === 'function' && Function.prototype.toString.call(callback).includes('__emscripten_timeout')) timer.unref();
    return timer;
  }) as typeof setTimeout;
  realm.setTimeout = Object.assign(wrapped, real);
}
