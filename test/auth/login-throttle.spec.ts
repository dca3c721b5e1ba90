import { decideLoginAttempt, pairDelaySeconds, type LoginHistory, type ThrottlePolicy } from '../../src/auth/login-throttle.js';

const policy: ThrottlePolicy = { maxFailuresPerPair: 5, firstDelaySeconds: 30, maxFailuresPerAccount: 50, maxFailuresPerAddress: 100, windowSeconds: 900, pairMemorySeconds: 86_400 };
const now = new Date('2012-02-06T08:30:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const clean: LoginHistory = { pairFailures: 0, pairLastFailureAt: null, accountCeilingFailureAt: null, addressCeilingFailureAt: null };

describe('Login throttling rules (pure)', () => {
  it('lets a pair fail freely up to its limit, then doubles the delay after each further failure, never beyond the window', () => {
    expect([0, 1, 4].map((n) => pairDelaySeconds(n, policy))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9].map((n) => pairDelaySeconds(n, policy))).toEqual([30, 60, 120, 240, 480]);
    expect([10, 11, 60, 10_000].map((n) => pairDelaySeconds(n, policy))).toEqual([900, 900, 900, 900]);
  });

  it('allows a clean attempt and a pair below its limit', () => {
    expect(decideLoginAttempt(clean, policy, now)).toEqual({ allowed: true });
    expect(decideLoginAttempt({ ...clean, pairFailures: 4, pairLastFailureAt: ago(0) }, policy, now)).toEqual({ allowed: true });
  });

  it('makes a pair past its limit wait the delay after its last failure (Retry-After in whole seconds, at least 1)', () => {
    expect(decideLoginAttempt({ ...clean, pairFailures: 5, pairLastFailureAt: ago(0) }, policy, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 30,
      reasons: ['pair-delay'],
    });
    expect(decideLoginAttempt({ ...clean, pairFailures: 6, pairLastFailureAt: ago(10.5) }, policy, now)).toMatchObject({ retryAfterSeconds: 50 });
    expect(decideLoginAttempt({ ...clean, pairFailures: 5, pairLastFailureAt: ago(29.999) }, policy, now)).toMatchObject({ retryAfterSeconds: 1 });
    expect(decideLoginAttempt({ ...clean, pairFailures: 5, pairLastFailureAt: ago(30) }, policy, now)).toEqual({ allowed: true });
  });

  it('at the account ceiling refuses the addresses that have failed on it, never one that has not', () => {
    const ceiling = { ...clean, accountCeilingFailureAt: ago(600) };
    expect(decideLoginAttempt(ceiling, policy, now)).toEqual({ allowed: true });
    expect(decideLoginAttempt({ ...ceiling, pairFailures: 1, pairLastFailureAt: ago(1) }, policy, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 300,
      reasons: ['account-ceiling'],
    });
  });

  it('at the address ceiling refuses every account from that address until its failures leave the window', () => {
    expect(decideLoginAttempt({ ...clean, addressCeilingFailureAt: ago(840) }, policy, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
      reasons: ['address-ceiling'],
    });
  });

  it('gives the time when every limit that refuses has lifted', () => {
    const decision = decideLoginAttempt(
      { pairFailures: 7, pairLastFailureAt: ago(20), accountCeilingFailureAt: ago(880), addressCeilingFailureAt: ago(890) },
      policy,
      now,
    );
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 100, reasons: ['address-ceiling', 'pair-delay', 'account-ceiling'] });
  });
});
