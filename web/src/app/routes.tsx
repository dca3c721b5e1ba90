/**
 * The app's pages, by path under /app/. Each feature folder exports its own route list (with the
 * roles that may see them, through RequireAuth) and is added here, lazily loaded where it is big.
 */
import type { RouteObject } from 'react-router';
import { AccountPage } from '../auth/AccountPage';
import { ForgotPasswordPage } from '../auth/ForgotPasswordPage';
import { LoginPage } from '../auth/LoginPage';
import { RequireAuth } from '../auth/RequireAuth';
import { ResetPasswordPage } from '../auth/ResetPasswordPage';
import { badgeRoutes } from '../badges/routes';
import { cfpRoutes } from '../cfp/routes';
import { HomePage } from '../home/HomePage';
import { labelRoutes } from '../labels/routes';
import { proposalRoutes } from '../proposals/routes';
import { reviewRoutes } from '../review/routes';
import { programmeGridRoutes } from '../programme-grid/routes';
import { todayRoutes } from '../today/routes';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { settingsRoutes } from '../settings/routes';
import { participantRoutes } from '../participants/routes';
import { speakerRoutes } from '../speakers/routes';

/** Feature routes, each `{ path, element }` relative to /app/. */
export const featureRoutes: RouteObject[] = [
  ...speakerRoutes,
  ...cfpRoutes,
  ...proposalRoutes,
  ...reviewRoutes,
  ...programmeGridRoutes,
  ...settingsRoutes,
  ...participantRoutes,
  ...badgeRoutes,
  ...labelRoutes,
  ...todayRoutes,
];

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'account', element: <RequireAuth><AccountPage /></RequireAuth> },
      ...featureRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
