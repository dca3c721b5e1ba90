import { ApiProperty } from '@nestjs/swagger';
import { ADMISSION_STATUSES } from './part-admissions.query.js';

/** A participant's place in a part (organisers' view of a part's list). */
export class AdmissionResponse {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'NULL for a programme guest without one' }) email!: string | null;
  @ApiProperty({ enum: ADMISSION_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Waiting only: 1 for the head of the queue' }) position!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) admittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: string;
}
