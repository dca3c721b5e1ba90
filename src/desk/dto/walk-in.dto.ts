import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SingleLine, Trim, TrimToNull } from '../../common/validation/text.js';
import { ASSIGNABLE_CATEGORIES, type AssignableCategory } from '../../participants/participant-fields.js';
import { normaliseName } from '../../speakers/person-name.js';

function PersonName() {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normaliseName(value) : value)),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
    SingleLine(),
  );
}

/** Someone who turns up without a registration, registered at the desk. */
export class WalkInDto {
  @ApiProperty({ example: 'Hélène', maxLength: 200 })
  @PersonName()
  firstName!: string;

  @ApiProperty({ example: 'Dupré', maxLength: 200 })
  @PersonName()
  lastName!: string;

  @ApiProperty({ example: 'helene.dupre@example.org', maxLength: 254, description: 'Unique in the event (409 EMAIL_TAKEN), stored lower-cased' })
  @Trim()
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;

  @ApiPropertyOptional({ example: 'Mairie d’Issy-les-Moulineaux', maxLength: 300, nullable: true, type: String })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @SingleLine()
  affiliation?: string | null;

  @ApiProperty({ enum: ASSIGNABLE_CATEGORIES, example: 'city-representative', description: 'The badge’s category (not speaker or chair, which the programme gives)' })
  @IsIn(ASSIGNABLE_CATEGORIES)
  category!: AssignableCategory;
}
