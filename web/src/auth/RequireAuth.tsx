import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { hasRole, sessionEndReason, type Role } from './session';
import { useSession } from './use-session';

/**
 * Pages for signed-in people: without a session, to the login page with the wanted page kept in
 * `?next=` (and `expired=1` when a session has just ended). With the wrong role, a plain refusal;
 * the server refuses the calls anyway.
 */
export function RequireAuth({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = `/app${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}${sessionEndReason() === 'expired' ? '&expired=1' : ''}`} replace />;
  }
  if (roles && !hasRole(session, ...roles)) return <Navigate to="/" replace />;
  return <>{children}</>;
}
