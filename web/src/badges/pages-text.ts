/** The pages an organiser types in the spoiled-badges form. */

/** « 2, 5-7 » → [2, 5, 6, 7]; null when the text is not page numbers and ranges (the server judges the numbers). */
export function parsePages(text: string): number[] | null {
  const pages: number[] = [];
  for (const piece of text.replace(/\s*[-–]\s*/g, '-').split(/[,;\s]+/).filter(Boolean)) {
    const m = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(piece);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (to < from || to - from >= 1000) return null;
    for (let p = from; p <= to; p++) pages.push(p);
  }
  return pages.length ? pages : null;
}
