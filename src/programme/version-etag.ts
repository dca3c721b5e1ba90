import type { Response } from 'express';
import { DomainError } from '../common/errors/domain-error.js';

/** The strong entity tag of a session's or talk's version: `"7"`. */
export function versionEtag(version: number): string {
  return `"${version}"`;
}

/**
 * Whether an If-Match header lets a change of the row at `version` go on (RFC 9110 §13.1.1): absent
 * (no precondition), `*`, or a comma-separated list holding the row's tag. The comparison is strong,
 * so a weak tag (`W/"7"`) never matches; anything else (a stale or malformed tag) does not match.
 */
export function ifMatchAllows(header: string | undefined, version: number): boolean {
  if (header === undefined) return true;
  const text = header.trim();
  if (text === '*') return true;
  if (text.length > 1024) return false;
  const tag = versionEtag(version);
  return text.split(',').some((part) => part.trim() === tag);
}

/**
 * 412 PRECONDITION_FAILED: the row changed since the caller read it. The body's details carry the
 * current state (`current`) and its version; the ETag header the current tag, so the caller can show
 * the other change and redo theirs.
 */
export function staleVersion(what: 'session' | 'talk', current: { version: number }): DomainError {
  return new DomainError(
    412,
    'PRECONDITION_FAILED',
    `The ${what} was changed by someone else since you read it (now version ${current.version}); look at the current state and redo your change`,
    { version: current.version, current },
    { ETag: versionEtag(current.version) },
  );
}

/** Sets the ETag of a versioned answer, not to be cached without asking again. */
export function setVersionEtag(res: Response, version: number): void {
  res.setHeader('ETag', versionEtag(version));
  res.setHeader('Cache-Control', 'private, no-cache');
}
