import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { SESSION_KINDS, type SessionKind } from '../session-kind.js';

/** Filters of an event's sessions, listed by start time. */
export class ListSessionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: '2012-02-06', format: 'date', description: 'Sessions starting on this local date (event’s time zone)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date like 2012-02-06' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar date' })
  day?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ enum: SESSION_KINDS })
  @IsOptional()
  @IsIn(SESSION_KINDS)
  kind?: SessionKind;
}
