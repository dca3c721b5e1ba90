import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

/** Most speakers one `userId` filter names (a proposal's signers, a session's speakers). */
export const MAX_USER_IDS = 50;

/** The organisers' list of an event's unavailabilities, optionally for some speakers only. */
export class ListEventUnavailabilitiesQuery extends PageQueryDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_USER_IDS,
    description: 'Only these speakers: repeat the parameter (userId=…&userId=…) or separate the ids with commas',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => {
    if (value === undefined) return undefined;
    return (Array.isArray(value) ? value : [value]).flatMap((v: unknown) => (typeof v === 'string' ? v.split(',').map((x) => x.trim()) : [v]));
  })
  @IsArray()
  @ArrayMaxSize(MAX_USER_IDS)
  @IsUUID('all', { each: true })
  userId?: string[];
}
