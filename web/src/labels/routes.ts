import type { RouteObject } from 'react-router';

/** The Label Ville Internet pages (organisers), each in its own chunk. */
export const labelRoutes: RouteObject[] = [
  { path: 'labels', lazy: async () => ({ Component: (await import('./LabelYearsPage')).LabelYearsPage }) },
  { path: 'labels/:year', lazy: async () => ({ Component: (await import('./LabelsPage')).LabelsPage }) },
];
