/**
 * The web app's build (Vite 8). Served by Nest under /app/ (src/web-app), so every asset URL starts
 * with /app/. Vite transforms TSX itself (oxc), with React's automatic JSX runtime: no plugin needed.
 * Output: dist/web at the project root, which the server reads at start-up.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/app/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
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
