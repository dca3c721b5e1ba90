import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TentativeAcceptanceErrorResponse {
  @ApiProperty({ example: 'INVALID_TRANSITION', description: 'The error code the accept transition answered' }) code!: string;
  @ApiProperty() message!: string;
}

/** One talk placed tentatively, and what became of its proposal. */
export class TentativeAcceptanceItemResponse {
  @ApiProperty({ format: 'uuid' }) talkId!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ nullable: true, type: String }) titleFr!: string | null;
  @ApiProperty({ nullable: true, type: String }) titleEn!: string | null;
  @ApiProperty({ enum: ['accepted', 'failed'], description: 'accepted: the proposal moved to accepted and its talk is no longer tentative' })
  outcome!: 'accepted' | 'failed';
  @ApiProperty({ example: 'accepted', description: 'The proposal’s state after the attempt' }) state!: string;
  @ApiPropertyOptional({ type: TentativeAcceptanceErrorResponse, description: 'Why the proposal could not be accepted (outcome failed)' })
  error?: TentativeAcceptanceErrorResponse;
}

/** The bulk acceptance of the proposals placed tentatively, talk by talk. */
export class TentativeAcceptanceResponse {
  @ApiProperty({ example: 3, description: 'Proposals accepted (each through the accept transition, with its mails)' }) accepted!: number;
  @ApiProperty({ example: 0 }) failed!: number;
  @ApiProperty({ type: [TentativeAcceptanceItemResponse], description: 'By session start, then position' }) items!: TentativeAcceptanceItemResponse[];
}
