import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { badRequest } from '../common/errors/domain-error.js';

/** An Idempotency-Key header: 1 to 200 printable ASCII characters. */
const KEY = /^[\x20-\x7e]{1,200}$/;

/** The header's value checked (400 when malformed), or null when absent. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !KEY.test(header)) {
    throw badRequest('Idempotency-Key must be 1 to 200 printable characters', { header: 'Idempotency-Key' }, 'VALIDATION_FAILED');
  }
  return header;
}

/** JSON with object keys sorted at every level, so that two equal bodies hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A secret kept in a stored answer (the personal link's token) is sealed with a key derived from the
 * Idempotency-Key, which the database never holds in clear (only its SHA-256): whoever reads the
 * table cannot recover the token, and the client retrying with its key gets it back.
 */
function sealingKey(idempotencyKey: string): Buffer {
  return createHash('sha256').update(`registration-token-seal:${idempotencyKey}`, 'utf8').digest();
}

export function seal(secret: string, idempotencyKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(idempotencyKey), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function unseal(sealed: string, idempotencyKey: string): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(idempotencyKey), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
