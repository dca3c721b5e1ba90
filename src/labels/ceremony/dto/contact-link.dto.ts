import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { SingleLine, Trim, TrimToNull } from '../../../common/validation/text.js';

/** Issue (or rotate) the town contact's personal link; the email replaces the stored one when given. */
export class ContactLinkDto {
  @ApiPropertyOptional({
    example: 'numerique@mairie-exemple.fr',
    maxLength: 254,
    description: 'The town’s contact (stored lower-cased); without it, the address already on the label',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: 'Claire', maxLength: 200, nullable: true, type: String, description: 'The contact’s first name, for the greeting of the mail (not stored)' })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @SingleLine()
  firstName?: string | null;
}
