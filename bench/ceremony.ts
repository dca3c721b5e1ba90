/**
 * The Label ceremony's documents (issue « Label », section « The ceremony »): on a palmarès of
 * BENCH_CEREMONY towns (default 356, the 2012 palmarès; 0 skips) with three delegates each, three in
 * five of them checked in, the organisers' running order (JSON and PDF) and the certificates (one A4
 * page per town, one file). Each document is first fetched alone (time, bytes, pages, SQL
 * statements), then under load like the other routes. Seeded with a few set-based statements through
 * a connection of the bench's own, so only on a PostgreSQL server in a database the bench owns (the
 * embedded engine serves one connection, held by the application). See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

/** What run.ts measures for a route (its RouteResult), as much as this section reads of it. */
export interface MeasuredRoute {
  name: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

export interface CeremonyBenchContext {
  base: string;
  admin: { email: string; password: string };
  /** The application's database on a server (null: the embedded engine). */
  databaseUrl: string | null;
  /** A database the bench owns. */
  disposable: boolean;
  towns: number;
  /** run.ts's measure(): autocannon with its warm-up, duration and connections, plus the SQL statements of one request. */
  measure(name: string, label: string, path: string, headers: Record<string, string>): Promise<MeasuredRoute>;
}

export interface CeremonyDocumentTiming {
  path: string;
  /** Fetched alone the first time (drawn). */
  firstMs: number;
  /** Fetched alone again, best of two (the same content: served from the drawn file for the PDFs). */
  againMs: number;
  bytes: number;
  pages?: number;
}

export interface CeremonyReport {
  measured: boolean;
  reason?: string;
  seeded?: { towns: number; delegates: number; present: number; seconds: number };
  alone?: CeremonyDocumentTiming[];
  routes?: MeasuredRoute[];
}

const REGIONS = [
  'Alsace', 'Aquitaine', 'Auvergne', 'Basse-Normandie', 'Bourgogne', 'Bretagne', 'Centre', 'Champagne-Ardenne', 'Corse', 'Franche-Comté',
  'Haute-Normandie', 'Île-de-France', 'Languedoc-Roussillon', 'Limousin', 'Lorraine', 'Midi-Pyrénées', 'Nord-Pas-de-Calais',
  'Pays de la Loire', 'Picardie', 'Poitou-Charentes', 'Provence-Alpes-Côte d’Azur', 'Rhône-Alpes', 'Guadeloupe', 'Martinique', 'Guyane', 'La Réunion',
];

/** Writes the palmarès, the ceremony part, the delegates and their check-ins; returns what it wrote. */
async function seed(url: string, towns: number): Promise<{ delegates: number; present: number }> {
  const ds = new DataSource({ type: 'postgres', url, extra: { max: 1 } });
  await ds.initialize();
  try {
    return await ds.transaction(async (m) => {
      const [event] = await m.query(`SELECT id FROM events WHERE slug = 'label2012'`);
      if (!event) throw new Error('the seeded ceremony event label2012 is missing');
      const [existing] = await m.query(`SELECT 1 FROM label_years WHERE year = 2012`);
      if (existing) throw new Error('label year 2012 already exists in this database');
      await m.query(`INSERT INTO label_years (year, event_id) VALUES (2012, $1)`, [event.id]);
      const delegates = towns * 3;
      const [part] = await m.query(
        `INSERT INTO event_parts (event_id, code, name_fr, kind, admission, capacity, admitted_count) VALUES ($1, 'bench-ceremonie', 'Cérémonie du Label', 'ceremony', 'invitation', $2, $2) RETURNING id`,
        [event.id, delegates],
      );
      // towns: INSEE codes 01001…, French names with accents, one in seven very long
      await m.query(
        `INSERT INTO label_awards (year, insee, town_name, departement, region, level, first_participation)
         SELECT 2012, lpad((1000 + g)::text, 5, '0'),
                CASE WHEN g % 7 = 0 THEN 'Saint-Rémy-en-Bouzemont-Saint-Genest-et-Isson-' || g ELSE 'Villeneuve-d’Ascq-lès-Écluses ' || g END,
                lpad(((1000 + g) / 1000)::text, 2, '0'), ($2::text[])[1 + g % array_length($2::text[], 1)], 1 + g % 5, g % 5 < 2
         FROM generate_series(1, $1::int) AS g`,
        [towns, REGIONS],
      );
      const inserted: { id: string; g: number }[] = await m.query(
        `INSERT INTO participants (event_id, email, first_name, last_name, town, town_insee, categories, days, source)
         SELECT $1, 'delegue-' || g || '@bench.local', 'Hélène', 'Délégué ' || g, a.town_name, a.insee, ARRAY['city-representative']::text[], ARRAY['2012-02-06']::date[], 'organiser'
         FROM generate_series(1, $2::int) AS g JOIN label_awards a ON a.year = 2012 AND a.insee = lpad((1000 + 1 + (g - 1) % $3::int)::text, 5, '0')
         RETURNING id, substring(email from 'delegue-([0-9]+)@')::int AS g`,
        [event.id, delegates, towns],
      );
      await m.query(
        `INSERT INTO part_admissions (part_id, participant_id, status, admitted_at) SELECT $1, p.id, 'admitted', now() FROM unnest($2::uuid[]) AS p(id)`,
        [part.id, inserted.map((r) => r.id)],
      );
      const present = inserted.filter((r) => r.g % 5 < 3).map((r) => r.id);
      await m.query(`INSERT INTO check_ins (event_id, participant_id, part_id, day) SELECT $1, p.id, $2, '2012-02-06' FROM unnest($3::uuid[]) AS p(id)`, [
        event.id,
        part.id,
        present,
      ]);
      return { delegates: inserted.length, present: present.length };
    });
  } finally {
    await ds.query('ANALYZE').catch(() => undefined);
    await ds.destroy();
  }
}

async function fetchAlone(url: string, token: string): Promise<{ firstMs: number; againMs: number; body: Buffer; status: number }> {
  const times: number[] = [];
  let body = Buffer.alloc(0);
  let status = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    body = Buffer.from(await res.arrayBuffer());
    status = res.status;
    times.push(performance.now() - t0);
  }
  return { firstMs: times[0], againMs: Math.min(times[1], times[2]), body, status };
}

