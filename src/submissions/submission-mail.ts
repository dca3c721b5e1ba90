import type { CfpSettings } from '../cfp/cfp-settings.js';
import type { SpeakerSummary } from '../speakers/speaker-summary.js';

/** The text of a proposal that mails about it quote. */
export interface MailedSubmission {
  titleFr: string | null;
  titleEn: string | null;
}

/** Mails about a proposal are written in its language: French unless it exists only in English. */
export function mailLocaleOf(submission: MailedSubmission): 'fr' | 'en' {
  return submission.titleFr ? 'fr' : 'en';
}

/** The proposal's title in `locale`, or in the other language when it has none in that one. */
export function titleIn(submission: MailedSubmission, locale: 'fr' | 'en'): string {
  return (locale === 'en' ? (submission.titleEn ?? submission.titleFr) : (submission.titleFr ?? submission.titleEn)) ?? '';
}

/** The event's name in `locale`, falling back to French. */
export function eventNameIn(settings: Pick<CfpSettings, 'eventNameFr' | 'eventNameEn'>, locale: 'fr' | 'en'): string {
  return locale === 'en' ? (settings.eventNameEn ?? settings.eventNameFr) : settings.eventNameFr;
}

/** « Hélène Dupré ». */
export function fullName(speaker: Pick<SpeakerSummary, 'firstName' | 'lastName'>): string {
  return `${speaker.firstName} ${speaker.lastName}`.trim();
}
