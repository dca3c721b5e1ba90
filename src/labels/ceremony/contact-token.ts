import { createHash, randomBytes } from 'node:crypto';

/** A town contact's personal token: 32 random bytes, base64url (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newContactToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token (label_awards.contact_token_hash): its SHA-256, hex. */
export function contactTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A string that could be a token (anything else is answered 404 without a query). */
export function looksLikeContactToken(token: string): boolean {
  return typeof token === 'string' && TOKEN.test(token);
}
