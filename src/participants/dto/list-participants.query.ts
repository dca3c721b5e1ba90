import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { SingleLine, Trim } from '../../common/validation/text.js';
import { PARTICIPANT_CATEGORIES, type ParticipantCategory } from '../participant-category.js';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from '../participant-fields.js';
import { PARTICIPANT_SORTS, type ParticipantSort } from '../participant-query.js';
import { toBoolean } from '../../common/validation/boolean-query.js';


/** Filters of an event's participants (list, CSV and JSON exports). */
export class ListParticipantsQuery extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Words found in the names, email or town, whatever the accents and case ("helene dupre" finds "Hélène Dupré")' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  q?: string;

  @ApiPropertyOptional({ enum: PARTICIPANT_CATEGORIES, description: 'A category held, set by hand or from the programme' })
  @IsOptional()
  @IsIn(PARTICIPANT_CATEGORIES)
  category?: ParticipantCategory;

  @ApiPropertyOptional({ format: 'uuid', description: 'Participants admitted, waiting or requested in this part' })
  @IsOptional()
  @IsUUID()
  partId?: string;

  @ApiPropertyOptional({ enum: ['admitted', 'waiting', 'requested'], description: 'With partId: only this admission status' })
  @IsOptional()
  @IsIn(['admitted', 'waiting', 'requested'])
  admission?: 'admitted' | 'waiting' | 'requested';

  @ApiPropertyOptional({ enum: PARTICIPANT_STATUSES })
  @IsOptional()
  @IsIn(PARTICIPANT_STATUSES)
  status?: ParticipantStatus;

  @ApiPropertyOptional({ format: 'date', example: '2012-02-06', description: 'Participants attending this local date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date like 2012-02-06' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar date' })
  day?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: a badge was delivered (prints reported as failed do not count); false: none yet' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  badgePrinted?: boolean;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: checked in at the desk at least once (any part, any day); false: never' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  checkedIn?: boolean;

  @ApiPropertyOptional({ enum: PARTICIPANT_SORTS, default: 'name', description: 'name: last then first name, accents and case ignored; created: order of registration' })
  @IsOptional()
  @IsIn(PARTICIPANT_SORTS)
  sort: ParticipantSort = 'name';
}

/** The exports take the list's filters and sort, without pages. */
export class ExportParticipantsQuery extends OmitType(ListParticipantsQuery, ['page', 'pageSize'] as const) {}
