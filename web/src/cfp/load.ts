/**
 * The data of the call for papers' page, fetched by the route's loader: it lives in the entry chunk
 * so that the API calls start with the navigation, while the page's own chunk is still loading.
 */
import { api, type Schemas } from '../api/client';

type EventResponse = Schemas['EventResponse'];
type Call = Schemas['CallForPapersResponse'];
type SubmissionType = Schemas['SubmissionTypeResponse'];
type Track = Schemas['TrackResponse'];

export interface Lists {
  types: SubmissionType[];
  tracks: Track[];
}

export interface Loaded {
  event: EventResponse;
  call: Call | null;
  /** The types and tracks come after the call: the page (and its form) shows as soon as the call is known. */
  lists: Promise<Lists>;
}

async function load(slug: string): Promise<Loaded | 'no-event' | 'failed'> {
  const events = await api.GET('/api/events', { params: { query: { slug, pageSize: 1 } } });
  if (!events.data) return 'failed';
  const event = events.data.items.find((e) => e.slug === slug);
  if (!event) return 'no-event';
  const eventId = event.id;
  const call = api.GET('/api/events/{eventId}/cfp', { params: { path: { eventId } } });
  // asked once the call has answered, so that the call (which the form needs) does not wait behind them
  const lists = call.then(() => Promise.all([
    api.GET('/api/events/{eventId}/submission-types', { params: { path: { eventId }, query: { pageSize: 100 } } }),
    api.GET('/api/events/{eventId}/tracks', { params: { path: { eventId }, query: { pageSize: 100 } } }),
  ])).then(
    ([types, tracks]): Lists => ({ types: types.data?.items ?? [], tracks: tracks.data?.items ?? [] }),
    (): Lists => ({ types: [], tracks: [] }),
  );
  const loaded = await call;
  if (!loaded.data && loaded.response.status !== 404) return 'failed';
  return { event, call: loaded.data ?? null, lists };
}

export type CallPageData = Loaded | 'no-event' | 'failed';

/** The route's loader: never throws (a failure is shown by the page). */
export function loadCallPage(slug: string): Promise<CallPageData> {
  return load(slug).catch(() => 'failed' as const);
}
