import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalText, SingleLine } from '../../common/validation/text.js';
import { STAFF_ROLES, type StaffRole } from '../../common/auth/role.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password.js';

/** An organiser creates an organiser or reception account. */
export class CreateUserDto {
  @ApiProperty({ example: 'accueil@vtn2012.fr', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;

  @ApiPropertyOptional({ example: 'Accueil CNRS', maxLength: 200 })
  @OptionalText(200)
  @SingleLine()
  displayName?: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true, example: ['reception'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(STAFF_ROLES.length)
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true })
  roles!: StaffRole[];
}
