import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ConflictSeverity } from '../conflict-types.js';

const SEVERITIES = ['error', 'warning', 'ignore'] as const;
const opt = (description: string) => ApiPropertyOptional({ enum: SEVERITIES, nullable: true, description: `${description}; null: back to the default` });

/**
 * The severity of each conflict code for one event (PUT replaces the whole set: a code not given,
 * or given as null, goes back to its default). `error` blocks publication, `warning` needs acknowledging, `ignore`
 * is listed but never blocks nor comes back as a change's warning.
 */
export class ConflictSettingsDto {
  @opt('Default error') @IsOptional() @IsIn(SEVERITIES) SPEAKER_DOUBLE_BOOKED?: ConflictSeverity | null;
  @opt('Default error') @IsOptional() @IsIn(SEVERITIES) CHAIR_DOUBLE_BOOKED?: ConflictSeverity | null;
  @opt('Default error') @IsOptional() @IsIn(SEVERITIES) CHAIR_SPEAKING_ELSEWHERE?: ConflictSeverity | null;
  @opt('Default error') @IsOptional() @IsIn(SEVERITIES) SPEAKER_UNAVAILABLE?: ConflictSeverity | null;
  @opt('Default error') @IsOptional() @IsIn(SEVERITIES) CHAIR_UNAVAILABLE?: ConflictSeverity | null;
  @opt('Default error') @IsOptional() @IsIn(SEVERITIES) TRAVEL_TOO_SHORT?: ConflictSeverity | null;
  @opt('Default warning') @IsOptional() @IsIn(SEVERITIES) OUTSIDE_VENUE_HOURS?: ConflictSeverity | null;
  @opt('Default warning') @IsOptional() @IsIn(SEVERITIES) OVER_CAPACITY?: ConflictSeverity | null;
  @opt('Default warning') @IsOptional() @IsIn(SEVERITIES) TALK_NOT_CONFIRMED?: ConflictSeverity | null;
  @opt('Default warning') @IsOptional() @IsIn(SEVERITIES) PROPOSAL_NOT_PLACED?: ConflictSeverity | null;
}
