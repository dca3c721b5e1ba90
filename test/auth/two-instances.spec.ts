import pg from 'pg';
import { spawnServer, stopServer, waitUntilHealthy, type ServerProcess } from '../support/server-process.js';
import { createThrowawayDatabase, serverDatabaseUrl } from '../support/test-app.js';

/**
 * Two instances of the compiled server (dist/) on one PostgreSQL database, started together as a
 * proxy's two back-ends would be: the first organiser is created once, and the login throttling
 * counts attempts across both.
 */
const ADMIN = { email: 'first@example.org', password: 'first-organiser-1' };
const TEST_TIMEOUT_MS = 300_000;

async function startTwo(databaseUrl: string): Promise<[ServerProcess, ServerProcess]> {
  const env = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: ':memory:',
    OUTBOX_POLL_MS: '0',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOGIN_MAX_FAILURES_PER_ADDRESS: '12',
  };
  const servers = [await spawnServer(env), await spawnServer(env)] as [ServerProcess, ServerProcess];
  const started = await Promise.allSettled(servers.map((s) => waitUntilHealthy(s)));
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((s) => stopServer(s)));
    throw (failed as PromiseRejectedResult).reason;
  }
  return servers;
}

const login = (server: ServerProcess, email: string, password: string, address: string) =>
  fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  });

const base = serverDatabaseUrl();
const onServer = base ? describe : describe.skip;

onServer('Two instances on one PostgreSQL (server only: needs TEST_DATABASE_URL, the embedded engine belongs to one process)', () => {
  it('start together on an empty database with ADMIN_EMAIL/ADMIN_PASSWORD: both healthy, one organiser, login on both (2 tries)', async () => {
    for (let round = 1; round <= 2; round++) {
      const db = await createThrowawayDatabase(base as string);
      try {
        const [a, b] = await startTwo(db.url);
        try {
          const client = new pg.Client({ connectionString: db.url });
          await client.connect();
          try {
            const { rows } = await client.query(`SELECT email, roles FROM users WHERE 'organiser' = ANY(roles)`);
            expect(rows).toEqual([{ email: ADMIN.email, roles: ['organiser'] }]);
          } finally {
            await client.end();
          }
          for (const server of [a, b]) expect((await login(server, ADMIN.email, ADMIN.password, '192.0.2.1')).status).toBe(200);
        } finally {
          await Promise.all([stopServer(a), stopServer(b)]);
        }
      } finally {
        await db.drop();
      }
    }
  }, TEST_TIMEOUT_MS);

  describe('login throttling across both', () => {
    let db: Awaited<ReturnType<typeof createThrowawayDatabase>>;
    let servers: [ServerProcess, ServerProcess];
    beforeAll(async () => {
      db = await createThrowawayDatabase(base as string);
      servers = await startTwo(db.url);
    }, TEST_TIMEOUT_MS);
    afterAll(async () => {
      if (servers) await Promise.all(servers.map((s) => stopServer(s)));
      await db?.drop();
    });

    const burst = async (email: (i: number) => string, address: string) => {
      const answers = await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const res = await login(servers[i % 2], email(i), `guess-${i}`, address);
          return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { error: string } };
        }),
      );
      for (const a of answers.filter((x) => x.status !== 401)) {
        expect(a.status).toBe(429);
        expect(a.body.error).toBe('TOO_MANY_REQUESTS');
        expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
      }
      return answers.filter((a) => a.status === 401).length;
    };

    it('40 wrong passwords at once for one account, half to each instance: at most 5 are checked, the rest get 429', async () => {
      const checked = await burst(() => ADMIN.email, '198.51.100.7');
      expect(checked).toBeGreaterThanOrEqual(1);
      expect(checked).toBeLessThanOrEqual(5);
      // the owner from another address is not refused
      expect((await login(servers[1], ADMIN.email, ADMIN.password, '192.0.2.2')).status).toBe(200);
    }, TEST_TIMEOUT_MS);

    it('40 accounts at once from one address, half to each instance: at most the address ceiling (12) is checked', async () => {
      const checked = await burst((i) => `nobody-${i}@example.org`, '198.51.100.8');
      expect(checked).toBeGreaterThanOrEqual(1);
      expect(checked).toBeLessThanOrEqual(12);
    }, TEST_TIMEOUT_MS);
  });
});
