import type { SubmissionState } from '../submission-state.js';
import type { SubmissionSummaryResponse } from './dto/submission-summary.response.js';
import type { ProposalLanguage } from './submission-filter.js';

/** One row of the proposal list query (snake_case as PostgreSQL returns it). */
export interface SubmissionListRow {
  id: string;
  state: SubmissionState;
  title_fr: string | null;
  title_en: string | null;
  /** Only selected for the export. */
  abstract_fr?: string | null;
  abstract_en?: string | null;
  lang_fr: boolean;
  lang_en: boolean;
  type_id: string;
  type_code: string;
  type_name_fr: string;
  type_name_en: string | null;
  track_id: string | null;
  track_name_fr: string | null;
  track_name_en: string | null;
  main_user_id: string | null;
  main_email: string | null;
  main_first_name: string | null;
  main_last_name: string | null;
  main_affiliation: string | null;
  co_count: number;
  /** The co-speakers counted, in order: account, name (else email when there is no profile), status. */
  co_list: Array<{ userId: string | null; name: string; status: 'invited' | 'accepted' }> | null;
  submitted_at: Date | null;
  created_at: Date;
  review_count: number;
  /** numeric rounded to 2 decimals, as text; null without reviews. */
  mean_score: string | null;
  /** How many proposals match the filters, whatever the page (bigint, as text). */
  total: string;
}

/** "First Last" from the profile, else the email. */
export function mainSpeakerName(row: SubmissionListRow): string | null {
  if (row.main_email === null) return null;
  const name = [row.main_first_name, row.main_last_name].filter((p) => p && p.trim()).join(' ');
  return name || row.main_email;
}

export function rowLanguages(row: SubmissionListRow): ProposalLanguage[] {
  const out: ProposalLanguage[] = [];
  if (row.lang_fr) out.push('fr');
  if (row.lang_en) out.push('en');
  return out;
}

export function toSubmissionSummary(row: SubmissionListRow): SubmissionSummaryResponse {
  const name = mainSpeakerName(row);
  return {
    id: row.id,
    state: row.state,
    titleFr: row.title_fr,
    titleEn: row.title_en,
    type: { id: row.type_id, code: row.type_code, nameFr: row.type_name_fr, nameEn: row.type_name_en },
    track: row.track_id ? { id: row.track_id, nameFr: row.track_name_fr as string, nameEn: row.track_name_en } : null,
    languages: rowLanguages(row),
    mainSpeaker:
      name === null
        ? null
        : { userId: row.main_user_id, name, affiliation: row.main_affiliation, email: row.main_email as string },
    coSpeakerCount: row.co_count,
    coSpeakers: row.co_list ?? [],
    submittedAt: row.submitted_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    reviewCount: row.review_count,
    meanScore: row.mean_score === null ? null : Number(row.mean_score),
  };
}
