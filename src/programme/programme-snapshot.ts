/**
 * The shape of a published programme version: what `programme_releases.snapshot` holds, what the
 * public reads at GET /api/events/:eventId/programme, and what every export (ICS, frab XML/JSON, PDF)
 * renders from. Frozen at publication: later edits of the draft, of names or of venues never change a
 * published version. Instants are ISO 8601 strings in UTC (`2012-02-06T17:00:00.000Z`); `local*`
 * fields give the same instant as wall-clock time in the event's zone (`2012-02-06T18:00:00+01:00`).
 * Lists are in a deterministic order, so that equal programmes give equal JSON (and equal ETags).
 */

export const SNAPSHOT_FORMAT = 1;

export interface SnapshotPerson {
  /** The user id; a chair without an account gets `guest:<session_chairs.id>`. */
  id: string;
  /** Display name as typed (first name then last name). */
  name: string;
  firstName: string | null;
  lastName: string | null;
  affiliation: string | null;
}

export interface SnapshotVenue {
  id: string;
  name: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  countryCode: string;
}

export interface SnapshotRoom {
  id: string;
  name: string;
  venueId: string;
  capacity: number | null;
}

export interface SnapshotTrack {
  id: string;
  nameFr: string;
  nameEn: string | null;
}

export interface SnapshotTalk {
  id: string;
  submissionId: string;
  /** 0-based order in the session. */
  position: number;
  startsAt: string;
  endsAt: string;
  localStart: string;
  localEnd: string;
  durationMinutes: number;
  titleFr: string | null;
  titleEn: string | null;
  abstractFr: string | null;
  abstractEn: string | null;
  /** Language of the talk: 'fr' when the French title is given, else 'en'. */
  language: 'fr' | 'en';
  keywords: string[];
  typeName: string | null;
  track: SnapshotTrack | null;
  /** Accepted signers of the proposal, main speaker first. */
  speakers: SnapshotPerson[];
  /** The proposal's state when published ('accepted' or 'confirmed'). */
  proposalState: string;
  /** Raised each time a release changes this talk (time, room, title, speakers); 0 when first published. */
  sequence: number;
}

export interface SnapshotSession {
  id: string;
  kind: string;
  kindLabelFr: string;
  kindLabelEn: string;
  startsAt: string;
  endsAt: string;
  localStart: string;
  localEnd: string;
  /** The local date (YYYY-MM-DD) the session starts on. */
  day: string;
  titleFr: string | null;
  titleEn: string | null;
  descriptionFr: string | null;
  descriptionEn: string | null;
  track: SnapshotTrack | null;
  roomId: string;
  venueId: string;
  chairs: SnapshotPerson[];
  expectedAttendance: number | null;
  talks: SnapshotTalk[];
  /** Raised each time a release changes this session (time, room, title, chairs); 0 when first published. */
  sequence: number;
}

export interface SnapshotOrganisation {
  id: string;
  name: string;
  acronym: string | null;
  website: string | null;
  /** co-organiser, patron, supporter, sponsor, partner, media. */
  role: string;
  /** Public wording, e.g. « sous le parrainage de Maurice Leroy, Ministre de la Ville ». */
  roleLabel: string | null;
}

export interface ProgrammeSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  publishedAt: string;
  note: string | null;
  event: {
    id: string;
    slug: string;
    nameFr: string;
    nameEn: string | null;
    themeFr: string | null;
    themeEn: string | null;
    startsAt: string;
    endsAt: string;
    timeZone: string;
    website: string | null;
  };
  /** Every local date from the event's first day to its last (YYYY-MM-DD), sessions or not. */
  days: string[];
  venues: SnapshotVenue[];
  rooms: SnapshotRoom[];
  /** Sorted by start, then room name, then id. */
  sessions: SnapshotSession[];
  /** The event's organisations (and, for a linked event, none of the other's), by role then rank/name. */
  organisations: SnapshotOrganisation[];
}
