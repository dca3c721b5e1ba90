/**
 * Fitting a line of text in a frame (pure): the size at which it fills the width without going
 * beyond `max`; when even `min` is too wide (a very long commune name), it stays at `min` and is
 * wrapped on several lines rather than cut. Text width is proportional to the font size, so the
 * width at 1 pt is enough to decide.
 */
export interface FittedText {
  size: number;
  /** True when the text must be wrapped (too wide on one line even at the smallest size). */
  wrap: boolean;
}

export function fitTextSize(widthAtOnePoint: number, frameWidth: number, max: number, min: number): FittedText {
  if (!(widthAtOnePoint > 0)) return { size: max, wrap: false };
  const fitting = Math.floor((frameWidth / widthAtOnePoint) * 2) / 2; // half-point steps, always within the frame
  if (fitting >= max) return { size: max, wrap: false };
  if (fitting >= min) return { size: fitting, wrap: false };
  return { size: min, wrap: true };
}

/** The level drawn as @ signs: « @@@ » for 3 (one @ per level, 1 to 5). */
export function arobases(level: number): string {
  const n = Math.max(0, Math.min(5, Math.trunc(level)));
  return '@'.repeat(n);
}
