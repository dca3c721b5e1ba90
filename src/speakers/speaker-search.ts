/**
 * The speaker search rule, shared by the organisers' list and the submissions filter: the words
 * typed are found anywhere in the first name, the last name, "first last", "last first", the
 * affiliation or the email, whatever the accents and the case ("helene dupre" and "DUPRÉ" find
 * "Hélène Dupré"). PostgreSQL's unaccent(lower(…)) is applied to both sides so that the folding is
 * the same for the names and for the query.
 */

/** At most this many characters of a query are used. */
export const MAX_SEARCH_LENGTH = 100;

/** A LIKE pattern matching `q` anywhere: wildcards and the escape character taken literally. */
export function containsPattern(q: string): string | null {
  const words = q.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!words) return null;
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL expressions searched, for a profile alias `p` and a user alias `u`. */
export function searchedExpressions(p: string, u: string): string[] {
  return [
    `${p}.first_name`,
    `${p}.last_name`,
    `${p}.first_name || ' ' || ${p}.last_name`,
    `${p}.last_name || ' ' || ${p}.first_name`,
    `${p}.affiliation`,
    `${u}.email`,
  ];
}

/** The WHERE condition: true when any searched expression contains the pattern bound as `:param`. */
export function searchCondition(p: string, u: string, param: string): string {
  const needle = `unaccent(lower(:${param}))`;
  return '(' + searchedExpressions(p, u).map((e) => `unaccent(lower(${e})) LIKE ${needle}`).join(' OR ') + ')';
}
