/**
 * The official list of French communes (INSEE's Code officiel géographique, as the npm package
 * @etalab/decoupage-administratif ships it: current communes, communes déléguées and associées of
 * merged towns, overseas included), read once from the package's JSON files, no network. Pure
 * lookups: a town by INSEE code, or by name (and département), for a label year.
 *
 * Names of the label's year: the package has no dates of mergers. A code that is today a commune
 * déléguée or associée (a town merged into a commune nouvelle) is shown under its own name. When
 * the code is also the commune nouvelle's (its chef-lieu kept the code), the former town's name is
 * used for label years before 2015 (communes nouvelles were created from 2015 on, bar a handful),
 * the current name after; a name given with the code that matches either official name wins.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FIRST_YEAR_OF_MERGED_REGIONS, REGION_2012_BY_DEPARTEMENT } from './regions-2012.js';

/** One record of communes.json (the fields used). */
export interface CommuneRecord {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement: string;
  region: string;
  chefLieu?: string;
  commune?: string;
}

export interface NamedArea {
  code: string;
  nom: string;
}

/** A town as a label records it. */
export interface Town {
  insee: string;
  /** The official name in the label's year. */
  name: string;
  departement: string;
  /** The region in the label's year (2012 regions before 2016). */
  region: string;
  /** The commune nouvelle it belongs to today, when it has since merged into another name. */
  mergedInto: { insee: string; name: string } | null;
}

export type TownLookup = { ok: true; town: Town } | { ok: false; reason: string; candidates?: Array<{ insee: string; name: string; departement: string }> };

/** The first label year for which a code shared by a commune nouvelle and its former chef-lieu means the commune nouvelle. */
export const FIRST_YEAR_OF_COMMUNES_NOUVELLES = 2015;

const INSEE = /^[0-9][0-9AB][0-9]{3}$/;

/** "Saint-Rémy-de-Provence", "st remy de provence", "SAINT REMY DE PROVENCE" → one key. */
export function townKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\b(st)\b/g, 'saint')
    .replace(/\b(ste)\b/g, 'sainte');
}

/** "9" → "09", "2a" → "2A", " 974 " → "974"; anything else as typed (it will not be found). */
export function normaliseDepartement(input: string): string {
  const d = input.trim().toUpperCase();
  return /^[0-9]$/.test(d) ? `0${d}` : d;
}

/** "1053" → "01053" (spreadsheets drop the leading zero), upper-case 2a/2b. */
export function normaliseInsee(input: string): string {
  const c = input.trim().toUpperCase();
  return /^[0-9][0-9AB][0-9]{2}$/.test(c) && /^[1-9]/.test(c) && !/[AB]/.test(c) ? `0${c}` : c;
}

interface Entry {
  current: CommuneRecord | null;
  /** Commune déléguée or associée records under this code (usually one). */
  former: CommuneRecord[];
  arrondissementOf: CommuneRecord | null;
}

export class CommuneIndex {
  private readonly byCode = new Map<string, Entry>();
  /** Name key → codes having that name (current or former). */
  private readonly codesByName = new Map<string, Set<string>>();
  private readonly departementNames = new Map<string, string>();
  private readonly departementByKey = new Map<string, string>();
  private readonly regionNames = new Map<string, string>();

  constructor(communes: readonly CommuneRecord[], departements: readonly NamedArea[], regions: readonly NamedArea[]) {
    for (const d of departements) {
      this.departementNames.set(d.code, d.nom);
      this.departementByKey.set(townKey(d.nom), d.code);
    }
    for (const r of regions) this.regionNames.set(r.code, r.nom);
    for (const c of communes) {
      const entry = this.byCode.get(c.code) ?? { current: null, former: [], arrondissementOf: null };
      if (c.type === 'commune-actuelle') entry.current = c;
      else if (c.type === 'arrondissement-municipal') entry.arrondissementOf = c;
      else entry.former.push(c);
      this.byCode.set(c.code, entry);
      if (c.type !== 'arrondissement-municipal') {
        const key = townKey(c.nom);
        const codes = this.codesByName.get(key) ?? new Set<string>();
        codes.add(c.code);
        this.codesByName.set(key, codes);
      }
    }
  }

  /** Every code a label can name (current communes, communes déléguées and associées), in code order. */
  codes(): string[] {
    return [...this.byCode].filter(([, e]) => e.current || e.former.length).map(([code]) => code).sort();
  }

  /** The département's code for a code or a name ("93", "Seine-Saint-Denis"), or null. */
  departement(input: string): string | null {
    const code = normaliseDepartement(input);
    if (this.departementNames.has(code)) return code;
    return this.departementByKey.get(townKey(input)) ?? null;
  }

