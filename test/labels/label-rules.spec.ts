import { communeIndex } from '../../src/labels/communes.js';
import { awardListSql } from '../../src/labels/label-award-query.js';
import { toAwardResponse, viewName } from '../../src/labels/label-award-view.js';
import { duplicateTowns, mapLabelHeader, parseLevel, parseYesNo, validateLabelRow } from '../../src/labels/label-import-rows.js';
import { labelStats, percentOneDecimal, percentRounded, regionsHoldingHalf } from '../../src/labels/label-stats.js';

describe('label figures (pure)', () => {
  it('rounds half up, to one decimal and to the whole percent', () => {
    expect(percentOneDecimal(142, 356)).toBe(39.9);
    expect(percentRounded(142, 356)).toBe(40);
    expect(percentOneDecimal(59, 297)).toBe(19.9);
    expect(percentRounded(59, 297)).toBe(20);
    expect(percentRounded(1, 8)).toBe(13);
    expect(percentOneDecimal(0, 0)).toBe(0);
  });

  it('takes the fewest regions holding at least half, largest first, ties by name', () => {
    const regions = [
      { region: 'Corse', towns: 2 },
      { region: 'Bretagne', towns: 3 },
      { region: 'Alsace', towns: 3 },
      { region: 'Picardie', towns: 0 },
    ];
    expect(regionsHoldingHalf(regions)).toEqual([
      { region: 'Alsace', towns: 3 },
      { region: 'Bretagne', towns: 3 },
    ]);
    expect(regionsHoldingHalf([{ region: 'A', towns: 1 }, { region: 'B', towns: 1 }])).toEqual([{ region: 'A', towns: 1 }]);
    expect(regionsHoldingHalf([])).toEqual([]);
  });

  it('computes growth against the latest earlier year, and none without one', () => {
    const stats = labelStats(2012, {
      perLevel: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 },
      firstParticipations: 2,
      regions: [{ region: 'Alsace', towns: 5 }],
      previous: { year: 2010, labels: 4, topLevels: 1 },
      history: { firstYear: 2010, years: 2, labels: 9 },
    });
    expect(stats).toMatchObject({ labels: 5, topLevels: 2, previousYear: 2010, growthPercent: 25, growthPercentRounded: 25, regionsRepresented: 1, firstParticipationPercent: 40 });
    expect(labelStats(2012, { perLevel: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 0 }, firstParticipations: 0, regions: [], previous: null, history: { firstYear: 2012, years: 1, labels: 1 } })).toMatchObject({
      previousYear: null,
      growthPercent: null,
      growthPercentRounded: null,
    });
  });
});

describe('palmarès rows (pure)', () => {
  const communes = communeIndex();

  it('reads levels and yes/no cells', () => {
    expect(['1', '5', '3 @', '3@', '@@', '@@@@@'].map(parseLevel)).toEqual([1, 5, 3, 3, 2, 5]);
    expect(['0', '6', '@@@@@@', '', 'trois', '2.5'].map(parseLevel)).toEqual([null, null, null, null, null, null]);
    expect(['oui', 'OUI', 'yes', '1', 'x', 'non', '', 'No', '0'].map(parseYesNo)).toEqual([true, true, true, true, true, false, false, false, false]);
    expect(parseYesNo('peut-être')).toBeNull();
  });

  it('maps French and English headers, and says what is missing', () => {
    const h = mapLabelHeader(['Code INSEE', 'NIVEAU', 'premiere participation', 'Région', 'Année']);
    expect(h.columns).toEqual({ insee: 0, level: 1, firstParticipation: 2 });
    expect(h.ignored).toEqual(['Région', 'Année']);
    expect(mapLabelHeader(['town', 'departement', 'level']).missing).toEqual([]);
    expect(mapLabelHeader(['Commentaires']).missing).toEqual(['Niveau (level)', 'Code INSEE (insee) or Commune (town)']);
    expect(mapLabelHeader(['insee', 'Code INSEE', 'level']).duplicates).toEqual([{ field: 'insee', columns: ['insee', 'Code INSEE'] }]);
  });

  it('checks a row against the official communes', () => {
    const header = mapLabelHeader(['Code INSEE', 'Commune', 'Département', 'Niveau']);
    const ok = validateLabelRow(['', 'Saint-Denis', 'La Réunion', '4'], header, 2012, communes);
    expect(ok.ok && ok.value.town).toMatchObject({ insee: '97411', region: 'La Réunion' });
    const wrongDept = validateLabelRow(['59009', '', '62', '4'], header, 2012, communes);
    expect(!wrongDept.ok && wrongDept.errors).toEqual([{ column: 'Département', message: "59009 Villeneuve-d'Ascq is in 59, not « 62 »" }]);
    const nothing = validateLabelRow(['', '', '', ''], header, 2012, communes);
    expect(!nothing.ok && nothing.errors.map((e) => e.column)).toEqual(['Code INSEE', 'Niveau']);
    const defused = validateLabelRow(["'=59009", '', '', '2'], header, 2012, communes);
    expect(defused.ok).toBe(false);
  });

  it('finds towns named twice, pointing at the first line', () => {
    expect([...duplicateTowns([{ line: 2, insee: 'a' }, { line: 3, insee: 'b' }, { line: 5, insee: 'a' }, { line: 9, insee: 'a' }])]).toEqual([
      [5, 2],
      [9, 2],
    ]);
  });
});

describe('the embargoed view (pure)', () => {
  const row = {
    id: 'x', year: 2012, insee: '59009', town_name: "Villeneuve-d'Ascq", departement: '59', region: 'Nord-Pas-de-Calais',
    level: 5, first_participation: false, population_band: null, comments: '5 @ !', contact_email: 'a@b.fr',
  };

  it('leaves the level, comments and contact out of the object itself', () => {
    expect(Object.keys(toAwardResponse(row, { levels: false, organiser: false }))).not.toEqual(expect.arrayContaining(['level']));
    expect(toAwardResponse(row, { levels: true, organiser: false })).not.toHaveProperty('comments');
    expect(toAwardResponse(row, { levels: true, organiser: true })).toMatchObject({ level: 5, comments: '5 @ !', contactEmail: 'a@b.fr' });
    expect(viewName({ levels: false, organiser: false })).toBe('embargoed');
    expect(viewName({ levels: true, organiser: false })).toBe('levels');
  });

  it('refuses level filters and sorts without the right to see levels, the same way whatever the value', () => {
    for (const filters of [{ level: 1 }, { level: 5 }, { sort: 'level' as const }]) {
      expect(() => awardListSql(2012, filters, false)).toThrow('The levels of 2012 are not public yet: they cannot be filtered or sorted on before the reveal');
      expect(() => awardListSql(2012, filters, true)).not.toThrow();
    }
    expect(awardListSql(2012, { q: "st-rémy d'", sort: 'region', order: 'desc' }, false)).toMatchObject({
      params: [2012, '%saint remy d%'],
      orderBy: 'a.region DESC, unaccent(lower(a.town_name)) DESC, a.insee DESC',
    });
  });
});
