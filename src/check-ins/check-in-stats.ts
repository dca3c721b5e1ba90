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
