import { MAX_RETRY_DELAY_MS, retryDelayMs } from '../../src/mail/retry-delay.js';

describe('retryDelayMs (pure)', () => {
  it('waits 30 s after the first failure and doubles after each one', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
  });

  it('never waits more than an hour, however many failures (and never gives up)', () => {
    expect(retryDelayMs(8)).toBe(MAX_RETRY_DELAY_MS);
    expect(MAX_RETRY_DELAY_MS).toBe(3_600_000);
    expect(retryDelayMs(1000)).toBe(3_600_000);
    expect(retryDelayMs(Number.MAX_SAFE_INTEGER)).toBe(3_600_000);
  });

  it('refuses a count of attempts that cannot be one', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => retryDelayMs(bad)).toThrow(expect.objectContaining({ name: 'RangeError' }));
  });
});
