import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIObject } from '@nestjs/swagger';
import pg from 'pg';
import { bootApp } from '../../src/bootstrap.js';
import type { AppConfig } from '../../src/config/app-config.js';

/**
 * Migrate and seed once, copy per test file (docs/testing.md).
 *
 * Booting on an empty database applies every migration, creates the first organiser and loads the
 * reference data: seconds of work that every test file used to redo. Here it is done once per
 * content of the code (a hash of src/, migrations/ and this harness) and variant (with or without the
 * reference data), then each test file gets its own copy, which the boot finds already done:
 * - embedded engine: a PGlite data directory dumped to node_modules/.cache/colloquium-test-db/ and
 *   loaded into a fresh in-memory PGlite per file (the cache outlives the run: a focused run after a
 *   first one starts from it);
 * - PostgreSQL server: a database `colloquium_tpl_<hash>_<variant>` built once, then
 *   `CREATE DATABASE … TEMPLATE` per file.
 * Whoever builds first holds a lock (a directory on disk; an advisory lock on the server); the other
 * workers wait for the result. TEST_DB_TEMPLATES=off turns all this off (every file migrates itself).
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'colloquium-test-db');
/** Advisory lock key serialising template builds on a server (any constant distinct from the app's). */
const TEMPLATE_LOCK_KEY = 7_202_015;
const BUILD_DEADLINE_MS = 5 * 60_000;

export function templatesEnabled(): boolean {
  return !/^(off|false|0|no)$/i.test(process.env.TEST_DB_TEMPLATES?.trim() ?? '');
}

let codeHash: string | null = null;

/** Hash of what decides the contents of a freshly booted database: the code, the migrations, this harness, PGlite's version. */
export function templateKey(): string {
  if (codeHash) return codeHash;
  const hash = createHash('sha256');
  for (const dir of ['src', 'migrations', 'test/support']) {
    const files = (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort();
    for (const file of files) {
      hash.update(`${dir}/${file}\0`);
      hash.update(readFileSync(join(ROOT, dir, file)));
    }
  }
  hash.update(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  codeHash = hash.digest('hex').slice(0, 16);
  return codeHash;
}

const variantName = (config: AppConfig) => (config.seedReferenceData ? 'seeded' : 'bare');

/** Boots the app once on an empty database (migrations, first organiser, reference data as `config` says), then closes it. */
async function bootOnce(config: AppConfig, after?: (booted: Awaited<ReturnType<typeof bootApp>>) => Promise<void>): Promise<void> {
  const booted = await bootApp(config, { quiet: true });
  try {
    await after?.(booted);
  } finally {
    await booted.close();
  }
}

// ---- embedded engine ----------------------------------------------------------------------------

const loaded = new Map<string, Blob>();

/** Names the template for this config: the version of the code and the variant. */
export function embeddedTemplateName(config: AppConfig): string {
  return `${templateKey()}-${variantName(config)}`;
}

/** The dumped data directory for this config's variant, built on first use (one builder, the others wait). */
export async function embeddedTemplate(config: AppConfig): Promise<Blob> {
  const file = join(CACHE_DIR, `${embeddedTemplateName(config)}.tar`);
  const cached = loaded.get(file);
  if (cached) return cached;
  const deadline = Date.now() + BUILD_DEADLINE_MS;
  for (;;) {
    if (exists(file)) break;
    const lock = tryLock(`${file}.lock`);
    if (lock) {
      try {
        if (!exists(file)) {
          let dump: Blob | null = null;
          await bootOnce(config, async (booted) => {
            dump = await booted.embedded!.dumpDataDir();
          });
          const tmp = `${file}.${process.pid}.tmp`;
          writeFileSync(tmp, Buffer.from(await dump!.arrayBuffer()));
          renameSync(tmp, file);
        }
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for the test database template ${file} (lock ${file}.lock)`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const blob = new Blob([readFileSync(file)]);
  loaded.set(file, blob);
  return blob;
}

function exists(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}

/** A lock directory holding the owner's pid; a lock left by a dead process is taken over. */
function tryLock(path: string): string | null {
  mkdirSync(dirname(path), { recursive: true });
  try {
    mkdirSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    let holder = 0;
    try {
      holder = Number(readFileSync(join(path, 'pid'), 'utf8'));
    } catch {
      // being created right now: wait
      return null;
    }
    if (holder > 0 && isAlive(holder)) return null;
    rmSync(path, { recursive: true, force: true });
    return tryLock(path);
  }
  writeFileSync(join(path, 'pid'), String(process.pid));
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

// ---- PostgreSQL server --------------------------------------------------------------------------

const ready = new Set<string>();

function withDatabase(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Name of the template database for this config's variant on the server at `baseUrl`, built on
 * first use: into a scratch database, renamed when complete, so that a template that exists is whole.
 */
export async function serverTemplate(baseUrl: string, config: AppConfig): Promise<string> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ user: string }>('SELECT current_user AS user');
    const key = createHash('sha256').update(`${templateKey()}\0${rows[0].user}`).digest('hex').slice(0, 16);
    const name = `colloquium_tpl_${key}_${variantName(config)}`;
    if (ready.has(name)) return name;
    const present = async () => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (!(await present())) {
      await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
      try {
        if (!(await present())) {
          const scratch = `t_tpl_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
          await admin.query(`CREATE DATABASE "${scratch}"`);
          try {
            await bootOnce({ ...config, databaseUrl: withDatabase(baseUrl, scratch) });
            await admin.query(`ALTER DATABASE "${scratch}" RENAME TO "${name}"`);
          } catch (error) {
            await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`).catch(() => undefined);
            throw error;
          }
        }
      } finally {
        await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
      }
    }
    ready.add(name);
    return name;
  } finally {
    await admin.end();
  }
}

// ---- the OpenAPI document -----------------------------------------------------------------------

/**
 * Building the OpenAPI document takes about a third of a boot (0.4–0.5 s): it depends on the code
 * alone (the routes and DTOs: no setting changes it), so the first boot of a version of the code
 * writes it here and the others serve that copy (`bootApp(…, { apiDocument })`). `npm run lint`
 * still checks the document the CLI builds itself against the committed web types.
 */
function apiDocumentFile(): string {
  const swagger = readFileSync(join(ROOT, 'node_modules/@nestjs/swagger/package.json'));
  const key = createHash('sha256').update(templateKey()).update(swagger).digest('hex').slice(0, 16);
  return join(CACHE_DIR, `${key}-openapi.json`);
}

/** The document built by an earlier boot of this same code, if any. */
export function cachedApiDocument(): OpenAPIObject | undefined {
  if (!templatesEnabled()) return undefined;
  try {
    return JSON.parse(readFileSync(apiDocumentFile(), 'utf8')) as OpenAPIObject;
  } catch {
    return undefined;
  }
}

/** Keeps `document` for the next boots (written whole, then renamed: a reader never sees half of it). */
export function keepApiDocument(document: OpenAPIObject): void {
  if (!templatesEnabled()) return;
  const file = apiDocumentFile();
  mkdirSync(CACHE_DIR, { recursive: true });
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, JSON.stringify(document));
  renameSync(partial, file);
}
