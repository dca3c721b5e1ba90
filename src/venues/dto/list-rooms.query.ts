import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

export const ROOM_SORTS = ['name', 'capacity'] as const;

export class ListRoomsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROOM_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(ROOM_SORTS)
  sort: (typeof ROOM_SORTS)[number] = 'name';
}
