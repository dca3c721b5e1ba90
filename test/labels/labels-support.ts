import { communeIndex } from '../../src/labels/communes.js';
import type { TestApp } from '../support/test-app.js';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Codes of current communes (never merged) per 2012 region, in code order. */
function codesByRegion(): Map<string, string[]> {
  const index = communeIndex();
  const out = new Map<string, string[]>();
  for (const code of index.codes()) {
    const found = index.byInsee(code, 2012);
    if (!found.ok || found.town.mergedInto) continue;
    const list = out.get(found.town.region) ?? [];
    list.push(code);
    out.set(found.town.region, list);
  }
  return out;
}

export interface PalmaresSpec {
  /** Towns per 2012 region. */
  regions: Record<string, number>;
  /** Towns per level, 1 to 5. */
  levels: [number, number, number, number, number];
  /** How many are first participations. */
  firstTimers: number;
}

export interface PalmaresRow {
  insee: string;
  level: number;
  first: boolean;
  region: string;
}

/** A synthetic palmarès with exactly these counts: real INSEE codes, levels and first times spread over the towns. */
export function synthesise(spec: PalmaresSpec): PalmaresRow[] {
  const byRegion = codesByRegion();
  const towns: Array<{ insee: string; region: string }> = [];
  for (const [region, n] of Object.entries(spec.regions)) {
    const codes = byRegion.get(region);
    if (!codes || codes.length < n) throw new Error(`not enough communes in ${region}`);
    // every 7th code, so the towns are spread over the region's départements
    const step = Math.max(1, Math.floor(codes.length / n));
    for (let i = 0; i < n; i++) towns.push({ insee: codes[i * step], region });
  }
  const levels = spec.levels.flatMap((count, i) => Array.from({ length: count }, () => i + 1));
  if (levels.length !== towns.length) throw new Error(`levels (${levels.length}) and towns (${towns.length}) differ`);
  // interleave so that levels and first times do not follow regions
  const order = towns.map((_, i) => (i * 7919) % towns.length);
  if (new Set(order).size !== towns.length) throw new Error('bad permutation');
  return towns.map((t, i) => ({ insee: t.insee, region: t.region, level: levels[order[i]], first: (order[i] * 31) % towns.length < spec.firstTimers }));
}

export function palmaresCsv(rows: readonly PalmaresRow[], delimiter: ';' | ',' = ';', bom = false): Buffer {
  const lines = [['Code INSEE', 'Niveau', 'Première participation'].join(delimiter), ...rows.map((r) => [r.insee, String(r.level), r.first ? 'oui' : 'non'].join(delimiter))];
  return Buffer.from((bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n', 'utf8');
}

export async function importCsv(t: TestApp, token: string, year: number, csv: Buffer | string, mode?: 'valid-rows') {
  const body = typeof csv === 'string' ? Buffer.from(csv, 'utf8') : csv;
  return t.http
    .post(`/api/labels/${year}/awards/import${mode ? `?mode=${mode}` : ''}`)
    .set(bearer(token))
    .attach('file', body, { filename: `palmares-${year}.csv`, contentType: 'text/csv' });
}

export async function labelCounts(t: TestApp): Promise<{ years: number; awards: number }> {
  const [row] = await t.booted.dataSource.query(`SELECT (SELECT count(*)::int FROM label_years) AS years, (SELECT count(*)::int FROM label_awards) AS awards`);
  return row;
}

export const METRO_REGIONS_2012 = [
  'Alsace', 'Aquitaine', 'Auvergne', 'Basse-Normandie', 'Bourgogne', 'Bretagne', 'Centre', 'Champagne-Ardenne', 'Corse', 'Franche-Comté',
  'Haute-Normandie', 'Île-de-France', 'Languedoc-Roussillon', 'Limousin', 'Lorraine', 'Midi-Pyrénées', 'Nord-Pas-de-Calais', 'Pays de la Loire',
  'Picardie', 'Poitou-Charentes', "Provence-Alpes-Côte d'Azur", 'Rhône-Alpes',
];
