/**
 * What the grid reads from the API: the event with its venues (and its linked ceremony's), each
 * venue's rooms and opening hours, the draft's sessions (polled with their ETags, so that another
 * organiser's change shows within seconds and an unchanged programme costs a 304), the proposals
 * waiting to be placed and the conflicts.
 */
import { api, type Schemas } from '../api/client';
import { datesBetween, dateOf, minutesOf, type Span } from './grid-math';
import { travelIndex, type TravelIndex, type Unavailability } from './shading';

export type EventInfo = Schemas['EventResponse'];
export type VenueDetail = Schemas['VenueDetailResponse'];
export type GridSession = Schemas['SessionResponse'];
export type Proposal = Schemas['SubmissionSummaryResponse'];
export type ConflictReport = Schemas['ConflictReportResponse'];
export type Conflict = Schemas['ConflictResponse'];

/** A tab of the grid: one local date, the venues shown, and for the ceremony's evening its hours. */
export interface DayTab {
  key: string;
  date: string;
  venueIds: string[];
  /** Rows when no opening hours say otherwise. */
  fallback: Span;
  ceremony: { nameFr: string } | null;
}

export interface GridSetup {
  event: EventInfo;
  venues: VenueDetail[];
  days: DayTab[];
}

/** The event by slug, its venues and its linked events' venues with their rooms; null when there is no such event. */
export async function loadSetup(slug: string): Promise<GridSetup | null> {
  const found = await api.GET('/api/events', { params: { query: { slug, pageSize: 1 } } });
  const event = found.data?.items[0];
  if (!found.data) throw new Error('events');
  if (!event) return null;
  const linked = await Promise.all(event.linkedEvents.map((l) => api.GET('/api/events/{id}', { params: { path: { id: l.id } } }).then((r) => r.data)));
  const venueIds = [...new Set([...event.venues.map((v) => v.id), ...linked.flatMap((l) => l?.venues.map((v) => v.id) ?? [])])];
  const venues = (await Promise.all(venueIds.map((id) => api.GET('/api/venues/{id}', { params: { path: { id } } }).then((r) => r.data)))).filter(
    (v): v is VenueDetail => Boolean(v),
  );
  const all = venues.map((v) => v.id);
  const days: DayTab[] = datesBetween(event.startDate, event.endDate).map((date) => ({
    key: date,
    date,
    venueIds: all,
    fallback: { start: 8 * 60, end: 19 * 60 },
    ceremony: null,
  }));
  for (const l of linked) {
    if (!l || l.kind !== 'ceremony') continue;
    const date = dateOf(l.startsAt);
    const start = minutesOf(l.startsAt);
    const end = dateOf(l.endsAt) === date ? minutesOf(l.endsAt) : 24 * 60;
    days.push({
      key: `${l.slug}-${date}`,
      date,
      venueIds: l.venues.map((v) => v.id),
      fallback: { start: Math.max(0, start - 60), end: Math.min(24 * 60, end + 60) },
      ceremony: { nameFr: l.nameFr },
    });
  }
  days.sort((a, b) => (a.date === b.date ? Number(Boolean(a.ceremony)) - Number(Boolean(b.ceremony)) : a.date < b.date ? -1 : 1));
  return { event, venues, days };
}

/**
 * The event's sessions, page by page, each page asked with the ETag of its last answer
 * (If-None-Match): `changed` is false when every page answered 304.
 */
export class SessionsSource {
  private pages = new Map<number, { etag: string | null; items: GridSession[] }>();

  constructor(private readonly eventId: string) {}

