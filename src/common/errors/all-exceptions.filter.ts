import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error.js';
import { BODY_LIMITS } from '../http/json-depth.js';
import { requestIdFor } from '../http/request-id.js';
import { CODE_BY_STATUS, type ErrorBody } from './error-body.js';
import { capErrorList } from './error-details.js';
import { domainErrorFromPostgres, type PgErrorLike } from './postgres-error.js';

/** Errors raised by body-parser and multer before a route runs carry a status and a type. */
interface MiddlewareError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
}

/**
 * Set by Nest's router on a request whose pipes refused it (a registered symbol, read without
 * importing Nest's internals): ParseUUIDPipe, ParseIntPipe, ParseEnumPipe… all throw a plain 400.
 */
const REJECTED_BY_PIPES = Symbol.for('nestjs:rejected-by-pipes');

/** Turns every failure into the one error body; unexpected ones are logged and hidden. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    // Errors raised before the logger middleware ran (body parsing) have no id yet: make one.
    const requestId = String(request.id ?? response.getHeader('x-request-id') ?? (response.headersSent ? '' : requestIdFor(request, response)));
    const fromPipes = (request as unknown as Record<symbol, unknown>)[REJECTED_BY_PIPES] === true;
    const body = this.toBody(exception, requestId, { fromPipes });
    if (body.statusCode >= 500 && body.statusCode !== 503) {
      this.logger.error({ err: exception, requestId }, 'unexpected error');
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    if (exception instanceof DomainError && exception.headers) response.set(exception.headers);
    response.status(body.statusCode).json(body);
  }

  /** `fromPipes`: the route's pipes refused the request, so a 400 is a validation failure. */
  toBody(exception: unknown, requestId: string, { fromPipes = false } = {}): ErrorBody {
    if (exception instanceof DomainError) {
      return this.body(exception.status, exception.code, exception.message, requestId, exception.details);
    }
    if (exception instanceof QueryFailedError) {
      const mapped = domainErrorFromPostgres(exception.driverError as PgErrorLike);
      if (mapped) return this.body(mapped.status, mapped.code, mapped.message, requestId, mapped.details);
      return this.internal(requestId);
    }
    if (exception instanceof HttpException) {
      // a domain error thrown by middleware (body-parser's verify) comes wrapped: it keeps its code
      if (exception.cause instanceof DomainError) return this.toBody(exception.cause, requestId);
      const fromMiddleware = this.fromMiddleware(exception.cause, requestId);
      if (fromMiddleware) return fromMiddleware;
      const status = exception.getStatus();
      const payload = exception.getResponse();
      let message = exception.message;
      let details: unknown;
      let code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
      if (typeof payload === 'object' && payload !== null) {
        const p = payload as { message?: unknown; code?: unknown; details?: unknown };
        if (Array.isArray(p.message)) {
          message = 'The request is not valid';
          details = { errors: p.message };
        } else if (typeof p.message === 'string') {
          message = p.message;
        }
        if (typeof p.code === 'string') code = p.code;
        if (p.details !== undefined) details = p.details;
      }
      if (fromPipes && status === 400) code = 'VALIDATION_FAILED';
      if (status === 404 && message.startsWith('Cannot ')) message = 'No such route';
      if (status >= 500 && status !== 503) return this.internal(requestId);
      return this.body(status, code, message, requestId, details);
    }
    return this.fromMiddleware(exception, requestId) ?? this.internal(requestId);
  }

  /** body-parser / Express errors (malformed JSON, body too large, bad encoding, bad URL). */
  private fromMiddleware(error: unknown, requestId: string): ErrorBody | null {
    const mw = error as MiddlewareError | null;
    if (error instanceof URIError) return this.body(400, 'BAD_REQUEST', 'The URL is not correctly encoded', requestId);
    const status = mw?.status ?? mw?.statusCode;
    if (typeof status !== 'number' || status < 400 || status >= 500) return null;
    if (mw?.type === 'entity.parse.failed' || error instanceof SyntaxError) {
      return this.body(400, 'MALFORMED_JSON', 'The request body is not valid JSON', requestId);
    }
    if (mw?.type === 'parameters.too.many') {
      return this.body(413, 'PAYLOAD_TOO_LARGE', `The form holds more fields than the ${BODY_LIMITS.keysPerObject.toLocaleString('en-GB')} accepted`, requestId);
    }
    if (mw?.type === 'entity.too.large' || status === 413) {
      return this.body(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than the 1 MB allowed', requestId);
    }
    if (mw?.type === 'encoding.unsupported' || mw?.type === 'charset.unsupported') {
      return this.body(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding or charset', requestId);
    }
    return this.body(status, CODE_BY_STATUS[status] ?? 'BAD_REQUEST', 'The request could not be read', requestId);
  }

  private internal(requestId: string): ErrorBody {
    return this.body(500, 'INTERNAL_ERROR', 'An unexpected error occurred; quote the request id when reporting it', requestId);
  }

  /** The body, with at most MAX_ERROR_DETAILS entries in `details.errors`, whatever raised it. */
  private body(statusCode: number, error: string, message: string, requestId: string, rawDetails?: unknown): ErrorBody {
    const details = capErrorList(rawDetails);
    return details === undefined ? { statusCode, error, message, requestId } : { statusCode, error, message, details, requestId };
  }
}
