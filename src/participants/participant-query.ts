/**
 * The filters of the participants' list and exports as one parameterised SQL condition (pure: no
 * database). The search finds the words typed in the first name, last name, "first last",
 * "last first", email or town, whatever the accents and the case, as the speakers' search does
 * (PostgreSQL's unaccent(lower(…)) on both sides), a hyphen counting as a space.
 */
import { containsPattern } from '../speakers/speaker-search.js';

export interface ParticipantFilter {
  eventId: string;
  q?: string;
  /** A category held by hand or from the programme. */
  category?: string;
  /** Participants holding a live admission (admitted, waiting or requested) in this part… */
  partId?: string;
  /** …or exactly this admission status in it. */
  admission?: 'admitted' | 'waiting' | 'requested';
  status?: 'registered' | 'cancelled';
  /** A local date (YYYY-MM-DD) the person attends. */
  day?: string;
  /** A badge delivered (a print not reported as failed), or none. */
  badgePrinted?: boolean;
  /** Checked in at the desk at least once, or never. */
  checkedIn?: boolean;
}

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** SQL expressions searched, for a participants alias `p`. */
export function searchedExpressions(p: string): string[] {
  return [
    `${p}.first_name`,
    `${p}.last_name`,
    `${p}.first_name || ' ' || ${p}.last_name`,
    `${p}.last_name || ' ' || ${p}.first_name`,
    `coalesce(${p}.email, '')`,
    `coalesce(${p}.town, '')`,
  ];
}

/** The WHERE condition over alias `p`, with $1… parameters numbered from `firstParam`. */
export function participantWhere(filter: ParticipantFilter, p = 'p', firstParam = 1): SqlCondition {
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const parts = [`${p}.event_id = ${bind(filter.eventId)}`];
  const pattern = filter.q ? containsPattern(filter.q) : null;
  if (pattern) {
    // a hyphen counts as a space on both sides: "marie therese" finds "Marie-Thérèse", "jean-noel" finds "Jean Noël"
    const needle = `translate(unaccent(lower(${bind(pattern)})), '-', ' ')`;
    parts.push('(' + searchedExpressions(p).map((e) => `translate(unaccent(lower(${e})), '-', ' ') LIKE ${needle}`).join(' OR ') + ')');
  }
  if (filter.category) {
    const c = bind(filter.category);
    parts.push(`(${c} = ANY(${p}.categories) OR ${c} = ANY(${p}.programme_roles))`);
  }
  if (filter.status) parts.push(`${p}.status = ${bind(filter.status)}`);
  if (filter.day) parts.push(`${bind(filter.day)}::date = ANY(${p}.days)`);
  if (filter.badgePrinted !== undefined) {
    parts.push(`${filter.badgePrinted ? '' : 'NOT '}EXISTS (SELECT 1 FROM badge_prints bp WHERE bp.participant_id = ${p}.id AND bp.failed_at IS NULL)`);
  }
  if (filter.checkedIn !== undefined) {
    parts.push(`${filter.checkedIn ? '' : 'NOT '}EXISTS (SELECT 1 FROM check_ins ci WHERE ci.participant_id = ${p}.id)`);
  }
  if (filter.partId) {
    const statuses = filter.admission ? [filter.admission] : ['admitted', 'waiting', 'requested'];
    parts.push(
      `EXISTS (SELECT 1 FROM part_admissions a WHERE a.participant_id = ${p}.id AND a.part_id = ${bind(filter.partId)} AND a.status = ANY(${bind(statuses)}::text[]))`,
    );
  }
  return { sql: parts.join(' AND '), params };
}

export const PARTICIPANT_SORTS = ['name', 'created'] as const;
export type ParticipantSort = (typeof PARTICIPANT_SORTS)[number];

/** ORDER BY for alias `p`: by name (accents and case ignored) or by creation, then id. */
export function participantOrder(sort: ParticipantSort, order: 'asc' | 'desc', p = 'p'): string {
  const dir = order === 'desc' ? 'DESC' : 'ASC';
  return sort === 'created'
    ? `${p}.created_at ${dir}, ${p}.id ${dir}`
    : `unaccent(lower(${p}.last_name)) ${dir}, unaccent(lower(${p}.first_name)) ${dir}, ${p}.id ${dir}`;
}
