import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { bootApp, type BootedApp } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { cachedApiDocument, embeddedTemplate, embeddedTemplateName, keepApiDocument, serverTemplate, templatesEnabled } from './template-database.js';
import { engineReuseEnabled, leaseEngine } from './worker-engine.js';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-123' };

/**
 * A real application on a real PostgreSQL for one test file: the embedded engine in memory by
 * default, or a fresh throwaway database on the server named by TEST_DATABASE_URL.
 */
export interface TestApp {
  booted: BootedApp;
  config: AppConfig;
  http: ReturnType<typeof request>;
  /** Logs in and returns the bearer token. */
  login(email: string, password: string): Promise<string>;
  /** Token of the seeded organiser. */
  adminToken(): Promise<string>;
  /** Creates a staff account through the API and returns its token. */
  tokenFor(role: 'organiser' | 'reception'): Promise<string>;
  close(): Promise<void>;
}

/**
 * Settings every test app starts with unless its file says otherwise: passwords hashed at scrypt's
 * cost 2^10 rather than 2^14 (PASSWORD_HASH_COST, allowed under NODE_ENV=test only). The suite
 * creates and logs in accounts hundreds of times, and each hash at 2^14 costs ≈ 35 ms of CPU (2 ms at 2^10);
 * what is checked (a scrypt hash is stored, a wrong password is refused, an unknown email costs a
 * hash too) is the same at either cost.
 */
export const TEST_SETTINGS: Readonly<NodeJS.ProcessEnv> = { NODE_ENV: 'test', PASSWORD_HASH_COST: '10' };

export function serverDatabaseUrl(): string | null {
  return process.env.TEST_DATABASE_URL?.trim() || null;
}

/** Creates an empty database on the test server; returns its URL and a function that drops it. */
export async function createThrowawayDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  return createDatabase(baseUrl, null);
}

/** A new database on the server, empty or a copy of `template` (CREATE DATABASE … TEMPLATE). */
async function createDatabase(baseUrl: string, template: string | null): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    /**
     * Drops the database. Cleanup never fails a test: a database that cannot be dropped yet (a
     * server process of another role still attached, which FORCE may not terminate without
     * privileges) is retried, then left for .ci/run, which drops whatever the run created.
     */
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        for (let attempt = 1; attempt <= 5; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
            return;
          } catch (error) {
            if (attempt === 5) console.warn(`could not drop test database ${name}: ${(error as Error).message}`);
            else await new Promise((r) => setTimeout(r, 200 * attempt));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

/** What the copied database was booted with: only the settings that decide what a boot writes. */
export function templateConfigFor(seedReferenceData: boolean): AppConfig {
  return loadConfig({
    ...TEST_SETTINGS,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    DATA_DIR: ':memory:',
    OUTBOX_POLL_MS: '0',
    SEED_REFERENCE_DATA: String(seedReferenceData),
  });
}

/**
 * Boots the app for one test file on its own database. That database starts as a copy of one
 * already migrated, with the first organiser (ADMIN) and, unless SEED_REFERENCE_DATA=false, the
 * reference data (test/support/template-database.ts), so the boot finds that work done. On the
 * embedded engine, the copy is the worker's engine reset to the template (test/support/worker-engine.ts).
 * An `env` that changes what the boot would write (its own DATABASE_URL, DATA_DIR or admin account)
 * gets an empty database, as before.
 */
export async function startTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const server = serverDatabaseUrl();
  const baseEnv: NodeJS.ProcessEnv = { ...TEST_SETTINGS, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'silent', DATA_DIR: ':memory:', ...env };
  const fromTemplate =
    templatesEnabled() &&
    !('DATABASE_URL' in env) &&
    baseEnv.DATA_DIR === ':memory:' &&
    baseEnv.ADMIN_EMAIL === ADMIN.email &&
    baseEnv.ADMIN_PASSWORD === ADMIN.password;
  const plain = loadConfig(baseEnv);
  const templateConfig = templateConfigFor(plain.seedReferenceData);
  const template = fromTemplate && server ? await serverTemplate(server, templateConfig) : null;
  // on the embedded engine, the worker's engine reset to the template when it can be, else a fresh copy
  const lease =
    fromTemplate && !server && engineReuseEnabled() ? await leaseEngine(embeddedTemplateName(templateConfig), () => embeddedTemplate(templateConfig)) : null;
  const embeddedInitialData = fromTemplate && !server && !lease ? await embeddedTemplate(templateConfig) : undefined;
  const throwaway = server && !('DATABASE_URL' in env) ? await createDatabase(server, template) : null;
  const config = throwaway ? loadConfig({ ...baseEnv, DATABASE_URL: throwaway.url }) : plain;
  let booted: BootedApp;
  try {
    const apiDocument = cachedApiDocument();
    booted = await bootApp(config, { quiet: true, embeddedInitialData, embeddedDatabase: lease?.db, apiDocument });
    if (!apiDocument) keepApiDocument(booted.apiDocument());
  } catch (error) {
    lease?.release();
    await throwaway?.drop();
    throw error;
  }
  lease?.onTakeOver(() => booted.close());
  let http = request(booted.app.getHttpServer());
  let admin: string | null = null;
  let counter = 0;
  const login = async (email: string, password: string) => {
    const res = await http.post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  const app: TestApp = {
    booted,
    config,
    http,
    login,
    async adminToken() {
      admin ??= await login(ADMIN.email, ADMIN.password);
      return admin;
    },
    async tokenFor(role) {
      const email = `${role}-${++counter}-${randomBytes(3).toString('hex')}@test.local`;
      const password = 'a-long-password-42';
      const res = await http
        .post('/api/users')
        .set('Authorization', `Bearer ${await app.adminToken()}`)
        .send({ email, password, roles: [role] });
      if (res.status !== 201) throw new Error(`create ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return login(email, password);
    },
    async close() {
      await booted.close();
      lease?.release();
      await throwaway?.drop();
      // A test file's module scope outlives it in Jest's worker (an ES module's context is kept);
      // letting go of the application here leaves that copy small instead of a whole app a file.
      const gone = undefined as never;
      app.booted = gone;
      app.http = gone;
      booted = gone;
      http = gone;
    },
  };
  return app;
}

/** Asserts the one error body of the API. */
export function expectErrorBody(body: unknown, status: number, code?: string): void {
  const b = body as Record<string, unknown>;
  expect(b.statusCode).toBe(status);
  expect(typeof b.error).toBe('string');
  expect(b.error).toMatch(/^[A-Z][A-Z_]+$/);
  if (code) expect(b.error).toBe(code);
  expect(typeof b.message).toBe('string');
  expect(typeof b.requestId).toBe('string');
  expect((b.requestId as string).length).toBeGreaterThan(0);
  expect(JSON.stringify(b)).not.toMatch(/at [A-Za-z.]+ \(|node_modules|QueryFailedError/);
}
