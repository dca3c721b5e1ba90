/**
 * The login throttling policy, after OWASP's Authentication Cheat Sheet ("Blocking Brute Force
 * Attacks"): growing delays instead of lock-outs, so that a stranger's guesses cannot lock an
 * account's owner out. Everything counts the failed logins of the last `windowSeconds`.
 *
 * - An (account, address) pair may fail `maxFailuresPerPair` times freely; after that each try waits
 *   a delay after the pair's last failure, `firstDelaySeconds` doubled for each further failure,
 *   never longer than the window. A successful login clears the pair's failures.
 * - An account with `maxFailuresPerAccount` failures (all addresses together) is closed to the
 *   addresses that have failed on it; an address that has not failed on it still gets its try, so
 *   the owner at the desk with the right password always gets in (an attacker gets one guess per
 *   fresh address, then waits like everyone who has failed).
 * - An address with `maxFailuresPerAddress` failures (all accounts together) is closed to every
 *   account: set high enough for a venue's shared Wi-Fi, it stops one machine spraying passwords.
 */
export interface ThrottlePolicy {
  maxFailuresPerPair: number;
  firstDelaySeconds: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  /** The window of the account and address ceilings, and the longest delay. */
  windowSeconds: number;
  pairMemorySeconds: number;
}

/** How long a pair's failures are remembered (the delays' memory): a day. */
export const PAIR_MEMORY_SECONDS = 24 * 3600;

/** What the failed logins of the window say about one attempt (read under the attempt's locks). */
export interface LoginHistory {
  /** Failures of this (account, address) pair in its memory (the last day), and the latest one. */
  pairFailures: number;
  pairLastFailureAt: Date | null;
  /**
   * The account's `maxFailuresPerAccount`-th most recent failure in the window, or null while the
   * account has fewer: once it leaves the window, the account is below its ceiling again.
   */
  accountCeilingFailureAt: Date | null;
  /** The same for the address and `maxFailuresPerAddress`. */
  addressCeilingFailureAt: Date | null;
}

export type ThrottleReason = 'pair-delay' | 'account-ceiling' | 'address-ceiling';

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; reasons: ThrottleReason[] };

/** How long a pair waits after its last failure: 0 for its first free failures, then doubling, capped at the window. */
export function pairDelaySeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.maxFailuresPerPair) return 0;
  const doublings = Math.min(failures - policy.maxFailuresPerPair, 40);
  return Math.min(policy.windowSeconds, policy.firstDelaySeconds * 2 ** doublings);
}

/**
 * Whether this attempt may have its password checked now; if not, how many seconds until every
 * limit that refuses it has lifted (assuming no new failure): the Retry-After.
 */
export function decideLoginAttempt(history: LoginHistory, policy: ThrottlePolicy, now: Date): ThrottleDecision {
  const windowMs = policy.windowSeconds * 1000;
  const refusals: Array<{ reason: ThrottleReason; until: number }> = [];
  if (history.addressCeilingFailureAt) {
    refusals.push({ reason: 'address-ceiling', until: history.addressCeilingFailureAt.getTime() + windowMs });
  }
  const delayMs = pairDelaySeconds(history.pairFailures, policy) * 1000;
  if (delayMs > 0 && history.pairLastFailureAt) {
    refusals.push({ reason: 'pair-delay', until: history.pairLastFailureAt.getTime() + delayMs });
  }
  if (history.accountCeilingFailureAt && history.pairFailures > 0) {
    refusals.push({ reason: 'account-ceiling', until: history.accountCeilingFailureAt.getTime() + windowMs });
  }
  const active = refusals.filter((r) => r.until > now.getTime());
  if (active.length === 0) return { allowed: true };
  const until = Math.max(...active.map((r) => r.until));
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)),
    reasons: active.map((r) => r.reason),
  };
}
