import type { CallLanguage } from './call-language.js';

/** What the submissions of an event must respect, and what mails about them say. */
export interface CfpSettings {
  eventId: string;
  eventNameFr: string;
  eventNameEn: string | null;
  timeZone: string;
  /** Null when the event has no call yet (organisers may still file proposals). */
  opensAt: Date | null;
  closesAt: Date | null;
  languages: CallLanguage[];
  maxAbstractLength: number;
}

/** A submission type, briefly, as a proposal shows it. */
export interface SubmissionTypeSummary {
  id: string;
  code: string;
  nameFr: string;
  nameEn: string | null;
  defaultMinutes: number;
}

/** A track, briefly, as a proposal shows it. */
export interface TrackSummary {
  id: string;
  nameFr: string;
  nameEn: string | null;
}
