/**
 * The rules of the « forgotten password » requests (pure: no HTTP, no database).
 *
 * - A reset link is valid RESET_TOKEN_TTL_MINUTES (one hour: the mail templates say so) and once.
 * - An account gets at most MAX_MAILS_PER_ACCOUNT reset mails in a rolling WINDOW_MINUTES; further
 *   requests for it are answered like any other (202) but send nothing, so nobody can bury a
 *   mailbox under reset mails, and the answer still tells nothing about the account.
 * - A client address may make MAX_REQUESTS_PER_ADDRESS requests in the window (known and unknown
 *   emails together); beyond that it gets 429 with Retry-After. That answer depends only on the
 *   address's own requests, never on an account, so it tells nothing either.
 */
export const RESET_TOKEN_TTL_MINUTES = 60;
export const WINDOW_MINUTES = 60;
export const MAX_MAILS_PER_ACCOUNT = 3;
export const MAX_REQUESTS_PER_ADDRESS = 20;
/** Request rows older than this count for nothing and are deleted. */
export const REQUEST_MEMORY_MINUTES = 24 * 60;

/** What the window's requests say, read under the request's locks. */
export interface ResetRequestHistory {
  /** Mails sent to this email's account in the window. */
  accountMails: number;
  /**
   * The address's MAX_REQUESTS_PER_ADDRESS-th most recent request in the window, or null while it
   * has made fewer: once that one leaves the window, the address is below its limit again.
   */
  addressCeilingAt: Date | null;
}

export type ResetRequestDecision =
  | { kind: 'refused'; retryAfterSeconds: number }
  /** Answered 202; `mayMail` is false when the account has had its mails for the window. */
  | { kind: 'accepted'; mayMail: boolean };

export function decideResetRequest(history: ResetRequestHistory, now: Date): ResetRequestDecision {
  const until = history.addressCeilingAt ? history.addressCeilingAt.getTime() + WINDOW_MINUTES * 60_000 : 0;
  if (until > now.getTime()) {
    return { kind: 'refused', retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
  }
  return { kind: 'accepted', mayMail: history.accountMails < MAX_MAILS_PER_ACCOUNT };
}

/** Whether a stored link may still set a password at `now`. */
export function isResetTokenUsable(token: { usedAt: Date | null; expiresAt: Date }, now: Date): boolean {
  return token.usedAt === null && token.expiresAt.getTime() > now.getTime();
}
