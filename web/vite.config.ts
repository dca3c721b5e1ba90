/**
 * The web app's build (Vite 8). Served by Nest under /app/ (src/web-app), so every asset URL starts
 * with /app/. Vite transforms TSX itself (oxc), with React's automatic JSX runtime: no plugin needed.
 * Output: dist/web at the project root, which the server reads at start-up, with a brotli (.br) and
 * a gzip (.gz) copy of every text file over 1 KB made here, once: compressing the 300 KB bundle at
 * brotli's best level takes the server more than half a second, which the first visitor after a
 * start would otherwise wait for (src/web-app/web-app-files.ts serves the copies).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/** Writes name.br and name.gz beside each text file of the build over 1 KB. */
function precompress(): Plugin {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
  return {
    name: 'precompress',
    apply: 'build',
    closeBundle() {
      for (const path of walk(outDir)) {
        if (!COMPRESSIBLE.test(path) || statSync(path).size < 1024) continue;
        const body = readFileSync(path);
        writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }));
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/app/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // no inline module-preload polyfill script: the page's CSP allows scripts from this origin only
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      onLog(level, log, handler) {
        // react-router's "use client" directives mean nothing without server components
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
