/** How names are normalised lives with the shared PersonName decorator (common/validation/person-name.ts). */
export { normaliseName } from '../common/validation/person-name.js';

/** The longest display name an account holds (users.display_name). */
export const MAX_DISPLAY_NAME = 200;

/** "First Last", cut to the account's display-name length without splitting a character. */
export function displayNameOf(firstName: string, lastName: string): string {
  const characters = Array.from(`${firstName} ${lastName}`);
  return characters.length <= MAX_DISPLAY_NAME ? characters.join('') : characters.slice(0, MAX_DISPLAY_NAME).join('').trimEnd();
}
