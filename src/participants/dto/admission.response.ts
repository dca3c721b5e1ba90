import { ApiProperty } from '@nestjs/swagger';
import { ADMISSION_QUOTAS } from '../part-admission.entity.js';
import { ADMISSION_STATUSES } from './part-admissions.query.js';

/** A participant's place in a part (organisers' view of a part's list). */
export class AdmissionResponse {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'NULL for a programme guest without one' }) email!: string | null;
  @ApiProperty({ enum: ADMISSION_STATUSES }) status!: string;
  @ApiProperty({ enum: ADMISSION_QUOTAS, description: '`public`: a seat of the capacity; `programme`: a speaker’s or chair’s place outside it' }) quota!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Waiting only: 1 for the head of the queue' }) position!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) admittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: string;
}
