/**
 * The Label Ville Internet's palmarès (issue « Label », sections « Labelled towns » and « The
 * figures »), BENCH_LABELS (default 1: on; 0 skips):
 * - the CSV import of every commune of France in one request (about 37,000 rows, every current
 *   commune, commune déléguée and associée of @etalab/decoupage-administratif, each checked against
 *   the official list), first into an empty year, then the same file again (nothing changes);
 * - GET /api/labels/:year/stats on 13 years of labels (twelve earlier years of 2,000 towns, imported
 *   the same way, plus that year), alone, as an organiser: 50 requests one after the other.
 * Years 1990–2002, so that neither the seed's 2012 nor the ceremony bench's is touched. Only in a
 * database the bench owns.
 */
import { communeIndex } from '../src/labels/communes.js';

export interface LabelsBenchContext {
  base: string;
  admin: { email: string; password: string };
  disposable: boolean;
  enabled: boolean;
}

export interface LabelsReport {
  measured: boolean;
  reason?: string;
  import?: { rows: number; bytes: number; firstMs: number; againMs: number; created: number; unchangedAgain: number };
  history?: { years: number; labels: number; seconds: number };
  stats?: { requests: number; p50Ms: number; p90Ms: number; maxMs: number; labelsSinceFirst: number; yearsSinceFirst: number };
}

const LAST_YEAR = 2002;
const EARLIER_YEARS = 12;
const EARLIER_TOWNS = 2000;
const STATS_REQUESTS = 50;

function csvOf(codes: readonly string[], seed: number): Buffer {
  const lines = ['Code INSEE;Niveau;Première participation'];
  codes.forEach((code, i) => lines.push(`${code};${1 + ((i + seed) % 5)};${(i + seed) % 3 === 0 ? 'oui' : 'non'}`));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

async function importFile(base: string, token: string, year: number, csv: Buffer): Promise<{ ms: number; body: Record<string, number> }> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), `palmares-${year}.csv`);
  const t0 = performance.now();
  const res = await fetch(`${base}/api/labels/${year}/awards/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await res.json()) as Record<string, number>;
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`import ${year} answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  return { ms, body };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function runLabelsBench(ctx: LabelsBenchContext): Promise<LabelsReport> {
  if (!ctx.enabled) return { measured: false, reason: 'BENCH_LABELS=0' };
  if (!ctx.disposable) return { measured: false, reason: 'the bench is not running in a database of its own: no palmarès written' };
  const login = await fetch(`${ctx.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ctx.admin) });
  const token = ((await login.json()) as { accessToken: string }).accessToken;

  const codes = communeIndex().codes();
  const all = csvOf(codes, 0);
  const first = await importFile(ctx.base, token, LAST_YEAR, all);
  const again = await importFile(ctx.base, token, LAST_YEAR, all);

  const t0 = performance.now();
  let labels = first.body.created;
  for (let k = 1; k <= EARLIER_YEARS; k++) {
    const sample = codes.filter((_, i) => i % Math.floor(codes.length / EARLIER_TOWNS) === k % 7).slice(0, EARLIER_TOWNS);
    labels += (await importFile(ctx.base, token, LAST_YEAR - k, csvOf(sample, k))).body.created;
  }
  const historySeconds = (performance.now() - t0) / 1000;

  const times: number[] = [];
  let last: { labelsSinceFirst: number; yearsSinceFirst: number } | null = null;
  for (let i = 0; i < STATS_REQUESTS; i++) {
    const s0 = performance.now();
    const res = await fetch(`${ctx.base}/api/labels/${LAST_YEAR}/stats`, { headers: { authorization: `Bearer ${token}` } });
    last = (await res.json()) as { labelsSinceFirst: number; yearsSinceFirst: number };
    times.push(performance.now() - s0);
    if (res.status !== 200) throw new Error(`stats answered ${res.status}`);
  }
  times.sort((a, b) => a - b);
  return {
    measured: true,
    import: { rows: codes.length, bytes: all.length, firstMs: first.ms, againMs: again.ms, created: first.body.created, unchangedAgain: again.body.unchanged },
    history: { years: EARLIER_YEARS + 1, labels, seconds: historySeconds },
    stats: { requests: STATS_REQUESTS, p50Ms: percentile(times, 50), p90Ms: percentile(times, 90), maxMs: times[times.length - 1], labelsSinceFirst: last!.labelsSinceFirst, yearsSinceFirst: last!.yearsSinceFirst },
  };
}
