import { DateTime } from 'luxon';

/** Where a call for papers stands at a given instant. */
export const CALL_STATUSES = ['not-yet-open', 'open', 'closed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** The window of a call: UTC instants, open from `opensAt` (included) to `closesAt` (excluded). */
export interface CallWindow {
  opensAt: Date;
  closesAt: Date;
}

export function callStatus(window: CallWindow, now: Date): CallStatus {
  if (now.getTime() < window.opensAt.getTime()) return 'not-yet-open';
  if (now.getTime() >= window.closesAt.getTime()) return 'closed';
  return 'open';
}

/** « 1 décembre 2011 à 00:00 (Europe/Paris) »: an instant as a person of the event reads it. */
export function frenchDateTime(instant: Date, zone: string): string {
  return `${DateTime.fromJSDate(instant, { zone }).setLocale('fr').toFormat("d LLLL yyyy 'à' HH:mm")} (${zone})`;
}

/** "1 December 2011 at 00:00 (Europe/Paris)". */
export function englishDateTime(instant: Date, zone: string): string {
  return `${DateTime.fromJSDate(instant, { zone }).setLocale('en').toFormat("d LLLL yyyy 'at' HH:mm")} (${zone})`;
}

/**
 * Why a call is not open, in French (the message) and English: when it opens, or when it closed,
 * written in the event's time zone. Null when the call is open. A missing call has its own text.
 */
export function callNotOpenText(window: CallWindow | null, zone: string, now: Date): { fr: string; en: string } | null {
  if (!window) {
    return {
      fr: "Aucun appel à communications n'est ouvert pour cet événement.",
      en: 'This event has no call for papers.',
    };
  }
  switch (callStatus(window, now)) {
    case 'open':
      return null;
    case 'not-yet-open':
      return {
        fr: `L'appel à communications ouvre le ${frenchDateTime(window.opensAt, zone)}.`,
        en: `The call for papers opens on ${englishDateTime(window.opensAt, zone)}.`,
      };
    case 'closed':
      return {
        fr: `L'appel à communications est clos depuis le ${frenchDateTime(window.closesAt, zone)}.`,
        en: `The call for papers closed on ${englishDateTime(window.closesAt, zone)}.`,
      };
  }
}
