import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../organisation-kind.js';
import { SingleLine } from '../../common/validation/text.js';

export const ORGANISATION_SORTS = ['name', 'acronym', 'createdAt'] as const;
export type OrganisationSort = (typeof ORGANISATION_SORTS)[number];

export class ListOrganisationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({ description: 'Part of the name or acronym, any case', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  q?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(ORGANISATION_SORTS)
  sort: OrganisationSort = 'name';
}
