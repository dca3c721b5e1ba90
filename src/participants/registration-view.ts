/**
 * A registration as its holder sees it (the self-registration's answer and the personal link's
 * view): the participant's columns read or returned by the registrations' SQL, and how they are
 * answered. Pure, shared by the group-commit writer and the personal-link routes.
 */
import { conflict, type DomainError } from '../common/errors/domain-error.js';
import type { RegistrationParticipantResponse, RegistrationResponse } from './dto/registration.response.js';

export interface RegistrationRow {
  id: string;
  event_id: string;
  first_name: string;
  last_name: string;
  email: string;
  affiliation: string | null;
  town: string | null;
  categories: string[];
  days: string[];
  dietary_needs: string | null;
  accessibility_needs: string | null;
  consent_public_list: boolean;
  consent_photo: boolean;
  status: string;
}

/** The columns of RegistrationRow, for SELECT and RETURNING. */
export const REGISTRATION_COLUMNS = `id, event_id, first_name, last_name, email, affiliation, town, categories, days::text[] AS days, dietary_needs,
  accessibility_needs, consent_public_list, consent_photo, status`;

export function toRegistrationParticipant(r: RegistrationRow): RegistrationParticipantResponse {
  return {
    id: r.id,
    eventId: r.event_id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    affiliation: r.affiliation,
    town: r.town,
    categories: r.categories,
    days: r.days,
    dietaryNeeds: r.dietary_needs,
    accessibilityNeeds: r.accessibility_needs,
    consentPublicList: r.consent_public_list,
    consentPhoto: r.consent_photo,
    status: r.status,
  };
}

/** The answer of a registration: its status and body (replayed as it was for a retried Idempotency-Key). */
export interface RegistrationResult {
  status: number;
  body: RegistrationResponse;
}

export const alreadyRegistered = (): DomainError =>
  conflict(
    'This email address is already registered for this event: use the personal link mailed to it to view or change that registration',
    undefined,
    'ALREADY_REGISTERED',
  );

/** The personal link's address for a token. */
export const registrationLink = (publicUrl: string, token: string): string => `${publicUrl}/api/registrations/${token}`;
