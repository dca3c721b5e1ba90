import { DomainError } from '../../common/errors/domain-error.js';

/**
 * Reads a version number from a path segment, as typed: decimal digits only (no sign, exponent,
 * hex, fraction or spaces), else 400. A number that names no version (0, too large) is left to
 * the service, which answers 404. (A Nest pipe would see the segment already converted to a
 * number by the global ValidationPipe, which reads "1e3" as 1000.)
 */
export function parseVersionNumber(segment: string): number {
  if (typeof segment !== 'string' || !/^[0-9]{1,20}$/.test(segment)) {
    throw new DomainError(400, 'VALIDATION_FAILED', 'The version must be a whole number (1, 2, 3…)', {
      errors: [{ field: 'n', errors: ['n must be a whole number'] }],
    });
  }
  return Number(segment);
}
