import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';
import { nullFieldErrors } from '../validation/null-fields.js';

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

/** The global ValidationPipe, which first refuses nulls the body's DTO does not document as nullable. */
class BodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype) {
      const nulls = nullFieldErrors(metadata.metatype, value);
      if (nulls.length) throw this.exceptionFactory(nulls);
    }
    return super.transform(value, metadata);
  }
}

/** The global pipe: unknown fields are refused, undocumented nulls too, types converted, and failures use the error body. */
export function createValidationPipe(): ValidationPipe {
  return new BodyValidationPipe({
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
