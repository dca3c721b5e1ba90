import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A required line of text, trimmed, not blank, at most `max` characters. */
export function RequiredText(max: number) {
  return applyDecorators(trim, IsString(), IsNotEmpty(), MaxLength(max));
}

/** An optional text (null clears it), trimmed, at most `max` characters. */
export function OptionalText(max: number) {
  return applyDecorators(trim, IsOptional(), IsString(), MaxLength(max));
}
