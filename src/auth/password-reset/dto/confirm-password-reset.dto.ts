import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { AccountPassword } from '../../../users/dto/account-fields.js';

/** The token of a reset link and the new password (the same rules as at account creation). */
export class ConfirmPasswordResetDto {
  @ApiProperty({
    description: 'The `token` parameter of the link in the mail (43 characters, base64url). Any other string gets 400 RESET_TOKEN_INVALID.',
    example: 'q3Yh1c1qQbJ8m7c0dH8q3nqV8g2Zb3V9mQyR4s5t6u7',
    minLength: 1,
    maxLength: 200,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;

  @AccountPassword()
  password!: string;
}
