import { renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import pg from 'pg';
import { BACKUP_HEAD_BYTES, BackupError, backupKindOf, megabytes, wrongKindMessage } from './backup-file.js';
import { connectionFor, findPgTool, runPgTool } from './pg-tools.js';

/**
 * Backup and restore of a PostgreSQL server's database (DATABASE_URL) with pg_dump and pg_restore
 * (custom format: compressed, restored table by table). pg_dump reads one consistent snapshot, so a
 * backup is safe while the servers run and write.
 */
export async function backupServer(databaseUrl: string, file: string): Promise<string> {
  const pgDump = findPgTool('pg_dump');
  const { dbname, env } = connectionFor(databaseUrl);
  const partial = `${file}.partial`;
  try {
    await runPgTool(pgDump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${dbname}`], env);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  return `backed up ${describe(databaseUrl)} to ${resolve(file)} (${megabytes(file)}) with ${pgDump}`;
}

export async function restoreServer(databaseUrl: string, file: string, force: boolean): Promise<string> {
  const head = await readHead(file);
  const refusal = wrongKindMessage(backupKindOf(head), 'server');
  if (refusal) throw new BackupError(refusal);
  const pgRestore = findPgTool('pg_restore');
  const tables = await tablesIn(databaseUrl);
  if (tables > 0 && !force) {
    throw new BackupError(
      `${describe(databaseUrl)} already holds ${tables} table(s): restoring would replace them. Restore into an empty database ` +
        '(createdb, then point DATABASE_URL at it), or add --force to drop and recreate what the backup holds (stop the servers using it first).',
    );
  }
  const { dbname, env } = connectionFor(databaseUrl);
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`];
  if (tables > 0) args.unshift('--clean', '--if-exists');
  await runPgTool(pgRestore, [...args, file], env);
  return `restored ${resolve(file)} into ${describe(databaseUrl)} with ${pgRestore}`;
}

/** Tables in the database's own schemas (the application's, TypeORM's migrations table among them). */
async function tablesIn(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

async function readHead(file: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new BackupError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const buffer = Buffer.alloc(BACKUP_HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, BACKUP_HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The database named without its password. */
function describe(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `database ${url.pathname.slice(1) || '(default)'} on ${url.host}`;
}
