import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PersonName } from '../../common/validation/person-name.js';
import { SingleLine, TrimToNull } from '../../common/validation/text.js';
import { ASSIGNABLE_CATEGORIES, type AssignableCategory } from '../../participants/participant-fields.js';

/** Someone who turns up without a registration, registered at the desk. */
export class WalkInDto {
  @ApiProperty({ example: 'Hélène', maxLength: 200 })
  @PersonName()
  firstName!: string;

  @ApiProperty({ example: 'Dupré', maxLength: 200 })
  @PersonName()
  lastName!: string;

  @ApiPropertyOptional({
    example: 'helene.dupre@example.org',
    maxLength: 254,
    nullable: true,
    type: String,
    description: 'Optional (absent, null or blank: none; a walk-in without one is never mailed). When given: unique in the event (409 EMAIL_TAKEN), stored lower-cased',
  })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email?: string | null;

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
