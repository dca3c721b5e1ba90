import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

export class ListTravelTimesQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the travel times from or to this venue' })
  @IsOptional()
  @IsUUID()
  venueId?: string;
}
