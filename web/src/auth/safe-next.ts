/**
 * Where to go after login, from `?next=/app/…`: only a path inside the app (never another site),
 * returned relative to the app's base (`/app/me` → `/me`) for the router; else the app's home.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/app/') || next.startsWith('//') || next.includes('\\')) return '/';
  const inside = next.slice('/app'.length);
  if (inside.startsWith('//') || inside.startsWith('/login')) return '/';
  return inside;
}
