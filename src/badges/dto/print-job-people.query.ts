import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_JOB_PEOPLE_PAGE = 1000;

/** GET /api/events/:eventId/badges/print-jobs/:jobId: which page of the job's people to list. */
export class PrintJobPeopleQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100000, default: 1, description: 'Page of the people list (1-based)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_JOB_PEOPLE_PAGE, default: 100, description: 'People per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_JOB_PEOPLE_PAGE)
  pageSize: number = 100;
}
