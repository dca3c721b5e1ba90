import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalText, SingleLine, Trim } from '../../common/validation/text.js';
import { PersonName } from '../../common/validation/person-name.js';

/** The categories a person may choose when registering themselves (never organiser, staff, speaker or chair). */
export const SELF_CATEGORIES = ['researcher', 'press', 'city-representative', 'sponsor-representative', 'guest'] as const;
export type SelfCategory = (typeof SELF_CATEGORIES)[number];

export const PART_REF = /^[a-z0-9-]{1,40}$/;
export const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The fields a person gives about themselves, on registering or changing their registration. */
export class RegistrationFieldsDto {
  @ApiPropertyOptional({ example: 'CNRS, LAVUE', maxLength: 300, nullable: true, type: String })
  @OptionalText(300)
  @SingleLine()
  affiliation?: string | null;

  @ApiPropertyOptional({ example: 'Issy-les-Moulineaux', maxLength: 200, nullable: true, type: String, description: 'City representatives: their town' })
  @OptionalText(200)
  @SingleLine()
  town?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['2012-02-06'], description: 'The local dates attended, within the event' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(31)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(DAY, { each: true, message: 'days must be dates YYYY-MM-DD' })
  days?: string[];

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, type: String, description: 'Seen by organisers only' })
  @OptionalText(2000)
  dietaryNeeds?: string | null;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, type: String, description: 'Seen by organisers only' })
  @OptionalText(2000)
  accessibilityNeeds?: string | null;

  @ApiPropertyOptional({ description: 'Appear in the public list of participants. Default: false' })
  @IsOptional()
  @IsBoolean()
  consentPublicList?: boolean;

  @ApiPropertyOptional({ description: 'May be photographed. Default: false' })
  @IsOptional()
  @IsBoolean()
  consentPhoto?: boolean;
}

/** Public self-registration: no account needed. */
export class RegistrationCreateDto extends RegistrationFieldsDto {
  @ApiProperty({ example: 'Hélène', maxLength: 200 })
  @PersonName()
  firstName!: string;

  @ApiProperty({ example: 'Dupré', maxLength: 200 })
  @PersonName()
  lastName!: string;

  @ApiProperty({ example: 'helene.dupre@example.org', maxLength: 254, description: 'One registration per email and event, whatever its case' })
  @Trim()
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;

  @ApiProperty({ enum: SELF_CATEGORIES, description: 'city-representative needs town' })
  @IsIn(SELF_CATEGORIES)
  category!: SelfCategory;

  @ApiPropertyOptional({ type: [String], example: ['jour-1', 'ceremonie'], description: 'Parts wanted, by code or id' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(PART_REF, { each: true, message: 'parts must be part codes or ids' })
  parts?: string[];

  @ApiPropertyOptional({ enum: ['fr', 'en'], description: 'Language of the confirmation mail. Default: fr' })
  @IsOptional()
  @IsIn(['fr', 'en'])
  language?: 'fr' | 'en';
}
