import { createHash } from 'node:crypto';

/**
 * JSON with the keys of every object sorted (arrays keep their order): equal values give equal
 * text, whatever order PostgreSQL's jsonb or the code that built them put the keys in. This is the
 * text a published version is served as, and what its ETag hashes.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as Record<string, unknown>).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * A strong entity tag for a canonical text: the SHA-256 in base64url, quoted as the header wants it
 * (`"3q2-7w…"`, 45 characters, within programme_releases.etag's 64).
 */
export function strongEtag(canonical: string): string {
  return `"${createHash('sha256').update(canonical, 'utf8').digest('base64url')}"`;
}

/**
 * Whether an If-None-Match header matches `etag` (RFC 9110 §13.1.2: weak comparison, so `W/"x"`
 * matches `"x"`): a list of tags separated by commas, or `*`. An absent or malformed header matches nothing.
 */
export function ifNoneMatchMatches(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const text = Array.isArray(header) ? header.join(',') : header;
  if (text.length > 8192) return false;
  if (text.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  for (const part of text.split(',')) {
    const tag = part.trim().replace(/^W\//, '');
    if (tag === opaque) return true;
  }
  return false;
}
