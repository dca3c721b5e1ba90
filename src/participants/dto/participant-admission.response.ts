import { ApiProperty } from '@nestjs/swagger';

/** A participant's place in one part of the event. */
export class ParticipantAdmissionResponse {
  @ApiProperty({ format: 'uuid' })
  partId!: string;

  @ApiProperty({ example: 'ceremony' })
  partCode!: string;

  @ApiProperty({ example: 'Cérémonie du Label' })
  partName!: string;

  @ApiProperty({ enum: ['admitted', 'waiting', 'requested', 'cancelled'] })
  status!: string;
}
