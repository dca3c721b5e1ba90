import type { RouteObject } from 'react-router';

/** The call for papers of an event, with the proposal form (its own chunk, loaded when opened). */
export const cfpRoutes: RouteObject[] = [{ path: 'events/:slug/cfp', lazy: async () => ({ Component: (await import('./CfpPage')).CfpPage }) }];
