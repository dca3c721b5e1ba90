import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ADMISSION_QUOTAS, type AdmissionQuota } from '../part-admission.entity.js';

/**
 * An organiser admits a participant of the event to a part, whatever its rule: within its capacity
 * (`public`, the default: the waiting list when full), or, for a speaker or chair of the published
 * programme, outside it (`programme`).
 */
export class PartAdmissionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId!: string;

  @ApiPropertyOptional({
    enum: ADMISSION_QUOTAS,
    description:
      '`public` (absent or null): a seat of the capacity while one remains, else the waiting list. `programme`: outside the capacity, ' +
      'for a participant holding a role in the published programme (else 422 NOT_ON_PROGRAMME); a public seat they held is freed for the waiting list',
  })
  @IsOptional()
  @IsIn(ADMISSION_QUOTAS)
  quota?: AdmissionQuota | null;
}
