/**
 * The rules of one imported row, as pure functions: the cells of a record become a participant's
 * fields or a list of reasons, with the same rules as the API (participant-fields.dto.ts): names
 * as typed (NFC, one line, at most 200 characters), a valid email (compared lower-case) or none (a
 * programme guest or a desk walk-in, matched by name by the import), categories
 * organisers may set (never speaker or chair), days within the event, no control characters.
 */
import { isEmail } from 'class-validator';
import { DateTime } from 'luxon';
import { normaliseName } from '../speakers/person-name.js';
import { headerKey } from '../common/csv/csv-header.js';
import type { ImportField, ImportHeader } from './participant-import-columns.js';
import { PARTICIPANT_CATEGORY_LABELS, PROGRAMME_CATEGORIES, type LabelForm, type ParticipantCategory } from './participant-category.js';
import { ASSIGNABLE_CATEGORIES, canonicalSet, daysOutside, normaliseEmail, type AssignableCategory } from './participant-fields.js';
import { guestKey } from './programme-sync.js';

/** A valid row: the fields its columns give (a field whose column is absent is undefined: kept as stored). */
export interface ImportedParticipant {
  /**
   * Null when the cell is empty: the row can then only be a guest chair of the published programme
   * (who has no email until an organiser adds one) or a walk-in the desk registered without one,
   * recognised by `guestKey`; the import rejects it when no such person exists.
   */
  email: string | null;
  /** Only without an email: the names as a guest is matched (programme-sync.ts guestKey). */
  guestKey?: string;
  firstName: string;
  lastName: string;
  affiliation?: string | null;
  town?: string | null;
  townInsee?: string | null;
  categories?: AssignableCategory[];
  days?: string[];
  dietaryNeeds?: string | null;
  accessibilityNeeds?: string | null;
  consentPublicList?: boolean;
  consentPhoto?: boolean;
  labelForm?: LabelForm;
}

export interface RowError {
  /** The column as the file names it. */
  column: string;
  message: string;
}

export type RowResult = { ok: true; value: ImportedParticipant } | { ok: false; errors: RowError[] };

export interface EventDates {
  startDate: string;
  endDate: string;
}

const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;
const PLAIN_TEXT = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/**
 * The export prefixes a cell a spreadsheet would run as a formula with an apostrophe
 * (defuseFormula); reading it back takes the apostrophe off, so the text is what was stored.
 */
export function undefuse(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const CATEGORY_BY_KEY: ReadonlyMap<string, ParticipantCategory> = new Map(
  (Object.entries(PARTICIPANT_CATEGORY_LABELS) as Array<[ParticipantCategory, { fr: string; en: string; frFeminine?: string; frMasculine?: string }]>).flatMap(([code, l]) => [
    [headerKey(code), code] as const,
    [headerKey(l.fr), code] as const,
    [headerKey(l.en), code] as const,
    // the gendered forms (« Chercheuse », « Chercheur », the labels before the neutral ones) read as the category too
    ...[l.frFeminine, l.frMasculine].filter((f): f is string => !!f).map((f) => [headerKey(f), code] as const),
  ]),
);

/** "researcher, Presse" → codes; a programme category or an unknown name is an error. */
export function parseCategories(cell: string): { categories: AssignableCategory[]; errors: string[] } {
  const categories: AssignableCategory[] = [];
  const errors: string[] = [];
  for (const part of cell.split(/[,;|]/).map((p) => p.trim()).filter(Boolean)) {
    const code = CATEGORY_BY_KEY.get(headerKey(part));
    if (!code) errors.push(`unknown category « ${part} » (known: ${ASSIGNABLE_CATEGORIES.join(', ')})`);
    else if ((PROGRAMME_CATEGORIES as readonly string[]).includes(code)) errors.push(`« ${part} » comes only from the published programme`);
    else categories.push(code as AssignableCategory);
  }
  return { categories: canonicalSet(categories), errors };
}

/** "2012-02-06, 07/02/2012" → ISO dates (a spreadsheet may rewrite a date the French way); within the event. */
export function parseDays(cell: string, event: EventDates): { days: string[]; errors: string[] } {
  const days: string[] = [];
  const errors: string[] = [];
  for (const part of cell.split(/[,;|\s]+/).filter(Boolean)) {
    const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(part);
    const iso = french ? `${french[3]}-${french[2].padStart(2, '0')}-${french[1].padStart(2, '0')}` : part;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !DateTime.fromISO(iso).isValid) errors.push(`« ${part} » is not a date like 2012-02-06`);
    else days.push(iso);
  }
  const outside = daysOutside(days, event.startDate, event.endDate);
  if (outside.length) errors.push(`${outside.join(', ')} outside the event (${event.startDate} to ${event.endDate})`);
  return { days: canonicalSet(days), errors };
}

const YES = new Set(['oui', 'o', 'yes', 'y', 'true', 'vrai', '1', 'x']);
const NO = new Set(['', 'non', 'n', 'no', 'false', 'faux', '0']);

/** « oui » / « non » as the export writes them, and yes/no, true/false, 1/0, x; empty is no. */
export function parseConsent(cell: string): boolean | null {
  const key = headerKey(cell);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return null;
}

