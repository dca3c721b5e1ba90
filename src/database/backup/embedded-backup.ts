import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  EMBEDDED_EXTENSIONS,
  EmbeddedDataDirInUseError,
  embeddedDataLocation,
  lockEmbeddedDataDir,
} from '../embedded-postgres.js';
import { BACKUP_HEAD_BYTES, BackupError, backupKindOf, megabytes, wrongKindMessage } from './backup-file.js';

/**
 * Backup and restore of the embedded database (DATA_DIR) through PGlite's own archive of its data
 * directory (`dumpDataDir`, a gzip-compressed tar, loaded back with `loadDataDir`). PGlite's files
 * belong to one process: both take DATA_DIR's lock, so they refuse to run beside `npm start`.
 */
export async function backupEmbedded(dataDir: string, file: string): Promise<string> {
  if (dataDir === ':memory:') throw new BackupError('DATA_DIR is :memory:: an in-memory database keeps nothing to back up');
  const location = embeddedDataLocation(dataDir);
  if (!existsSync(join(location, 'PG_VERSION'))) throw new BackupError(`there is no embedded database in ${resolve(dataDir)} (no ${location}/PG_VERSION): nothing to back up`);
  const release = lock(dataDir, 'back up');
  try {
    const db = await PGlite.create(location, { extensions: EMBEDDED_EXTENSIONS });
    try {
      // everything committed written to the data files, so the archive needs no WAL replay
      await db.exec('CHECKPOINT');
      const archive = await db.dumpDataDir('gzip');
      writeAtomically(file, Buffer.from(await archive.arrayBuffer()));
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
  return `backed up the embedded database in ${resolve(dataDir)} to ${resolve(file)} (${megabytes(file)})`;
}

export async function restoreEmbedded(dataDir: string, file: string, force: boolean): Promise<string> {
  if (dataDir === ':memory:') throw new BackupError('DATA_DIR is :memory:: set DATA_DIR to the folder to restore into');
  const bytes = readBackup(file);
  const refusal = wrongKindMessage(backupKindOf(bytes.subarray(0, BACKUP_HEAD_BYTES)), 'embedded');
  if (refusal) throw new BackupError(refusal);
  mkdirSync(dataDir, { recursive: true });
  const release = lock(dataDir, 'restore');
  const location = embeddedDataLocation(dataDir);
  let setAside: string | null = null;
  try {
    if (existsSync(join(location, 'PG_VERSION'))) {
      if (!force) {
        throw new BackupError(
          `${resolve(dataDir)} already holds a database: restoring would replace it. Add --force to restore anyway ` +
            '(the current one is kept beside it, renamed pgdata.before-restore-…), or choose an empty DATA_DIR.',
        );
      }
      setAside = `${location}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(location, setAside);
    } else {
      rmSync(location, { recursive: true, force: true }); // an empty or half-made folder
    }
    mkdirSync(location, { recursive: true });
    try {
      const db = await PGlite.create(location, { extensions: EMBEDDED_EXTENSIONS, loadDataDir: new Blob([bytes]) });
      try {
        const [{ tables }] = (await db.query<{ tables: number }>(`SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'`)).rows as [{ tables: number }];
        if (tables === 0) throw new BackupError(`${file} holds an embedded database without any table of this application`);
      } finally {
        await db.close();
      }
    } catch (error) {
      // leave DATA_DIR as it was
      rmSync(location, { recursive: true, force: true });
      if (setAside) renameSync(setAside, location);
      throw error;
    }
  } finally {
    release();
  }
  return (
    `restored ${resolve(file)} into the embedded database in ${resolve(dataDir)}` +
    (setAside ? `; the database it replaced is kept in ${setAside} (remove it when you no longer need it)` : '')
  );
}

function lock(dataDir: string, what: string): () => void {
  try {
    const lockFile = lockEmbeddedDataDir(dataDir);
    return () => rmSync(lockFile, { force: true });
  } catch (error) {
    if (!(error instanceof EmbeddedDataDirInUseError)) throw error;
    throw new BackupError(
      `cannot ${what} the embedded database in ${resolve(dataDir)}: it is open in process ${error.holderPid} (a running npm start, or another command). ` +
        'Its files belong to one process at a time, so stop the server first (Ctrl+C or SIGTERM: it finishes the requests in flight and closes the database), ' +
        `${what === 'back up' ? 'run the backup' : 'restore'}, then start it again. A PostgreSQL server (DATABASE_URL) can be backed up while it runs.`,
    );
  }
}

function readBackup(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new BackupError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Writes FILE.partial, then renames it: a backup that fails half-way never leaves a truncated FILE. */
function writeAtomically(file: string, bytes: Buffer): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
}
