import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Trims surrounding white space from a string (other values are left for the validators to refuse). */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Trims a string, and reads an empty one as null (no value). */
export const TrimToNull = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value));

/** One line of text: no control characters (PostgreSQL refuses NUL, and none belongs in a name). */
export const SingleLine = () =>
  Matches(/^[^\u0000-\u001f\u007f]*$/, { message: '$property must be one line of text without control characters' });

/** Free text: line breaks and tabs allowed, other control characters (NUL among them) refused. */
export const PlainText = () =>
  Matches(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, { message: '$property must not contain control characters' });

/** A required line of text, trimmed, not blank, at most `max` characters. */
export function RequiredText(max: number) {
  return applyDecorators(Trim(), IsString(), IsNotEmpty(), MaxLength(max), SingleLine());
}

/** An optional text (null clears it), trimmed, at most `max` characters, line breaks allowed. */
export function OptionalText(max: number) {
  return applyDecorators(Trim(), IsOptional(), IsString(), MaxLength(max), PlainText());
}
