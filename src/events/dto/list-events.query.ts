import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { EVENT_KINDS, type EventKind } from '../event-kind.js';

export const EVENT_SORTS = ['startsAt', 'name', 'createdAt'] as const;

export class ListEventsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;

  @ApiPropertyOptional({ example: 'vtn2012' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  slug?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the events linked to this one' })
  @IsOptional()
  @IsUUID()
  parentEventId?: string;

  @ApiPropertyOptional({ enum: EVENT_SORTS, default: 'startsAt' })
  @IsOptional()
  @IsIn(EVENT_SORTS)
  sort: (typeof EVENT_SORTS)[number] = 'startsAt';
}
