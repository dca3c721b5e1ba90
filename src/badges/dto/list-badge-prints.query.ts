import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

/** GET /api/events/:eventId/badges/prints: the print log, newest first with ?order=desc. */
export class ListBadgePrintsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: reprints only; false: first prints only' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  reprint?: boolean;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only badges reported as not come out (failedAt set); false: only the others' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  failed?: boolean;
}
