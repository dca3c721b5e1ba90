/**
 * The web app's JavaScript budgets, read from the built dist/web (the chunk graph: the entry script
 * named by index.html, the page chunks it loads lazily with `import("./…")`, and every chunk those
 * import with `from "./…"` or `import("./…")`), gzipped at level 9 as the server precompresses them
 * (src/web-app/web-app-files.ts):
 *
 * - the researchers' pages (issue 12): the entry plus the chunks of the pages a speaker opens
 *   (call for papers, proposals, a proposal, an invitation, profile, sign-up) ≤ 200 KB;
 * - the organisers' pages (issue 13): the entry plus every other page chunk (review, programme grid,
 *   settings, participants, badges, labels, today, and the charts they import) ≤ 300 KB.
 *
 * A page chunk not named among the researchers' counts as an organisers' one, so that a new page is
 * budgeted somewhere. Split from each other: no organisers' page chunk may be reachable from the
 * researchers' pages (the entry and their chunks). Used by `npm run bench` (bench/web-app.ts) and by
 * test/web/bundle-budget.spec.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

/** dist/web of the project this file belongs to (run from dist/bench by the bench, from bench/ by Jest). */
function projectWebDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}

export const DEFAULT_WEB_DIR = projectWebDir();
export const RESEARCHERS_GOAL_BYTES = 200 * 1024;
export const ORGANISERS_GOAL_BYTES = 300 * 1024;
/** The lazily loaded chunks of the researchers' pages, by the name Vite gives them (the page module's). */
export const RESEARCHER_PAGES = [/^CfpPage-/, /^ProposalsPage-/, /^ProposalPage-/, /^InvitationPage-/, /^MePage-/, /^SignupPage-/];

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface Budget {
  /** The page chunks counted (lazily loaded from the entry). */
  pages: string[];
  /** Every file counted: the entry first, then the pages' chunks and what they import. */
  files: ChunkSize[];
  gzipBytes: number;
  goalBytes: number;
  withinGoal: boolean;
}

export interface Budgets {
  entry: string;
  researchers: Budget;
  organisers: Budget;
  /** Organisers' page chunks reachable from the researchers' pages (must be none). */
  organiserChunksInResearchers: string[];
}

/** The chunks a built chunk imports: statically (`from "./x.js"`) and lazily (`import("./x.js")`). */
export function importsOf(file: string, webDir = DEFAULT_WEB_DIR): { static: string[]; dynamic: string[] } {
  const code = readFileSync(join(webDir, 'assets', file), 'utf8');
  const find = (re: RegExp) => [...new Set([...code.matchAll(re)].map((m) => m[1]))];
  return {
    static: find(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g),
    dynamic: find(/import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g),
  };
}

/** The entry script named by the built index.html. */
export function entryChunk(webDir = DEFAULT_WEB_DIR): string {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) throw new Error(`${index} is missing: run npm run build first`);
  const entry = /<script type="module"[^>]*src="\/app\/assets\/([^"]+\.js)"/.exec(readFileSync(index, 'utf8'))?.[1];
  if (!entry) throw new Error('no entry script in dist/web/index.html');
  return entry;
}

/** The files loaded for these chunks: each with its static imports, and its lazy imports when `lazyToo`. */
function closure(roots: string[], webDir: string, lazyToo: boolean, counted: string[] = []): string[] {
  const seen = new Set<string>(counted);
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const imports = importsOf(file, webDir);
    for (const next of imports.static) visit(next);
    if (lazyToo) for (const next of imports.dynamic) visit(next);
  };
  for (const root of roots) visit(root);
  return [...seen].filter((f) => !counted.includes(f));
}

const sizeOf = (file: string, webDir: string): ChunkSize => {
  const bytes = readFileSync(join(webDir, 'assets', file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length };
};

function budget(entry: string, pages: string[], goalBytes: number, webDir: string): Budget {
  // the entry alone (not its lazy pages), then each page with everything it imports, lazily or not
  // (page chunks import shared code from the entry: it is counted once, and its other pages are not followed)
  const base = closure([entry], webDir, false);
  const files = [...base, ...closure(pages, webDir, true, base)].map((f) => sizeOf(f, webDir));
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { pages, files, gzipBytes, goalBytes, withinGoal: gzipBytes <= goalBytes };
}

/** Both budgets from dist/web. */
export function measureBudgets(webDir = DEFAULT_WEB_DIR): Budgets {
  const entry = entryChunk(webDir);
  const lazyPages = importsOf(entry, webDir).dynamic;
  const isResearchers = (f: string) => RESEARCHER_PAGES.some((re) => re.test(f));
  const researcherPages = lazyPages.filter(isResearchers);
  const organiserPages = lazyPages.filter((f) => !isResearchers(f));
  if (researcherPages.length !== RESEARCHER_PAGES.length) {
    throw new Error(`the researchers' page chunks were not all found in ${entry}: ${researcherPages.join(', ')}`);
  }
  const researchers = budget(entry, researcherPages, RESEARCHERS_GOAL_BYTES, webDir);
  const organisers = budget(entry, organiserPages, ORGANISERS_GOAL_BYTES, webDir);
  const reached = new Set(researchers.files.map((f) => f.file));
  return { entry, researchers, organisers, organiserChunksInResearchers: organiserPages.filter((f) => reached.has(f)) };
}

export function printBudgets(b: Budgets): void {
  const kb = (n: number) => (n / 1024).toFixed(1);
  const entry = b.researchers.files[0];
  for (const [who, x] of [
    ['researchers', b.researchers],
    ['organisers', b.organisers],
  ] as const) {
    console.log(
      `  JavaScript of the ${who}' pages: ${kb(x.gzipBytes)} KB gzipped (${x.files.length} files: the entry ${kb(entry.gzipBytes)} KB, ` +
        `${x.pages.length} page chunks and their imports ${kb(x.gzipBytes - entry.gzipBytes)} KB) — goal ≤ ${x.goalBytes / 1024} KB: ${x.withinGoal ? 'met' : 'MISSED'}`,
    );
  }
  console.log(
    `  Split: ${b.organiserChunksInResearchers.length ? `organisers' chunks reachable from the researchers' pages: ${b.organiserChunksInResearchers.join(', ')} — MISSED` : "no organisers' page chunk is reachable from the researchers' pages"}`,
  );
}
