import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';
import { EVENT_ROLES, type EventRole } from '../organisation-kind.js';

export const MAX_ROLES_IN_ORDER = 500;

/** The organisations holding one role on an event, in their new display order. */
export class PutRoleOrderDto {
  @ApiProperty({ enum: EVENT_ROLES, example: 'supporter' })
  @IsIn(EVENT_ROLES)
  role!: EventRole;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_ROLES_IN_ORDER,
    description: 'The ids of every role of this kind on the event (ids of roles, not of organisations), each once, first shown first',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ROLES_IN_ORDER)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  roleIds!: string[];
}
