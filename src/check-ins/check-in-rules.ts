/**
 * The check-in decisions as pure functions (no HTTP, no database): what a badge token looks like,
 * which part a scan is for, whether the holder may go in, and how an earlier check-in is told back.
 * The service reads the facts in one query and applies these; the unique constraint
 * UQ_check_ins_once settles the race between two scans.
 */
import { DateTime } from 'luxon';
import { DomainError } from '../common/errors/domain-error.js';

/** A badge token: 43 base64url characters (256 bits; the SQL function badge_token()). */
export const BADGE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A part named by the scanner: its id or its code (event_parts.code). */
export const PART_CODE_PATTERN = /^[a-z0-9-]{1,40}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A client nonce: what a scanner app may send to make its retries idempotent. */
export const NONCE_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

export function isBadgeToken(value: string): boolean {
  return BADGE_TOKEN_PATTERN.test(value);
}

/** How a `part` given by the scanner is looked up: by id or by code (case ignored). */
export function partReference(part: string): { id: string } | { code: string } {
  return UUID_PATTERN.test(part) ? { id: part.toLowerCase() } : { code: part.toLowerCase() };
}

/** The event's local date of an instant (YYYY-MM-DD): "today" at the desk. */
export function localDay(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() as string;
}

/** A wall-clock time of an instant in the event's zone (HH:mm). */
export function localTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');
}

export type AdmissionStatus = 'admitted' | 'waiting' | 'requested' | 'cancelled';

/** What the service read about one scan. */
export interface ScanFacts {
  participant: { id: string; eventId: string; status: 'registered' | 'cancelled'; anonymised: boolean };
  /** The event the desk works for, when the scanner says (a badge of another event is refused). */
  expectedEventId?: string | null;
  /** The part the scan is for (the named one, or today's day part); null when there is none. */
  part: { id: string; code: string; nameFr: string; kind: string; day: string | null } | null;
  /** Whether the scan named a part (else today's day part was looked for). */
  partNamed: boolean;
  /** The event's local date now. */
  today: string;
  /** The holder's place in that part, if any. */
  admission: AdmissionStatus | null;
}

/** Why someone holding a place (or none) may not go in, in French for the desk and in English. */
export function notAdmittedReason(status: AdmissionStatus | null): { code: string; en: string; fr: string } {
  switch (status) {
    case 'waiting':
      return { code: 'waiting', en: 'on the waiting list', fr: 'sur liste d’attente' };
    case 'requested':
      return { code: 'requested', en: 'request not yet accepted by the organisers', fr: 'demande pas encore acceptée par les organisateurs' };
    case 'cancelled':
      return { code: 'cancelled', en: 'place cancelled', fr: 'place annulée' };
    default:
      return { code: 'not-registered', en: 'not registered for this part', fr: 'pas inscrit(e) à cette partie' };
  }
}

/**
 * Whether a scan may check the holder in: a DomainError to throw (the holder's registration is
 * cancelled, no part, not admitted), or the part to check in to. An anonymised record answers as an
 * unknown badge: nobody is behind it any more.
 */
export function decideScan(facts: ScanFacts): { part: NonNullable<ScanFacts['part']> } | DomainError {
  if (facts.participant.anonymised) return unknownBadge();
  if (facts.expectedEventId && facts.expectedEventId.toLowerCase() !== facts.participant.eventId.toLowerCase()) {
    return new DomainError(409, 'OTHER_EVENT', 'This badge belongs to another event', {
      eventId: facts.participant.eventId,
      messageFr: 'Badge d’un autre événement : orientez la personne vers le bon accueil',
    });
  }
  if (facts.participant.status === 'cancelled') {
    return new DomainError(409, 'PARTICIPANT_CANCELLED', 'This participant’s registration is cancelled', {
      participantId: facts.participant.id,
      messageFr: 'Inscription annulée : impossible d’enregistrer l’arrivée',
    });
  }
  if (!facts.part) {
    return facts.partNamed
      ? new DomainError(404, 'PART_NOT_FOUND', 'No such part in this event', { messageFr: 'Partie inconnue pour cet événement' })
      : new DomainError(409, 'NO_DAY_PART_TODAY', `The event has no day part on ${facts.today} (its local date today): name the part`, {
          today: facts.today,
          messageFr: `Aucune journée de l’événement aujourd’hui (${facts.today}) : choisissez la partie`,
        });
  }
  if (facts.admission !== 'admitted') {
    const reason = notAdmittedReason(facts.admission);
    return new DomainError(403, 'NOT_ADMITTED', `Not admitted to ${facts.part.nameFr}: ${reason.en}`, {
      reason: reason.code,
      part: { id: facts.part.id, code: facts.part.code, nameFr: facts.part.nameFr },
      messageFr: `Non admis(e) à « ${facts.part.nameFr} » : ${reason.fr}`,
    });
  }
  return { part: facts.part };
}

/** The day a check-in counts for: a day part's own date, any other part today's date. */
export function checkInDay(part: { day: string | null; kind: string }, today: string): string {
  return part.kind === 'day' && part.day ? part.day : today;
}

export function unknownBadge(): DomainError {
  return new DomainError(404, 'BADGE_NOT_FOUND', 'No badge with this token (unknown, or replaced by a newer badge)', {
    messageFr: 'Badge inconnu (ou remplacé par un nouveau badge)',
  });
}

/** Who checked someone in, as the desk shows it: the staff member's name, else their email. */
export function staffName(staff: { displayName: string | null; email: string | null } | null): string {
  return staff?.displayName?.trim() || staff?.email || 'un membre de l’équipe';
}

/** "already checked in at 09:12 by Jeanne Martin" (English and French), time in the event's zone. */
export function alreadyCheckedInMessages(at: Date, zone: string, by: string): { en: string; fr: string } {
  const time = localTime(at, zone);
  return { en: `already checked in at ${time} by ${by}`, fr: `déjà enregistré(e) à ${time} par ${by}` };
}

export function checkedInMessages(at: Date, zone: string, partName: string): { en: string; fr: string } {
  const time = localTime(at, zone);
  return { en: `checked in to ${partName} at ${time}`, fr: `arrivée enregistrée à ${time} (${partName})` };
}
