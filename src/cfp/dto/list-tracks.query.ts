import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

export const TRACK_SORTS = ['displayOrder', 'name'] as const;

export class ListTracksQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: TRACK_SORTS, default: 'displayOrder' })
  @IsOptional()
  @IsIn(TRACK_SORTS)
  sort: (typeof TRACK_SORTS)[number] = 'displayOrder';
}
