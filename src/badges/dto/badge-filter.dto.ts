import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { PARTICIPANT_CATEGORIES } from '../../participants/participant-category.js';

/** At most this many explicit participant ids in one print job. */
export const MAX_BADGE_IDS = 5000;

/** Which participants a print job covers (all given criteria apply together). */
export class BadgeFilterDto {
  @ApiPropertyOptional({ enum: PARTICIPANT_CATEGORIES, isArray: true, maxItems: PARTICIPANT_CATEGORIES.length, description: 'Badge categories (the most significant category held)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PARTICIPANT_CATEGORIES.length)
  @IsIn(PARTICIPANT_CATEGORIES, { each: true })
  categories?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Admitted to this part' })
  @IsOptional()
  @IsUUID()
  partId?: string;

  @ApiPropertyOptional({ format: 'date', example: '2012-02-06', description: 'Attending this local day (listed in their days, or admitted to a part on it)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date like 2012-02-06' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar date' })
  day?: string;

  @ApiPropertyOptional({ description: 'Only participants without any printed badge' })
  @IsOptional()
  @IsBoolean()
  notYetPrinted?: boolean;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_BADGE_IDS, description: 'Exactly these participants of the event' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BADGE_IDS)
  @IsUUID('all', { each: true })
  participantIds?: string[];
}
