/**
 * The labelled towns as CSV (UTF-8 with BOM, RFC 4180, CRLF, formulas defused), from the responses
 * the caller may see: without levels the « Niveau » column is absent, not empty, so the file's
 * shape says nothing either. The French header reads back through the import.
 */
import { stringify } from 'csv-stringify/sync';
import { BOM, defuseFormula } from '../submissions/review/submissions-csv.js';
import type { LabelAwardResponse } from './dto/label-award.response.js';
import type { AwardView } from './label-award-view.js';

export function labelAwardsCsv(items: readonly LabelAwardResponse[], view: AwardView): string {
  const header = ['Année', 'Code INSEE', 'Commune', 'Département', 'Région'];
  if (view.levels) header.push('Niveau');
  header.push('Première participation', 'Strate');
  if (view.organiser) header.push('Commentaires', 'Courriel du contact');
  const records = items.map((a) => {
    const cells = [String(a.year), a.insee, a.townName, a.departement, a.region];
    if (view.levels) cells.push(String(a.level ?? ''));
    cells.push(a.firstParticipation ? 'oui' : 'non', a.populationBand ?? '');
    if (view.organiser) cells.push(a.comments ?? '', a.contactEmail ?? '');
    return cells.map(defuseFormula);
  });
  return BOM + stringify([header, ...records], { delimiter: ',', record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
