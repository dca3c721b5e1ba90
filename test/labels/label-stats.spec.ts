import { startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, importCsv, METRO_REGIONS_2012, palmaresCsv, synthesise } from './labels-support.js';

/**
 * The press release of 26 January 2012, reproduced through the import and the stats endpoint from
 * a synthetic palmarès (the real one is not public):
 * - 2012: 356 towns; levels 1..5 = 86, 110, 100, 40, 20 (60 at 4–5 @); 142 first-timers
 *   (142 / 356 = 39.89 % → 39.9 %, 40 % rounded); Île-de-France 50, Nord-Pas-de-Calais 45,
 *   Rhône-Alpes 45, Aquitaine 40 (180 ≥ 178 = half, the three largest 140 < 178), the 18 other
 *   metropolitan regions 8 each and the 5 overseas regions 32: 27 regions represented;
 * - 2011: 297 towns, levels 75, 90, 80, 35, 17 (52 at 4–5 @): growth 59 / 297 = 19.87 % → 19.9 %, 20 %;
 * - 2000–2010: ten years of 179 towns and one of 174 (1,964): 13 years, 2,617 labels.
 */
const FOUR = { 'Île-de-France': 50, 'Nord-Pas-de-Calais': 45, 'Rhône-Alpes': 45, Aquitaine: 40 };
const OTHERS = METRO_REGIONS_2012.filter((r) => !(r in FOUR));
const OVERSEAS = { Guadeloupe: 8, Martinique: 8, 'La Réunion': 8, Guyane: 4, Mayotte: 4 };

const Y2012 = synthesise({
  regions: { ...FOUR, ...Object.fromEntries(OTHERS.map((r) => [r, 8])), ...OVERSEAS },
  levels: [86, 110, 100, 40, 20],
  firstTimers: 142,
});
const Y2011 = synthesise({
  regions: { 'Île-de-France': 40, 'Nord-Pas-de-Calais': 40, 'Rhône-Alpes': 40, Aquitaine: 33, ...Object.fromEntries(OTHERS.map((r) => [r, 8])) },
  levels: [75, 90, 80, 35, 17],
  firstTimers: 60,
});
function earlier(size: number) {
  const perRegion = Math.floor(size / METRO_REGIONS_2012.length);
  const regions = Object.fromEntries(METRO_REGIONS_2012.map((r, i) => [r, perRegion + (i < size - perRegion * METRO_REGIONS_2012.length ? 1 : 0)]));
  const base = Math.floor(size / 5);
  const levels = [base + (size - base * 5), base, base, base, base] as [number, number, number, number, number];
  return synthesise({ regions, levels, firstTimers: 20 });
}

describe('Label figures: the 2012 press release', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    for (let year = 2000; year <= 2010; year++) {
      const res = await importCsv(t, admin, year, palmaresCsv(earlier(year === 2000 ? 174 : 179)));
      expect({ status: res.status, body: res.status === 200 ? null : res.body }).toEqual({ status: 200, body: null });
    }
    const y2011 = await importCsv(t, admin, 2011, palmaresCsv(Y2011, ','));
    expect(y2011.body).toMatchObject({ created: 297, rejected: 0 });
    const y2012 = await importCsv(t, admin, 2012, palmaresCsv(Y2012, ';', true));
    expect(y2012.body).toMatchObject({ year: 2012, rows: 356, created: 356, updated: 0, unchanged: 0, rejected: 0, delimiter: ';' });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('reproduces every figure of the press release through GET /api/labels/2012/stats', async () => {
    const res = await t.http.get('/api/labels/2012/stats').set(bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      year: 2012,
      labels: 356,
      perLevel: { '1': 86, '2': 110, '3': 100, '4': 40, '5': 20 },
      topLevels: 60,
      previousYear: 2011,
      previousLabels: 297,
      previousTopLevels: 52,
      growthPercent: 19.9,
      growthPercentRounded: 20,
      regionsRepresented: 27,
      perRegion: expect.any(Array),
      regionsHoldingHalf: [
        { region: 'Île-de-France', towns: 50 },
        { region: 'Nord-Pas-de-Calais', towns: 45 },
        { region: 'Rhône-Alpes', towns: 45 },
        { region: 'Aquitaine', towns: 40 },
      ],
      firstParticipations: 142,
      firstParticipationPercent: 39.9,
      firstParticipationPercentRounded: 40,
      firstYear: 2000,
      yearsSinceFirst: 13,
      labelsSinceFirst: 2617,
    });
    // every region with its towns, the largest first: the chart of towns per region
    const perRegion = res.body.perRegion as Array<{ region: string; towns: number }>;
    expect(perRegion).toHaveLength(27);
    expect(perRegion.reduce((sum, r) => sum + r.towns, 0)).toBe(356);
    expect(perRegion.slice(0, 4)).toEqual(res.body.regionsHoldingHalf);
    expect(perRegion.every((r, i) => i === 0 || perRegion[i - 1].towns >= r.towns)).toBe(true);
    const [{ n: bretagne }] = await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM label_awards WHERE year = 2012 AND region = 'Bretagne'`);
    expect(perRegion.find((r) => r.region === 'Bretagne')?.towns).toBe(bretagne);
  });

  it('wires the 2012 year to the seeded ceremony label2012 on its first import', async () => {
    const events = await t.http.get('/api/events?slug=label2012');
    const res = await t.http.get('/api/labels/2012');
    expect(res.body).toMatchObject({ year: 2012, eventId: events.body.items[0].id, embargoEndsAt: '2012-02-06T18:00:00+01:00', embargoEndsAtUtc: '2012-02-06T17:00:00.000Z', towns: 356 });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await t.booted.dataSource.query(`SELECT max(updated_at) AS at FROM label_awards WHERE year = 2012`);
    const again = await importCsv(t, admin, 2012, palmaresCsv(Y2012, ',', false));
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 356, rejected: 0 });
    const after = await t.booted.dataSource.query(`SELECT max(updated_at) AS at FROM label_awards WHERE year = 2012`);
    expect(after[0].at).toEqual(before[0].at);
  });

  it('gives the figures of a year without a predecessor with null growth', async () => {
    const res = await t.http.get('/api/labels/2000/stats').set(bearer(admin));
    expect(res.body).toMatchObject({ year: 2000, labels: 174, previousYear: null, growthPercent: null, yearsSinceFirst: 1, labelsSinceFirst: 174 });
  });
});
