import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ConflictCode, ConflictSeverity } from '../conflict-types.js';
import { CONFLICT_CODES, CONFLICT_SEVERITIES } from './conflict.response.js';

/** Filters of the conflict report. */
export class ListConflictsQuery {
  @ApiPropertyOptional({ enum: CONFLICT_SEVERITIES })
  @IsOptional()
  @IsIn(CONFLICT_SEVERITIES)
  severity?: ConflictSeverity;

  @ApiPropertyOptional({ enum: CONFLICT_CODES })
  @IsOptional()
  @IsIn(CONFLICT_CODES)
  code?: ConflictCode;
}
