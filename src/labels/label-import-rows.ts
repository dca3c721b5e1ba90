/**
 * The palmarès CSV, row by row, as pure functions: which column is which (header names in French
 * or English whatever their case and accents), and one row's checks — the town by INSEE code, or
 * by name and département (ambiguous names are reported, never guessed), the level, the first
 * participation, the optional band, comments and contact — then the towns named twice.
 */
import { columnsByKey, headerKey, mapCsvHeader, type CsvHeader } from '../common/csv/csv-header.js';
import { undefuse } from '../participants/participant-import-rows.js';
import type { CommuneIndex, Town } from './communes.js';

export const LABEL_IMPORT_FIELDS = ['insee', 'townName', 'departement', 'level', 'firstParticipation', 'populationBand', 'comments', 'contactEmail'] as const;
export type LabelImportField = (typeof LABEL_IMPORT_FIELDS)[number];

/** Names read for each field; the first is the export's French header, the second the English one. */
export const LABEL_IMPORT_COLUMN_NAMES: Readonly<Record<LabelImportField, readonly string[]>> = {
  insee: ['Code INSEE', 'insee', 'code commune', 'code_insee', 'insee code'],
  townName: ['Commune', 'town', 'town_name', 'ville', 'nom', 'nom de la commune', 'city', 'name'],
  departement: ['Département', 'departement', 'department', 'dept', 'dep', 'code departement'],
  level: ['Niveau', 'level', 'arobases', 'nombre d arobases', 'label', 'at signs'],
  firstParticipation: ['Première participation', 'first_participation', 'premiere fois', 'first time', 'nouvelle ville', 'new town'],
  populationBand: ['Strate', 'population_band', 'strate de population', 'tranche de population', 'population band'],
  comments: ['Commentaires', 'comments', 'commentaire', 'comment', 'remarques'],
  contactEmail: ['Courriel du contact', 'contact_email', 'courriel', 'email', 'e-mail', 'contact'],
};

/** Columns of the export read and left aside (derived from the code, or the year of the route). */
export const LABEL_EXPORT_ONLY_COLUMNS = ['Année', 'Région'] as const;

const FIELD_BY_KEY = columnsByKey(LABEL_IMPORT_FIELDS, LABEL_IMPORT_COLUMN_NAMES);

/** How the palmarès' header maps to fields (`CsvHeader`), and what it lacks, as sentences (the level; a town column). */
export interface LabelImportHeader extends CsvHeader<LabelImportField> {
  missing: string[];
}

export function describeLabelField(field: LabelImportField): string {
  const [fr, en] = LABEL_IMPORT_COLUMN_NAMES[field];
  return `${fr} (${en})`;
}

export function mapLabelHeader(header: readonly string[]): LabelImportHeader {
  const mapped = mapCsvHeader(header, FIELD_BY_KEY);
  const { columns } = mapped;
  const missing: string[] = [];
  if (columns.level === undefined) missing.push(describeLabelField('level'));
  if (columns.insee === undefined && columns.townName === undefined) missing.push(`${describeLabelField('insee')} or ${describeLabelField('townName')}`);
  return { ...mapped, missing };
}

export interface RowError {
  column: string;
  message: string;
  /** The communes an ambiguous name may mean (at most 10), for the report to list. */
  candidates?: Array<{ insee: string; name: string; departement: string }>;
}

/** A good row: the town as the official list gives it, and the label's fields (undefined: column absent). */
export interface ImportedLabel {
  town: Town;
  level: number;
  firstParticipation: boolean | undefined;
  populationBand: string | null | undefined;
  comments: string | null | undefined;
  contactEmail: string | null | undefined;
}

export type RowResult = { ok: true; value: ImportedLabel } | { ok: false; errors: RowError[] };

const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;
const PLAIN_TEXT = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "3", "3 @", "3@", "@@@" → 3; anything else null. */
export function parseLevel(cell: string): number | null {
  const c = cell.trim();
  const digits = /^([1-5])\s*@?$/.exec(c);
  if (digits) return Number(digits[1]);
  if (/^@{1,5}$/.test(c)) return c.length;
  return null;
}

const YES = new Set(['oui', 'o', 'yes', 'y', '1', 'true', 'vrai', 'x']);
const NO = new Set(['non', 'n', 'no', '0', 'false', 'faux', '']);

/** oui/non, yes/no, 1/0, x/empty; anything else null. */
export function parseYesNo(cell: string): boolean | null {
  const k = headerKey(cell);
  if (YES.has(k)) return true;
  if (NO.has(k)) return false;
  return null;
}

