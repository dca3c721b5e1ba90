/**
 * The researchers' pages of the web app (issue 12, « Performance »):
 *
 * (a) the JavaScript they load, gzipped: the entry chunk named by the built dist/web/index.html, plus
 *     the lazily loaded chunks of /app/events/:slug/cfp and /app/proposals with every chunk they
 *     import, found by reading the chunks' `import(…)` and `from "./…"` (goal ≤ 200 KB). Gzip at level
 *     9, as the server precompresses (src/web-app/web-app-files.ts). In the browser runs below, the
 *     .js files Chromium actually fetched on those pages are compared with this list.
 * (b) the time from navigation to the proposal form being interactive in headless Chromium: a signed-in
 *     speaker opens /app/events/vtn2012/cfp in a fresh context (cold cache) and the page's own clock
 *     (performance.now(), from the navigation's start) is read when the French title field exists, is
 *     enabled and takes focus; median of BENCH_WEBAPP runs (default 7; 0 skips both parts).
 * The call is opened and a speaker signed up through the API, so (b) runs only in a database the
 * bench owns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { importsOf } from './js-budgets.js';

const WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const JS_GOAL_BYTES = 200 * 1024;
export const INTERACTIVE_GOAL_MS = 1000;
/** The lazily loaded chunks of the researchers' pages, by the name Vite gives them (the page module's). */
const PAGE_CHUNKS = [/^CfpPage-/, /^ProposalsPage-/];

export interface WebAppReport {
  measured: boolean;
  reason?: string;
  js?: {
    entry: string;
    files: Array<{ file: string; bytes: number; gzipBytes: number }>;
    gzipBytes: number;
    goalBytes: number;
    withinGoal: boolean;
  };
  interactive?: {
    measured: boolean;
    reason?: string;
    runsMs?: number[];
    medianMs?: number;
    goalMs: number;
    withinGoal?: boolean;
    /** .js files Chromium fetched on the two pages that (a) did not count (should be none). */
    uncounted?: string[];
  };
}

/** The entry chunk and the researchers' page chunks with everything they import statically. */
export function researcherChunks(): { entry: string; files: string[] } {
  const html = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/app\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in dist/web/index.html');
  const pages = importsOf(entry).dynamic.filter((f) => PAGE_CHUNKS.some((re) => re.test(f)));
  if (pages.length !== PAGE_CHUNKS.length) throw new Error(`the researchers' page chunks were not all found in ${entry}: ${pages.join(', ')}`);
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const next of importsOf(file).static) visit(next);
  };
  visit(entry);
  for (const page of pages) visit(page);
  return { entry, files: [...files] };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function json(url: string, init: RequestInit & { token?: string; body?: string } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Opens the colloquium's call now (with a type) and signs a speaker up; returns what the page needs. */
export async function prepareResearcher(base: string, admin: { email: string; password: string }): Promise<{ slug: string; session: unknown }> {
  const login = await json(`${base}/api/auth/login`, { method: 'POST', body: JSON.stringify(admin) });
  const token = login.body.accessToken as string;
  if (login.status !== 200) throw new Error(`organiser login answered ${login.status}`);
  const events = await json(`${base}/api/events?slug=vtn2012&pageSize=1`);
  const event = (events.body.items as Array<{ id: string; slug: string }> | undefined)?.[0];
  if (!event) throw new Error('the seeded colloquium vtn2012 is not there');
  const cfp = await json(`${base}/api/events/${event.id}/cfp`, {
    method: 'PUT',
    token,
    body: JSON.stringify({ opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), languages: ['fr', 'en'] }),
  });
  if (cfp.status !== 200) throw new Error(`PUT cfp answered ${cfp.status}`);
  const types = await json(`${base}/api/events/${event.id}/submission-types`);
  if (!(types.body.items as unknown[] | undefined)?.length) {
    const type = await json(`${base}/api/events/${event.id}/submission-types`, { method: 'POST', token, body: JSON.stringify({ code: 'communication', nameFr: 'Communication', nameEn: 'Paper', defaultMinutes: 20 }) });
    if (type.status !== 201) throw new Error(`POST submission-types answered ${type.status}`);
  }
  const email = `bench-web-${Date.now().toString(36)}@example.org`;
  const password = 'un-mot-de-passe-2012';
  const signup = await json(`${base}/api/speakers/signup`, {
    method: 'POST',
    body: JSON.stringify({ email, password, firstName: 'Hélène', lastName: 'Dupré', affiliation: 'CNRS', countryCode: 'FR' }),
  });
  if (signup.status !== 201) throw new Error(`signup answered ${signup.status}`);
  const speaker = await json(`${base}/api/auth/login`, { method: 'POST', body: JSON.stringify({ email, password }) });
  if (speaker.status !== 200) throw new Error(`speaker login answered ${speaker.status}`);
  const { accessToken, expiresAt, user } = speaker.body;
  return { slug: event.slug, session: { accessToken, expiresAt, user } };
}

