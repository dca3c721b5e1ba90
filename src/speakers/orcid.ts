/**
 * ORCID iDs (https://orcid.org): sixteen characters in four groups, 0000-0002-1825-0097, the last
 * one a check character computed with ISO 7064 MOD 11-2 over the fifteen digits before it ("X"
 * stands for 10). Pure functions, no framework.
 */

const ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;
const ORCID_ANY_CASE = /^\d{4}-\d{4}-\d{4}-\d{3}[\dXx]$/;
/** The form ORCID asks people to display; accepted on input and stripped. */
const URL_PREFIX = /^https?:\/\/orcid\.org\//i;

export const ORCID_EXAMPLE = '0000-0002-1825-0097';

/** The ISO 7064 MOD 11-2 check character of fifteen digits: '0'–'9' or 'X'. */
export function orcidCheckCharacter(digits: string): string {
  if (!/^\d{15}$/.test(digits)) throw new Error('An ORCID check character is computed over exactly 15 digits');
  let total = 0;
  for (const digit of digits) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

/** What a person typed, as the iD to check: trimmed, without an https://orcid.org/ prefix. */
export function stripOrcidPrefix(input: string): string {
  return input.trim().replace(URL_PREFIX, '');
}

/**
 * Why `value` (already stripped of its prefix) is not a valid ORCID iD, in words a person can act
 * on, or null when it is valid.
 */
export function orcidProblem(value: string, field = 'orcid'): string | null {
  if (ORCID_ANY_CASE.test(value) && value.endsWith('x')) {
    return `${field} must end in an upper-case X, not a lower-case x (write ${value.slice(0, -1)}X)`;
  }
  if (!ORCID.test(value)) {
    return `${field} must look like ${ORCID_EXAMPLE}: four groups of four digits joined by hyphens, the last character a digit or X (an https://orcid.org/ prefix is accepted)`;
  }
  const expected = orcidCheckCharacter(value.replace(/-/g, '').slice(0, 15));
  if (value.at(-1) !== expected) {
    return `${field} ${value} has a wrong check digit: with these first fifteen digits the last character must be ${expected} (ISO 7064 MOD 11-2); check the iD for a typo`;
  }
  return null;
}

export const isValidOrcid = (value: string): boolean => orcidProblem(value) === null;
