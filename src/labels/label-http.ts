/**
 * Caching of the labels' responses, so that no cache and no ETag can carry a level past the
 * embargo: the ETag is a hash of the view (embargoed, levels, organiser) and of the body, so the
 * embargoed and revealed views never share one and the tag says nothing a hash would not;
 * `Vary: Authorization`; an organiser's view is `private, no-store`; public views `no-cache` (a
 * cache revalidates each time, so the reveal shows at once). Express answers 304 when
 * If-None-Match matches.
 */
import { createHash } from 'node:crypto';
import type { Response } from 'express';

export function setLabelCaching(res: Response, view: string, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const hash = createHash('sha256').update(view).update('\u0000').update(text).digest('base64url').slice(0, 32);
  res.setHeader('ETag', `"${hash}"`);
  res.setHeader('Vary', 'Authorization');
  res.setHeader('Cache-Control', view === 'organiser' ? 'private, no-store' : 'no-cache');
}
