/**
 * A person as the reception desk shows them, built from one row of the desk's query (pure): the
 * badge's category with its French label, places with their check-in, printed or not, and whether
 * they are checked in today.
 */
import { formatInZone } from '../common/time/zoned-time.js';
import { categoryLabelFr, type LabelForm, type ParticipantCategory } from '../participants/participant-category.js';
import { badgeCategory } from '../participants/participant-fields.js';
import type { DeskPersonResponse } from './dto/desk-person.response.js';

export interface DeskPartRow {
  partId: string;
  code: string;
  nameFr: string;
  kind: string;
  day: string | null;
  status: string;
  /** 'public' or 'programme' (a speaker's or chair's place outside the capacity); absent means public. */
  quota?: string;
  displayOrder: number;
  /** JSON from PostgreSQL: an ISO instant with offset. */
  checkedInAt: string | null;
  checkedInBy: string | null;
}

export interface DeskPersonRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  affiliation: string | null;
  town: string | null;
  categories: string[];
  programme_roles: string[];
  label_form: LabelForm;
  status: string;
  badge_token: string;
  print_count: number;
  last_printed_at: Date | null;
  parts: DeskPartRow[];
}

/** Checked in today: to today's day part, or (no day part today) to any part on today's date. */
export function checkedInToday(parts: readonly DeskPartRow[], today: string, zone: string): boolean {
  const todays = parts.filter((p) => p.kind === 'day' && p.day === today);
  if (todays.length) return todays.some((p) => p.checkedInAt !== null);
  return parts.some((p) => p.checkedInAt !== null && formatInZone(new Date(p.checkedInAt), zone).slice(0, 10) === today);
}

export function toDeskPerson(row: DeskPersonRow, zone: string, today: string): DeskPersonResponse {
  const category = badgeCategory(row.categories, row.programme_roles);
  const parts = [...row.parts].sort(
    (a, b) => a.displayOrder - b.displayOrder || (a.day ?? '9999').localeCompare(b.day ?? '9999') || a.code.localeCompare(b.code),
  );
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    affiliation: row.affiliation,
    town: row.town,
    primaryCategory: category,
    categoryLabelFr: category ? categoryLabelFr(category as ParticipantCategory, row.label_form) : null,
    status: row.status,
    badgeToken: row.badge_token,
    printed: row.print_count > 0,
    printCount: row.print_count,
    lastPrintedAt: row.last_printed_at ? formatInZone(new Date(row.last_printed_at), zone) : null,
    checkedInToday: checkedInToday(parts, today, zone),
    parts: parts.map((p) => ({
      partId: p.partId,
      code: p.code,
      nameFr: p.nameFr,
      kind: p.kind,
      day: p.day,
      status: p.status,
      quota: p.quota ?? 'public',
      today: p.kind === 'day' && p.day === today,
      checkedInAt: p.checkedInAt ? formatInZone(new Date(p.checkedInAt), zone) : null,
      checkedInBy: p.checkedInBy,
    })),
  };
}
