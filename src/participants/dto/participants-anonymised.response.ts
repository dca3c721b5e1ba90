import { ApiProperty } from '@nestjs/swagger';

/** The outcome of anonymising an event's participants. */
export class ParticipantsAnonymisedResponse {
  @ApiProperty({ description: 'Participants anonymised by this call (0 when done before)' })
  anonymised!: number;

  @ApiProperty({ description: 'Participant rows of the event, kept for the counts' })
  total!: number;
}
