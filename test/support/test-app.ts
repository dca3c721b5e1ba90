import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { bootApp, type BootedApp } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';

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

export function serverDatabaseUrl(): string | null {
  return process.env.TEST_DATABASE_URL?.trim() || null;
}

/** Creates an empty database on the test server; returns its URL and a function that drops it. */
export async function createThrowawayDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
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

export async function startTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const server = serverDatabaseUrl();
  const throwaway = server ? await createThrowawayDatabase(server) : null;
  const config = loadConfig({
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    DATA_DIR: ':memory:',
    ...(throwaway ? { DATABASE_URL: throwaway.url } : {}),
    ...env,
  });
  let booted: BootedApp;
  try {
    booted = await bootApp(config, { quiet: true });
  } catch (error) {
    await throwaway?.drop();
    throw error;
  }
  const http = request(booted.app.getHttpServer());
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
      await throwaway?.drop();
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
