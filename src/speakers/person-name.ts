/**
 * Names are kept as people type them: any script, accents, apostrophes (’ or '), hyphens. Only
 * what cannot matter to a reader is normalised: Unicode composed form (NFC, so that "é" typed as
 * e + combining accent and "é" typed as one character are the same name), surrounding white
 * space, and runs of spaces inside the name.
 */
export function normaliseName(input: string): string {
  return input.normalize('NFC').trim().replace(/ {2,}/g, ' ');
}

/** The longest display name an account holds (users.display_name). */
export const MAX_DISPLAY_NAME = 200;

/** "First Last", cut to the account's display-name length without splitting a character. */
export function displayNameOf(firstName: string, lastName: string): string {
  const characters = Array.from(`${firstName} ${lastName}`);
  return characters.length <= MAX_DISPLAY_NAME ? characters.join('') : characters.slice(0, MAX_DISPLAY_NAME).join('').trimEnd();
}
