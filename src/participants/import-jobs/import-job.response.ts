import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_MODES } from '../dto/import-participants.query.js';
import { ImportParticipantsResponse } from '../dto/import-participants.response.js';

export const IMPORT_JOB_STATES = ['running', 'done', 'failed'] as const;
export const IMPORT_JOB_PHASES = ['reading', 'checking', 'writing', 'finished'] as const;

/** Why an import job failed: the error body the synchronous import would have answered (without a request id). */
export class ImportJobErrorResponse {
  @ApiProperty({ example: 422 })
  statusCode!: number;

  @ApiProperty({ example: 'IMPORT_ROWS_INVALID', description: 'The stable code the synchronous import answers' })
  error!: string;

  @ApiProperty({ example: '3 of 500 rows are not valid: nothing was imported (fix them, or send ?mode=valid-rows to import the others)' })
  message!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'For IMPORT_ROWS_INVALID: the row-by-row report (as ImportParticipantsResponse)' })
  details?: Record<string, unknown>;
}

/** An import running on the server, polled by the organisers' import page for its progress. */
export class ImportJobResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ enum: IMPORT_MODES })
  mode!: string;

  @ApiProperty({ enum: IMPORT_JOB_STATES, description: 'running until the import ends; done: `result` holds its report; failed: `error` says why' })
  state!: (typeof IMPORT_JOB_STATES)[number];

  @ApiProperty({ enum: IMPORT_JOB_PHASES, description: 'reading the file, checking its rows, writing the good ones (one transaction), finished' })
  phase!: (typeof IMPORT_JOB_PHASES)[number];

  @ApiProperty({ nullable: true, type: Number, example: 20000, description: 'Rows of the file, once read' })
  rows!: number | null;

  @ApiProperty({ example: 12500, description: 'Rows checked so far' })
  checkedRows!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finishedAt!: string | null;

  @ApiProperty({ type: ImportParticipantsResponse, nullable: true, description: 'What the import did (state done)' })
  result!: ImportParticipantsResponse | null;

  @ApiProperty({ type: ImportJobErrorResponse, nullable: true, description: 'Why it failed (state failed); nothing was written then' })
  error!: ImportJobErrorResponse | null;
}
