/**
 * Driving the web app in Debian's Chromium (playwright-core, never a downloaded browser), the way a
 * person in New York with an American browser would see it: every time shown must still be Paris
 * time. Also: axe-core run inside the page, and the page's console errors (CSP refusals appear there).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type FileChooser, type Page } from 'playwright-core';
import type { TestApp } from '../../support/test-app.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE: string = (require('axe-core') as { source: string }).source;

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Debian's chromium-headless-shell when it is installed (`.ci/run` installs it): the same Chromium
 * (same package version) built without the windowed browser, as Playwright itself runs headless
 * pages; about a third less CPU in its own processes than Debian's chromium in headless mode, which
 * is used when the shell is missing.
 */
export const CHROMIUM_PATH = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path)) ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Makes the test app listen on a random local port; returns its base URL (`http://127.0.0.1:PORT`). */
export async function listen(t: TestApp): Promise<string> {
  const server = t.booted.app.getHttpServer() as Server;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far (a CSP refusal is one). */
  errors: string[];
}

/** A fresh context (its own sessionStorage) in New York with an en-US browser, unless told otherwise. */
export async function newPage(browser: Browser, options: { timezoneId?: string; locale?: string } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ timezoneId: options.timezoneId ?? 'America/New_York', locale: options.locale ?? 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, context, errors };
}

/** Reads a key of the page's sessionStorage (the test's tsconfig has no DOM types). */
export async function sessionItem(page: Page, key: string): Promise<string | null> {
  return page.evaluate((k) => (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem(k), key);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * Runs axe-core on the page as it is now and returns the violations of impact serious or critical.
 * The source is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> }; document: unknown };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Opens the focused file input's chooser with the keyboard (Space) and returns it. The chooser's
 * interception is switched on, and a round trip made, before the key is pressed; if a loaded
 * machine lets the first press pass unseen, the key is pressed again while the input still has
 * the focus (a file input opens one chooser per press, so no file is chosen twice).
 */
export async function openFileChooserWithKeyboard(page: Page, attempts = 3): Promise<FileChooser> {
  const keep = () => undefined;
  page.on('filechooser', keep);
  try {
    await page.evaluate(() => 0);
    for (let i = 1; ; i += 1) {
      const focusedIsFile = await page.evaluate(() => {
        const el = (globalThis as unknown as { document: { activeElement: { tagName: string; type?: string } | null } }).document.activeElement;
        return el?.tagName === 'INPUT' && el.type === 'file';
      });
      if (!focusedIsFile) throw new Error('the focused element is not a file input');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 8_000 }).catch((e: unknown) => (i < attempts ? null : Promise.reject(e))), page.keyboard.press('Space')]);
      if (chooser) return chooser;
    }
  } finally {
    page.off('filechooser', keep);
  }
}
