import { ApiProperty } from '@nestjs/swagger';
import { SUBMISSION_ACTIONS, SUBMISSION_STATES, type SubmissionAction, type SubmissionState } from '../submission-state.js';

/** Who moved a proposal: speakers see only the side ("organisation" or "speaker"), organisers also the name. */
export class HistoryActorResponse {
  @ApiProperty({ enum: ['organisation', 'speaker'] }) role!: 'organisation' | 'speaker';
  @ApiProperty({ nullable: true, type: String, description: 'Shown to organisers only' }) name!: string | null;
}

/** One move of a proposal. */
export class HistoryEntryResponse {
  @ApiProperty({ enum: SUBMISSION_ACTIONS }) action!: SubmissionAction;
  @ApiProperty({ enum: SUBMISSION_STATES }) fromState!: SubmissionState;
  @ApiProperty({ enum: SUBMISSION_STATES }) toState!: SubmissionState;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: HistoryActorResponse }) actor!: HistoryActorResponse;
}