export async function runWebAppBench(options: { base: string; admin: { email: string; password: string }; disposable: boolean; runs: number }): Promise<WebAppReport> {
  if (options.runs === 0) return { measured: false, reason: 'BENCH_WEBAPP=0' };
  const chunks = researcherChunks();
  const files = chunks.files.map((file) => {
    const bytes = readFileSync(join(WEB_DIR, 'assets', file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length };
  });
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const report: WebAppReport = { measured: true, js: { entry: chunks.entry, files, gzipBytes, goalBytes: JS_GOAL_BYTES, withinGoal: gzipBytes <= JS_GOAL_BYTES } };
  if (!options.disposable) {
    report.interactive = { measured: false, reason: 'the bench is not running in a database of its own: no call opened, no speaker signed up', goalMs: INTERACTIVE_GOAL_MS };
    return report;
  }
  const { slug, session } = await prepareResearcher(options.base, options.admin);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const runsMs: number[] = [];
  const fetched = new Set<string>();
  try {
    for (let i = 0; i < options.runs; i += 1) {
      const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' });
      // the signed-in session, as the login page leaves it (sessionStorage), before any script of the page runs
      await context.addInitScript((value: string) => {
        (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('colloquium.session', value);
      }, JSON.stringify(session));
      const page = await context.newPage();
      page.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.endsWith('.js')) fetched.add(path.replace(/^\/app\/assets\//, ''));
      });
      await page.goto(`${options.base}/app/events/${encodeURIComponent(slug)}/cfp`, { waitUntil: 'commit' });
      const handle = await page.waitForFunction(
        () => {
          const d = (globalThis as unknown as { document: { getElementById(id: string): { disabled: boolean; focus(): void } | null; activeElement: unknown } }).document;
          const input = d.getElementById('proposal-titleFr');
          if (!input || input.disabled) return false;
          input.focus();
          return d.activeElement === input ? (globalThis as unknown as { performance: { now(): number } }).performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      runsMs.push((await handle.jsonValue()) as number);
      if (i === 0) {
        await page.goto(`${options.base}/app/proposals`);
        await page.getByRole('heading', { level: 1 }).waitFor();
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const medianMs = median(runsMs);
  report.interactive = {
    measured: true,
    runsMs,
    medianMs,
    goalMs: INTERACTIVE_GOAL_MS,
    withinGoal: medianMs < INTERACTIVE_GOAL_MS,
    uncounted: [...fetched].filter((f) => !chunks.files.includes(f)),
  };
  return report;
}

export function printWebApp(report: WebAppReport): void {
  console.log('');
  if (!report.measured) {
    console.log(`Web app, researchers' pages: not measured (${report.reason}).`);
    return;
  }
  const js = report.js!;
  console.log(
    `Web app, researchers' pages: JavaScript of /app/events/:slug/cfp and /app/proposals ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped ` +
      `(${js.files.length} files: the entry ${js.entry} ${(js.files[0].gzipBytes / 1024).toFixed(1)} KB, the pages' chunks the rest) — goal ≤ ${js.goalBytes / 1024} KB: ${js.withinGoal ? 'met' : 'MISSED'}`,
  );
  const i = report.interactive!;
  if (!i.measured) {
    console.log(`  Proposal form interactive: not measured (${i.reason}).`);
    return;
  }
  console.log(
    `  Proposal form interactive after navigation (headless Chromium, cold cache, signed in): median ${i.medianMs!.toFixed(0)} ms ` +
      `(runs ${i.runsMs!.map((v) => v.toFixed(0)).join(', ')}) — goal < ${i.goalMs} ms: ${i.withinGoal ? 'met' : 'MISSED'}` +
      (i.uncounted!.length ? `; fetched but not counted in the size: ${i.uncounted!.join(', ')}` : ''),
  );
}
