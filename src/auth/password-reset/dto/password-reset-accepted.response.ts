import { ApiProperty } from '@nestjs/swagger';

/** The one answer to every accepted reset request, whether or not the email belongs to an account. */
export class PasswordResetAccepted {
  @ApiProperty({
    example: 'If an account uses this address, a link to choose a new password has been sent to it; it is valid for one hour.',
  })
  message!: string;
}
