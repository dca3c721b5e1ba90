import { statSync } from 'node:fs';

/** A backup or restore that cannot go on, with a message for the person at the command line. */
export class BackupError extends Error {}

/**
 * What a backup file holds, told by its first bytes:
 * - `embedded`: PGlite's dump of its data directory (a tar archive, gzip-compressed as `backup` writes it);
 * - `pg-dump`: pg_dump's custom format (`backup` on a PostgreSQL server), read by pg_restore;
 * - `sql`: a plain SQL script (pg_dump's default), which this tool does not restore (psql does);
 * - `unknown`: anything else.
 */
export type BackupKind = 'embedded' | 'pg-dump' | 'sql' | 'unknown';

/** Bytes enough to tell the kinds apart (a tar header's magic sits at offset 257). */
export const BACKUP_HEAD_BYTES = 512;

export function backupKindOf(head: Uint8Array): BackupKind {
  const text = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0x1f && head[1] === 0x8b) return 'embedded'; // gzip: PGlite's dumpDataDir('gzip')
  if (text(257, 262) === 'ustar') return 'embedded'; // an uncompressed tar: dumpDataDir('none')
  if (text(0, 5) === 'PGDMP') return 'pg-dump';
  if (/^(--|SET |CREATE |\\connect)/.test(text(0, 16))) return 'sql';
  return 'unknown';
}

/** What the engine in use can restore, and how to describe a file it cannot. */
export function wrongKindMessage(kind: BackupKind, engine: 'embedded' | 'server'): string | null {
  if (engine === 'embedded' && kind === 'embedded') return null;
  if (engine === 'server' && kind === 'pg-dump') return null;
  switch (kind) {
    case 'embedded':
      return 'this file is a backup of an embedded database (DATA_DIR); DATABASE_URL is set: unset it to restore into DATA_DIR';
    case 'pg-dump':
      return 'this file is a pg_dump of a PostgreSQL server; DATABASE_URL is not set: set it to the (empty) database to restore into';
    case 'sql':
      return 'this file is a plain SQL script: restore it with psql (this tool restores the files its backup command writes)';
    default:
      return 'this file is not a backup written by npm run cli -- backup (neither an embedded data directory archive nor a pg_dump custom-format file)';
  }
}

/** A file's size for a person: `12.3 MB`. */
export function megabytes(file: string): string {
  return `${(statSync(file).size / 1_048_576).toFixed(1)} MB`;
}
