/**
 * The organisers' programme grid (issue 13, « Performance »), in headless Chromium:
 *
 * (a) the grid interactive: 400 sessions and 3,000 talks in vtn2012 (bench/seed-grid.ts), a signed-in
 *     organiser opens /app/events/vtn2012/programme in a fresh context (cold cache); the time is the
 *     page's own clock (performance.now(), from the navigation's start) when every block of the first
 *     day is rendered and a block's handle (the button that is dragged, or moved with the keyboard)
 *     takes focus. BENCH_GRID runs (default 5; 0 skips the grid), median and max. Goal < 1.5 s.
 * (b) a move's round trip: on one loaded page, BENCH_GRID_MOVES keyboard moves (Enter, ↓ or ↑, Enter)
 *     of a session by five minutes, back and forth; the time is from the committing key's keydown
 *     (the PATCH is sent in that handler) to the answer's outcome and warnings in the page's DOM (a
 *     MutationObserver on the outcome region), each move after the page has reloaded the sessions
 *     (not waiting for its reload of the conflicts and proposals). p95, with the median and the PATCH's own share.
 *     Goal p95 < 200 ms on the embedded database.
 * Only in a database the bench owns (it writes 400 sessions into vtn2012).
 */
import type { ChildProcess } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { SeededGrid } from './seed-grid.js';
import type { SeedGridReply } from './server.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const GRID_INTERACTIVE_GOAL_MS = 1500;
export const GRID_MOVE_GOAL_MS = 200;

export interface GridReport {
  measured: boolean;
  reason?: string;
  seeded?: SeededGrid;
  interactive?: { runsMs: number[]; medianMs: number; maxMs: number; blocks: number; goalMs: number; withinGoal: boolean };
  move?: { movesMs: number[]; p95Ms: number; medianMs: number; maxMs: number; patchMedianMs: number; goalMs: number; withinGoal: boolean };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
};

function seedGridInServer(child: ChildProcess): Promise<SeededGrid> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('seeding the grid took more than 180 s')), 180_000);
    const onMessage = (message: SeedGridReply) => {
      if (message?.type !== 'grid-seeded' && message?.type !== 'grid-seed-failed') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      if (message.type === 'grid-seeded') resolve(message.result);
      else reject(new Error(`seeding the grid failed: ${message.error}`));
    };
    child.on('message', onMessage);
    child.send({ type: 'seed-grid' });
  });
}

async function organiserSession(base: string, admin: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  const body = (await res.json()) as { accessToken: string; expiresAt: string; user: unknown };
  if (res.status !== 200) throw new Error(`organiser login answered ${res.status}`);
  return JSON.stringify({ accessToken: body.accessToken, expiresAt: body.expiresAt, user: body.user });
}

