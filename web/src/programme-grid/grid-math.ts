/**
 * The grid's arithmetic on wall-clock times of the event's zone (Europe/Paris): the API gives every
 * session's `startsAt` with the zone's offset (`2012-02-06T09:30:00+01:00`) and accepts wall-clock
 * times back (`2012-02-06T09:30`), so the grid counts minutes since local midnight and never reads
 * the browser's zone. Pure functions, no DOM.
 */

/** One row of the grid: five minutes. */
export const STEP = 5;

/** Minutes since local midnight of an API time (`2012-02-06T09:30:00+01:00` → 570). */
export function minutesOf(zoned: string): number {
  const match = /T(\d{2}):(\d{2})/.exec(zoned);
  return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
}

/** Local date of an API time (`2012-02-06T09:30:00+01:00` → `2012-02-06`). */
export function dateOf(zoned: string): string {
  return zoned.slice(0, 10);
}

/** `HH:mm` of minutes since midnight (570 → `09:30`). */
export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** « 9 h 30 » / « 09:30 ». */
export function spokenClock(minutes: number, language: 'fr' | 'en'): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return language === 'fr' ? `${h} h ${String(m).padStart(2, '0')}` : clock(minutes);
}

/** The wall-clock time the API reads in the event's zone (`2012-02-06`, 570 → `2012-02-06T09:30`). */
export function wallClock(date: string, minutes: number): string {
  return `${date}T${clock(minutes)}`;
}

/** Rounds down to the grid's step. */
export function snap(minutes: number): number {
  return Math.floor(minutes / STEP) * STEP;
}

/** Each local date from `first` to `last` inclusive (`YYYY-MM-DD`), computed on the calendar, not on a zone. */
export function datesBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let d = new Date(`${first}T12:00:00Z`);
  const end = new Date(`${last}T12:00:00Z`);
  while (d <= end && out.length < 31) {
    out.push(d.toISOString().slice(0, 10));
    d = new Date(d.getTime() + 86_400_000);
  }
  return out;
}

export interface Span {
  start: number;
  end: number;
}

/** Whether two spans of minutes overlap (end excluded). */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The rows a day shows: from the earliest opening to the latest closing of its venues (`HH:mm`),
 * widened to hold every session shown, on whole steps. Without opening hours, `fallback`.
 */
export function dayRange(openings: Array<{ opens: string; closes: string }>, sessions: Span[], fallback: Span): Span {
  let start = openings.length ? Math.min(...openings.map((o) => minutesOf(`T${o.opens}`))) : fallback.start;
  let end = openings.length ? Math.max(...openings.map((o) => minutesOf(`T${o.closes}`))) : fallback.end;
  for (const s of sessions) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return { start: snap(start), end: Math.min(24 * 60, Math.ceil(end / STEP) * STEP) };
}

/** A span moved by `delta` minutes, kept inside `range` (its length unchanged). */
export function shift(span: Span, delta: number, range: Span): Span {
  const length = span.end - span.start;
  const start = Math.max(range.start, Math.min(range.end - length, span.start + delta));
  return { start, end: start + length };
}

/** A span whose end moves by `delta` minutes, lasting at least one step and ending inside `range`. */
export function resize(span: Span, delta: number, range: Span): Span {
  return { start: span.start, end: Math.max(span.start + STEP, Math.min(range.end, span.end + delta)) };
}
