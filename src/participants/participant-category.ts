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

/**
 * The form of a role word a participant's badge uses in French: the neutral one unless the person
 * (or an organiser for them) chose the feminine or masculine one.
 */
export const LABEL_FORMS = ['neutral', 'feminine', 'masculine'] as const;
export type LabelForm = (typeof LABEL_FORMS)[number];

/**
 * Labels of the categories. `fr` is the neutral French form, used by default everywhere (badges,
 * desk, exports): an epicene word where one reads well on a badge (« Présidence de séance »), else
 * the inclusive form with a middle dot (« Intervenant·e », « Chercheur·euse », « Invité·e »), which
 * stays one short word on the badge's band. `frFeminine`/`frMasculine` exist for the gendered words.
 */
export const PARTICIPANT_CATEGORY_LABELS: Readonly<Record<ParticipantCategory, { fr: string; en: string; frFeminine?: string; frMasculine?: string }>> = {
  organiser: { fr: 'Organisation', en: 'Organiser' },
  speaker: { fr: 'Intervenant·e', frFeminine: 'Intervenante', frMasculine: 'Intervenant', en: 'Speaker' },
  chair: { fr: 'Présidence de séance', frFeminine: 'Présidente de séance', frMasculine: 'Président de séance', en: 'Chair' },
  press: { fr: 'Presse', en: 'Press' },
  'city-representative': { fr: 'Ville Internet', en: 'City representative' },
  'sponsor-representative': { fr: 'Partenaire', en: 'Sponsor' },
  staff: { fr: 'Équipe', en: 'Staff' },
  researcher: { fr: 'Chercheur·euse', frFeminine: 'Chercheuse', frMasculine: 'Chercheur', en: 'Researcher' },
  guest: { fr: 'Invité·e', frFeminine: 'Invitée', frMasculine: 'Invité', en: 'Guest' },
};

/** A category's French label in the form chosen (the neutral one by default, and for words without gender). */
export function categoryLabelFr(category: ParticipantCategory, form: LabelForm | null | undefined): string {
  const labels = PARTICIPANT_CATEGORY_LABELS[category];
  if (form === 'feminine') return labels.frFeminine ?? labels.fr;
  if (form === 'masculine') return labels.frMasculine ?? labels.fr;
  return labels.fr;
}

/** The most significant category of a set (the badge's), or null for an empty set. */
export function primaryCategory(categories: Iterable<string>): ParticipantCategory | null {
  const held = new Set(categories);
  return PARTICIPANT_CATEGORIES.find((c) => held.has(c)) ?? null;
}
