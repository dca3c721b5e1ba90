/**
 * The researchers' pages, loaded on demand (React.lazy) so that the first page stays small:
 * /app/signup for anyone, /app/me for signed-in speakers.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { useT } from '../i18n/i18n';
import { appMessages } from '../app/messages';

const SignupPage = lazy(() => import('./SignupPage'));
const MePage = lazy(() => import('./MePage'));

function Loading() {
  const t = useT(appMessages);
  return (
    <main id="main">
      <p role="status">{t('loading')}</p>
    </main>
  );
}

const later = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

export const speakerRoutes: RouteObject[] = [
  { path: 'signup', element: later(<SignupPage />) },
  { path: 'me', element: later(<MePage />) },
];
