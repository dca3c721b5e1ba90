import type { RouteObject } from 'react-router';

/** The researchers' proposal pages, each loaded only when first opened (its own chunk). */
export const proposalRoutes: RouteObject[] = [
  { path: 'proposals', lazy: async () => ({ Component: (await import('./ProposalsPage')).ProposalsPage }) },
  { path: 'proposals/:id', lazy: async () => ({ Component: (await import('./ProposalPage')).ProposalPage }) },
  { path: 'proposals/:id/invitation', lazy: async () => ({ Component: (await import('./InvitationPage')).InvitationPage }) },
];
