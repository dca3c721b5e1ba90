/**
 * Badges (issue « Badges and the reception desk »): BENCH_BADGES participants (default 1,000; 0
 * skips) imported into the seeded colloquium through the participants' CSV import, then printed
 * through `POST /api/events/:eventId/badges/print` (colloquium template: A6, four to an A4 sheet,
 * crop marks, names, affiliation, QR code, colour band, logos of the co-organisers that have one),
 * read from the real database and streamed; against the floor, bare pdfkit in this process drawing
 * the same badges (the same names and affiliations, a 43-character token as QR code as vector
 * rectangles, a colour band, DejaVu Sans subset) on the same sheets, in the same run. Each side is
 * timed three times (the median is reported); bytes per badge for both. See bench/README.md.
 */
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { json } from './http.js';

export interface BadgeBenchContext {
  base: string;
  admin: { email: string; password: string };
  /** A database the bench owns (throwaway on the server, or the embedded engine in memory). */
  disposable: boolean;
  badges: number;
}

export interface BadgeTiming {
  /** Median of three runs, ms. */
  ms: number;
  runsMs: number[];
  msPerBadge: number;
  bytes: number;
  bytesPerBadge: number;
}

export interface BadgeReport {
  measured: boolean;
  reason?: string;
  badges?: number;
  seededSeconds?: number;
  api?: BadgeTiming & { firstByteMs: number; sheets: number; overflow: number };
  floor?: BadgeTiming;
  /** API time ÷ floor time (aim: ≤ 1.5). */
  ratio?: number;
}

const FIRST = ['Hélène', 'Łukasz', 'Zoë', 'Jean-Baptiste', 'Αικατερίνη', 'Владимир', 'Émile', 'Ingrid', 'Søren', 'Nguyễn', 'François', 'Ольга'];
const LAST = ['Dupré', 'Żółkiewski', 'Lefèvre', 'de La Rochefoucauld-Montmorency', 'Παπαδοπούλου', 'Достоевский', 'Ébrard', 'Müller', 'Kierkegård', 'Thị Minh', 'Çelik', 'Ivanova'];
const AFFILIATIONS = ['CNRS, ISCC', 'Université Toulouse Le Mirail', 'Villes Internet', 'Université Paris 8 Vincennes – Saint-Denis', 'Московский государственный университет', null];

