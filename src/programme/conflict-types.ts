/** The plain data conflict detection reads, the conflicts it returns, and their default severities. */
import type { BilingualMessage } from './conflict-messages.js';

export type ConflictCode =
  | 'SPEAKER_DOUBLE_BOOKED'
  | 'CHAIR_DOUBLE_BOOKED'
  | 'CHAIR_SPEAKING_ELSEWHERE'
  | 'SPEAKER_UNAVAILABLE'
  | 'CHAIR_UNAVAILABLE'
  | 'TRAVEL_TOO_SHORT'
  | 'OUTSIDE_VENUE_HOURS'
  | 'OVER_CAPACITY'
  | 'TALK_NOT_CONFIRMED'
  | 'PROPOSAL_NOT_PLACED'
  | 'TALK_TENTATIVE';

export type ConflictSeverity = 'error' | 'warning' | 'ignore';

export const DEFAULT_SEVERITIES: Readonly<Record<ConflictCode, ConflictSeverity>> = {
  SPEAKER_DOUBLE_BOOKED: 'error',
  CHAIR_DOUBLE_BOOKED: 'error',
  CHAIR_SPEAKING_ELSEWHERE: 'error',
  SPEAKER_UNAVAILABLE: 'error',
  CHAIR_UNAVAILABLE: 'error',
  TRAVEL_TOO_SHORT: 'error',
  OUTSIDE_VENUE_HOURS: 'warning',
  OVER_CAPACITY: 'warning',
  TALK_NOT_CONFIRMED: 'warning',
  PROPOSAL_NOT_PLACED: 'warning',
  TALK_TENTATIVE: 'error',
};

/** Codes whose severity organisers cannot change: a tentative talk always blocks publication. */
export const FIXED_SEVERITY_CODES: readonly ConflictCode[] = ['TALK_TENTATIVE'];

export interface ProgrammeSession {
  id: string;
  roomId: string;
  venueId: string;
  startsAt: Date;
  endsAt: Date;
  kind: string;
  chairIds: string[];
  /** People speaking for the whole session (a keynote without talks); optional. */
  speakerIds?: string[];
  expectedAttendance?: number | null;
  title?: string | null;
}

export interface ProgrammeTalk {
  id: string;
  sessionId: string;
  startsAt: Date;
  endsAt: Date;
  speakerIds: string[];
  proposalState: string;
  proposalId?: string;
  /** Placed tentatively while its proposal is under review (« provisoire »). */
  tentative?: boolean;
  title?: string | null;
}

export interface ProgrammeRoom {
  id: string;
  venueId: string;
  capacity: number | null;
}

export interface VenueOpening {
  opensAt: Date;
  closesAt: Date;
}

export interface ProgrammeVenue {
  id: string;
  name?: string;
  /** Empty: hours unknown, no warning. */
  openings: VenueOpening[];
}

export interface TravelTime {
  venueAId: string;
  venueBId: string;
  /** The shorter known of walking and transit. */
  minutes: number;
}

export interface Unavailability {
  personId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface UnplacedProposal {
  id: string;
  title?: string | null;
  speakerIds: string[];
}

export interface ProgrammePerson {
  id: string;
  name: string;
}

export interface ProgrammeInput {
  sessions: ProgrammeSession[];
  talks: ProgrammeTalk[];
  rooms: ProgrammeRoom[];
  venues: ProgrammeVenue[];
  travelTimes: TravelTime[];
  unavailabilities: Unavailability[];
  /** Accepted proposals with no talk (see `unplacedProposals` to compute them). */
  unplacedProposals: UnplacedProposal[];
  /** Names for messages; ids are shown otherwise. */
  people?: ProgrammePerson[];
}

export interface ConflictOptions {
  /** IANA zone the messages name times in (the event's). */
  timeZone: string;
  severities?: Partial<Record<ConflictCode, ConflictSeverity>>;
  /** Cap on overlapping pairs reported per person (default 200). */
  maxOverlapsPerPerson?: number;
}

export interface Conflict {
  /** Stable across runs: code and sorted ids of what is concerned. */
  key: string;
  code: ConflictCode;
  severity: ConflictSeverity;
  sessionIds: string[];
  talkIds: string[];
  personIds: string[];
  proposalIds: string[];
  /** First time concerned (null for unplaced proposals). */
  startsAt: Date | null;
  message: BilingualMessage;
}

/** A conflict before severity is applied. */
export type RawConflict = Omit<Conflict, 'severity'>;

/** What a person is doing during an interval: speaking in a talk, speaking for a session, chairing it. */
export interface Commitment {
  personId: string;
  role: 'talk' | 'session-speaker' | 'chair';
  /** Talk id for 'talk', session id otherwise. */
  itemId: string;
  sessionId: string;
  venueId: string;
  start: number;
  end: number;
}

/** What the rules need to write messages: the zone, people's names, sessions and talks by id. */
export interface ConflictContext {
  zone: string;
  names: Map<string, string>;
  sessions: Map<string, ProgrammeSession>;
  talks: Map<string, ProgrammeTalk>;
}
