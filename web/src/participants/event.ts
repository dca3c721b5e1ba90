/**
 * The event a page under /app/events/:slug/… is about, found by its slug (organisers see every
 * event, published or not).
 */
import { useEffect, useState } from 'react';
import { api, type Schemas } from '../api/client';

export type EventResponse = Schemas['EventResponse'];
export type EventState = { state: 'loading' } | { state: 'failed' } | { state: 'no-event' } | { state: 'ready'; event: EventResponse };

export function useEventBySlug(slug: string): EventState {
  const [state, setState] = useState<EventState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ state: 'loading' });
    api
      .GET('/api/events', { params: { query: { slug, pageSize: 1 } } })
      .then(({ data }) => {
        if (!live) return;
        if (!data) return setState({ state: 'failed' });
        const event = data.items.find((e) => e.slug === slug);
        setState(event ? { state: 'ready', event } : { state: 'no-event' });
      })
      .catch(() => live && setState({ state: 'failed' }));
    return () => {
      live = false;
    };
  }, [slug]);
  return state;
}

export function eventName(event: EventResponse, language: 'fr' | 'en'): string {
  return language === 'en' && event.nameEn ? event.nameEn : event.nameFr;
}

/** Saves a blob as a file (a download through a blob: URL, revoked at once after). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
