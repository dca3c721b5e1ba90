import type { RouteObject } from 'react-router';

/**
 * The organisers' pages: /app/events and each event's hub, and /app/settings/… (events, venues,
 * organisations and their roles, the call for papers, accounts). Each file is its own chunk, loaded
 * when one of its pages is opened; the pages check the organiser role (RequireAuth).
 */
export const settingsRoutes: RouteObject[] = [
  { path: 'events', lazy: async () => ({ Component: (await import('./EventsPages')).EventsListPage }) },
  { path: 'events/:slug', lazy: async () => ({ Component: (await import('./EventsPages')).EventHubPage }) },
  { path: 'settings', lazy: async () => ({ Component: (await import('./AccountsPage')).SettingsHomePage }) },
  { path: 'settings/accounts', lazy: async () => ({ Component: (await import('./AccountsPage')).AccountsPage }) },
  { path: 'settings/events', lazy: async () => ({ Component: (await import('./EventsPages')).EventSettingsListPage }) },
  { path: 'settings/events/:slug', lazy: async () => ({ Component: (await import('./EventsPages')).EventSettingsPage }) },
  { path: 'settings/events/:slug/cfp', lazy: async () => ({ Component: (await import('./CfpSettingsPage')).CfpSettingsPage }) },
  { path: 'settings/events/:slug/organisations', lazy: async () => ({ Component: (await import('./OrganisationsPages')).EventOrganisationsPage }) },
  { path: 'settings/venues', lazy: async () => ({ Component: (await import('./VenuesPages')).VenuesPage }) },
  { path: 'settings/venues/:id', lazy: async () => ({ Component: (await import('./VenuesPages')).VenuePage }) },
  { path: 'settings/organisations', lazy: async () => ({ Component: (await import('./OrganisationsPages')).OrganisationsPage }) },
  { path: 'settings/organisations/:id', lazy: async () => ({ Component: (await import('./OrganisationsPages')).OrganisationPage }) },
];
