import { ApiProperty } from '@nestjs/swagger';

/** One badge that came out (or was said not to): a line of the print log. */
export class BadgePrintResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({ example: 'Hélène', description: 'As the participant is now (« Anonyme » once anonymised)' })
  firstName!: string;

  @ApiProperty({ example: 'Dupré' })
  lastName!: string;

  @ApiProperty({ example: 'colloquium' })
  template!: string;

  @ApiProperty({ description: 'The participant had a badge printed before (not reported as failed)' })
  reprint!: boolean;

  @ApiProperty({ nullable: true, type: String, example: 'Badge perdu', description: 'Why it was printed again (reprints only)' })
  reason!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The print job it was part of (null: a single badge, at the desk)' })
  printJobId!: string | null;

  @ApiProperty({ format: 'date-time' })
  printedAt!: string;

  @ApiProperty({ nullable: true, type: String, example: 'accueil@example.org' })
  printedByEmail!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Reported as not come out of the printer' })
  failedAt!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Bourrage papier' })
  failureReason!: string | null;
}
