import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { BackupError } from './backup-file.js';

export type PgTool = 'pg_dump' | 'pg_restore';

/** Debian and Ubuntu install each PostgreSQL version's programs here, outside PATH. */
const DEBIAN_POSTGRESQL = '/usr/lib/postgresql';

/**
 * Where to look for a PostgreSQL program, in order: PG_BIN_DIR, every folder of PATH, then
 * Debian's /usr/lib/postgresql/<version>/bin from the newest version down (a newer pg_dump reads
 * older servers; an older one refuses a newer server).
 */
export function pgToolCandidates(tool: PgTool, env: NodeJS.ProcessEnv, debianVersions: string[], debianRoot = DEBIAN_POSTGRESQL): string[] {
  const dirs = [
    ...(env.PG_BIN_DIR?.trim() ? [env.PG_BIN_DIR.trim()] : []),
    ...(env.PATH ?? '').split(delimiter).filter((d) => d !== ''),
    ...debianVersions
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => join(debianRoot, v, 'bin')),
  ];
  return dirs.map((d) => join(d, tool));
}

export class PgToolMissingError extends BackupError {
  constructor(tool: PgTool, looked: string[]) {
    super(
      `${tool} was not found (looked in PG_BIN_DIR, PATH and ${DEBIAN_POSTGRESQL}/*/bin; ${looked.length} places). ` +
        `Install PostgreSQL's client programs (Debian, Ubuntu: apt install postgresql-client) or set PG_BIN_DIR to the folder holding ${tool}.`,
    );
  }
}

export function findPgTool(tool: PgTool, env: NodeJS.ProcessEnv = process.env, debianRoot = DEBIAN_POSTGRESQL): string {
  let versions: string[] = [];
  try {
    versions = readdirSync(debianRoot);
  } catch {
    /* not a Debian-like install */
  }
  const candidates = pgToolCandidates(tool, env, versions, debianRoot);
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new PgToolMissingError(tool, candidates);
  return found;
}

/**
 * The connection for a PostgreSQL program: the URL without its password (arguments are visible
 * to every user of the machine in `ps`), the password in PGPASSWORD.
 */
export function connectionFor(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Runs a PostgreSQL program; rejects with its own error output when it fails. */
export async function runPgTool(path: string, args: string[], extraEnv: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new BackupError(`${path} failed (exit code ${code}):\n${output.trim()}`))));
  });
}
