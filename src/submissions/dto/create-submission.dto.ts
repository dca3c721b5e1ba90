import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { OptionalText, SingleLine } from '../../common/validation/text.js';

export const MAX_TITLE_LENGTH = 300;
/** A ceiling in UTF-16 units; the call's own limit, in characters, is checked after validation. */
export const MAX_ABSTRACT_INPUT = 40_000;
export const MAX_KEYWORDS = 20;
export const MAX_KEYWORD_LENGTH = 60;
export const MAX_CO_SPEAKERS = 10;

const trimEach = () =>
  Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value));
const lowerCaseKey = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);

/**
 * A new proposal (a draft): title and abstract in French and/or English (at least one language
 * complete, only languages the call accepts, abstracts within the call's length), its type,
 * track, keywords and co-speakers by email.
 */
export class CreateSubmissionDto {
  @ApiPropertyOptional({ maxLength: MAX_TITLE_LENGTH, nullable: true, type: String, example: 'Les territoires numériques en question' })
  @OptionalText(MAX_TITLE_LENGTH)
  @SingleLine()
  titleFr?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'At most the call’s maxAbstractLength characters' })
  @OptionalText(MAX_ABSTRACT_INPUT)
  abstractFr?: string | null;

  @ApiPropertyOptional({ maxLength: MAX_TITLE_LENGTH, nullable: true, type: String })
  @OptionalText(MAX_TITLE_LENGTH)
  @SingleLine()
  titleEn?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'At most the call’s maxAbstractLength characters' })
  @OptionalText(MAX_ABSTRACT_INPUT)
  abstractEn?: string | null;

  @ApiProperty({ format: 'uuid', description: 'A submission type of the event' })
  @IsUUID()
  typeId!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'A track of the event' })
  @IsOptional()
  @IsUUID()
  trackId?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_KEYWORDS, example: ['e-administration', 'territoires'], nullable: true, description: `Each at most ${MAX_KEYWORD_LENGTH} characters; null empties the list` })
  @IsOptional()
  @trimEach()
  @IsArray()
  @ArrayMaxSize(MAX_KEYWORDS)
  @ArrayUnique(lowerCaseKey, { message: 'keywords must not repeat' })
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_KEYWORD_LENGTH, { each: true })
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { each: true, message: 'each keyword must be one line of text without control characters' })
  keywords?: string[] | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'email',
    maxItems: MAX_CO_SPEAKERS,
    example: ['helene.dupre@example.org'],
    nullable: true,
    description: 'Co-speakers by email: an existing speaker is linked, anyone else is invited to sign up; null empties the list',
  })
  @IsOptional()
  @trimEach()
  @IsArray()
  @ArrayMaxSize(MAX_CO_SPEAKERS)
  @ArrayUnique(lowerCaseKey, { message: 'coSpeakers must not repeat' })
  @IsString({ each: true })
  @MaxLength(254, { each: true })
  @IsEmail({}, { each: true })
  coSpeakers?: string[] | null;

  @ApiPropertyOptional({ format: 'email', description: 'Organisers only: the speaker on whose behalf the proposal is made (an existing speaker)' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail()
  speakerEmail?: string;
}
