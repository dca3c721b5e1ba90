import type { RouteObject } from 'react-router';

/** The organisers' programme grid, in its own chunk (loaded only when opened). */
export const programmeGridRoutes: RouteObject[] = [
  { path: 'events/:slug/programme', lazy: async () => ({ Component: (await import('./ProgrammeGridPage')).ProgrammeGridPage }) },
];
