import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';

interface FieldError {
  field: string;
  errors: string[];
}

/** Flattens class-validator errors into `[{ field: 'rooms[0].capacity', errors: [...] }]`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      out.push({ field, errors: Object.values(error.constraints).map((m) => (m.length > 300 ? `${m.slice(0, 300)}…` : m)) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** The global pipe: unknown fields are refused, types converted, and failures use the error body. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new DomainError(400, 'VALIDATION_FAILED', 'The request is not valid', { errors: flattenValidationErrors(errors) }),
  });
}
