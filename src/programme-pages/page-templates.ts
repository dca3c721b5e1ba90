/**
 * The templates of the public pages (templates/programme-pages/*.mustache; files starting with `_`
 * are partials) and the headers every page is served with. Read once at start-up; a missing
 * directory stops the start-up with its path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Mustache from 'mustache';

/** No script at all; styles and images from this origin only; no framing, no plugins, no forms. */
export const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};

export const PAGE_NAMES = ['programme', 'talk', 'speaker', 'home', 'error'] as const;
export type PageName = (typeof PAGE_NAMES)[number];

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attributes (every value the templates print). */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

export function pageTemplatesDir(): string {
  return resolve(process.cwd(), 'templates', 'programme-pages');
}

export interface PageTemplates {
  render(name: PageName, view: object): string;
  /** The style sheet, as served at /programme/pages.css. */
  css: Buffer;
}

export function loadPageTemplates(dir = pageTemplatesDir()): PageTemplates {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch (error) {
    throw new Error(`programme page templates ${dir} cannot be read (${(error as Error).message}); start the server from the project root`);
  }
  const partials: Record<string, string> = {};
  const pages = new Map<string, string>();
  for (const file of files.filter((f) => f.endsWith('.mustache'))) {
    const text = readFileSync(resolve(dir, file), 'utf8');
    const name = file.slice(0, -'.mustache'.length);
    if (name.startsWith('_')) partials[name] = text;
    else pages.set(name, text);
  }
  for (const name of PAGE_NAMES) {
    const template = pages.get(name);
    if (template === undefined) throw new Error(`programme page template ${resolve(dir, `${name}.mustache`)} is missing`);
    Mustache.parse(template);
  }
  const css = readFileSync(resolve(dir, 'pages.css'));
  return {
    css,
    render: (name, view) => Mustache.render(pages.get(name) as string, view, partials, { escape: escapeHtml }),
  };
}
