/**
 * How many delegates a town's contact may register through their personal link (organisers may
 * register more): the hall is shared by every labelled town, so one link cannot fill it.
 */
export const MAX_DELEGATES_PER_TOWN = 6;

/** True when one more delegate would go beyond the town's share (organisers are not bound by it). */
export function delegateLimitReached(currentDelegates: number, byOrganiser: boolean, max = MAX_DELEGATES_PER_TOWN): boolean {
  return !byOrganiser && currentDelegates >= max;
}

/** An INSEE commune code: 5 characters, Corsica 2A/2B (the CHECK of label_awards and participants). */
export const INSEE_CODE = /^[0-9][0-9AB][0-9]{3}$/;

/** Reads an INSEE code from a path (Corsica's letters in either case), or null when it is not one. */
export function parseInseeCode(raw: string): string | null {
  const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  return INSEE_CODE.test(code) ? code : null;
}
