/**
 * The app's pages, by path under /app/. Each feature folder exports its own route list (with the
 * roles that may see them, through RequireAuth) and is added here, lazily loaded where it is big.
 */
import type { RouteObject } from 'react-router';
import { LoginPage } from '../auth/LoginPage';
import { cfpRoutes } from '../cfp/routes';
import { HomePage } from '../home/HomePage';
import { proposalRoutes } from '../proposals/routes';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

/** Feature routes, each `{ path, element }` relative to /app/. */
export const featureRoutes: RouteObject[] = [
  ...cfpRoutes,
  ...proposalRoutes,
];

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      ...featureRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
