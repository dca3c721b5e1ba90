import { QueryFailedError } from 'typeorm';
import type { PgErrorLike } from '../common/errors/postgres-error.js';

/**
 * SQLSTATEs of a delete refused because other rows still point at the row: foreign_key_violation
 * (NO ACTION) and restrict_violation (ON DELETE RESTRICT, which PostgreSQL reports as 23001).
 */
export const STILL_REFERENCED = ['23503', '23001'];

/** True when `error` is PostgreSQL refusing a write with one of `sqlstates` (on `constraint`, when given). */
export function isViolation(error: unknown, sqlstates: string | readonly string[], constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const pg = error.driverError as PgErrorLike;
  const codes = typeof sqlstates === 'string' ? [sqlstates] : sqlstates;
  return codes.includes(pg.code ?? '') && (constraint === undefined || pg.constraint === constraint);
}
