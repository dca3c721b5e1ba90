import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp } from '../support/test-app.js';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Collects a response body as bytes (supertest would otherwise read a PDF as text). */
export function binary(res: unknown, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The people of the tests: long, hyphenated, accented and non-Latin names. */
export const PEOPLE = [
  { firstName: 'Hélène', lastName: 'Dupré', affiliation: 'Université Toulouse Le Mirail', categories: ['researcher'] },
  { firstName: 'Jean-Baptiste-Marie', lastName: 'de La Rochefoucauld-Montmorency-Laval', affiliation: 'Institut des Sciences de la Communication du CNRS (ISCC)', categories: ['guest'] },
  { firstName: 'Łukasz', lastName: 'Żółkiewski', affiliation: 'Uniwersytet Warszawski', categories: ['researcher'] },
  { firstName: 'Αικατερίνη', lastName: 'Παπαδοπούλου', affiliation: 'Πανεπιστήμιο Αθηνών', categories: ['press'] },
  { firstName: 'Владимир', lastName: 'Достоевский', affiliation: 'Московский государственный университет', categories: ['organiser'] },
  { firstName: 'Zoë', lastName: 'Ærøskøbing-Šćepanović', affiliation: null, town: 'Issy-les-Moulineaux', categories: ['city-representative'] },
] as const;

export async function createParticipant(t: TestApp, token: string, eventId: string, person: Record<string, unknown>, i: number): Promise<string> {
  const res = await t.http
    .post(`/api/events/${eventId}/participants`)
    .set(bearer(token))
    .send({ email: `p${i}-${Date.now()}@example.org`, ...person });
  if (res.status !== 201) throw new Error(`create participant: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** A scratch folder for PDFs and renders, removed by the returned function. */
export function scratch(): { dir: string; write(name: string, bytes: Buffer): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'badges-'));
  return {
    dir,
    write(name, bytes) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });

/** Every QR code zbarimg finds on a 150 dpi render of each page. */
export function decodeQrCodes(pdf: string, dir: string): string[] {
  const prefix = join(dir, `page-${Date.now()}`);
  run('pdftoppm', ['-r', '150', '-gray', '-png', pdf, prefix]);
  const pages = readdirSync(dir).filter((f) => f.startsWith(prefix.split('/').pop() as string) && f.endsWith('.png'));
  const codes: string[] = [];
  for (const page of pages) {
    let out = '';
    try {
      out = run('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', join(dir, page)]);
    } catch (error) {
      // zbarimg exits 4 when a page holds no code
      if ((error as { status?: number }).status !== 4) throw error;
    }
    codes.push(...out.split('\n').filter(Boolean));
  }
  return codes;
}

/** A page rendered to grey pixels (PGM) at `dpi`, and a reader of its pixels (0 = black, 255 = white). */
export function renderGrey(pdf: string, page: number, dpi: number, dir: string): { width: number; height: number; at(x: number, y: number): number } {
  const prefix = join(dir, `grey-${page}-${Date.now()}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix], { stdio: 'ignore' });
  const bytes = readFileSync(`${prefix}.pgm`);
  // P5\n<width> <height>\n<max>\n<pixels>
  const header = bytes.subarray(0, 64).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a PGM file');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  return { width, height, at: (x, y) => bytes[offset + Math.round(y) * width + Math.round(x)] };
}

/** The text pdftotext finds inside a rectangle of a page, in points. */
export function textIn(pdf: string, page: number, box: { x: number; y: number; w: number; h: number }): string {
  return run('pdftotext', ['-f', String(page), '-l', String(page), '-x', String(Math.round(box.x)), '-y', String(Math.round(box.y)), '-W', String(Math.round(box.w)), '-H', String(Math.round(box.h)), pdf, '-'])
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Waits until the print job `jobId` counts a delivery (its badges are logged just after its PDF's
 * response finished, so a client may read before that); fails after 10 s.
 */
export async function untilDelivered(t: TestApp, jobId: string | undefined, deliveries = 1): Promise<void> {
  if (!jobId) throw new Error('no X-Badge-Print-Job header');
  for (const started = Date.now(); Date.now() - started < 10_000; ) {
    const [row] = await t.booted.dataSource.query(`SELECT deliveries FROM badge_print_jobs WHERE id = $1`, [jobId]);
    if (row && row.deliveries >= deliveries) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`print job ${jobId} was not delivered within 10 s`);
}
