import { ApiProperty } from '@nestjs/swagger';

/** A label year as anyone sees it (no level here). */
export class LabelYearResponse {
  @ApiProperty({ example: 2012 })
  year!: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  eventId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  ceremonySessionId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2012-02-06T18:00:00+01:00', description: 'When the levels become public, in the ceremony’s zone; null: until an organiser reveals them' })
  embargoEndsAt!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2012-02-06T17:00:00.000Z' })
  embargoEndsAtUtc!: string | null;

  @ApiProperty({ description: 'The levels are public now' })
  revealed!: boolean;

  @ApiProperty({ description: 'The aggregate figures are public (before the reveal too)' })
  statsPublished!: boolean;

  @ApiProperty({ description: 'Labelled towns this year' })
  towns!: number;
}
