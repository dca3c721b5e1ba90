import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../common/auth/role.js';
import type { User } from '../user.entity.js';

/** An account as the API shows it: never the password hash. */
export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'admin@localhost' })
  email!: string;

  @ApiProperty({ nullable: true, type: String })
  displayName!: string | null;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty()
  disabled!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(user: User): UserResponse {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      disabled: user.disabledAt !== null,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
