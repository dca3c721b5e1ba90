import { ApiProperty } from '@nestjs/swagger';
import { SUBMISSION_STATES, type SubmissionState } from '../../submission-state.js';
import { PROPOSAL_LANGUAGES, type ProposalLanguage } from '../submission-filter.js';

export class SubmissionTypeSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'communication' }) code!: string;
  @ApiProperty({ example: 'Communication' }) nameFr!: string;
  @ApiProperty({ nullable: true, type: String }) nameEn!: string | null;
}

export class TrackSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameFr!: string;
  @ApiProperty({ nullable: true, type: String }) nameEn!: string | null;
}

export class MainSpeakerSummary {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null while the speaker has no account' })
  userId!: string | null;
  @ApiProperty({ example: 'Hélène Dupré', description: 'First and last name from the speaker profile; the email when there is no profile' })
  name!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Université Paris 8' }) affiliation!: string | null;
  @ApiProperty() email!: string;
}

export class CoSpeakerSummary {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null while the co-speaker has no account' })
  userId!: string | null;
  @ApiProperty({ example: 'Jean Martin', description: 'First and last name from the speaker profile; the email when there is no profile' })
  name!: string;
  @ApiProperty({ enum: ['invited', 'accepted'], description: 'accepted: signs the proposal and speaks if it is placed; invited: not answered yet' })
  status!: 'invited' | 'accepted';
}

/** One proposal in the organisers' list, with its review statistics. */
export class SubmissionSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SUBMISSION_STATES }) state!: SubmissionState;
  @ApiProperty({ nullable: true, type: String }) titleFr!: string | null;
  @ApiProperty({ nullable: true, type: String }) titleEn!: string | null;
  @ApiProperty({ type: SubmissionTypeSummary }) type!: SubmissionTypeSummary;
  @ApiProperty({ type: TrackSummary, nullable: true }) track!: TrackSummary | null;
  @ApiProperty({ enum: PROPOSAL_LANGUAGES, isArray: true, description: 'Languages in which both title and abstract are given' })
  languages!: ProposalLanguage[];
  @ApiProperty({ type: MainSpeakerSummary, nullable: true }) mainSpeaker!: MainSpeakerSummary | null;
  @ApiProperty({ description: 'Co-speakers invited or accepted (declined ones are not counted)' }) coSpeakerCount!: number;
  @ApiProperty({ type: [CoSpeakerSummary], description: 'Those co-speakers, in their order (the programme grid shades the accepted ones’ commitments)' })
  coSpeakers!: CoSpeakerSummary[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() reviewCount!: number;
  @ApiProperty({ nullable: true, type: Number, example: 3.67, description: 'Mean score rounded to 2 decimals; null without reviews' })
  meanScore!: number | null;
}
