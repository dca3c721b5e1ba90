import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { SUBMISSION_STATES, type SubmissionState } from '../submission-state.js';

export const MY_SUBMISSION_SORTS = ['createdAt', 'updatedAt'] as const;

export class ListMySubmissionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the proposals of this event' })
  @IsOptional()
  @IsUUID()
  eventId?: string;

  @ApiPropertyOptional({ enum: SUBMISSION_STATES })
  @IsOptional()
  @IsIn(SUBMISSION_STATES)
  state?: SubmissionState;

  @ApiPropertyOptional({ enum: MY_SUBMISSION_SORTS, default: 'createdAt' })
  @IsOptional()
  @IsIn(MY_SUBMISSION_SORTS)
  sort: (typeof MY_SUBMISSION_SORTS)[number] = 'createdAt';
}
