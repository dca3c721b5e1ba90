import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CreateSubmissionDto } from './create-submission.dto.js';

/**
 * Any fields of a proposal; null clears an optional one. Speakers change everything while it is a
 * draft or submitted and only the text (titles, abstracts, keywords) once accepted; coSpeakers
 * (the main speaker and organisers) replaces the list; durationMinutes is for organisers.
 */
export class UpdateSubmissionDto extends PartialType(OmitType(CreateSubmissionDto, ['speakerEmail'] as const), { skipNullProperties: false }) {
  @ApiPropertyOptional({ minimum: 1, maximum: 600, nullable: true, type: Number, description: 'Organisers: a length other than the type’s default; null restores it' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  durationMinutes?: number | null;
}
