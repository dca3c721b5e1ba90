import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { RequiredText } from '../../common/validation/text.js';
import { MAX_BADGE_IDS } from './badge-filter.dto.js';

/** At most this many page numbers in one report of failed pages. */
export const MAX_FAILED_PAGES = 1000;

/**
 * POST /api/events/:eventId/badges/print-jobs/:jobId/failed: neither pages nor ids: the whole job.
 * A null list is refused (400), never read as absent: that would fail the whole job.
 */
export class MarkPrintJobFailedDto {
  @ApiPropertyOptional({ type: 'integer', isArray: true, minimum: 1, maximum: 100000, minItems: 1, maxItems: MAX_FAILED_PAGES, example: [2, 3], description: 'Pages of the job’s PDF (from 1) that did not come out: every badge on them' })
  @ValidateIf((o: MarkPrintJobFailedDto) => o.pages !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_FAILED_PAGES)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(100000, { each: true })
  pages?: number[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_BADGE_IDS, description: 'Participants of the job whose badge did not come out' })
  @ValidateIf((o: MarkPrintJobFailedDto) => o.participantIds !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BADGE_IDS)
  @IsUUID('all', { each: true })
  participantIds?: string[];

  @ApiProperty({ maxLength: 500, example: 'Bourrage papier', description: 'What went wrong (kept on the job, its badges and the print log)' })
  @RequiredText(500)
  reason!: string;
}
