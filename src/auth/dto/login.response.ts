import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../common/auth/role.js';

export class SignedInUser {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];
}

export class LoginResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`' })
  accessToken!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: SignedInUser })
  user!: SignedInUser;
}
