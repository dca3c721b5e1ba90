import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

export const VENUE_SORTS = ['name', 'city', 'createdAt'] as const;

export class ListVenuesQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or city (case-insensitive)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: VENUE_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(VENUE_SORTS)
  sort: (typeof VENUE_SORTS)[number] = 'name';
}
