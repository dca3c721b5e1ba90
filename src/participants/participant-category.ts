/**
 * Who a participant is at the event. A person may hold several categories (a speaker who chairs);
 * the badge shows the most significant: the first of PARTICIPANT_CATEGORIES they hold.
 */
export const PARTICIPANT_CATEGORIES = [
  'organiser',
  'speaker',
  'chair',
  'press',
  'city-representative',
  'sponsor-representative',
  'staff',
  'researcher',
  'guest',
] as const;
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];

/** Categories that only the published programme gives (never set by hand, never imported). */
export const PROGRAMME_CATEGORIES = ['speaker', 'chair'] as const satisfies readonly ParticipantCategory[];

export const PARTICIPANT_CATEGORY_LABELS: Readonly<Record<ParticipantCategory, { fr: string; en: string }>> = {
  organiser: { fr: 'Organisation', en: 'Organiser' },
  speaker: { fr: 'Intervenant', en: 'Speaker' },
  chair: { fr: 'Président de séance', en: 'Chair' },
  press: { fr: 'Presse', en: 'Press' },
  'city-representative': { fr: 'Ville Internet', en: 'City representative' },
  'sponsor-representative': { fr: 'Partenaire', en: 'Sponsor' },
  staff: { fr: 'Équipe', en: 'Staff' },
  researcher: { fr: 'Chercheur', en: 'Researcher' },
  guest: { fr: 'Invité', en: 'Guest' },
};

/** The most significant category of a set (the badge's), or null for an empty set. */
export function primaryCategory(categories: Iterable<string>): ParticipantCategory | null {
  const held = new Set(categories);
  return PARTICIPANT_CATEGORIES.find((c) => held.has(c)) ?? null;
}
