/**
 * The organisers' list of proposals as a URL: its filters, sort and page live in the query string
 * (`?state=submitted&sort=score&order=desc&page=2`), so that the back button, a shared link and the
 * proposal pages opened from the list (next / previous) all keep them. Pure functions.
 */
import type { operations } from '../api/schema';

export type ListApiQuery = NonNullable<operations['EventSubmissionsController_page']['parameters']['query']>;
export type State = NonNullable<ListApiQuery['state']>[number];
export type Sort = NonNullable<ListApiQuery['sort']>;

export const STATES: readonly State[] = ['draft', 'submitted', 'accepted', 'rejected', 'confirmed', 'withdrawn', 'cancelled'];
export const SORTS: readonly Sort[] = ['score', 'date', 'title'];
export const PAGE_SIZE = 25;

export interface ListFilters {
  state: State | '';
  typeId: string;
  trackId: string;
  language: 'fr' | 'en' | '';
  speaker: string;
  q: string;
  sort: Sort;
  order: 'asc' | 'desc';
  page: number;
}

export const DEFAULT_FILTERS: ListFilters = { state: '', typeId: '', trackId: '', language: '', speaker: '', q: '', sort: 'date', order: 'asc', page: 1 };

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback);

export function readFilters(search: URLSearchParams): ListFilters {
  const page = Number.parseInt(search.get('page') ?? '1', 10);
  return {
    state: pick(search.get('state'), STATES, '' as State | ''),
    typeId: search.get('typeId') ?? '',
    trackId: search.get('trackId') ?? '',
    language: pick(search.get('language'), ['fr', 'en'] as const, '' as 'fr' | 'en' | ''),
    speaker: search.get('speaker') ?? '',
    q: search.get('q') ?? '',
    sort: pick(search.get('sort'), SORTS, 'date'),
    order: pick(search.get('order'), ['asc', 'desc'] as const, 'asc'),
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/** The query string of a list (only what differs from the defaults), `?…` or ''. */
export function searchOf(filters: ListFilters): string {
  const out = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_FILTERS) as Array<keyof ListFilters>) {
    const value = filters[key];
    if (typeof value === 'string' ? value.trim() !== '' && value !== DEFAULT_FILTERS[key] : value !== DEFAULT_FILTERS[key]) out.set(key, String(value).trim());
  }
  const text = out.toString();
  return text ? `?${text}` : '';
}

/** The API's query for the list's filters and sort, for a page of `pageSize` (CSV export: no page). */
export function apiQuery(filters: ListFilters, page: { page: number; pageSize: number } | null): ListApiQuery {
  const query: ListApiQuery = { sort: filters.sort, order: filters.order };
  if (filters.state) query.state = [filters.state];
  if (filters.typeId) query.typeId = filters.typeId;
  if (filters.trackId) query.trackId = filters.trackId;
  if (filters.language) query.language = filters.language;
  if (filters.speaker.trim()) query.speaker = filters.speaker.trim();
  if (filters.q.trim()) query.q = filters.q.trim();
  if (page) Object.assign(query, page);
  return query;
}

/** The page of a proposal opened from the list: the list's filters and sort, and its place `i` (0-based) in the list. */
export function proposalPath(slug: string, id: string, filters: ListFilters, index: number): string {
  const search = new URLSearchParams(searchOf({ ...filters, page: 1 }));
  search.set('i', String(index));
  return `/events/${encodeURIComponent(slug)}/proposals/${encodeURIComponent(id)}?${search.toString()}`;
}

/** The list page showing the proposal at place `index`, with the same filters and sort. */
export function listPath(slug: string, filters: ListFilters, index: number | null): string {
  const page = index === null ? 1 : Math.floor(index / PAGE_SIZE) + 1;
  return `/events/${encodeURIComponent(slug)}/proposals${searchOf({ ...filters, page })}`;
}
