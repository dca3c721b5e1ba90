import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

export const SUBMISSION_TYPE_SORTS = ['code', 'name', 'defaultMinutes'] as const;

export class ListSubmissionTypesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUBMISSION_TYPE_SORTS, default: 'code' })
  @IsOptional()
  @IsIn(SUBMISSION_TYPE_SORTS)
  sort: (typeof SUBMISSION_TYPE_SORTS)[number] = 'code';
}
