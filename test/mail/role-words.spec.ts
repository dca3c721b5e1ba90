import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTICIPANT_CATEGORY_LABELS } from '../../src/participants/participant-category.js';
import { EXPORT_LABELS } from '../../src/programme-exports/export-language.js';

/**
 * Role words people read about themselves in French — mails, badge categories, programme exports —
 * are neutral (an epicene word, or the inclusive form with a middle dot), never the masculine used
 * for everyone; a person's chosen form is applied where the person is known (the badge).
 */
const MASCULINE_ROLE = /\b(intervenants?|présidents?|chercheurs?|invités?|délégués?|participants?|organisateurs? de séance)(?![·\p{L}])/iu;

describe('Role words in French are neutral by default', () => {
  it('no French mail template uses a masculine role word for everyone', () => {
    const dir = join(process.cwd(), 'templates/mail/fr');
    const found = readdirSync(dir).flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => MASCULINE_ROLE.test(line))
        .map((line) => `${file}: ${line}`),
    );
    expect(found).toEqual([]);
  });

  it('the default (neutral) category labels and the exports’ labels have no masculine role word', () => {
    const labels = [
      ...Object.values(PARTICIPANT_CATEGORY_LABELS).map((l) => l.fr),
      EXPORT_LABELS.fr.chairs(1),
      EXPORT_LABELS.fr.chairs(2),
      EXPORT_LABELS.fr.speakers(1),
      EXPORT_LABELS.fr.speakers(2),
    ];
    expect(labels.filter((l) => MASCULINE_ROLE.test(l))).toEqual([]);
    expect(labels).toEqual(expect.arrayContaining(['Présidence de séance', 'Intervenant·e', 'Intervenant·es', 'Chercheur·euse', 'Invité·e']));
  });
});
