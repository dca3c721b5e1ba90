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
 * unique 23505 → 409, foreign key 23503 → 409, check 23514 / not null 23502 → 422,
 * exclusion 23P01 → 409, invalid text (bad uuid, enum) 22P02 / out of range 22003 / too long 22001 → 400.
 * Returns null for anything else, which stays a 500.
 */
export function domainErrorFromPostgres(error: PgErrorLike): DomainError | null {
  const details = error.constraint ? { constraint: error.constraint } : undefined;
  switch (error.code) {
    case '23505':
      return new DomainError(409, 'CONFLICT', 'This would duplicate an existing record', details);
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
    case '22003':
    case '22001':
    case '22007':
    case '22008':
      return new DomainError(400, 'BAD_REQUEST', 'A value has the wrong format or is out of range');
    default:
      return null;
  }
}
