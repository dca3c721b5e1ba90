import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SingleLine } from './text.js';

/**
 * Names are kept as people type them: any script, accents, apostrophes (’ or '), hyphens. Only
 * what cannot matter to a reader is normalised: Unicode composed form (NFC, so that "é" typed as
 * e + combining accent and "é" typed as one character are the same name), surrounding white
 * space, and runs of spaces inside the name.
 */
export function normaliseName(input: string): string {
  return input.normalize('NFC').trim().replace(/ {2,}/g, ' ');
}

/**
 * A first or last name in a request body: as typed (any script), NFC, trimmed, inner runs of spaces
 * collapsed (normaliseName), one line, not blank, at most 200 characters. The one decorator every DTO
 * that names a person uses (speakers' profiles, participants, self-registration and its personal
 * link, the desk's walk-ins), so a name typed twice, decomposed or not, is stored once the same.
 */
export function PersonName() {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normaliseName(value) : value)),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
    SingleLine(),
  );
}
