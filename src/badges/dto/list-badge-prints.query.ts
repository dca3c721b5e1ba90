import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { toBoolean } from '../../common/validation/boolean-query.js';

/** GET /api/events/:eventId/badges/prints: the print log, newest first with ?order=desc. */
export class ListBadgePrintsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: reprints only; false: first prints only' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  reprint?: boolean;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only badges reported as not come out (failedAt set); false: only the others' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  failed?: boolean;
}
