/**
 * The proposals before and after one in the organisers' list with its filters and sort, for moving
 * through the list one proposal at a time. The page knows where the proposal stood in the list
 * (`i`, 0-based); it is looked for in the 100 rows around it, so a list changed meanwhile (another
 * organiser's decision) still gives the right neighbours. A proposal no longer in the list (just
 * accepted while the list shows submitted ones) is taken as removed: its follower moved up to `i`.
 */
import { api, type Schemas } from '../api/client';
import { apiQuery, type ListFilters } from './list-query';

type Summary = Schemas['SubmissionSummaryResponse'];

export interface Neighbour {
  id: string;
  index: number;
  titleFr: string | null;
  titleEn: string | null;
}

export interface Neighbours {
  previous: Neighbour | null;
  next: Neighbour | null;
  /** 0-based place of the proposal in the list, null when it is no longer in it. */
  position: number | null;
  total: number;
}

const WINDOW = 100;

async function slice(eventId: string, filters: ListFilters, page: number, pageSize: number): Promise<{ items: Summary[]; total: number }> {
  const { data } = await api.GET('/api/events/{eventId}/submissions', { params: { path: { eventId }, query: apiQuery(filters, { page, pageSize }) } });
  if (!data) throw new Error('list not loaded');
  return { items: data.items, total: data.total };
}

export async function findNeighbours(eventId: string, filters: ListFilters, index: number, id: string): Promise<Neighbours> {
  const page = Math.floor(Math.max(index, 0) / WINDOW) + 1;
  const first = (page - 1) * WINDOW;
  const around = await slice(eventId, filters, page, WINDOW);
  const found = around.items.findIndex((s) => s.id === id);
  const position = found >= 0 ? first + found : null;
  const previousIndex = (position ?? index) - 1;
  const nextIndex = position === null ? index : position + 1;
  const at = async (k: number): Promise<Neighbour | null> => {
    if (k < 0 || k >= around.total) return null;
    const row = k >= first && k < first + around.items.length ? around.items[k - first] : (await slice(eventId, filters, k + 1, 1)).items[0];
    return row && row.id !== id ? { id: row.id, index: k, titleFr: row.titleFr, titleEn: row.titleEn } : null;
  };
  const [previous, next] = await Promise.all([at(previousIndex), at(nextIndex)]);
  return { previous, next, position, total: around.total };
}
