/**
 * The ORCID check as the person types, by the server's own rule (src/speakers/orcid.ts: the format
 * and the ISO 7064 MOD 11-2 check character), imported rather than copied; only the words differ:
 * the page says what is wrong in the reader's language.
 */
import { ORCID_EXAMPLE, orcidCheckCharacter, orcidProblem, stripOrcidPrefix } from '../../../src/speakers/orcid';

export { ORCID_EXAMPLE, stripOrcidPrefix };

export type OrcidIssue =
  | { kind: 'format' }
  | { kind: 'lower-x'; fixed: string }
  | { kind: 'check'; value: string; expected: string };

/** What is wrong with a typed ORCID iD (prefix allowed), or null when it is valid or blank. */
export function orcidIssue(typed: string): OrcidIssue | null {
  const value = stripOrcidPrefix(typed);
  if (value === '' || orcidProblem(value) === null) return null;
  if (/^\d{4}-\d{4}-\d{4}-\d{3}x$/.test(value)) return { kind: 'lower-x', fixed: `${value.slice(0, -1)}X` };
  if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(value)) return { kind: 'format' };
  return { kind: 'check', value, expected: orcidCheckCharacter(value.replace(/-/g, '').slice(0, 15)) };
}

/** Whether the person has typed enough for an error to be fair to show while they type (a whole iD). */
export function orcidLooksComplete(typed: string): boolean {
  return stripOrcidPrefix(typed).length >= 19;
}
