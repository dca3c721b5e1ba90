/**
 * A failure the client should understand: a stable upper-case code, an HTTP status,
 * a human message, and optional details. The global filter turns it into the error body and
 * sends the optional headers with it (a 429's Retry-After).
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, details?: Record<string, unknown>) =>
  new DomainError(404, 'NOT_FOUND', `${what} not found`, details);

export const conflict = (message: string, details?: Record<string, unknown>, code = 'CONFLICT') =>
  new DomainError(409, code, message, details);

export const validationFailed = (message: string, details?: Record<string, unknown>) =>
  new DomainError(422, 'VALIDATION_FAILED', message, details);

export const badRequest = (message: string, details?: Record<string, unknown>, code = 'BAD_REQUEST') =>
  new DomainError(400, code, message, details);
