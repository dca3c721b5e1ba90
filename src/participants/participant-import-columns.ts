/**
 * Which column of an imported CSV holds which field of a participant, as pure functions. Header
 * names are compared whatever their case, accents, spaces, hyphens and underscores ("Prénom",
 * "PRENOM", "first_name", "First name" are one column). The French names are exactly those the
 * CSV export writes (participants-csv.ts), so an export reads back; the English ones are the API's
 * field names in snake case and their plain English wording.
 */
import { columnsByKey, mapCsvHeader, type CsvHeader } from '../common/csv/csv-header.js';

/** The fields an import sets. */
export const IMPORT_FIELDS = [
  'lastName',
  'firstName',
  'email',
  'affiliation',
  'town',
  'townInsee',
  'categories',
  'days',
  'dietaryNeeds',
  'accessibilityNeeds',
  'consentPublicList',
  'consentPhoto',
  'labelForm',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['lastName', 'firstName', 'email'];

/** The names read for each field; the first is the export's French header, the second the English one. */
export const IMPORT_COLUMN_NAMES: Readonly<Record<ImportField, readonly string[]>> = {
  lastName: ['Nom', 'last_name', 'nom de famille', 'last name', 'lastname', 'surname', 'family name'],
  firstName: ['Prénom', 'first_name', 'first name', 'firstname', 'given name'],
  email: ['Courriel', 'email', 'e-mail', 'mail', 'adresse électronique', 'email address'],
  affiliation: ['Affiliation', 'affiliation', 'établissement', 'institution', 'organisation', 'organization'],
  town: ['Ville', 'town', 'city', 'commune'],
  townInsee: ['Code INSEE', 'town_insee', 'insee', 'code commune'],
  categories: ['Catégories', 'categories', 'catégorie', 'category'],
  days: ['Jours', 'days', 'jour', 'day'],
  dietaryNeeds: ['Régime alimentaire', 'dietary_needs', 'régime', 'dietary needs', 'diet'],
  accessibilityNeeds: ['Accessibilité', 'accessibility_needs', 'accessibility needs', 'accessibility'],
  consentPublicList: ['Liste publique', 'consent_public_list', 'public list', 'consentement liste publique'],
  consentPhoto: ['Photo', 'consent_photo', 'consentement photo', 'photos'],
  labelForm: ['Forme du libellé', 'label_form', 'label form', 'forme', 'genre du libellé'],
};

/**
 * Columns of the export that the import reads but does not set: computed (badge, programme roles),
 * managed elsewhere (parts through admissions, status through cancel), or history (source, date).
 */
export const EXPORT_ONLY_COLUMNS = ['Catégorie du badge', 'Rôles au programme', 'Parties', 'Statut', 'Source', 'Inscrit le'] as const;

const FIELD_BY_KEY = columnsByKey(IMPORT_FIELDS, IMPORT_COLUMN_NAMES);

/** How a header line maps to fields (`CsvHeader`), and the required fields no column gives, by their French and English names. */
export interface ImportHeader extends CsvHeader<ImportField> {
  missing: string[];
}

/** The accepted names of a field for messages: « Nom (last_name) ». */
export function describeField(field: ImportField): string {
  const [fr, en] = IMPORT_COLUMN_NAMES[field];
  return `${fr} (${en})`;
}

export function mapHeader(header: readonly string[]): ImportHeader {
  const mapped = mapCsvHeader(header, FIELD_BY_KEY);
  return { ...mapped, missing: REQUIRED_IMPORT_FIELDS.filter((f) => mapped.columns[f] === undefined).map(describeField) };
}
