import { communeIndex, normaliseInsee, townKey } from '../../src/labels/communes.js';
import { REGION_2012_BY_DEPARTEMENT, REGIONS_2012 } from '../../src/labels/regions-2012.js';

const index = communeIndex();

function town(code: string, year = 2012, name?: string) {
  const found = index.byInsee(code, year, name);
  if (!found.ok) throw new Error(found.reason);
  return found.town;
}

describe('communes (official list, pure lookups)', () => {
  it('finds towns by INSEE code with the official name, département and 2012 region', () => {
    expect(town('59009')).toEqual({ insee: '59009', name: "Villeneuve-d'Ascq", departement: '59', region: 'Nord-Pas-de-Calais', mergedInto: null });
    expect(town('13100')).toMatchObject({ name: 'Saint-Rémy-de-Provence', departement: '13', region: "Provence-Alpes-Côte d'Azur" });
    expect(town('93066')).toMatchObject({ name: 'Saint-Denis', departement: '93', region: 'Île-de-France' });
    expect(town('97411')).toMatchObject({ name: 'Saint-Denis', departement: '974', region: 'La Réunion' });
    expect(town('2A004')).toMatchObject({ name: 'Ajaccio', departement: '2A', region: 'Corse' });
    expect(town('97608')).toMatchObject({ name: 'Dzaoudzi', departement: '976', region: 'Mayotte' });
    expect(town('98735')).toMatchObject({ name: 'Papeete', departement: '987', region: 'Polynésie française' });
  });

  it('gives today’s regions from 2016 on', () => {
    expect(town('59009', 2016).region).toBe('Hauts-de-France');
    expect(town('13100', 2020).region).toBe("Provence-Alpes-Côte d'Azur");
  });

  it('accepts a town since merged into a commune nouvelle under its own code and name', () => {
    expect(town('74011')).toEqual({ insee: '74011', name: 'Annecy-le-Vieux', departement: '74', region: 'Rhône-Alpes', mergedInto: { insee: '74010', name: 'Annecy' } });
    // the commune nouvelle kept the former chef-lieu's code: its 2012 name is the former town's
    expect(town('01015')).toMatchObject({ name: 'Arbignieu', mergedInto: { insee: '01015', name: 'Arboys en Bugey' } });
    expect(town('01015', 2020)).toMatchObject({ name: 'Arboys en Bugey', region: 'Auvergne-Rhône-Alpes', mergedInto: null });
    expect(town('01015', 2012, 'arboys en bugey').name).toBe('Arboys en Bugey');
  });

  it('refuses unknown codes, malformed codes, arrondissements and a name that is not the code’s', () => {
    expect(index.byInsee('99999', 2012)).toEqual({ ok: false, reason: 'unknown INSEE code 99999' });
    expect(index.byInsee('ABCDE', 2012).ok).toBe(false);
    const arrondissement = index.byInsee('75101', 2012);
    expect(arrondissement.ok).toBe(false);
    expect(!arrondissement.ok && arrondissement.reason).toContain('75056');
    const wrongName = index.byInsee('93066', 2012, 'Pierrefitte');
    expect(!wrongName.ok && wrongName.reason).toBe('93066 is Saint-Denis, not « Pierrefitte »');
  });

  it('finds by name whatever the accents, case, hyphens and « St », and never guesses between homonyms', () => {
    const saintDenis = index.byName('Saint-Denis', undefined, 2012);
    expect(saintDenis.ok).toBe(false);
    expect(!saintDenis.ok && saintDenis.candidates?.map((c) => c.insee)).toEqual(['11339', '30247', '93066', '97411']);
    expect(!saintDenis.ok && saintDenis.reason).toMatch(/^ambiguous: 4 communes/);
    const inReunion = index.byName('saint denis', '974', 2012);
    expect(inReunion.ok && inReunion.town.insee).toBe('97411');
    const remy = index.byName('ST REMY DE PROVENCE', '13', 2012);
    expect(remy.ok && remy.town.name).toBe('Saint-Rémy-de-Provence');
    const byDeptName = index.byName('villeneuve d ascq', 'Nord', 2012);
    expect(byDeptName.ok && byDeptName.town.insee).toBe('59009');
    expect(index.byName('Saint-Denis', '99', 2012)).toEqual({ ok: false, reason: 'unknown département « 99 »' });
    expect(index.byName('Nulle-Part-sur-Mer', '13', 2012).ok).toBe(false);
  });

  it('normalises codes and names', () => {
    expect(normaliseInsee('1053')).toBe('01053');
    expect(normaliseInsee(' 2a004 ')).toBe('2A004');
    expect(townKey('Saint-Rémy-de-Provence')).toBe(townKey('st remy de provence'));
    expect(townKey("Villeneuve-d'Ascq")).toBe('villeneuve d ascq');
  });

  it('maps every département to one of the 27 regions of 2012', () => {
    expect(REGIONS_2012).toHaveLength(27);
    expect(REGION_2012_BY_DEPARTEMENT.size).toBe(101);
    const missing = index
      .codes()
      .map((code) => town(code).departement)
      .filter((d, i, all) => all.indexOf(d) === i && !REGION_2012_BY_DEPARTEMENT.has(d) && Number(d.slice(0, 3)) < 975);
    expect(missing).toEqual([]);
    expect(index.codes().length).toBeGreaterThan(36_000);
  });
});
