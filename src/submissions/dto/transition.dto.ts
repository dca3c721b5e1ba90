import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OptionalText } from '../../common/validation/text.js';
import { SUBMISSION_ACTIONS, type SubmissionAction } from '../submission-state.js';

export const MAX_NOTE_LENGTH = 2000;

/** A move of a proposal: the action, and a note (the organiser's message with a decision). */
export class TransitionDto {
  @ApiProperty({ enum: SUBMISSION_ACTIONS, example: 'submit' })
  @IsIn(SUBMISSION_ACTIONS)
  action!: SubmissionAction;

  @ApiPropertyOptional({ maxLength: MAX_NOTE_LENGTH, nullable: true, type: String, example: 'Merci, la session du mardi matin vous est proposée.' })
  @OptionalText(MAX_NOTE_LENGTH)
  note?: string | null;
}
