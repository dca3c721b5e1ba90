import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

export const ADMISSION_STATUSES = ['admitted', 'waiting', 'requested', 'cancelled'] as const;

/** ?status= (waiting: the queue, in its order), plus the page. */
export class PartAdmissionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ADMISSION_STATUSES })
  @IsOptional()
  @IsIn(ADMISSION_STATUSES)
  status?: (typeof ADMISSION_STATUSES)[number];
}
