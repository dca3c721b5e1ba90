import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error.js';

/** The fields of a PostgreSQL error that `pg` exposes (through TypeORM's QueryFailedError). */
export interface PgErrorLike {
  code?: string;
  constraint?: string;
  detail?: string;
  table?: string;
}

/**
 * Maps the SQLSTATEs of the invariants PostgreSQL keeps to client errors:
 * unique 23505 → 409, foreign key 23503 and restrict 23001 → 409, check 23514 / not null 23502 → 422,
 * exclusion 23P01 → 409, invalid text (bad uuid) 22P02, a NUL or untranslatable character 22021/22P05, out of range 22003,
 * too long 22001, bad date/time 22007/22008 → 400.
 * Returns null for anything else, which stays a 500.
 */
export function domainErrorFromPostgres(error: PgErrorLike): DomainError | null {
  const details = error.constraint ? { constraint: error.constraint } : undefined;
  switch (error.code) {
    case '23505':
      return new DomainError(409, 'CONFLICT', 'This would duplicate an existing record', details);
    case '23001':
      return new DomainError(409, 'CONFLICT', 'This record is still in use by other records', details);
    case '23503':
      return error.detail?.includes('is still referenced')
        ? new DomainError(409, 'CONFLICT', 'This record is still in use by other records', details)
        : new DomainError(409, 'CONFLICT', 'This refers to a record that does not exist', details);
    case '23514':
      return new DomainError(422, 'VALIDATION_FAILED', 'This breaks a rule of the data', details);
    case '23502':
      return new DomainError(422, 'VALIDATION_FAILED', 'A required value is missing', details);
    case '23P01':
      return new DomainError(409, 'CONFLICT', 'This overlaps an existing record', details);
    case '22P02':
    case '22021':
    case '22P05':
    case '22003':
    case '22001':
    case '22007':
    case '22008':
      return new DomainError(400, 'BAD_REQUEST', 'A value has the wrong format or is out of range');
    default:
      return null;
  }
}

/**
 * SQLSTATEs of a delete refused because other rows still point at the row: foreign_key_violation
 * (NO ACTION) and restrict_violation (ON DELETE RESTRICT, which PostgreSQL may report as 23001).
 */
export const STILL_REFERENCED = ['23503', '23001'] as const;

/** True when `error` is PostgreSQL refusing a write with one of `sqlstates` (on `constraint`, when given). */
export function isViolation(error: unknown, sqlstates: string | readonly string[], constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const pg = error.driverError as PgErrorLike;
  const codes = typeof sqlstates === 'string' ? [sqlstates] : sqlstates;
  return codes.includes(pg.code ?? '') && (constraint === undefined || pg.constraint === constraint);
}

/** The name of the PostgreSQL constraint a failed write broke, or null. */
export function violatedConstraint(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  return (error.driverError as PgErrorLike | undefined)?.constraint ?? null;
}
