/**
 * The desk page's files and the headers they are served with (pure but for reading the files once).
 * The page is a static shell (templates/desk/): every value shown is fetched from the API and set
 * with textContent, so nothing from a person's record ever becomes markup.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const DESK_FILES = {
  page: { file: 'index.html', type: 'text/html; charset=utf-8' },
  script: { file: 'desk.js', type: 'text/javascript; charset=utf-8' },
  style: { file: 'desk.css', type: 'text/css; charset=utf-8' },
} as const;
export type DeskFile = keyof typeof DESK_FILES;

/**
 * Scripts and styles from this origin only (no inline script or style, no eval), API calls to this
 * origin, the badge PDF shown from a blob: URL, no framing, no plugins, no base or form hijack.
 */
export const DESK_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const DESK_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': DESK_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-cache',
};

export function deskTemplatesDir(): string {
  return resolve(process.cwd(), 'templates', 'desk');
}

/** Reads the desk's files once; a missing one stops the start-up with its path. */
export function loadDeskFiles(dir = deskTemplatesDir()): Record<DeskFile, Buffer> {
  const read = (name: string) => {
    try {
      return readFileSync(resolve(dir, name));
    } catch (error) {
      throw new Error(`desk page file ${resolve(dir, name)} cannot be read (${(error as Error).message}); start the server from the project root`);
    }
  };
  return { page: read(DESK_FILES.page.file), script: read(DESK_FILES.script.file), style: read(DESK_FILES.style.file) };
}
