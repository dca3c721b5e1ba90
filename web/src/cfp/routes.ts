import type { RouteObject } from 'react-router';
import { loadCallPage } from './load';

/**
 * The call for papers of an event, with the proposal form: its data load as the navigation starts
 * (loader, in the entry chunk) while the page's own chunk loads (lazy).
 */
export const cfpRoutes: RouteObject[] = [
  { path: 'events/:slug/cfp', loader: ({ params }) => loadCallPage(params.slug ?? ''), lazy: async () => ({ Component: (await import('./CfpPage')).CfpPage }) },
];
