import type { RouteObject } from 'react-router';

/** The day's dashboard (organisers and reception), in its own chunk. */
export const todayRoutes: RouteObject[] = [{ path: 'events/:slug/today', lazy: async () => ({ Component: (await import('./TodayPage')).TodayPage }) }];