export async function runGridBench(options: {
  child: ChildProcess;
  base: string;
  admin: { email: string; password: string };
  disposable: boolean;
  runs: number;
  moves: number;
}): Promise<GridReport> {
  if (options.runs === 0) return { measured: false, reason: 'BENCH_GRID=0' };
  if (!options.disposable) return { measured: false, reason: 'the bench is not running in a database of its own: no sessions written into vtn2012' };
  process.stdout.write('\nSeeding the programme grid (400 sessions, 3,000 talks in vtn2012) … ');
  const seeded = await seedGridInServer(options.child);
  console.log(`${seeded.rooms} rooms, ${seeded.sessions} sessions, ${seeded.talks} talks, ${seeded.unplaced} proposals to place, in ${seeded.seconds.toFixed(1)} s`);
  const session = await organiserSession(options.base, options.admin);
  const url = `${options.base}/app/events/${seeded.slug}/programme`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const report: GridReport = { measured: true, seeded };
  try {
    const newPage = async () => {
      const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 1600, height: 1000 } });
      await context.addInitScript((value: string) => {
        (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('colloquium.session', value);
      }, session);
      return { context, page: await context.newPage() };
    };
    // the first day's sessions: every one must be a block before the page counts as interactive
    const firstDay = seeded.sessions / 2;
    const runsMs: number[] = [];
    let blocks = 0;
    for (let i = 0; i < options.runs; i += 1) {
      const { context, page } = await newPage();
      const requests: string[] = [];
      if (process.env.BENCH_GRID_DEBUG) {
        page.on('requestfinished', (request) => {
          const timing = request.timing();
          const path = new URL(request.url()).pathname + new URL(request.url()).search;
          requests.push(`    ${timing.startTime.toFixed(0)} +${timing.responseEnd.toFixed(0)} ms ${request.method()} ${path.slice(0, 110)}`);
        });
      }
      await page.goto(url, { waitUntil: 'commit' });
      const handle = await page.waitForFunction(
        (expected: number) => {
          const d = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number }; querySelector(s: string): { focus(): void } | null; activeElement: unknown } }).document;
          const count = d.querySelectorAll('.pg-block[data-session-id]').length;
          if (count < expected) return false;
          const button = d.querySelector('.pg-block[data-session-id] .pg-handle');
          if (!button) return false;
          button.focus();
          return d.activeElement === button ? { ms: (globalThis as unknown as { performance: { now(): number } }).performance.now(), count } : false;
        },
        firstDay,
        { polling: 'raf', timeout: 60_000 },
      );
      const got = (await handle.jsonValue()) as { ms: number; count: number };
      runsMs.push(got.ms);
      blocks = got.count;
      if (process.env.BENCH_GRID_DEBUG) console.log(`  run ${i + 1}: interactive at ${got.ms.toFixed(0)} ms; requests (start, duration):\n${requests.join('\n')}`);
      await context.close();
    }
    report.interactive = {
      runsMs,
      medianMs: median(runsMs),
      maxMs: Math.max(...runsMs),
      blocks,
      goalMs: GRID_INTERACTIVE_GOAL_MS,
      withinGoal: median(runsMs) < GRID_INTERACTIVE_GOAL_MS && Math.max(...runsMs) < GRID_INTERACTIVE_GOAL_MS,
    };

    if (options.moves > 0) {
      const { context, page } = await newPage();
      const patches: number[] = [];
      page.on('requestfinished', (request) => {
        if (request.method() !== 'PATCH') return;
        const timing = request.timing();
        patches.push(timing.responseEnd);
      });
      const conflicts = page.waitForResponse((r) => r.url().includes('/programme/conflicts'), { timeout: 60_000 });
      await page.goto(url);
      await page.locator('.pg-block[data-session-id]').nth(firstDay - 1).waitFor();
      await conflicts;
      // the first session of the first day (08:00 in the first room): moved to 08:05 and back, the next one starts at 10:15
      const id = await page.locator('.pg-block[data-session-id]').first().getAttribute('data-session-id');
      const button = page.getByTestId(`session-${id}`);
      await page.evaluate(() => {
        const w = globalThis as unknown as {
          document: { querySelector(s: string): unknown; addEventListener(type: string, f: (e: { key: string }) => void, capture: boolean): void };
          performance: { now(): number };
          MutationObserver: new (f: () => void) => { observe(target: unknown, o: object): void };
          gridBench: { armed: boolean; t0: number | null; t1: number | null };
        };
        w.gridBench = { armed: false, t0: null, t1: null };
        const outcome = w.document.querySelector('.pg-outcome') as { textContent: string };
        w.document.addEventListener(
          'keydown',
          (e) => {
            if (e.key === 'Enter' && w.gridBench.armed && w.gridBench.t0 === null) w.gridBench.t0 = w.performance.now();
          },
          true,
        );
        new w.MutationObserver(() => {
          if (w.gridBench.t0 !== null && w.gridBench.t1 === null && outcome.textContent.trim()) w.gridBench.t1 = w.performance.now();
        }).observe(outcome, { childList: true, subtree: true, characterData: true });
      });
      const movesMs: number[] = [];
      const block = page.locator(`.pg-block[data-session-id="${id}"]`);
      const timeOf = () => block.locator('.pg-time').first().innerText();
      for (let i = 0; i < options.moves; i += 1) {
        const before = await timeOf();
        await button.focus();
        await page.keyboard.press('Enter');
        await page.keyboard.press(i % 2 === 0 ? 'ArrowDown' : 'ArrowUp');
        await page.evaluate(() => {
          (globalThis as unknown as { gridBench: { armed: boolean; t0: number | null; t1: number | null } }).gridBench = {
            armed: true,
            t0: null,
            t1: null,
          };
        });
        // the page reloads the sessions after each answer (then the conflicts and the proposals, which
        // can take long with 3,000 proposals: the next move does not wait for them, as a person would not)
        const lastPage = Math.ceil(seeded.sessions / 100);
        const settled = page.waitForResponse((r) => r.request().method() === 'GET' && /\/sessions\?/.test(r.url()) && r.url().includes(`page=${lastPage}&`), { timeout: 60_000 });
        await page.keyboard.press('Enter');
        const done = await page.waitForFunction(
          () => {
            const b = (globalThis as unknown as { gridBench: { t0: number | null; t1: number | null } }).gridBench;
            return b.t1 !== null && b.t0 !== null ? b.t1 - b.t0 : false;
          },
          undefined,
          { polling: 'raf', timeout: 120_000 },
        );
        movesMs.push((await done.jsonValue()) as number);
        if (process.env.BENCH_GRID_DEBUG) {
          // where the time went, on the page's clock: key → request sent → answer received → outcome drawn
          const split = await page.evaluate((sessionId: string) => {
            const w = globalThis as unknown as { gridBench: { t0: number; t1: number }; performance: { getEntriesByType(t: string): Array<{ name: string; startTime: number; responseEnd: number }> } };
            const entry = w.performance.getEntriesByType('resource').filter((e) => e.name.endsWith(`/api/sessions/${sessionId}`)).at(-1);
            return entry ? [entry.startTime - w.gridBench.t0, entry.responseEnd - entry.startTime, w.gridBench.t1 - entry.responseEnd] : [];
          }, id!);
          console.log(`  move ${i + 1}: ${movesMs[i].toFixed(0)} ms (PATCH ${patches[patches.length - 1]?.toFixed(0)} ms; key → sent ${split[0]?.toFixed(0)}, request ${split[1]?.toFixed(0)}, answer → drawn ${split[2]?.toFixed(0)})`);
        }
        await settled;
        // the block as the server now has it, in its new place
        await page.waitForFunction(
          ({ sessionId, was }: { sessionId: string; was: string }) => {
            const el = (globalThis as unknown as { document: { querySelector(s: string): { className: string; querySelector(s: string): { textContent: string } | null } | null } }).document.querySelector(
              `.pg-block[data-session-id="${sessionId}"]`,
            );
            return Boolean(el && !el.className.includes('pg-moving') && el.querySelector('.pg-time')?.textContent !== was);
          },
          { sessionId: id!, was: before },
          { timeout: 60_000 },
        );
      }
      await context.close();
      report.move = {
        movesMs,
        p95Ms: percentile(movesMs, 95),
        medianMs: median(movesMs),
        maxMs: Math.max(...movesMs),
        patchMedianMs: patches.length ? median(patches) : Number.NaN,
        goalMs: GRID_MOVE_GOAL_MS,
        withinGoal: percentile(movesMs, 95) < GRID_MOVE_GOAL_MS,
      };
    }
  } finally {
    await browser.close();
  }
  return report;
}

