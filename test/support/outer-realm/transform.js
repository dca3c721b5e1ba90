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
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { initSync, parse } from 'es-module-lexer';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const requireFromRoot = createRequire(join(ROOT, 'package.json'));

function builtFile(sourcePath) {
  return join(ROOT, 'dist', relative(ROOT, sourcePath)).replace(/\.ts$/, '.js');
}

/** The names a built module exports, following `export * from` (read by es-module-lexer, not run). */
function exportedNames(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const [imports, exports] = parse(source, file);
  const names = exports.map((e) => e.n);
  for (const i of imports) {
    const statement = source.slice(i.ss, i.se);
    if (i.n && /^export\s*\*\s*from/.test(statement)) {
      names.push(...exportedNames(resolve(dirname(file), i.n), seen).filter((n) => n !== 'default'));
    }
  }
  return [...new Set(names)];
}

/** A file of ./packages/ names a library: it becomes that library as this worker loaded it. */
function packageShim(name) {
  const library = requireFromRoot(name);
  const lines = [`const outer = globalThis.__outerRequire(${JSON.stringify(name)});`];
  for (const key of Object.keys(library)) {
    if (key !== 'default' && key !== '__esModule' && /^[A-Za-z_$][\w$]*$/.test(key)) lines.push(`export const ${key} = outer[${JSON.stringify(key)}];`);
  }
  lines.push('export default outer.default ?? outer;');
  return lines.join('\n') + '\n';
}

function shim(sourcePath, sourceText) {
  const library = /^\/\/ outer package: (\S+)$/m.exec(sourceText);
  if (library) return packageShim(library[1]);
  const file = builtFile(sourcePath);
  let names;
  try {
    names = exportedNames(file);
  } catch (error) {
    if (error.code === 'ENOENT') throw new Error(`${relative(ROOT, file)} is not built: run npm run build (npm test does), then Jest`);
    throw error;
  }
  const url = pathToFileURL(file).href;
  const lines = [`const outer = await globalThis.__outerImport(${JSON.stringify(url)});`];
  for (const name of names) lines.push(name === 'default' ? 'export default outer.default;' : `export const ${name} = outer[${JSON.stringify(name)}];`);
  return lines.join('\n') + '\n';
}

/** The shim is the whole output: its text, with the source's path, is the cache key. */
function cacheKey(sourcePath, sourceText) {
  initSync();
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
    initSync();
    return { code: shim(sourcePath, sourceText) };
  },
};
