import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { MAX_SEARCH_LENGTH } from '../speaker-search.js';

export const SPEAKER_SORTS = ['lastName', 'firstName', 'createdAt'] as const;
export type SpeakerSort = (typeof SPEAKER_SORTS)[number];

export class ListSpeakersQuery extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Part of the first name, last name, "first last", affiliation or email; accents and case ignored',
    maxLength: MAX_SEARCH_LENGTH,
    example: 'helene dupre',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SEARCH_LENGTH)
  q?: string;

  @ApiPropertyOptional({ enum: SPEAKER_SORTS, default: 'lastName' })
  @IsOptional()
  @IsIn(SPEAKER_SORTS)
  sort: SpeakerSort = 'lastName';
}
