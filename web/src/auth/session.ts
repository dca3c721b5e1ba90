/**
 * The signed-in session: the API's access token and who it belongs to, kept in sessionStorage (gone
 * when the tab closes, never in localStorage). The server stays the judge of every right; roles here
 * only decide which menus are shown.
 */
import type { components } from '../api/schema';

export type SignedInUser = components['schemas']['SignedInUser'];
export type Role = SignedInUser['roles'][number];

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: SignedInUser;
}

const KEY = 'colloquium.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

export function readSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (!session.accessToken || Date.parse(session.expiresAt) <= Date.now()) {
      sessionStorage.removeItem(KEY);
      endReason = 'expired';
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

/** Why the last session ended: 'expired' when the API refused its token (expired or revoked). */
let endReason: 'expired' | 'logout' | null = null;

export function sessionEndReason(): 'expired' | 'logout' | null {
  return endReason;
}

export function writeSession(session: Session | null, reason: 'expired' | 'logout' = 'logout'): void {
  endReason = session ? null : reason;
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage refused: the session lasts as long as the page
  }
  for (const listener of listeners) listener(session);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasRole(session: Session | null, ...roles: Role[]): boolean {
  return !!session && session.user.roles.some((r) => roles.includes(r));
}
