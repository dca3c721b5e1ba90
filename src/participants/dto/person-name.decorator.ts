import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SingleLine } from '../../common/validation/text.js';
import { normaliseName } from '../../speakers/person-name.js';

/**
 * A first or last name, as the speakers' profiles take it (speakers/person-name.ts): as typed (any
 * script), NFC, trimmed, inner runs of spaces collapsed, one line, at most 200 characters. Every
 * participant DTO (organisers' fields, self-registration, the personal link) names people this way,
 * so a name typed twice, decomposed or not, is stored once the same.
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
