import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ConflictSeverity } from '../conflict-types.js';

const SEVERITIES = ['error', 'warning', 'ignore'] as const;
const opt = (description: string) => ApiPropertyOptional({ enum: SEVERITIES, description });

/**
 * The severity of each conflict code for one event (PUT replaces the whole set: a code not given,
 * or given as null, goes back to its default). `error` blocks publication, `warning` needs acknowledging, `ignore`
 * is listed but never blocks nor comes back as a change's warning.
 */
export class ConflictSettingsDto {
  @opt('Default error') @IsOptional() @IsIn(SEVERITIES) SPEAKER_DOUBLE_BOOKED?: ConflictSeverity;
  @opt('Default error') @IsOptional() @IsIn(SEVERITIES) CHAIR_DOUBLE_BOOKED?: ConflictSeverity;
  @opt('Default error') @IsOptional() @IsIn(SEVERITIES) CHAIR_SPEAKING_ELSEWHERE?: ConflictSeverity;
  @opt('Default error') @IsOptional() @IsIn(SEVERITIES) SPEAKER_UNAVAILABLE?: ConflictSeverity;
  @opt('Default error') @IsOptional() @IsIn(SEVERITIES) CHAIR_UNAVAILABLE?: ConflictSeverity;
  @opt('Default error') @IsOptional() @IsIn(SEVERITIES) TRAVEL_TOO_SHORT?: ConflictSeverity;
  @opt('Default warning') @IsOptional() @IsIn(SEVERITIES) OUTSIDE_VENUE_HOURS?: ConflictSeverity;
  @opt('Default warning') @IsOptional() @IsIn(SEVERITIES) OVER_CAPACITY?: ConflictSeverity;
  @opt('Default warning') @IsOptional() @IsIn(SEVERITIES) TALK_NOT_CONFIRMED?: ConflictSeverity;
  @opt('Default warning') @IsOptional() @IsIn(SEVERITIES) PROPOSAL_NOT_PLACED?: ConflictSeverity;
}
