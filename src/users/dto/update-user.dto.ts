import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import { OptionalText, SingleLine } from '../../common/validation/text.js';
import { STAFF_ROLES, type StaffRole } from '../../common/auth/role.js';

/** What an organiser may change on a staff account (passwords are the user's own). */
export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalText(200)
  @SingleLine()
  displayName?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(STAFF_ROLES.length)
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true })
  roles?: StaffRole[];
}
