/**
 * Jest transform for the application's own modules (src/, but not its *.spec.ts unit tests): instead
 * of compiling `src/x/y.ts` into the test file's sandbox, it answers a module that re-exports
 * `dist/src/x/y.js` as Node itself loaded it in this worker (see ./environment.js). Every test file
 * of a worker therefore shares one loaded copy of the code, and a class a test asks the application
 * for (`app.get(UsersService)`) is the very class the application registered.
 *
 * dist/ is what `npm test` builds first; ./global-setup.js refuses to run on a dist/ older than src/.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const requireFromRoot = createRequire(join(ROOT, 'package.json'));

function builtFile(sourcePath) {
  return join(ROOT, 'dist', relative(ROOT, sourcePath)).replace(/\.ts$/, '.js');
}

/**
 * The module as this worker's Node loads it (require of an ES module, Node ≥ 20.19: the same instance
 * a later import() gets), re-exported name by name.
 */
function reexport(specifier, load) {
  const loaded = requireFromRoot(specifier);
  const lines = [`const outer = globalThis.__outerRequire(${JSON.stringify(specifier)});`];
  for (const key of Object.keys(loaded)) {
    if (key !== 'default' && key !== '__esModule' && /^[A-Za-z_$][\w$]*$/.test(key)) lines.push(`export const ${key} = outer[${JSON.stringify(key)}];`);
  }
  lines.push(load === 'library' ? 'export default outer.default ?? outer;' : 'export default outer.default;');
  return lines.join('\n') + '\n';
}

/** A file of ./packages/ names a library: it becomes that library; a source file, its built module. */
function shim(sourcePath, sourceText) {
  const library = /^\/\/ outer package: (\S+)$/m.exec(sourceText);
  if (library) return reexport(library[1], 'library');
  const file = builtFile(sourcePath);
  if (!existsSync(file)) throw new Error(`${relative(ROOT, file)} is not built: run npm run build (npm test does), then Jest`);
  return reexport(file, 'module');
}

/** The shim is the whole output: its text, with the source's path, is the cache key. */
function cacheKey(sourcePath, sourceText) {
  let code;
  try {
    code = shim(sourcePath, sourceText);
  } catch {
    code = 'not built';
  }
  return createHash('sha256').update('outer-realm-shim-1\0').update(sourcePath).update('\0').update(code).digest('hex');
}

export default {
  getCacheKey: (sourceText, sourcePath) => cacheKey(sourcePath, sourceText),
  getCacheKeyAsync: async (sourceText, sourcePath) => cacheKey(sourcePath, sourceText),
  process(sourceText, sourcePath) {
    return { code: shim(sourcePath, sourceText) };
  },
};
