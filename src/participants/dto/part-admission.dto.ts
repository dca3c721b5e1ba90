import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** An organiser admits a participant of the event to a part (whatever its rule, within its capacity). */
export class PartAdmissionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId!: string;
}
