import type { RouteObject } from 'react-router';

/** The organisers' badges page (templates, preview, print jobs and their log), its own chunk. */
export const badgeRoutes: RouteObject[] = [{ path: 'events/:slug/badges', lazy: async () => ({ Component: (await import('./BadgesPage')).BadgesPage }) }];
