import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { OptionalText, SingleLine, Trim, TrimToNull } from '../../common/validation/text.js';
import { LABEL_FORMS, type LabelForm } from '../participant-category.js';
import { ASSIGNABLE_CATEGORIES, type AssignableCategory } from '../participant-fields.js';
import { PersonName } from '../../common/validation/person-name.js';

/** Optional one-line text: trimmed, blank read as null. */
function OptionalLine(max: number) {
  return applyDecorators(TrimToNull(), IsOptional(), IsString(), MaxLength(max), SingleLine());
}

/** The fields of a participant that organisers set (speaker and chair come from the published programme only). */
export class ParticipantFieldsDto {
  @ApiProperty({ example: 'helene.dupre@example.org', maxLength: 254, description: 'Unique in the event; compared and stored lower-cased' })
  @Trim()
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;

  @ApiProperty({ example: 'Hélène', maxLength: 200, description: 'As typed, any script' })
  @PersonName()
  firstName!: string;

  @ApiProperty({ example: 'Dupré', maxLength: 200, description: 'As typed, any script' })
  @PersonName()
  lastName!: string;

  @ApiPropertyOptional({ example: 'CNRS, LAVUE', maxLength: 300, nullable: true, type: String })
  @OptionalLine(300)
  affiliation?: string | null;

  @ApiPropertyOptional({ example: 'Issy-les-Moulineaux', maxLength: 200, nullable: true, type: String, description: 'City representatives: their town' })
  @OptionalLine(200)
  town?: string | null;

  @ApiPropertyOptional({ example: '92040', nullable: true, type: String, description: 'INSEE code of the town (5 characters, Corsica 2A/2B)' })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @Matches(/^[0-9][0-9AB][0-9]{3}$/, { message: '$property must be an INSEE town code such as 92040 or 2A004' })
  townInsee?: string | null;

  @ApiPropertyOptional({
    type: [String],
    enum: ASSIGNABLE_CATEGORIES,
    example: ['researcher'],
    description: 'Set by organisers; speaker and chair come only from the published programme',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ASSIGNABLE_CATEGORIES.length)
  @IsIn(ASSIGNABLE_CATEGORIES, { each: true })
  categories?: AssignableCategory[];

  @ApiPropertyOptional({ type: [String], example: ['2012-02-06'], description: 'Local dates the person attends, within the event' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(31)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each value in $property must be a date like 2012-02-06' })
  @IsISO8601({ strict: true }, { each: true, message: 'each value in $property must be a real calendar date' })
  days?: string[];

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, type: String, description: 'Organisers only' })
  @OptionalText(2000)
  dietaryNeeds?: string | null;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, type: String, description: 'Organisers only' })
  @OptionalText(2000)
  accessibilityNeeds?: string | null;

  @ApiPropertyOptional({
    enum: LABEL_FORMS,
    description: 'Form of the role word on the badge in French: Présidence / Présidente / Président de séance, Intervenant·e / Intervenante / Intervenant… (neutral when never set)',
  })
  // absent leaves it as it is; null is refused like any other value outside the list
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(LABEL_FORMS)
  labelForm?: LabelForm;

  @ApiPropertyOptional({ description: 'Appears in the public list of participants. Default: false' })
  @IsOptional()
  @IsBoolean()
  consentPublicList?: boolean;

  @ApiPropertyOptional({ description: 'Agrees to be photographed. Default: false' })
  @IsOptional()
  @IsBoolean()
  consentPhoto?: boolean;
}
