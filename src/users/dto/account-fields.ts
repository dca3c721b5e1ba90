import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../common/validation/text.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password.js';

/** The email of a new account: trimmed, at most 254 characters; stored lower-cased. */
export function AccountEmail(example: string) {
  return applyDecorators(
    ApiProperty({ example, maxLength: 254, description: 'Compared and stored lower-cased' }),
    Trim(),
    IsString(),
    MaxLength(254),
    IsEmail(),
  );
}

/** The password of a new account: 10 to 200 characters. */
export function AccountPassword() {
  return applyDecorators(
    ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH }),
    IsString(),
    MinLength(MIN_PASSWORD_LENGTH),
    MaxLength(MAX_PASSWORD_LENGTH),
  );
}
