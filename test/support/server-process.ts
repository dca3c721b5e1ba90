import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { serverDatabaseUrl } from './test-app.js';

/**
 * The compiled server (dist/, built by `npm test`) as `npm start` runs it, as a child process:
 * for tests of the process itself and of several instances on one PostgreSQL.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export const STARTUP_DEADLINE_MS = 90_000;

/**
 * Tests of the embedded engine's own process (`npm start` on a DATA_DIR, its log, its backups) never
 * touch TEST_DATABASE_URL: in the server pass they would run exactly as they ran in the embedded
 * pass. `.ci/run` runs both passes, so they run once, in the embedded pass (as the server-only tests
 * run in the server pass alone); the title says so when they are skipped.
 */
const serverPass = serverDatabaseUrl() !== null;
export const EMBEDDED_PASS_ONLY = serverPass ? ' (skipped: TEST_DATABASE_URL is set; the embedded pass runs it)' : '';
export const describeOnEmbeddedPass = serverPass ? describe.skip : describe;
export const itOnEmbeddedPass = serverPass ? it.skip : it;

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  base: string;
}

/** Spawns the server with `env` (PATH, PORT and HOST are set) and waits until `/health` answers 200. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const server = await spawnServer(env);
  await waitUntilHealthy(server);
  return server;
}

/** Spawns the server without waiting for it (two instances started together). */
export async function spawnServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  return { child, output: () => out, base: `http://127.0.0.1:${port}` };
}

/** Waits for `/health` 200; throws with the log if the process exits or the deadline passes (and kills it). */
export async function waitUntilHealthy(server: ServerProcess, deadlineMs = STARTUP_DEADLINE_MS): Promise<void> {
  const { child, base } = server;
  // A first start applies every migration and loads the reference data on the WebAssembly engine:
  // seconds alone, far more while the other test worker keeps both cores busy.
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      // never leave it running: it holds the data directory's lock the next tests need
      child.kill('SIGKILL');
      throw new Error(`no /health 200 within ${deadlineMs / 1000} s:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stops the server with `signal`; the exit code, or a description with the log's tail when it died of a signal. */
export async function stopServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> {
  const describe = (code: number | null, by: NodeJS.Signals | null) =>
    code !== null ? code : `killed by ${by ?? 'an unknown signal'}; log tail:\n${server.output().slice(-4000)}`;
  if (server.child.exitCode !== null || server.child.signalCode !== null) return describe(server.child.exitCode, server.child.signalCode);
  const exited = new Promise<number | string>((resolve) => server.child.once('exit', (code, by) => resolve(describe(code, by))));
  server.child.kill(signal);
  return exited;
}
