import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../../common/validation/text.js';
import { MAIL_LOCALES, type MailLocale } from '../../../mail/mail-template.js';

/** « I forgot my password »: the account's email, and the language of the mail. */
export class RequestPasswordResetDto {
  @ApiProperty({
    example: 'helene.dupre@example.org',
    maxLength: 254,
    description: 'The account’s email (compared lower-cased). Any well-formed address is accepted, known or not.',
  })
  @Trim()
  @IsString()
  @MaxLength(254)
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: '$property must be an email address' })
  email!: string;

  @ApiPropertyOptional({ enum: MAIL_LOCALES, description: 'Language of the mail (accounts have no language of their own); French when absent' })
  @IsOptional()
  @IsIn(MAIL_LOCALES)
  language?: MailLocale;
}
