import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { SingleLine } from '../../common/validation/text.js';
import { toBoolean } from '../../common/validation/boolean-query.js';

export const LABEL_AWARD_SORTS = ['name', 'departement', 'region', 'level'] as const;
export type LabelAwardSort = (typeof LABEL_AWARD_SORTS)[number];


/** Filters, sort and page of the labelled towns (level ones are for organisers until the reveal). */
export class ListLabelAwardsQuery extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Before the reveal: organisers only (422 LEVELS_EMBARGOED for others)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  level?: number;

  @ApiPropertyOptional({ example: '59' })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  departement?: string;

  @ApiPropertyOptional({ example: 'Nord-Pas-de-Calais' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @SingleLine()
  region?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  firstParticipation?: boolean;

  @ApiPropertyOptional({ enum: LABEL_AWARD_SORTS, default: 'name', description: 'level: before the reveal, organisers only (422 LEVELS_EMBARGOED for others); ties by name' })
  @IsOptional()
  @IsIn(LABEL_AWARD_SORTS)
  sort?: LabelAwardSort;
}

/** The same filters and sort for the CSV export (every row, no page). */
export class ExportLabelAwardsQuery extends OmitType(ListLabelAwardsQuery, ['page', 'pageSize'] as const) {}
