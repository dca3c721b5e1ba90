/**
 * A participant as the SQL reads of this module select it (dates as text, admissions aggregated
 * as JSON), and its mappings to the API's shapes (pure). The needs are given only to organisers.
 */
import type { ParticipantAdmissionResponse } from './dto/participant-admission.response.js';
import type { ParticipantSummaryResponse } from './dto/participant-summary.response.js';
import type { ParticipantResponse } from './dto/participant.response.js';
import type { PublicParticipantResponse } from './dto/public-participant.response.js';
import type { LabelForm } from './participant-category.js';
import { badgeCategory } from './participant-fields.js';

export interface ParticipantRow {
  id: string;
  event_id: string;
  user_id: string | null;
  /** NULL for a programme guest nobody gave an email. */
  email: string | null;
  guest_name: string | null;
  first_name: string;
  last_name: string;
  affiliation: string | null;
  town: string | null;
  town_insee: string | null;
  categories: string[];
  programme_roles: string[];
  days: string[];
  dietary_needs: string | null;
  accessibility_needs: string | null;
  label_form: LabelForm;
  consent_public_list: boolean;
  consent_photo: boolean;
  status: 'registered' | 'cancelled';
  source: string;
  cancelled_at: Date | null;
  anonymised_at: Date | null;
  created_at: Date;
  updated_at: Date;
  admissions: ParticipantAdmissionResponse[];
  badge_printed: boolean;
  checked_in: boolean;
}

/** The columns of ParticipantRow for a participants alias `p` (admissions come from `admissionsJoin`). */
export function participantColumns(p = 'p'): string {
  return `${p}.id, ${p}.event_id, ${p}.user_id, ${p}.email, ${p}.guest_name, ${p}.first_name, ${p}.last_name, ${p}.affiliation, ${p}.town,
          ${p}.town_insee, ${p}.categories, ${p}.programme_roles, ${p}.days::text[] AS days, ${p}.dietary_needs,
          ${p}.accessibility_needs, ${p}.label_form, ${p}.consent_public_list, ${p}.consent_photo, ${p}.status, ${p}.source,
          ${p}.cancelled_at, ${p}.anonymised_at, ${p}.created_at, ${p}.updated_at,
          coalesce(adm.items, '[]'::json) AS admissions,
          EXISTS (SELECT 1 FROM badge_prints bp WHERE bp.participant_id = ${p}.id AND bp.failed_at IS NULL) AS badge_printed,
          EXISTS (SELECT 1 FROM check_ins ci WHERE ci.participant_id = ${p}.id) AS checked_in`;
}

/** A LATERAL join giving `adm.items`: the participant's admissions with their part, in the parts' order. */
export function admissionsJoin(p = 'p'): string {
  return `LEFT JOIN LATERAL (
            SELECT json_agg(json_build_object('partId', a.part_id, 'partCode', ep.code, 'partName', ep.name_fr, 'status', a.status)
                            ORDER BY ep.display_order, ep.code) AS items
            FROM part_admissions a JOIN event_parts ep ON ep.id = a.part_id
            WHERE a.participant_id = ${p}.id
          ) adm ON true`;
}

export function toSummary(row: ParticipantRow): ParticipantSummaryResponse {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    guestName: row.guest_name,
    affiliation: row.affiliation,
    town: row.town,
    townInsee: row.town_insee,
    categories: row.categories,
    programmeRoles: row.programme_roles,
    primaryCategory: badgeCategory(row.categories, row.programme_roles),
    days: [...row.days].sort(),
    status: row.status,
    source: row.source,
    admissions: row.admissions,
    anonymised: row.anonymised_at !== null,
    badgePrinted: row.badge_printed,
    checkedIn: row.checked_in,
  };
}

export function toDetail(row: ParticipantRow, withNeeds: boolean): ParticipantResponse {
  const detail: ParticipantResponse = {
    ...toSummary(row),
    eventId: row.event_id,
    userId: row.user_id,
    labelForm: row.label_form,
    consentPublicList: row.consent_public_list,
    consentPhoto: row.consent_photo,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    anonymisedAt: row.anonymised_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  if (withNeeds) {
    detail.dietaryNeeds = row.dietary_needs;
    detail.accessibilityNeeds = row.accessibility_needs;
  }
  return detail;
}

export function toPublic(row: Pick<ParticipantRow, 'first_name' | 'last_name' | 'affiliation' | 'town' | 'categories' | 'programme_roles'>): PublicParticipantResponse {
  return {
    firstName: row.first_name,
    lastName: row.last_name,
    affiliation: row.affiliation,
    town: row.town,
    primaryCategory: badgeCategory(row.categories, row.programme_roles),
  };
}
