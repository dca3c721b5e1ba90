import { decideResetRequest, isResetTokenUsable, MAX_MAILS_PER_ACCOUNT } from '../../src/auth/password-reset/password-reset-policy.js';

describe('Password-reset rules (plain data)', () => {
  const now = new Date('2012-02-06T17:00:00Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

  it('mails an account until it has had 3 mails in the window, and answers the same either way', () => {
    expect(MAX_MAILS_PER_ACCOUNT).toBe(3);
    for (const accountMails of [0, 1, 2]) expect(decideResetRequest({ accountMails, addressCeilingAt: null }, now)).toEqual({ kind: 'accepted', mayMail: true });
    for (const accountMails of [3, 10]) expect(decideResetRequest({ accountMails, addressCeilingAt: null }, now)).toEqual({ kind: 'accepted', mayMail: false });
  });

  it('refuses an address at its ceiling until that request is an hour old, with the seconds left', () => {
    expect(decideResetRequest({ accountMails: 0, addressCeilingAt: minutesAgo(10) }, now)).toEqual({ kind: 'refused', retryAfterSeconds: 50 * 60 });
    expect(decideResetRequest({ accountMails: 0, addressCeilingAt: new Date(now.getTime() - 3600_000 + 400) }, now)).toEqual({ kind: 'refused', retryAfterSeconds: 1 });
    expect(decideResetRequest({ accountMails: 5, addressCeilingAt: minutesAgo(60) }, now)).toEqual({ kind: 'accepted', mayMail: false });
  });

  it('accepts a link until its expiry and only while unused', () => {
    expect(isResetTokenUsable({ usedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe(true);
    expect(isResetTokenUsable({ usedAt: null, expiresAt: now }, now)).toBe(false);
    expect(isResetTokenUsable({ usedAt: minutesAgo(1), expiresAt: new Date(now.getTime() + 60_000) }, now)).toBe(false);
  });
});
