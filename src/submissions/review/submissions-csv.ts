/**
 * The CSV export of an event's proposals, as pure functions: UTF-8 with a byte-order mark (so that
 * a spreadsheet reads the accents right), RFC 4180 quoting by csv-stringify, comma-separated
 * records ending in CRLF, a French header, dates in the event's time zone, and cells that a
 * spreadsheet would run as a formula defused.
 */
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { SubmissionState } from '../submission-state.js';
import { mainSpeakerName, type SubmissionListRow } from './submission-list-row.js';

export const CSV_HEADER = [
  'Titre',
  'Résumé',
  'Type',
  'Thème',
  'État',
  'Orateur principal',
  'Affiliation',
  'Co-orateurs',
  'Note moyenne',
  "Nombre d'évaluations",
  'Soumis le',
] as const;

export const STATE_LABELS_FR: Record<SubmissionState, string> = {
  draft: 'brouillon',
  submitted: 'soumise',
  accepted: 'acceptée',
  rejected: 'refusée',
  confirmed: 'confirmée',
  withdrawn: 'retirée',
  cancelled: 'annulée',
};

/** Byte-order mark: tells spreadsheets the file is UTF-8. */
export const BOM = '\uFEFF';

/**
 * A text cell that a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return
 * that some strip before looking) gets a leading apostrophe, which shows the text as typed.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** "3,67": the mean with a decimal comma, as a French spreadsheet reads a number. */
export function formatScoreFr(mean: string | null): string {
  if (mean === null) return '';
  return Number(mean).toFixed(2).replace('.', ',');
}

/** "2012-01-15 14:30" in the event's zone: a date-time every spreadsheet recognises. */
export function formatLocalDateTime(instant: Date | null, zone: string): string {
  return instant ? DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM-dd HH:mm') : '';
}

/** The cells of one proposal, in the order of CSV_HEADER. */
export function csvRecord(row: SubmissionListRow, zone: string): string[] {
  const frenchFirst = row.title_fr !== null;
  const text = (value: string | null | undefined) => defuseFormula(value ?? '');
  return [
    text(frenchFirst ? row.title_fr : row.title_en),
    text(frenchFirst ? (row.abstract_fr ?? row.abstract_en) : (row.abstract_en ?? row.abstract_fr)),
    text(row.type_name_fr),
    text(row.track_name_fr),
    STATE_LABELS_FR[row.state],
    text(mainSpeakerName(row)),
    text(row.main_affiliation),
    text((row.co_list ?? []).map((co) => co.name).join(', ')),
    formatScoreFr(row.mean_score),
    String(row.review_count),
    formatLocalDateTime(row.submitted_at, zone),
  ];
}

/** The whole file: BOM, header, one record per proposal, CRLF after each record. */
export function submissionsCsv(rows: SubmissionListRow[], zone: string): string {
  const records = [[...CSV_HEADER], ...rows.map((row) => csvRecord(row, zone))];
  // csv-stringify quotes a cell holding the delimiter, a quote or the whole record delimiter, but
  // not a lone CR or LF: RFC 4180 wants any line break inside quotes, hence quoted_match.
  return BOM + stringify(records, { delimiter: ',', record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
