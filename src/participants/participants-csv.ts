/**
 * The CSV export of an event's participants, as pure functions, written as the proposals' export
 * is (submissions/review/submissions-csv.ts): UTF-8 with a byte-order mark, RFC 4180 quoting by
 * csv-stringify, comma-separated records ending in CRLF, a French header, and cells a spreadsheet
 * would run as a formula defused. The header names are among those the import reads, and
 * categories and days are written as the import reads them, so an export can be imported back.
 */
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { BOM, defuseFormula } from '../submissions/review/submissions-csv.js';
import { categoryLabelFr, type ParticipantCategory } from './participant-category.js';
import { LABEL_FORM_WORDS_FR } from './participant-import-rows.js';
import { badgeCategory } from './participant-fields.js';
import type { ParticipantRow } from './participant-row.js';

export const PARTICIPANTS_CSV_HEADER = [
  'Nom',
  'Prénom',
  'Courriel',
  'Affiliation',
  'Ville',
  'Code INSEE',
  'Catégories',
  'Catégorie du badge',
  'Forme du libellé',
  'Rôles au programme',
  'Jours',
  'Parties',
  'Régime alimentaire',
  'Accessibilité',
  'Liste publique',
  'Photo',
  'Statut',
  'Source',
  'Inscrit le',
] as const;

const ADMISSION_LABELS_FR: Record<string, string> = { admitted: '', waiting: ' (en attente)', requested: ' (demandée)' };
const yesNo = (value: boolean) => (value ? 'oui' : 'non');

/** The cells of one participant, in the order of PARTICIPANTS_CSV_HEADER. */
export function participantCsvRecord(row: ParticipantRow, zone: string): string[] {
  const text = (value: string | null | undefined) => defuseFormula(value ?? '');
  const badge = badgeCategory(row.categories, row.programme_roles);
  return [
    text(row.last_name),
    text(row.first_name),
    text(row.email),
    text(row.affiliation),
    text(row.town),
    text(row.town_insee),
    row.categories.join(', '),
    badge ? categoryLabelFr(badge as ParticipantCategory, row.label_form) : '',
    LABEL_FORM_WORDS_FR[row.label_form] ?? LABEL_FORM_WORDS_FR.neutral,
    row.programme_roles.join(', '),
    [...row.days].sort().join(', '),
    row.admissions
      .filter((a) => a.status !== 'cancelled')
      .map((a) => `${a.partCode}${ADMISSION_LABELS_FR[a.status] ?? ''}`)
      .join(', '),
    text(row.dietary_needs),
    text(row.accessibility_needs),
    yesNo(row.consent_public_list),
    yesNo(row.consent_photo),
    row.status === 'registered' ? 'inscrit' : 'annulé',
    row.source,
    DateTime.fromJSDate(row.created_at, { zone }).toFormat('yyyy-MM-dd HH:mm'),
  ];
}

/** The whole file: BOM, header, one record per participant, CRLF after each record. */
export function participantsCsv(rows: ParticipantRow[], zone: string): string {
  const records = [[...PARTICIPANTS_CSV_HEADER], ...rows.map((row) => participantCsvRecord(row, zone))];
  return BOM + stringify(records, { delimiter: ',', record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
