import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '../organisation-kind.js';
import { PlainText, SingleLine, Trim, TrimToNull } from '../../common/validation/text.js';

/** An organiser records an organisation (names are unique, whatever their case). */
export class CreateOrganisationDto {
  @ApiProperty({ example: 'Centre national de la recherche scientifique', maxLength: 300 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @SingleLine()
  name!: string;

  @ApiPropertyOptional({ example: 'CNRS', maxLength: 50, nullable: true, type: String })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  @SingleLine()
  acronym?: string | null;

  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'research-institute' })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @ApiPropertyOptional({ example: 'https://www.cnrs.fr', maxLength: 500, nullable: true, type: String, description: 'http or https URL' })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http or https URL' })
  website?: string | null;

  @ApiPropertyOptional({ maxLength: 5000, nullable: true, type: String })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @PlainText()
  description?: string | null;
}
