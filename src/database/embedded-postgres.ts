import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** A PostgreSQL (PGlite, compiled to WebAssembly) served on loopback with the ordinary wire protocol. */
export interface EmbeddedPostgres {
  /** Connection string for `pg` / TypeORM. */
  url: string;
  /** Where the data lives, or ':memory:'. */
  dataDir: string;
  /** The whole data directory as an uncompressed tarball, loadable by `startEmbeddedPostgres(…, { initialData })`. */
  dumpDataDir(): Promise<Blob>;
  /** Stops serving and closes the database, flushing committed data to disk. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** A data directory dumped by `dumpDataDir` to start from (the test harness's migrated copy), in place of an empty one. */
  initialData?: Blob;
  /**
   * An in-memory database already open (`openEmbeddedDatabase(':memory:')`) to serve instead of
   * opening one: the test harness keeps one per worker and resets it between test files. `stop()`
   * then stops serving it and leaves it open for its owner.
   */
  database?: PGlite;
}

/**
 * Opens PGlite on DATA_DIR's files, or in memory for ':memory:', with the contrib extensions the
 * schema uses (it does not serve it: startEmbeddedPostgres does).
 */
export async function openEmbeddedDatabase(dataDir: string, options: { initialData?: Blob } = {}): Promise<PGlite> {
  return PGlite.create(dataDir === ':memory:' ? undefined : embeddedDataLocation(dataDir), {
    extensions: EMBEDDED_EXTENSIONS,
    loadDataDir: options.initialData,
  });
}

/**
 * Starts PGlite with the contrib extensions later features rely on (btree_gist for exclusion
 * constraints, unaccent and pg_trgm for accent-insensitive search, citext) and serves it on
 * 127.0.0.1 on a free port. PGlite is a single session: callers must use one connection.
 */
export async function startEmbeddedPostgres(dataDir: string, options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const inMemory = dataDir === ':memory:';
  const given = options.database;
  if (given && !inMemory) throw new Error('only an in-memory embedded database can be handed over open');
  let lockFile: string | null = null;
  if (!inMemory) {
    mkdirSync(embeddedDataLocation(dataDir), { recursive: true });
    lockFile = lockEmbeddedDataDir(dataDir);
  }
  let db: PGlite | undefined = given;
  let server: PGLiteSocketServer;
  try {
    db ??= await openEmbeddedDatabase(dataDir, { initialData: options.initialData });
    server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
  } catch (error) {
    if (!given) await db?.close().catch(() => undefined);
    if (lockFile) rmSync(lockFile, { force: true });
    throw error;
  }
  const database = db;
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  let stopped = false;
  return {
    url,
    dataDir: inMemory ? ':memory:' : embeddedDataLocation(dataDir),
    async dumpDataDir() {
      return database.dumpDataDir('none');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (!given) await database.close();
      if (lockFile) rmSync(lockFile, { force: true });
    },
  };
}

/** The contrib extensions the schema uses, loaded whenever PGlite opens a data directory. */
export const EMBEDDED_EXTENSIONS = { btree_gist, citext, pg_trgm, unaccent };

/** Where PGlite keeps its files inside DATA_DIR. */
export function embeddedDataLocation(dataDir: string): string {
  return resolve(dataDir, 'pgdata');
}

/** The embedded data directory is open in another process (a running server, another CLI command). */
export class EmbeddedDataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(`The embedded database in ${dataDir} is in use by process ${holderPid}: stop it first, or use another DATA_DIR`);
  }
}

/**
 * Takes DATA_DIR's lock (see takeLock) and returns the lock file's path, which the caller removes
 * when done; throws EmbeddedDataDirInUseError when a live process holds it.
 */
export function lockEmbeddedDataDir(dataDir: string): string {
  return takeLock(resolve(dataDir, 'pgdata.lock'));
}

/**
 * PGlite files must be opened by one process only. A lock file holding our pid keeps a second
 * `npm start` or CLI run off the same DATA_DIR; a lock left by a dead process is taken over.
 */
function takeLock(path: string): string {
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
    return path;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number(readFileSync(path, 'utf8').trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
    throw new EmbeddedDataDirInUseError(path.replace(/pgdata\.lock$/, ''), holder);
  }
  writeFileSync(path, String(process.pid));
  return path;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
