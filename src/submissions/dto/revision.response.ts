import { ApiProperty } from '@nestjs/swagger';
import { SUBMISSION_STATES, type SubmissionState } from '../submission-state.js';

/** What an edit after acceptance changed, for organisers. */
export class RevisionResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: SUBMISSION_STATES, description: 'The state of the proposal when it was edited' }) state!: SubmissionState;
  @ApiProperty({ nullable: true, type: String, description: 'Who edited it' }) actorName!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', properties: { from: {}, to: {} } },
    example: { titleFr: { from: 'Ancien titre', to: 'Nouveau titre' } },
  })
  changes!: Record<string, { from: unknown; to: unknown }>;
}
