/**
 * The rules of a participant's fields that the API, the import and the exports share, as pure
 * functions: which categories a person may be given by hand (speaker and chair come only from the
 * published programme), how an email is compared (trimmed, lower-case), which days fit the event.
 */
import { PARTICIPANT_CATEGORIES, PROGRAMME_CATEGORIES, primaryCategory, type ParticipantCategory } from './participant-category.js';

/** Categories organisers, the registration and the import may set: all but the programme's. */
export const ASSIGNABLE_CATEGORIES = PARTICIPANT_CATEGORIES.filter(
  (c) => !(PROGRAMME_CATEGORIES as readonly string[]).includes(c),
) as Exclude<ParticipantCategory, (typeof PROGRAMME_CATEGORIES)[number]>[];
export type AssignableCategory = (typeof ASSIGNABLE_CATEGORIES)[number];

/**
 * The plain participant's category: someone who attends with no role at the event (not organising,
 * on the programme, press, a city's or a sponsor's delegate, staff) nor a trade the badge should
 * show (researcher). It is the least significant of PARTICIPANT_CATEGORIES, the one a badge falls
 * back to, and what the desk proposes first for a walk-in.
 */
export const PLAIN_CATEGORY = 'guest' as const satisfies AssignableCategory;

export const PARTICIPANT_STATUSES = ['registered', 'cancelled'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/**
 * Who wrote the record: the person (self-registration), an organiser, the CSV import, the published
 * programme's sync, or the reception desk (a walk-in, email optional).
 */
export const PARTICIPANT_SOURCES = ['self', 'organiser', 'import', 'programme', 'desk'] as const;
export type ParticipantSource = (typeof PARTICIPANT_SOURCES)[number];

/** How emails are stored and compared: trimmed, lower-case (UQ_participants_event_email). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The categories a badge shows: those set by hand and those of the programme, most significant first. */
export function heldCategories(categories: readonly string[], programmeRoles: readonly string[]): ParticipantCategory[] {
  const held = new Set([...categories, ...programmeRoles]);
  return PARTICIPANT_CATEGORIES.filter((c) => held.has(c));
}

/** The badge's category: the most significant of what the person holds (null for none). */
export function badgeCategory(categories: readonly string[], programmeRoles: readonly string[]): ParticipantCategory | null {
  return primaryCategory([...categories, ...programmeRoles]);
}

/** Sorted, without duplicates: how categories and days are stored, so equal sets compare equal. */
export function canonicalSet<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort();
}

/** The days outside the event's local dates (startDate to endDate inclusive, YYYY-MM-DD compare as text). */
export function daysOutside(days: readonly string[], startDate: string, endDate: string): string[] {
  return days.filter((d) => d < startDate || d > endDate);
}
