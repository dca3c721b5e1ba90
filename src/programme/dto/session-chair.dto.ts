import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { OptionalText, RequiredText } from '../../common/validation/text.js';

/**
 * A chair of a session: exactly one of `userId` (an account), `email` (an existing account's email)
 * or `guestName` (a named guest without an account, with an optional `guestAffiliation`).
 */
export class SessionChairDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An account' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ example: 'helene.dupre@example.org', description: 'The email of an existing account' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'Jeanne Martin', maxLength: 200, description: 'A guest without an account' })
  @IsOptional()
  @RequiredText(200)
  guestName?: string;

  @ApiPropertyOptional({ example: 'Mairie de Brest', maxLength: 300, description: 'Only with guestName' })
  @OptionalText(300)
  guestAffiliation?: string;
}
