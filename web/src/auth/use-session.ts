import { useEffect, useState } from 'react';
import { onSessionChange, readSession, type Session } from './session';

/** The current session, re-rendering when it starts or ends (login, logout, a 401 from the API). */
export function useSession(): Session | null {
  const [session, setSession] = useState<Session | null>(readSession);
  useEffect(() => onSessionChange(setSession), []);
  return session;
}
