import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../common/validation/text.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../users/password.js';
import { SpeakerProfileFieldsDto } from './speaker-profile-fields.dto.js';

/** A researcher registers: an account (email, password) and a speaker profile. */
export class SpeakerSignupDto extends SpeakerProfileFieldsDto {
  @ApiProperty({ example: 'helene.dupre@example.org', maxLength: 254, description: 'Compared and stored lower-cased' })
  @Trim()
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}