/** The label form's French words as the export writes them, and the API's codes. */
export const LABEL_FORM_WORDS_FR: Readonly<Record<LabelForm, string>> = { neutral: 'neutre', feminine: 'féminin', masculine: 'masculin' };
const LABEL_FORM_BY_KEY: ReadonlyMap<string, LabelForm> = new Map(
  (Object.entries(LABEL_FORM_WORDS_FR) as Array<[LabelForm, string]>).flatMap(([code, word]) => [[headerKey(code), code] as const, [headerKey(word), code] as const]),
);

/** « féminin », « masculin », « neutre » (or the codes); an empty cell is the neutral form; anything else null. */
export function parseLabelForm(cell: string): LabelForm | null {
  if (cell.trim() === '') return 'neutral';
  return LABEL_FORM_BY_KEY.get(headerKey(cell)) ?? null;
}

/**
 * Checks one record against the header's mapping. Cells are trimmed; an empty optional cell clears
 * the field; missing trailing cells read as empty; extra cells beyond the header must be empty.
 */
export function validateImportRow(cells: readonly string[], header: ImportHeader, headerLength: number, event: EventDates): RowResult {
  const errors: RowError[] = [];
  const value: Partial<ImportedParticipant> = {};
  const cell = (field: ImportField) => {
    const index = header.columns[field];
    return index === undefined ? undefined : undefuse((cells[index] ?? '').trim()).trim();
  };
  const fail = (field: ImportField, message: string) => errors.push({ column: header.names[field] ?? field, message });

  const line = (field: 'firstName' | 'lastName', max: number) => {
    const raw = cell(field) ?? '';
    const name = normaliseName(raw);
    if (name === '') fail(field, 'is required');
    else if (!ONE_LINE.test(name)) fail(field, 'must be one line of text without control characters');
    else if (name.length > max) fail(field, `is longer than ${max} characters`);
    else value[field] = name;
  };
  line('lastName', 200);
  line('firstName', 200);

  const email = cell('email') ?? '';
  if (email === '') value.email = null;
  else if (email.length > 254) fail('email', 'is longer than 254 characters');
  else if (!isEmail(email)) fail('email', `« ${email} » is not an email address`);
  else value.email = normaliseEmail(email);

  const optional = (field: 'affiliation' | 'town' | 'dietaryNeeds' | 'accessibilityNeeds', max: number, rule: RegExp) => {
    const text = cell(field);
    if (text === undefined) return;
    if (!rule.test(text)) fail(field, rule === ONE_LINE ? 'must be one line of text without control characters' : 'must not contain control characters');
    else if (text.length > max) fail(field, `is longer than ${max} characters`);
    else value[field] = text === '' ? null : text;
  };
  optional('affiliation', 300, ONE_LINE);
  optional('town', 200, ONE_LINE);
  optional('dietaryNeeds', 2000, PLAIN_TEXT);
  optional('accessibilityNeeds', 2000, PLAIN_TEXT);

  const insee = cell('townInsee');
  if (insee !== undefined) {
    // a spreadsheet reads 01004 as a number and writes 1004
    const code = /^\d{4}$/.test(insee) ? `0${insee}` : insee.toUpperCase();
    if (code !== '' && !/^[0-9][0-9AB][0-9]{3}$/.test(code)) fail('townInsee', `« ${insee.slice(0, 20)} » is not an INSEE town code such as 92040 or 2A004`);
    else value.townInsee = code === '' ? null : code;
  }

  const categories = cell('categories');
  if (categories !== undefined) {
    const parsed = parseCategories(categories);
    parsed.errors.forEach((m) => fail('categories', m));
    if (!parsed.errors.length) value.categories = parsed.categories;
  }

  const days = cell('days');
  if (days !== undefined) {
    const parsed = parseDays(days, event);
    parsed.errors.forEach((m) => fail('days', m));
    if (!parsed.errors.length) value.days = parsed.days;
  }

  for (const field of ['consentPublicList', 'consentPhoto'] as const) {
    const text = cell(field);
    if (text === undefined) continue;
    const consent = parseConsent(text);
    if (consent === null) fail(field, `« ${text.slice(0, 20)} » is neither oui nor non`);
    else value[field] = consent;
  }

  const form = cell('labelForm');
  if (form !== undefined) {
    const parsed = parseLabelForm(form);
    if (parsed === null) fail('labelForm', `« ${form.slice(0, 20)} » is none of neutre, féminin, masculin`);
    else value.labelForm = parsed;
  }

  if (value.email === null && value.firstName !== undefined && value.lastName !== undefined) value.guestKey = guestKey(`${value.firstName} ${value.lastName}`);

  if (cells.slice(headerLength).some((c) => c.trim() !== '')) {
    errors.push({ column: '', message: `more cells than the header's ${headerLength} columns (a separator inside an unquoted cell?)` });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: value as ImportedParticipant };
}

/** Lines whose email (compared lower-case) appeared on an earlier line: line → the first line. */
export function duplicateEmails(rows: ReadonlyArray<{ line: number; email: string | undefined }>): Map<number, number> {
  const first = new Map<string, number>();
  const duplicates = new Map<number, number>();
  for (const { line, email } of rows) {
    if (!email) continue;
    const key = normaliseEmail(email);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, line);
    else duplicates.set(line, earlier);
  }
  return duplicates;
}
