/**
 * Driving the web app in Debian's Chromium (playwright-core, never a downloaded browser), the way a
 * person in New York with an American browser would see it: every time shown must still be Paris
 * time. Also: axe-core run inside the page, and the page's console errors (CSP refusals appear there).
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestApp } from '../../support/test-app.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE: string = (require('axe-core') as { source: string }).source;

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
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