/** The cell of `field` as typed (apostrophe of a defused formula removed), or undefined when the file has no such column. */
function cellOf(cells: readonly string[], header: LabelImportHeader, field: LabelImportField): string | undefined {
  const index = header.columns[field];
  return index === undefined ? undefined : undefuse((cells[index] ?? '').trim()).trim();
}

/** How the row names its town, for the report. */
export function rowTownLabel(cells: readonly string[], header: LabelImportHeader): string | null {
  const named = cellOf(cells, header, 'insee') || cellOf(cells, header, 'townName');
  return named ? named.slice(0, 200) : null;
}

export function validateLabelRow(cells: readonly string[], header: LabelImportHeader, year: number, communes: CommuneIndex): RowResult {
  const errors: RowError[] = [];
  const col = (f: LabelImportField) => header.names[f] ?? LABEL_IMPORT_COLUMN_NAMES[f][0];
  const insee = cellOf(cells, header, 'insee');
  const name = cellOf(cells, header, 'townName');
  const departement = cellOf(cells, header, 'departement');

  let town: Town | null = null;
  if (name !== undefined && !ONE_LINE.test(name)) errors.push({ column: col('townName'), message: 'the name must be one line without control characters' });
  else if (insee) {
    const found = communes.byInsee(insee, year, name || undefined);
    if (found.ok) town = found.town;
    else errors.push({ column: col('insee'), message: found.reason });
  } else if (name) {
    const found = communes.byName(name, departement, year);
    if (found.ok) town = found.town;
    else errors.push({ column: col('townName'), message: found.reason, ...(found.candidates ? { candidates: found.candidates } : {}) });
  } else {
    errors.push({ column: col(header.columns.insee !== undefined ? 'insee' : 'townName'), message: 'no town: give the INSEE code, or the name and département' });
  }
  if (town && insee && departement && communes.departement(departement) !== town.departement) {
    errors.push({ column: col('departement'), message: `${town.insee} ${town.name} is in ${town.departement}, not « ${departement.slice(0, 40)} »` });
  }

  const levelCell = cellOf(cells, header, 'level') ?? '';
  const level = parseLevel(levelCell);
  if (level === null) errors.push({ column: col('level'), message: levelCell === '' ? 'the level is missing (1 to 5 @)' : `« ${levelCell.slice(0, 20)} » is not a level: 1 to 5 (or @ to @@@@@)` });

  const firstCell = cellOf(cells, header, 'firstParticipation');
  let firstParticipation: boolean | undefined;
  if (firstCell !== undefined) {
    const parsed = parseYesNo(firstCell);
    if (parsed === null) errors.push({ column: col('firstParticipation'), message: `« ${firstCell.slice(0, 20)} » is not oui/non` });
    else firstParticipation = parsed;
  }

  const text = (field: LabelImportField, max: number, pattern: RegExp, what: string): string | null | undefined => {
    const cell = cellOf(cells, header, field);
    if (cell === undefined) return undefined;
    if (cell.length > max) errors.push({ column: col(field), message: `at most ${max} characters` });
    else if (!pattern.test(cell)) errors.push({ column: col(field), message: `${what} must not contain control characters` });
    return cell === '' ? null : cell;
  };
  const populationBand = text('populationBand', 40, ONE_LINE, 'the population band');
  const comments = text('comments', 2000, PLAIN_TEXT, 'comments');
  let contactEmail = text('contactEmail', 254, ONE_LINE, 'the email');
  if (contactEmail) {
    contactEmail = contactEmail.toLowerCase();
    if (!EMAIL.test(contactEmail)) errors.push({ column: col('contactEmail'), message: `« ${contactEmail.slice(0, 60)} » is not an email address` });
  }

  if (errors.length || !town || level === null) return { ok: false, errors };
  return { ok: true, value: { town, level, firstParticipation, populationBand, comments, contactEmail } };
}

/** Line of each row naming a town already named by an earlier row → that earlier line. */
export function duplicateTowns(rows: ReadonlyArray<{ line: number; insee: string }>): Map<number, number> {
  const first = new Map<string, number>();
  const duplicates = new Map<number, number>();
  for (const r of rows) {
    const earlier = first.get(r.insee);
    if (earlier === undefined) first.set(r.insee, r.line);
    else duplicates.set(r.line, earlier);
  }
  return duplicates;
}
