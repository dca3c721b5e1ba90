import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LabelImportCandidate {
  @ApiProperty({ example: '93066' })
  insee!: string;

  @ApiProperty({ example: 'Saint-Denis' })
  name!: string;

  @ApiProperty({ example: '93' })
  departement!: string;
}

export class LabelImportRowError {
  @ApiProperty({ example: 'Code INSEE', description: 'The column as the file names it (empty for the row as a whole)' })
  column!: string;

  @ApiProperty({ example: 'unknown INSEE code 99999' })
  message!: string;

  @ApiPropertyOptional({ type: [LabelImportCandidate], description: 'For a name several communes bear: the communes it may mean (at most 10)' })
  candidates?: LabelImportCandidate[];
}

export class LabelImportRejectedRow {
  @ApiProperty({ example: 17, description: 'Line of the file where the row starts (the header is line 1)' })
  line!: number;

  @ApiProperty({ nullable: true, type: String, example: 'Saint-Denis', description: 'The town as the row names it (code or name), to find it' })
  town!: string | null;

  @ApiProperty({ type: [LabelImportRowError] })
  errors!: LabelImportRowError[];
}

/** What an import did (also the `details` of its 422 when a bad row refused the whole file). */
export class ImportLabelAwardsResponse {
  @ApiProperty({ example: 2012 })
  year!: number;

  @ApiProperty({ enum: ['all-or-nothing', 'valid-rows'] })
  mode!: string;

  @ApiProperty({ enum: [';', ','] })
  delimiter!: string;

  @ApiProperty({ description: 'Rows read (header and blank lines not counted)' })
  rows!: number;

  @ApiProperty()
  created!: number;

  @ApiProperty({ description: 'Towns already labelled this year whose fields changed' })
  updated!: number;

  @ApiProperty({ description: 'Towns already labelled this year with the same fields' })
  unchanged!: number;

  @ApiProperty()
  rejected!: number;

  @ApiProperty({ type: [LabelImportRejectedRow] })
  rejectedRows!: LabelImportRejectedRow[];

  @ApiProperty({ type: [String], description: 'Columns read and left aside' })
  ignoredColumns!: string[];
}
