import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';
import { MAX_ERROR_DETAILS, shorten } from '../errors/error-details.js';
import { nullFieldErrors } from '../validation/null-fields.js';

interface FieldError {
  field: string;
  errors: string[];
}

/**
 * Flattens class-validator errors into `[{ field: 'rooms[0].capacity', errors: [...] }]`, in order,
 * without recursion: the first `limit` entries, and how many there are in all.
 */
export function flattenValidationErrors(errors: ValidationError[], limit = MAX_ERROR_DETAILS): { errors: FieldError[]; count: number } {
  const out: FieldError[] = [];
  let count = 0;
  const stack: { error: ValidationError; prefix: string }[] = errors.map((error) => ({ error, prefix: '' })).reverse();
  while (stack.length) {
    const { error, prefix } = stack.pop() as { error: ValidationError; prefix: string };
    const field = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      count++;
      if (out.length < limit) out.push({ field: shorten(field), errors: Object.values(error.constraints).map((m) => shorten(m)) });
    }
    const children = error.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ error: children[i], prefix: field });
  }
  return { errors: out, count };
}

/** The details of a validation failure: at most MAX_ERROR_DETAILS fields, and `errorCount` when there were more. */
export function validationDetails(errors: ValidationError[]): { errors: FieldError[]; errorCount?: number } {
  const flat = flattenValidationErrors(errors);
  return flat.count > flat.errors.length ? { errors: flat.errors, errorCount: flat.count } : { errors: flat.errors };
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
      new DomainError(400, 'VALIDATION_FAILED', 'The request is not valid', validationDetails(errors)),
  });
}
