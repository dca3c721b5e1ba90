import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isValidTimeZone } from '../time/zoned-time.js';

/** An IANA time zone the runtime knows (Europe/Paris, America/Montreal). */
export function IsTimeZone(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidTimeZone(value),
        defaultMessage: () => '$property must be an IANA time zone such as Europe/Paris',
      },
    },
    options,
  );
}
