import { DateTime } from 'luxon';
import { categoryLabelFr, type LabelForm, type ParticipantCategory } from '../participants/participant-category.js';
import type { BadgeField } from './badge-template.js';

/** What a badge shows about its holder, resolved from the participant's row. */
export interface BadgePerson {
  participantId: string;
  firstName: string;
  lastName: string;
  affiliation: string | null;
  town: string | null;
  /** The badge's category (the most significant one held), or null. */
  category: ParticipantCategory | null;
  /** The form of the category's word the person chose (null: the neutral one). */
  labelForm?: LabelForm | null;
  /** The QR code's content: the participant's badge token. */
  token: string;
  /** Ribbons of the parts the person is admitted to (« Cérémonie »…), in the parts' order. */
  ribbons: string[];
}

/** What a badge shows about the event. */
export interface BadgeEventInfo {
  id: string;
  name: string;
  dates: string;
}

/** The label of someone without a category, in each form. */
const NO_CATEGORY: Record<LabelForm, string> = { neutral: 'Participant·e', feminine: 'Participante', masculine: 'Participant' };

/** The category's label on a badge, in French, in the person's chosen form (« Participant·e » when none is held). */
export function categoryLabel(category: ParticipantCategory | null, form: LabelForm | null = null): string {
  return category ? categoryLabelFr(category, form) : NO_CATEGORY[form ?? 'neutral'];
}

export function fieldValue(field: BadgeField, person: BadgePerson, event: BadgeEventInfo): string {
  switch (field) {
    case 'firstName':
      return person.firstName;
    case 'lastName':
      return person.lastName;
    case 'fullName':
      return `${person.firstName} ${person.lastName}`.trim();
    case 'affiliationOrTown':
      return person.affiliation?.trim() || person.town?.trim() || '';
    case 'category':
      return categoryLabel(person.category, person.labelForm ?? null);
    case 'eventName':
      return event.name;
    case 'eventDates':
      return event.dates;
  }
}

/**
 * The event's dates as a French badge shows them, in the event's zone: « 6–7 février 2012 »,
 * « 30 janvier – 2 février 2012 », or for a timed event on one day « 6 février 2012, 18 h 00 – 21 h 00 ».
 */
export function eventDatesLabel(startsAt: Date, endsAt: Date, allDay: boolean, zone: string): string {
  const start = DateTime.fromJSDate(startsAt, { zone }).setLocale('fr');
  const end = DateTime.fromJSDate(allDay ? new Date(endsAt.getTime() - 1) : endsAt, { zone }).setLocale('fr');
  const time = (d: DateTime) => d.toFormat("H' h 'mm");
  if (start.hasSame(end, 'day')) {
    const day = start.toFormat('d LLLL yyyy');
    return allDay ? day : `${day}, ${time(start)} – ${time(end)}`;
  }
  if (start.hasSame(end, 'month')) return `${start.toFormat('d')}–${end.toFormat('d LLLL yyyy')}`;
  if (start.hasSame(end, 'year')) return `${start.toFormat('d LLLL')} – ${end.toFormat('d LLLL yyyy')}`;
  return `${start.toFormat('d LLLL yyyy')} – ${end.toFormat('d LLLL yyyy')}`;
}
