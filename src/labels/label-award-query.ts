/**
 * The labelled towns' list as SQL pieces, pure: filters, search and sort. The embargo is decided
 * here, before any SQL: a caller who may not see levels cannot filter or sort by level (422
 * LEVELS_EMBARGOED, the same answer whatever the level asked and whatever the data), so neither
 * the rows returned, nor their order, nor the total can tell a level.
 */
import { DomainError } from '../common/errors/domain-error.js';
import { containsPattern } from '../speakers/speaker-search.js';
import type { LabelAwardSort } from './dto/list-label-awards.query.js';
import { townKey } from './communes.js';

export interface AwardFilters {
  q?: string;
  level?: number;
  departement?: string;
  region?: string;
  firstParticipation?: boolean;
  sort?: LabelAwardSort;
  order?: 'asc' | 'desc';
}

export function levelsEmbargoed(year: number): DomainError {
  return new DomainError(422, 'LEVELS_EMBARGOED', `The levels of ${year} are not public yet: they cannot be filtered or sorted on before the reveal`, { year });
}

/** WHERE and ORDER BY for a year's labels; parameters start at $2 ($1 is the year). */
export function awardListSql(year: number, filters: AwardFilters, levelsVisible: boolean): { where: string; orderBy: string; params: unknown[] } {
  if (!levelsVisible && (filters.level !== undefined || filters.sort === 'level')) throw levelsEmbargoed(year);
  const params: unknown[] = [year];
  const conditions = ['a.year = $1'];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.q !== undefined) {
    const pattern = containsPattern(townKey(filters.q));
    if (pattern) conditions.push(`regexp_replace(unaccent(lower(a.town_name)), '[^a-z0-9]+', ' ', 'g') LIKE ${bind(pattern)}`);
  }
  if (filters.level !== undefined) conditions.push(`a.level = ${bind(filters.level)}`);
  if (filters.departement !== undefined) conditions.push(`a.departement = ${bind(filters.departement.trim().toUpperCase())}`);
  if (filters.region !== undefined) conditions.push(`unaccent(lower(a.region)) = unaccent(lower(${bind(filters.region.trim())}))`);
  if (filters.firstParticipation !== undefined) conditions.push(`a.first_participation = ${bind(filters.firstParticipation)}`);
  const dir = filters.order === 'desc' ? 'DESC' : 'ASC';
  const name = `unaccent(lower(a.town_name)) ${dir}, a.insee ${dir}`;
  const orderBy =
    filters.sort === 'level'
      ? `a.level ${dir}, ${name}`
      : filters.sort === 'departement'
        ? `a.departement ${dir}, ${name}`
        : filters.sort === 'region'
          ? `a.region ${dir}, ${name}`
          : name;
  return { where: conditions.join(' AND '), orderBy, params };
}
