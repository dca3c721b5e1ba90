/**
 * Runs once before the test files: the application they test is dist/ (./transform.js), so a
 * dist/ older than a source file would test old code. `npm test` builds first; a bare `npx jest`
 * after an edit is refused here with the command that fixes it.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export default function refuseStaleBuild() {
  const stale = [];
  for (const dir of ['src', 'migrations']) {
    for (const file of readdirSync(join(ROOT, dir), { recursive: true })) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts') || file.endsWith('.d.ts')) continue;
      const source = join(ROOT, dir, file);
      const built = join(ROOT, 'dist', dir, file.replace(/\.ts$/, '.js'));
      let builtAt = 0;
      try {
        builtAt = statSync(built).mtimeMs;
      } catch {
        // not built
      }
      if (builtAt < statSync(source).mtimeMs) stale.push(`${dir}/${file}`);
    }
  }
  if (stale.length) {
    throw new Error(
      `dist/ is older than ${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ` and ${stale.length - 5} more` : ''}: ` +
        'the tests run the built application. Run `npm test` (it builds first) or `npm run build` before Jest.',
    );
  }
}
