/**
 * Runs once before the test files: the application they test is dist/ (./transform.js), so a
 * dist/ older than a source file would test old code. `npm test` builds first; a bare `npx jest`
 * after an edit is refused here with the command that fixes it.
 *
 * The build is incremental (tsconfig.build.json): tsc leaves the output of an unchanged source
 * untouched, even when the source's file was touched. `npm run build` therefore leaves
 * dist/.built, dated when that build started: a source older than it was built by it.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export default function refuseStaleBuild() {
  const stale = [];
  const lastBuild = mtime(join(ROOT, 'dist', '.built'));
  for (const dir of ['src', 'migrations']) {
    for (const file of readdirSync(join(ROOT, dir), { recursive: true })) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts') || file.endsWith('.d.ts')) continue;
      const source = join(ROOT, dir, file);
      const built = join(ROOT, 'dist', dir, file.replace(/\.ts$/, '.js'));
      const builtAt = mtime(built);
      if (builtAt === 0 || Math.max(builtAt, lastBuild) < statSync(source).mtimeMs) stale.push(`${dir}/${file}`);
    }
  }
  if (stale.length) {
    throw new Error(
      `dist/ is older than ${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ` and ${stale.length - 5} more` : ''}: ` +
        'the tests run the built application. Run `npm test` (it builds first) or `npm run build` before Jest ' +
        '(if a built file was deleted by hand, `rm -rf dist` first: the build is incremental).',
    );
  }
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0; // not there
  }
}