function pdfPages(pdf: Buffer): number | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ceremony-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runCeremonyBench(ctx: CeremonyBenchContext): Promise<CeremonyReport> {
  if (ctx.towns === 0) return { measured: false, reason: 'BENCH_CEREMONY=0' };
  if (!ctx.databaseUrl) return { measured: false, reason: 'the embedded engine serves one connection, held by the application: set BENCH_DATABASE_URL' };
  if (!ctx.disposable) return { measured: false, reason: 'not a database the bench owns (no CREATEDB privilege): no fictitious palmarès written into it' };
  const t0 = performance.now();
  const seeded = await seed(ctx.databaseUrl, ctx.towns);
  const seconds = (performance.now() - t0) / 1000;
  const login = await fetch(`${ctx.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ctx.admin) });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  const documents = [
    { name: 'ceremony-order', label: 'GET …/ceremony/running-order (JSON)', path: '/api/labels/2012/ceremony/running-order' },
    { name: 'ceremony-order-pdf', label: 'GET …/ceremony/running-order.pdf', path: '/api/labels/2012/ceremony/running-order.pdf' },
    { name: 'ceremony-certificates', label: `GET …/ceremony/certificates.pdf (${ctx.towns} pages)`, path: '/api/labels/2012/ceremony/certificates.pdf' },
  ];
  const alone: CeremonyDocumentTiming[] = [];
  for (const d of documents) {
    const r = await fetchAlone(`${ctx.base}${d.path}`, token);
    if (r.status !== 200) throw new Error(`${d.path} answered ${r.status}: ${r.body.toString('utf8', 0, 300)}`);
    alone.push({ path: d.path, firstMs: r.firstMs, againMs: r.againMs, bytes: r.body.length, pages: d.path.endsWith('.pdf') ? pdfPages(r.body) : undefined });
  }
  const routes: MeasuredRoute[] = [];
  for (const d of documents) routes.push(await ctx.measure(d.name, d.label, d.path, { Authorization: `Bearer ${token}` }));
  return { measured: true, seeded: { towns: ctx.towns, ...seeded, seconds }, alone, routes };
}
