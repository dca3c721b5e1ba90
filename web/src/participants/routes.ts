import type { RouteObject } from 'react-router';

/** The organisers' participants pages, each loaded only when first opened (its own chunk). */
export const participantRoutes: RouteObject[] = [
  { path: 'events/:slug/participants', lazy: async () => ({ Component: (await import('./ParticipantsPage')).ParticipantsPage }) },
  { path: 'events/:slug/participants/import', lazy: async () => ({ Component: (await import('./ImportPage')).ImportPage }) },
];