export function printGrid(report: GridReport): void {
  console.log('');
  if (!report.measured) {
    console.log(`Programme grid: not measured (${report.reason}).`);
    return;
  }
  const s = report.seeded!;
  console.log(`Programme grid (/app/events/${s.slug}/programme, ${s.sessions} sessions, ${s.talks} talks, ${s.rooms} rooms, headless Chromium, cold cache):`);
  const i = report.interactive!;
  console.log(
    `  Interactive (the first day's ${i.blocks} blocks rendered, a block's handle focused): median ${i.medianMs.toFixed(0)} ms, max ${i.maxMs.toFixed(0)} ms ` +
      `(runs ${i.runsMs.map((v) => v.toFixed(0)).join(', ')}) — goal < ${i.goalMs} ms: ${i.withinGoal ? 'met' : 'MISSED'}`,
  );
  const m = report.move;
  if (!m) return;
  console.log(
    `  Move round trip (keyboard, key to warnings shown, ${m.movesMs.length} moves): p95 ${m.p95Ms.toFixed(0)} ms, median ${m.medianMs.toFixed(0)} ms, max ${m.maxMs.toFixed(0)} ms ` +
      `(the PATCH alone: median ${m.patchMedianMs.toFixed(0)} ms) — goal p95 < ${m.goalMs} ms: ${m.withinGoal ? 'met' : 'MISSED'}`,
  );
}
