/**
 * The web app's built files (dist/web, written by `vite build` in `npm run build`), read once at
 * start-up, and the headers they are served with. Pure but for reading the folder.
 *
 * index.html is the shell of every page under /app/ (the router in the page picks the page from the
 * path); its Content-Security-Policy allows scripts and styles from this origin only, as /desk's.
 * The files under assets/ carry a content hash in their names: cached for a year, immutable.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

export const WEB_APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SHELL_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': WEB_APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-cache',
};

export const ASSET_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'public, max-age=31536000, immutable',
};

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface WebFile {
  type: string;
  body: Buffer;
  /** Compressed copies: the build's (name.br, name.gz), else made on first request (text files over 1 KB only). */
  gzip?: Buffer;
  br?: Buffer;
}

export interface WebAppFiles {
  /** null when the app has not been built (`npm run build` builds it). */
  shell: WebFile | null;
  /** By path relative to dist/web, with forward slashes (`assets/index-abc.js`). */
  assets: Map<string, WebFile>;
  dir: string;
}

export function webAppDir(): string {
  return resolve(process.cwd(), 'dist', 'web');
}

export function loadWebAppFiles(dir = webAppDir()): WebAppFiles {
  const assets = new Map<string, WebFile>();
  let shell: WebFile | null = null;
  try {
    if (!statSync(dir).isDirectory()) return { shell, assets, dir };
  } catch {
    return { shell, assets, dir };
  }
  // the build's compressed copies (name.br, name.gz: web/vite.config.ts), attached to their file once all are read
  const copies: Array<{ name: string; encoding: 'br' | 'gzip'; body: Buffer }> = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const name = relative(dir, path).split(sep).join('/');
        const copy = /^(.+)\.(br|gz)$/.exec(name);
        if (copy) {
          copies.push({ name: copy[1], encoding: copy[2] === 'br' ? 'br' : 'gzip', body: readFileSync(path) });
          continue;
        }
        const file = { type: TYPES[extname(name)] ?? 'application/octet-stream', body: readFileSync(path) };
        if (name === 'index.html') shell = file;
        else assets.set(name, file);
      }
    }
  };
  walk(dir);
  for (const copy of copies) {
    const file: WebFile | null | undefined = copy.name === 'index.html' ? shell : assets.get(copy.name);
    if (file) file[copy.encoding] = copy.body;
  }
  return { shell, assets, dir };
}

/** What a request under /app/ gets: an asset by its exact name, a 404 for a missing asset, else the shell. */
export function resolveWebPath(path: string, files: Pick<WebAppFiles, 'assets'>): { kind: 'asset'; file: WebFile } | { kind: 'missing' } | { kind: 'shell' } {
  const clean = path.replace(/^\/+/, '');
  const asset = files.assets.get(clean);
  if (asset) return { kind: 'asset', file: asset };
  // a file that should exist (a stale hashed name, a typo): 404 rather than the page
  if (clean.startsWith('assets/') || /\.[a-z0-9]{1,8}$/i.test(clean)) return { kind: 'missing' };
  return { kind: 'shell' };
}

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

/** The best encoding the client accepts among brotli and gzip for a text file over 1 KB, else identity. */
export function chooseEncoding(acceptEncoding: string | undefined, file: WebFile): 'br' | 'gzip' | null {
  if (!COMPRESSIBLE.test(file.type) || file.body.length < 1024 || !acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    accepted.set(name.trim(), q ? Number(q[1]) : 1);
  }
  const score = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (score('br') > 0 && score('br') >= score('gzip')) return 'br';
  if (score('gzip') > 0) return 'gzip';
  return null;
}

export function compressed(file: WebFile, encoding: 'br' | 'gzip'): Buffer {
  if (encoding === 'gzip') return (file.gzip ??= gzipSync(file.body, { level: 9 }));
  return (file.br ??= brotliCompressSync(file.body, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: file.body.length },
  }));
}
