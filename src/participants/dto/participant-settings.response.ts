import { ApiProperty } from '@nestjs/swagger';

export class ParticipantSettingsResponse {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty()
  registrationOpen!: boolean;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  retentionUntil!: string | null;

  @ApiProperty()
  publicList!: boolean;
}
