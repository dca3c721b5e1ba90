import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { EVENT_ROLES, type EventRole } from '../organisation-kind.js';

/** ?page=&pageSize=&role=; the order is fixed: role, then display order, then name. */
export class ListEventOrganisationsQuery extends OmitType(PageQueryDto, ['order'] as const) {
  @ApiPropertyOptional({ enum: EVENT_ROLES })
  @IsOptional()
  @IsIn(EVENT_ROLES)
  role?: EventRole;
}
