import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { OptionalText, SingleLine } from '../../common/validation/text.js';
import { STAFF_ROLES, type StaffRole } from '../../common/auth/role.js';
import { AccountEmail, AccountPassword } from './account-fields.js';

/** An organiser creates an organiser or reception account. */
export class CreateUserDto {
  @AccountEmail('accueil@vtn2012.fr')
  email!: string;

  @AccountPassword()
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
