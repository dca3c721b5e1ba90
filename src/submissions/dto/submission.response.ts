import { ApiProperty } from '@nestjs/swagger';
import { SUBMISSION_ACTIONS, SUBMISSION_STATES, type SubmissionAction, type SubmissionState } from '../submission-state.js';
import { SignerResponse } from './signer.response.js';
import { SubmissionTypeRefResponse } from './submission-type-ref.response.js';
import { TrackRefResponse } from './track-ref.response.js';

/**
 * A proposal as its speakers and the organisers read it. Built field by field: it carries
 * nothing of reviews (scores, comments, reviewers), which speakers must never see.
 */
export class SubmissionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ enum: SUBMISSION_STATES }) state!: SubmissionState;
  @ApiProperty({ enum: SUBMISSION_ACTIONS, isArray: true, description: 'What the caller may do from the current state' }) allowedActions!: SubmissionAction[];
  @ApiProperty({ nullable: true, type: String }) titleFr!: string | null;
  @ApiProperty({ nullable: true, type: String }) titleEn!: string | null;
  @ApiProperty({ nullable: true, type: String }) abstractFr!: string | null;
  @ApiProperty({ nullable: true, type: String }) abstractEn!: string | null;
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiProperty({ type: SubmissionTypeRefResponse }) type!: SubmissionTypeRefResponse;
  @ApiProperty({ type: TrackRefResponse, nullable: true }) track!: TrackRefResponse | null;
  @ApiProperty({ example: 20, description: 'The length set by organisers, or the type’s default' }) durationMinutes!: number;
  @ApiProperty({ type: [SignerResponse], description: 'The main speaker first, then co-speakers in the order given' }) signers!: SignerResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
