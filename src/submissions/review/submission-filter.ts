/**
 * The filters and sorts of the organisers' proposal list, turned into SQL fragments over
 * `submissions s` with positional parameters. Every value reaches PostgreSQL as a parameter;
 * only whitelisted column expressions are written into the SQL text.
 */
import type { SubmissionState } from '../submission-state.js';

export const SUBMISSION_SORTS = ['score', 'date', 'title'] as const;
export type SubmissionSort = (typeof SUBMISSION_SORTS)[number];

export const PROPOSAL_LANGUAGES = ['fr', 'en'] as const;
export type ProposalLanguage = (typeof PROPOSAL_LANGUAGES)[number];

/** Most words a text search looks for; the rest are ignored. */
export const MAX_SEARCH_WORDS = 10;

export interface SubmissionFilter {
  eventId: string;
  states?: SubmissionState[];
  typeId?: string;
  trackId?: string;
  language?: ProposalLanguage;
  /** Words to find in one signer's first name, last name or email. */
  speaker?: string;
  /** Words to find in the titles and abstracts. */
  q?: string;
  /** Placed by a talk of the draft programme (true), or by none yet (false). */
  placed?: boolean;
}

export interface SqlWhere {
  sql: string;
  params: unknown[];
}

/** The distinct words of a search text, at most MAX_SEARCH_WORDS. */
export function searchWords(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set(text.trim().split(/\s+/).filter(Boolean))].slice(0, MAX_SEARCH_WORDS);
}

/** True when the proposal has both its title and abstract in `lang` (SQL, over the submissions alias `alias`). */
export function languageComplete(lang: ProposalLanguage, alias = 's'): string {
  return `coalesce(btrim(${alias}.title_${lang}) <> '' AND btrim(${alias}.abstract_${lang}) <> '', false)`;
}

/**
 * `LIKE` patterns, one per word of the text array parameter `param`: lower-cased and unaccented
 * like the columns they are matched against, then with the LIKE wildcards (and the backslash that
 * escapes them) escaped, after unaccent, which maps some full-width signs to % _ and \. An
 * ARRAY(SELECT …) that refers to no row is computed once per query, not once per row.
 */
function containsAllPatterns(param: string): string {
  return String.raw`(ARRAY(SELECT '%' || replace(replace(replace(unaccent(lower(w)), '\', '\\'), '%', '\%'), '_', '\_') || '%' FROM unnest(${param}::text[]) AS w))`;
}

/** The WHERE clause over `submissions s` for a filter, with its parameters ($1, $2…). */
export function submissionWhere(filter: SubmissionFilter): SqlWhere {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const clauses = [`s.event_id = ${p(filter.eventId)}`];
  if (filter.states?.length) clauses.push(`s.state = ANY(${p([...new Set(filter.states)])}::text[])`);
  if (filter.typeId) clauses.push(`s.type_id = ${p(filter.typeId)}`);
  if (filter.trackId) clauses.push(`s.track_id = ${p(filter.trackId)}`);
  if (filter.language) clauses.push(languageComplete(filter.language));
  // the programme's talks name the proposals they place (one talk at most each: UQ_talks_submission)
  if (filter.placed !== undefined) clauses.push(`${filter.placed ? '' : 'NOT '}EXISTS (SELECT 1 FROM talks pt WHERE pt.submission_id = s.id)`);
  const textWords = searchWords(filter.q);
  if (textWords.length) {
    // fields joined by a line break: a word (never containing one) cannot match across two fields
    clauses.push(
      `unaccent(lower(concat_ws(E'\\n', s.title_fr, s.title_en, s.abstract_fr, s.abstract_en))) LIKE ALL ${containsAllPatterns(p(textWords))}`,
    );
  }
  const speakerWords = searchWords(filter.speaker);
  if (speakerWords.length) {
    clauses.push(
      `EXISTS (SELECT 1 FROM submission_speakers fs LEFT JOIN speaker_profiles fp ON fp.user_id = fs.user_id ` +
        `WHERE fs.submission_id = s.id AND fs.status <> 'declined' ` +
        `AND unaccent(lower(concat_ws(E'\\n', fp.first_name, fp.last_name, fs.email))) LIKE ALL ${containsAllPatterns(p(speakerWords))})`,
    );
  }
  return { sql: clauses.join(' AND '), params };
}

/**
 * ORDER BY over `s` and the review statistics `st` (mean_score). Ties are broken by id so that
 * pages never overlap. Proposals without reviews come last whatever the order, and so do drafts
 * (never submitted) in the date order.
 */
export function submissionOrder(sort: SubmissionSort, order: 'asc' | 'desc'): string {
  const dir = order === 'desc' ? 'DESC' : 'ASC';
  switch (sort) {
    case 'score':
      return `st.mean_score ${dir} NULLS LAST, s.id ASC`;
    case 'title':
      return `unaccent(lower(coalesce(s.title_fr, s.title_en))) ${dir}, s.id ASC`;
    case 'date':
      return `s.submitted_at ${dir} NULLS LAST, s.created_at ${dir}, s.id ASC`;
  }
}
