import { QueryFailedError } from 'typeorm';
import type { PgErrorLike } from '../common/errors/postgres-error.js';

/**
 * The name of the PostgreSQL constraint a failed write broke, or null. Services check their
 * rules first and use this as the backstop for a race, so both paths give the same answer.
 */
export function violatedConstraint(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  return (error.driverError as PgErrorLike | undefined)?.constraint ?? null;
}