function csvCell(value: string): string {
  return /[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The participants, as the CSV import reads them (and as the floor draws them). */
function people(count: number, run: string): { firstName: string; lastName: string; affiliation: string | null; email: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    firstName: FIRST[i % FIRST.length],
    lastName: `${LAST[(i * 7) % LAST.length]} ${i}`,
    affiliation: AFFILIATIONS[i % AFFILIATIONS.length],
    email: `badge-${run}-${i}@bench.local`,
  }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A4 sheets of four A6 badges drawn with bare pdfkit: the floor. */
function floorPdf(list: { firstName: string; lastName: string; affiliation: string | null }[]): Promise<number> {
  const require = createRequire(import.meta.url);
  const regular = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
  const bold = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
  const mm = 72 / 25.4;
  const doc = new PDFDocument({ autoFirstPage: false, font: regular });
  doc.registerFont('bold', bold);
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done();
    },
  });
  const finished = new Promise<number>((resolve) => sink.on('finish', () => resolve(bytes)));
  doc.pipe(sink);
  list.forEach((p, i) => {
    const slot = i % 4;
    if (slot === 0) doc.addPage({ size: 'A4', margin: 0 });
    const ox = (slot % 2) * 105 * mm;
    const oy = (0.5 + Math.floor(slot / 2) * 148) * mm;
    doc.rect(ox, oy + 128 * mm, 105 * mm, 20 * mm).fill('#2e86c1');
    doc.font(regular).fontSize(18).fillColor('#000000').text(p.firstName, ox + 8 * mm, oy + 44 * mm, { lineBreak: false });
    doc.font('bold').fontSize(22).text(p.lastName, ox + 8 * mm, oy + 60 * mm, { lineBreak: false });
    if (p.affiliation) doc.font(regular).fontSize(10).text(p.affiliation, ox + 8 * mm, oy + 80 * mm, { lineBreak: false });
    const qr = QRCode.create(randomBytes(32).toString('base64url'), { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const m = (34 * mm) / (n + 8);
    const x0 = ox + 8 * mm + 4 * m;
    const y0 = oy + 90 * mm + 4 * m;
    for (let r = 0; r < n; r++) {
      let c = 0;
      while (c < n) {
        if (!qr.modules.data[r * n + c]) {
          c++;
          continue;
        }
        const start = c;
        while (c < n && qr.modules.data[r * n + c]) c++;
        doc.rect(x0 + start * m, y0 + r * m, (c - start) * m, m);
      }
    }
    doc.fill('#000000');
  });
  doc.end();
  return finished;
}

export async function runBadgeBench(ctx: BadgeBenchContext): Promise<BadgeReport> {
  if (ctx.badges === 0) return { measured: false, reason: 'BENCH_BADGES=0' };
  if (!ctx.disposable) return { measured: false, reason: 'the database is not the bench’s own (it would get thousands of participants)' };
  const login = await fetch(`${ctx.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ctx.admin) });
  const token = (await json(login)).accessToken as string | undefined;
  if (!token) throw new Error(`badges: cannot log in as ${ctx.admin.email} (${login.status})`);
  const auth = { Authorization: `Bearer ${token}` };
  const events = await json(await fetch(`${ctx.base}/api/events?slug=vtn2012`));
  const eventId = (events.items as { id: string }[] | undefined)?.[0]?.id;
  if (!eventId) return { measured: false, reason: 'the colloquium (vtn2012) is not seeded' };

  // the participants, in one CSV import (one set-based statement)
  const list = people(ctx.badges, randomBytes(3).toString('hex'));
  const csv = ['Nom,Prénom,Courriel,Affiliation,Catégories', ...list.map((p, i) => [p.lastName, p.firstName, p.email, p.affiliation ?? '', i % 5 === 0 ? 'press' : 'researcher'].map(csvCell).join(','))].join('\r\n');
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'badges.csv');
  const t0 = performance.now();
  const imported = await fetch(`${ctx.base}/api/events/${eventId}/participants/import`, { method: 'POST', headers: auth, body: form });
  const importBody = await json(imported);
  if (imported.status !== 200 && imported.status !== 201) throw new Error(`badges: import answered ${imported.status}: ${JSON.stringify(importBody).slice(0, 300)}`);
  const seededSeconds = (performance.now() - t0) / 1000;

  const printOnce = async (body: unknown) => {
    const start = performance.now();
    const res = await fetch(`${ctx.base}/api/events/${eventId}/badges/print`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 200 || !res.body) throw new Error(`badges: print answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    let firstByte = 0;
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (bytes === 0) firstByte = performance.now() - start;
      bytes += chunk.length;
    }
    return { ms: performance.now() - start, firstByteMs: firstByte, bytes, count: Number(res.headers.get('x-badge-count')), sheets: Number(res.headers.get('x-badge-sheets')), overflow: Number(res.headers.get('x-badge-overflow')) };
  };

  // warm both sides (JIT, font parsing), then alternate the measured runs
  const job = { template: 'colloquium', filter: { categories: ['researcher', 'press'] } };
  await printOnce({ template: 'colloquium', filter: { categories: ['press'] } });
  await floorPdf(list.slice(0, 40));
  const api: Awaited<ReturnType<typeof printOnce>>[] = [];
  const floor: { ms: number; bytes: number }[] = [];
  for (let i = 0; i < 3; i++) {
    api.push(await printOnce(job));
    const start = performance.now();
    const bytes = await floorPdf(list);
    floor.push({ ms: performance.now() - start, bytes });
  }
  const badges = api[0].count;
  if (badges !== ctx.badges) throw new Error(`badges: the print job held ${badges} badges, ${ctx.badges} expected`);
  const apiMs = median(api.map((r) => r.ms));
  const floorMs = median(floor.map((r) => r.ms));
  return {
    measured: true,
    badges,
    seededSeconds,
    api: {
      ms: apiMs,
      runsMs: api.map((r) => r.ms),
      msPerBadge: apiMs / badges,
      bytes: api[0].bytes,
      bytesPerBadge: api[0].bytes / badges,
      firstByteMs: median(api.map((r) => r.firstByteMs)),
      sheets: api[0].sheets,
      overflow: api[0].overflow,
    },
    floor: { ms: floorMs, runsMs: floor.map((r) => r.ms), msPerBadge: floorMs / badges, bytes: floor[0].bytes, bytesPerBadge: floor[0].bytes / badges },
    ratio: apiMs / floorMs,
  };
}
