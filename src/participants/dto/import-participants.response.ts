import { ApiProperty } from '@nestjs/swagger';

/** A problem with one cell of a row. */
export class ImportRowErrorResponse {
  @ApiProperty({ example: 'Courriel', description: 'The column as the file names it (empty for the row as a whole)' })
  column!: string;

  @ApiProperty({ example: '« jean.dupont@ » is not an email address' })
  message!: string;
}

/** A row that was not imported, and why. */
export class ImportRejectedRowResponse {
  @ApiProperty({ example: 17, description: 'Line of the file where the row starts (the header is line 1)' })
  line!: number;

  @ApiProperty({ nullable: true, type: String, example: 'jean.dupont@', description: 'The row’s email cell as typed, to find it' })
  email!: string | null;

  @ApiProperty({ type: [ImportRowErrorResponse] })
  errors!: ImportRowErrorResponse[];
}

/** What an import did (also the `details` of its 422 when a bad row refused the whole file). */
export class ImportParticipantsResponse {
  @ApiProperty({ enum: ['all-or-nothing', 'valid-rows'] })
  mode!: string;

  @ApiProperty({ enum: [';', ','], description: 'The separator read from the header line' })
  delimiter!: string;

  @ApiProperty({ description: 'Rows read (the header and blank lines not counted)' })
  rows!: number;

  @ApiProperty({ description: 'New participants (source import)' })
  created!: number;

  @ApiProperty({ description: 'Existing participants (same email, whatever its case) whose fields changed' })
  updated!: number;

  @ApiProperty({ description: 'Rows identical to the participant already stored' })
  unchanged!: number;

  @ApiProperty({ description: 'Bad rows, not imported' })
  rejected!: number;

  @ApiProperty({ type: [ImportRejectedRowResponse], description: 'Each bad row with its line and reasons, in file order' })
  rejectedRows!: ImportRejectedRowResponse[];

  @ApiProperty({ type: [String], description: 'Columns read but not imported (the export’s computed columns, unknown names)' })
  ignoredColumns!: string[];
}
