/**
 * Live counts per part and day (pure): the parts with their admitted places, and the check-ins
 * grouped by part and local date, assembled into one line per part with its days.
 */
import type { CheckInPartStatsResponse } from './dto/check-in-stats.response.js';

export interface PartCountRow {
  id: string;
  code: string;
  name_fr: string;
  kind: string;
  day: string | null;
  capacity: number | null;
  admitted: number;
}

export interface CheckInCountRow {
  part_id: string;
  day: string;
  checked_in: number;
}

export function assembleStats(parts: readonly PartCountRow[], counts: readonly CheckInCountRow[], today: string): CheckInPartStatsResponse[] {
  const byPart = new Map<string, CheckInCountRow[]>();
  for (const c of counts) byPart.set(c.part_id, [...(byPart.get(c.part_id) ?? []), c]);
  return parts.map((p) => {
    const days = (byPart.get(p.id) ?? []).map((c) => ({ day: c.day, checkedIn: c.checked_in })).sort((a, b) => a.day.localeCompare(b.day));
    return {
      partId: p.id,
      code: p.code,
      nameFr: p.name_fr,
      kind: p.kind,
      day: p.day,
      capacity: p.capacity,
      admitted: p.admitted,
      checkedIn: days.reduce((sum, d) => sum + d.checkedIn, 0),
      checkedInToday: days.find((d) => d.day === today)?.checkedIn ?? 0,
      days,
    };
  });
}

export interface QuarterHourCountRow {
  /** Start of the quarter hour (UTC instant). */
  quarter: Date;
  checked_in: number;
}

export interface QuarterHourCount {
  startUtc: Date;
  checkedIn: number;
}

const QUARTER_MS = 15 * 60_000;

/**
 * Arrivals per quarter hour, from the first quarter with an arrival to the last (or to `until`'s
 * quarter, when later and given), the quarters without arrivals counted as 0, so that a chart reads
 * the gaps. Quarter hours are aligned on UTC, which aligns them in every zone whose offset is a
 * multiple of 15 minutes (all of them today, Paris included).
 */
export function quarterHourSeries(rows: readonly QuarterHourCountRow[], until?: Date): QuarterHourCount[] {
  if (!rows.length) return [];
  const counts = new Map<number, number>();
  for (const r of rows) {
    const start = Math.floor(r.quarter.getTime() / QUARTER_MS) * QUARTER_MS;
    counts.set(start, (counts.get(start) ?? 0) + r.checked_in);
  }
  const starts = [...counts.keys()];
  const first = Math.min(...starts);
  let last = Math.max(...starts);
  if (until) last = Math.max(last, Math.floor(until.getTime() / QUARTER_MS) * QUARTER_MS);
  const out: QuarterHourCount[] = [];
  for (let s = first; s <= last; s += QUARTER_MS) out.push({ startUtc: new Date(s), checkedIn: counts.get(s) ?? 0 });
  return out;
}
