import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeOnEmbeddedPass, EMBEDDED_PASS_ONLY, startServer, stopServer, type ServerProcess } from '../support/server-process.js';

/**
 * The log of `npm start` as its reader sees it: the compiled server as a child process (its
 * standard output is a pipe, not a terminal, so LOG_FORMAT chooses the readable form here; the
 * terminal detection itself is tested in test/common/log-format.spec.ts).
 */
const TEST_TIMEOUT_MS = 240_000;

/**
 * One data directory for the three starts: the first creates the database (migrations, seed), the
 * others start on it as a restarted server does, without redoing that work (≈ 3 s each).
 */
let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'colloquium-logs-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function runOnce(env: NodeJS.ProcessEnv): Promise<string> {
  const server: ServerProcess = await startServer({ DATA_DIR: dataDir, OUTBOX_POLL_MS: '0', ...env });
  try {
    expect((await fetch(`${server.base}/api/events?slug=vtn2012`)).status).toBe(200);
    expect((await fetch(`${server.base}/api/no-such-route`)).status).toBe(404);
  } finally {
    expect(await stopServer(server)).toBe(0);
  }
  return server.output();
}

/** The log without the plain-text banner the server prints for the person who started it. */
function logLines(output: string): string[] {
  const bannerStart = output.indexOf('\n  Back-office ready on');
  const bannerEnd = output.indexOf('\n\n', bannerStart + 1);
  const withoutBanner = bannerStart >= 0 && bannerEnd > bannerStart ? output.slice(0, bannerStart) + output.slice(bannerEnd + 1) : output;
  return withoutBanner.split('\n').filter((line) => line.trim() !== '');
}

describeOnEmbeddedPass(`The server log${EMBEDDED_PASS_ONLY}`, () => {
  it('is one JSON object a line when not in a terminal, without a line per route at the default level', async () => {
    const output = await runOnce({});
    expect(output).toContain('Back-office ready on');
    const lines = logLines(output);
    const entries = lines.map((line) => JSON.parse(line) as { level: number; context?: string; msg?: string; req?: { path: string }; res?: { statusCode: number } });
    expect(entries.length).toBeGreaterThan(3);
    expect(output).not.toMatch(/Mapped \{/);
    expect(entries.filter((e) => ['RoutesResolver', 'RouterExplorer', 'InstanceLoader'].includes(e.context ?? ''))).toEqual([]);
    expect(entries.some((e) => e.context === 'Main' && /listening on/.test(e.msg ?? ''))).toBe(true);
    const notFound = entries.find((e) => e.req?.path === '/api/no-such-route');
    expect(notFound?.res?.statusCode).toBe(404);
    expect(notFound?.level).toBe(40); // warn
  }, TEST_TIMEOUT_MS);

  it('still has the route mapping at LOG_LEVEL=debug', async () => {
    const output = await runOnce({ LOG_LEVEL: 'debug' });
    const mapped = logLines(output).filter((line) => line.includes('Mapped {/api/events, GET} route'));
    expect(mapped).toHaveLength(1);
    expect(JSON.parse(mapped[0] as string)).toMatchObject({ level: 20, context: 'RouterExplorer' });
  }, TEST_TIMEOUT_MS);

  it('is readable lines with LOG_FORMAT=pretty: time, level, context, message; a request as method, path, status, duration', async () => {
    const output = await runOnce({ LOG_FORMAT: 'pretty' });
    const lines = logLines(output);
    expect(lines.filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
    expect(output).not.toMatch(/Mapped \{/);
    expect(lines).toContainEqual(expect.stringMatching(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[Main\] listening on http:\/\/localhost:\d+ \(embedded PostgreSQL in \/\S+colloquium-logs-\w+\/pgdata\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: GET \/api\/events 200 \d+ ms$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: GET \/api\/no-such-route 404 \d+ ms$/));
    // every log line is one of those: nothing spills onto further lines (no req/res objects printed)
    expect(lines.filter((line) => !/^\[\d\d:\d\d:\d\d\.\d{3}\] [A-Z]+: /.test(line))).toEqual([]);
  }, TEST_TIMEOUT_MS);
});
