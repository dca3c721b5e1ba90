import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO31661Alpha2, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { PersonName } from '../../common/validation/person-name.js';
import { PlainText, RequiredText, TrimToNull } from '../../common/validation/text.js';
import { ORCID_EXAMPLE, orcidProblem, stripOrcidPrefix } from '../orcid.js';

/** Optional free text (a bio): trimmed, blank read as null, line breaks allowed. */
function OptionalBio() {
  return applyDecorators(TrimToNull(), IsOptional(), IsString(), MaxLength(5000), PlainText());
}

/** An ORCID iD with a correct check digit; the message says what is wrong (format, lower-case x, check digit). */
function IsOrcid() {
  return ValidateBy({
    name: 'isOrcid',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && orcidProblem(value) === null,
      defaultMessage: (args) => (typeof args?.value === 'string' ? (orcidProblem(args.value, args.property) ?? '') : `${args?.property} must be a string`),
    },
  });
}

/** The fields of a speaker's profile, as typed at sign-up and changed later. */
export class SpeakerProfileFieldsDto {
  @ApiProperty({ example: 'Hélène', maxLength: 200, description: 'As typed, any script; trimmed' })
  @PersonName()
  firstName!: string;

  @ApiProperty({ example: 'Dupré', maxLength: 200, description: 'As typed, any script; trimmed' })
  @PersonName()
  lastName!: string;

  @ApiProperty({ example: 'CNRS, Laboratoire Architecture Ville Urbanisme Environnement', maxLength: 300, description: 'Institution' })
  @RequiredText(300)
  affiliation!: string;

  @ApiProperty({ example: 'FR', minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2 country code (upper-cased)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @IsISO31661Alpha2({ message: '$property must be an ISO 3166-1 alpha-2 country code such as FR, DE or CA' })
  countryCode!: string;

  @ApiPropertyOptional({
    example: ORCID_EXAMPLE,
    nullable: true,
    type: String,
    description:
      'ORCID iD, 0000-0000-0000-000X with its ISO 7064 MOD 11-2 check character (an upper-case X only). ' +
      'An https://orcid.org/ prefix is accepted and removed; blank or null clears it.',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? stripOrcidPrefix(value) || null : value))
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @IsOrcid()
  orcid?: string | null;

  @ApiPropertyOptional({ maxLength: 5000, nullable: true, type: String, description: 'Biography in French; line breaks allowed' })
  @OptionalBio()
  bioFr?: string | null;

  @ApiPropertyOptional({ maxLength: 5000, nullable: true, type: String, description: 'Biography in English; line breaks allowed' })
  @OptionalBio()
  bioEn?: string | null;
}
