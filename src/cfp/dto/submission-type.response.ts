import { ApiProperty } from '@nestjs/swagger';
import type { SubmissionType } from '../submission-type.entity.js';

/** A submission type as the API shows it. */
export class SubmissionTypeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'communication' }) code!: string;
  @ApiProperty({ example: 'Communication' }) nameFr!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Paper' }) nameEn!: string | null;
  @ApiProperty({ example: 20 }) defaultMinutes!: number;

  static from(type: SubmissionType): SubmissionTypeResponse {
    return { id: type.id, eventId: type.eventId, code: type.code, nameFr: type.nameFr, nameEn: type.nameEn, defaultMinutes: type.defaultMinutes };
  }
}
