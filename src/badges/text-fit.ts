/**
 * Fitting a text into its box (pure): the largest font size of the range on one line; else the
 * largest on two lines (split at a space or after a hyphen, the longer line as short as can be);
 * else it overflows: the smallest size, on as many lines as allowed, narrowed horizontally until it
 * fits — never cut, never outside the box — and reported.
 */

/** Width of `text` set at 1 pt (widths scale linearly with the size). */
export type MeasureAt1pt = (text: string) => number;

export interface FitBox {
  width: number;
  height: number;
  fontSize: { max: number; min: number };
  maxLines: 1 | 2;
}

export interface FittedText {
  size: number;
  lines: string[];
  /** Horizontal scaling in percent (100 unless it overflowed). */
  scale: number;
  overflow: boolean;
}

/** Line height as a multiple of the size (DejaVu Sans: ascender + descender ≈ 1.164 em). */
export const LINE_HEIGHT = 1.17;
const STEP = 0.25;

const floorStep = (v: number) => Math.floor(v / STEP + 1e-9) * STEP;

/** One line of text: whitespace (line breaks included) collapsed. */
export function oneLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Where a text may be split in two: between words, or after a hyphen inside a word. */
export function splitCandidates(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 1; i < text.length - 1; i++) {
    if (text[i] === ' ') out.push([text.slice(0, i), text.slice(i + 1)]);
    else if ((text[i] === '-' || text[i] === '‐') && text[i + 1] !== ' ' && text[i - 1] !== ' ') out.push([text.slice(0, i + 1), text.slice(i + 1)]);
  }
  return out;
}

export function fitText(raw: string, box: FitBox, measure: MeasureAt1pt): FittedText {
  const text = oneLine(raw);
  const { max, min } = box.fontSize;
  if (text === '') return { size: max, lines: [], scale: 100, overflow: false };
  const heightCap = (lines: number) => box.height / (lines * LINE_HEIGHT);

  // one line: the largest size whose width and height fit
  const w1 = measure(text);
  const one = floorStep(Math.min(max, w1 > 0 ? box.width / w1 : max, heightCap(1)));
  if (one >= min) return { size: one, lines: [text], scale: 100, overflow: false };

  // two lines: the split whose longer line is shortest
  let best: { lines: [string, string]; width: number } | null = null;
  if (box.maxLines === 2) {
    for (const [a, b] of splitCandidates(text)) {
      const width = Math.max(measure(a), measure(b));
      if (!best || width < best.width) best = { lines: [a, b], width };
    }
    if (best) {
      const two = floorStep(Math.min(max, best.width > 0 ? box.width / best.width : max, heightCap(2)));
      if (two >= min) return { size: two, lines: best.lines, scale: 100, overflow: false };
    }
  }

  // overflow: smallest size (smaller still if the box is too low), narrowed to the box's width
  const lines = best && heightCap(2) >= Math.min(min, heightCap(1)) ? best.lines : [text];
  const size = Math.min(min, heightCap(lines.length));
  const widest = Math.max(...lines.map((l) => measure(l))) * size;
  const scale = widest > box.width ? Math.floor((box.width / widest) * 1000) / 10 : 100;
  return { size, lines, scale, overflow: true };
}
