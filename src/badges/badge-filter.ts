import { PARTICIPANT_CATEGORIES } from '../participants/participant-category.js';

/** Which participants of an event get a badge in a print job or a preview. */
export interface BadgeFilter {
  /** Badge categories (the most significant category held). */
  categories?: string[];
  /** Admitted to this part. */
  partId?: string;
  /** Attending this local day (listed in their days, or admitted to a part on that day). */
  day?: string;
  /** No badge delivered yet (prints reported as failed do not count), and not held by a job being printed. */
  notYetPrinted?: boolean;
  /** Exactly these participants (of the event). */
  participantIds?: string[];
}

/** The most significant category of a participant, in SQL (the order of PARTICIPANT_CATEGORIES). */
export const BADGE_CATEGORY_SQL = `(SELECT c FROM unnest(ARRAY[${PARTICIPANT_CATEGORIES.map((c) => `'${c}'`).join(',')}]::text[]) WITH ORDINALITY AS k(c, i)
  WHERE k.c = ANY(p.categories || p.programme_roles) ORDER BY k.i LIMIT 1)`;

/**
 * The WHERE clause of a filter over `participants p` (registered, not anonymised, of event $1),
 * with its parameters numbered from $2. Pure: SQL text and values, no database.
 */
export function badgeFilterSql(eventId: string, filter: BadgeFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [eventId];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const clauses = [`p.event_id = $1`, `p.status = 'registered'`, `p.anonymised_at IS NULL`];
  if (filter.categories?.length) clauses.push(`${BADGE_CATEGORY_SQL} = ANY(${p(filter.categories)}::text[])`);
  if (filter.partId) {
    clauses.push(`EXISTS (SELECT 1 FROM part_admissions fa WHERE fa.participant_id = p.id AND fa.part_id = ${p(filter.partId)}::uuid AND fa.status = 'admitted')`);
  }
  if (filter.day) {
    const d = p(filter.day);
    clauses.push(
      `(${d}::date = ANY(p.days) OR EXISTS (SELECT 1 FROM part_admissions da JOIN event_parts dp ON dp.id = da.part_id ` +
        `WHERE da.participant_id = p.id AND da.status = 'admitted' AND dp.day = ${d}::date))`,
    );
  }
  if (filter.notYetPrinted) {
    clauses.push(`NOT EXISTS (SELECT 1 FROM badge_prints bp WHERE bp.participant_id = p.id AND bp.failed_at IS NULL)`);
    // a job just created or whose PDF is streaming holds its people, so two desks do not print them twice
    clauses.push(
      `NOT EXISTS (SELECT 1 FROM badge_print_job_items ri JOIN badge_print_jobs rj ON rj.id = ri.job_id ` +
        `WHERE ri.participant_id = p.id AND rj.reserved_until > now())`,
    );
  }
  if (filter.participantIds) clauses.push(`p.id = ANY(${p(filter.participantIds)}::uuid[])`);
  return { where: clauses.join(' AND '), params };
}

/** Whether a filter narrows the set at all (else it means every registered participant of the event). */
export function narrowsSelection(filter: BadgeFilter): boolean {
  return Boolean(filter.categories?.length || filter.partId || filter.day || filter.notYetPrinted || filter.participantIds?.length);
}

/**
 * A print must say what it covers: a filter that narrows the set, or an explicit « all » (never
 * both), so that an empty request cannot reprint every badge of the event. The message, or null.
 */
export function selectionProblem(filter: BadgeFilter, all: boolean): string | null {
  const narrows = narrowsSelection(filter);
  if (!narrows && !all) return 'Say which badges to print: a filter (categories, partId, day, notYetPrinted, participantIds), or "all": true for every registered participant';
  if (narrows && all) return '"all": true prints every registered participant: give it without a filter, or drop it';
  return null;
}