  async fetch(): Promise<{ changed: boolean; items: GridSession[] }> {
    // the first page gives the total; the others are then asked at once (400 sessions: 4 pages)
    const first = await this.fetchPage(1);
    const pagesFor = (r: { total: number | null }, page: number) =>
      r.total !== null ? Math.ceil(r.total / 100) || 1 : this.pages.get(page)?.items.length === 100 ? page + 1 : page;
    let pageCount = first.total !== null ? pagesFor(first, 1) : Math.max(this.pages.size, pagesFor(first, 1));
    const rest = await Promise.all(Array.from({ length: pageCount - 1 }, (_, i) => this.fetchPage(i + 2)));
    // a page that changed may say there are more (sessions added meanwhile): those are read one by one
    let target = Math.max(pageCount, ...rest.map((r, i) => pagesFor(r, i + 2)));
    for (let page = pageCount + 1; page <= target; page++) {
      const r = await this.fetchPage(page);
      rest.push(r);
      target = Math.max(target, pagesFor(r, page));
    }
    pageCount = target;
    let changed = first.changed || rest.some((r) => r.changed);
    for (const page of [...this.pages.keys()]) {
      if (page <= pageCount) continue;
      this.pages.delete(page);
      changed = true;
    }
    return { changed, items: [...this.pages.values()].flatMap((p) => p.items) };
  }

  /** One page, with the ETag of its last answer; `total` is null when it answered 304. */
  private async fetchPage(page: number): Promise<{ changed: boolean; total: number | null }> {
    const known = this.pages.get(page);
    const headers: Record<string, string> = known?.etag ? { 'If-None-Match': known.etag, 'Cache-Control': 'max-age=0' } : {};
    const res = await api.GET('/api/events/{eventId}/sessions', {
      params: { path: { eventId: this.eventId }, query: { page, pageSize: 100 } },
      headers,
    });
    if (res.response.status === 304 && known) return { changed: false, total: null };
    if (!res.data) throw new Error('sessions');
    this.pages.set(page, { etag: res.response.headers.get('ETag'), items: res.data.items });
    return { changed: true, total: res.data.total };
  }

  /** Forget the ETags: the next fetch reads everything (after one's own change). */
  reset(): void {
    this.pages.clear();
  }
}

/** Accepted and confirmed proposals of the event not placed yet, and those under review (placed only tentatively). */
export async function loadPlaceable(eventId: string): Promise<Proposal[]> {
  const out: Proposal[] = [];
  for (let page = 1; page <= 50; page++) {
    const res = await api.GET('/api/events/{eventId}/submissions', {
      params: { path: { eventId }, query: { state: ['accepted', 'confirmed', 'submitted'], placed: 'false', page, pageSize: 100, sort: 'title' } },
    });
    if (!res.data) throw new Error('submissions');
    out.push(...res.data.items);
    if (out.length >= res.data.total || res.data.items.length === 0) break;
  }
  return out;
}

export async function loadConflicts(eventId: string): Promise<ConflictReport> {
  const res = await api.GET('/api/events/{eventId}/programme/conflicts', { params: { path: { eventId } } });
  if (!res.data) throw new Error('conflicts');
  return res.data;
}

/** The speakers' unavailabilities for the event (organisers' list), as the shading reads them. */
export async function loadUnavailabilities(eventId: string): Promise<Unavailability[]> {
  const out: Unavailability[] = [];
  for (let page = 1; page <= 50; page++) {
    const res = await api.GET('/api/events/{eventId}/unavailabilities', { params: { path: { eventId }, query: { page, pageSize: 100 } } });
    if (!res.data) throw new Error('unavailabilities');
    out.push(...res.data.items.map((u) => ({ userId: u.speaker.userId, name: `${u.speaker.firstName} ${u.speaker.lastName}`, startsAt: u.startsAt, endsAt: u.endsAt })));
    if (out.length >= res.data.total || res.data.items.length === 0) break;
  }
  return out;
}

/** Travel times between venues (both orders, the shorter of walking and transit). */
export async function loadTravel(): Promise<TravelIndex> {
  const rows: Schemas['TravelTimeResponse'][] = [];
  for (let page = 1; page <= 20; page++) {
    const res = await api.GET('/api/venues/travel-times', { params: { query: { page, pageSize: 100 } } });
    if (!res.data) throw new Error('travel times');
    rows.push(...res.data.items);
    if (rows.length >= res.data.total || res.data.items.length === 0) break;
  }
  return travelIndex(rows);
}
