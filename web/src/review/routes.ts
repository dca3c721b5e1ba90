import type { RouteObject } from 'react-router';

/** The organisers' review pages, each its own chunk, loaded when first opened. */
export const reviewRoutes: RouteObject[] = [
  { path: 'review', lazy: async () => ({ Component: (await import('./ReviewEventsPage')).ReviewEventsPage }) },
  { path: 'events/:slug/proposals', lazy: async () => ({ Component: (await import('./ReviewListPage')).ReviewListPage }) },
  { path: 'events/:slug/proposals/:id', lazy: async () => ({ Component: (await import('./ReviewProposalPage')).ReviewProposalPage }) },
];
