import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SingleLine, Trim, TrimToNull } from '../../../common/validation/text.js';

/** A name as typed (any script), NFC, trimmed, one line, at most 200 characters. */
function DelegateName() {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim().replace(/ {2,}/g, ' ') : value)),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
    SingleLine(),
  );
}

/** A delegate of a labelled town: the person; the town, category and ceremony seat come from the label. */
export class RegisterDelegateDto {
  @ApiProperty({ example: 'claire.martin@mairie-exemple.fr', maxLength: 254, description: 'Unique in the ceremony’s event; compared and stored lower-cased' })
  @Trim()
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;

  @ApiProperty({ example: 'Claire', maxLength: 200 })
  @DelegateName()
  firstName!: string;

  @ApiProperty({ example: 'Martin', maxLength: 200 })
  @DelegateName()
  lastName!: string;

  @ApiPropertyOptional({ example: 'Adjointe au maire chargée du numérique', maxLength: 300, nullable: true, type: String })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @SingleLine()
  affiliation?: string | null;

  @ApiPropertyOptional({ enum: ['fr', 'en'], description: 'Language of the confirmation mail. Default: fr' })
  @IsOptional()
  @IsIn(['fr', 'en'])
  language?: 'fr' | 'en';
}