  /** A town by INSEE code for a label year; `givenName` (optional) must be one of its official names. */
  byInsee(input: string, year: number, givenName?: string): TownLookup {
    const code = normaliseInsee(input);
    if (!INSEE.test(code)) return { ok: false, reason: `« ${input.slice(0, 20)} » is not an INSEE code (5 characters, like 59009 or 2A004)` };
    const entry = this.byCode.get(code);
    if (!entry || (!entry.current && !entry.former.length)) {
      if (entry?.arrondissementOf) {
        const parent = entry.arrondissementOf.commune ?? '';
        return { ok: false, reason: `${code} is a municipal arrondissement (${entry.arrondissementOf.nom}): labels go to the commune, ${parent}` };
      }
      return { ok: false, reason: `unknown INSEE code ${code}` };
    }
    const names = [entry.current, ...entry.former].filter((r): r is CommuneRecord => r !== null);
    let record: CommuneRecord;
    if (givenName !== undefined && givenName.trim() !== '') {
      const match = names.find((r) => townKey(r.nom) === townKey(givenName));
      if (!match) return { ok: false, reason: `${code} is ${[...new Set(names.map((r) => r.nom))].join(' / ')}, not « ${givenName.slice(0, 100)} »` };
      record = match;
    } else {
      record = this.nameInYear(entry, year);
    }
    return { ok: true, town: this.town(code, record, entry, year) };
  }

  /**
   * A town by name, in a département when one is given: exactly one commune must bear that name
   * (current or former); several is ambiguous, none unknown. Never guessed.
   */
  byName(name: string, departementInput: string | undefined, year: number): TownLookup {
    const codes = [...(this.codesByName.get(townKey(name)) ?? [])];
    let departement: string | null = null;
    if (departementInput !== undefined && departementInput.trim() !== '') {
      departement = this.departement(departementInput);
      if (!departement) return { ok: false, reason: `unknown département « ${departementInput.slice(0, 40)} »` };
    }
    const found = codes.filter((code) => {
      const entry = this.byCode.get(code)!;
      return departement === null || [entry.current, ...entry.former].some((r) => r?.departement === departement);
    });
    const shown = (name.length > 100 ? `${name.slice(0, 100)}…` : name).trim();
    if (!found.length) return { ok: false, reason: `no commune named « ${shown} »${departement ? ` in ${departement}` : ''}` };
    if (found.length > 1) {
      const candidates = found.sort().map((code) => {
        const e = this.byCode.get(code)!;
        const r = this.nameInYear(e, year);
        return { insee: code, name: r.nom, departement: r.departement };
      });
      const list = candidates.slice(0, 10).map((c) => `${c.insee} (${c.departement})`).join(', ');
      return {
        ok: false,
        reason: `ambiguous: ${found.length} communes are named « ${shown} »${departement ? ` in ${departement}` : ''} (${list}): give the INSEE code${departement ? '' : ' or the département'}`,
        candidates: candidates.slice(0, 10),
      };
    }
    return this.byInsee(found[0], year, name);
  }

  private nameInYear(entry: Entry, year: number): CommuneRecord {
    if (!entry.current) return entry.former[0];
    if (entry.former.length && year < FIRST_YEAR_OF_COMMUNES_NOUVELLES) return entry.former[0];
    return entry.current;
  }

  private town(code: string, record: CommuneRecord, entry: Entry, year: number): Town {
    const departement = record.departement;
    let mergedInto: Town['mergedInto'] = null;
    if (record !== entry.current && record.chefLieu) {
      const today = this.byCode.get(record.chefLieu)?.current;
      if (today && !(today.code === code && today.nom === record.nom)) mergedInto = { insee: today.code, name: today.nom };
    }
    return { insee: code, name: record.nom, departement, region: this.regionInYear(departement, record.region, year), mergedInto };
  }

  /** The 2012 region before 2016 (overseas collectivities: their own name); today's region after. */
  regionInYear(departement: string, regionCode: string, year: number): string {
    if (year < FIRST_YEAR_OF_MERGED_REGIONS) {
      return REGION_2012_BY_DEPARTEMENT.get(departement) ?? this.departementNames.get(departement) ?? departement;
    }
    return this.regionNames.get(regionCode) ?? this.departementNames.get(departement) ?? regionCode;
  }
}

let loaded: CommuneIndex | null = null;

/** The index over the package's files, built once per process (about 37,000 records). */
export function communeIndex(): CommuneIndex {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const read = <T>(file: string): T => JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8')) as T;
  loaded = new CommuneIndex(read<CommuneRecord[]>('communes.json'), read<NamedArea[]>('departements.json'), read<NamedArea[]>('regions.json'));
  return loaded;
}
