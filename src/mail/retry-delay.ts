/** Delay before the first retry of a failed delivery. */
export const FIRST_RETRY_DELAY_MS = 30_000;
/** The delay doubles with each failure up to this ceiling, then stays there: a message is never given up. */
export const MAX_RETRY_DELAY_MS = 60 * 60_000;

/**
 * How long to wait before trying a message again after its `attempts`-th attempt failed:
 * 30 s, 1 min, 2 min, 4 min, … capped at 1 h.
 */
export function retryDelayMs(attempts: number): number {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a whole number from 1, got ${attempts}`);
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** (attempts - 1), MAX_RETRY_DELAY_MS);
}
