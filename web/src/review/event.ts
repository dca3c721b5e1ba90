import { api, type Schemas } from '../api/client';

export type EventResponse = Schemas['EventResponse'];

/** The event of a `/events/:slug/…` page, 'no-event' when no event has that slug. */
export async function eventBySlug(slug: string): Promise<EventResponse | 'no-event' | 'failed'> {
  try {
    const { data } = await api.GET('/api/events', { params: { query: { slug, pageSize: 1 } } });
    if (!data) return 'failed';
    return data.items.find((e) => e.slug === slug) ?? 'no-event';
  } catch {
    return 'failed';
  }
}

export const nameOf = (x: { nameFr: string; nameEn?: string | null }, language: 'fr' | 'en') => (language === 'en' && x.nameEn ? x.nameEn : x.nameFr);

export const titleOf = (x: { titleFr: string | null; titleEn: string | null }, language: 'fr' | 'en') =>
  language === 'en' ? (x.titleEn ?? x.titleFr) : (x.titleFr ?? x.titleEn);
