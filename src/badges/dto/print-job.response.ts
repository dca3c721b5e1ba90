import { ApiProperty } from '@nestjs/swagger';
import { PARTICIPANT_CATEGORIES } from '../../participants/participant-category.js';
import { PRINT_JOB_STATES } from '../badge-print-job.entity.js';

/** The filter a job was created with (explicit ids are counted, the people list names them). */
export class PrintJobFilterResponse {
  @ApiProperty({ description: 'Every registered participant was asked for' })
  all!: boolean;

  @ApiProperty({ enum: PARTICIPANT_CATEGORIES, isArray: true, nullable: true })
  categories!: string[] | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  partId!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2012-02-06' })
  day!: string | null;

  @ApiProperty()
  notYetPrinted!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, example: 12, description: 'How many explicit participant ids were given (null: none)' })
  participantIdCount!: number | null;
}

/** One run of sheets of a job: the badges of one template. */
export class PrintJobTemplateResponse {
  @ApiProperty({ example: 'colloquium' })
  template!: string;

  @ApiProperty({ type: 'integer', example: 120 })
  badges!: number;

  @ApiProperty({ type: 'integer', example: 30 })
  sheets!: number;

  @ApiProperty({ type: 'integer', example: 1, description: 'First page of the run in the PDF' })
  firstPage!: number;

  @ApiProperty({ type: 'integer', example: 30, description: 'Last page of the run in the PDF' })
  lastPage!: number;

  @ApiProperty({ description: 'Each sheet is two pages, front then back' })
  duplex!: boolean;
}

/** A print job, without its people (the list). */
export class PrintJobSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ enum: PRINT_JOB_STATES, description: 'pending until a download of its PDF finished whole; failed when reported so' })
  state!: string;

  @ApiProperty({ type: PrintJobFilterResponse })
  filter!: PrintJobFilterResponse;

  @ApiProperty({ type: String, nullable: true, example: 'colloquium', description: 'The template asked for (null: each category’s)' })
  template!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Reason recorded on the reprints' })
  reason!: string | null;

  @ApiProperty({ type: 'integer', example: 120 })
  badges!: number;

  @ApiProperty({ type: 'integer', example: 30 })
  sheets!: number;

  @ApiProperty({ type: 'integer', example: 30, description: 'Pages of the PDF (a duplex sheet is two)' })
  pages!: number;

  @ApiProperty({ type: [PrintJobTemplateResponse] })
  perTemplate!: PrintJobTemplateResponse[];

  @ApiProperty({ type: 'integer', example: 0, description: 'Badges reported as failed (back in « not yet printed »)' })
  failedBadges!: number;

  @ApiProperty({ type: 'integer', example: 1, description: 'Downloads of the PDF that finished whole' })
  deliveries!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'End of the last whole download' })
  deliveredAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  failedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  failureReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Until then its people are not offered by « not yet printed » (after creation, and while its PDF streams)' })
  reservedUntil!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdById!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'accueil@example.org' })
  createdByEmail!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** One badge of a job and where it lands. */
export class PrintJobPersonResponse {
  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({ example: 'Hélène' })
  firstName!: string;

  @ApiProperty({ example: 'Dupré' })
  lastName!: string;

  @ApiProperty({ example: 'colloquium' })
  template!: string;

  @ApiProperty({ type: 'integer', example: 1, description: 'Page of the front (from 1)' })
  page!: number;

  @ApiProperty({ type: 'integer', nullable: true, example: 2, description: 'Page of the back (duplex templates)' })
  backPage!: number | null;

  @ApiProperty({ type: 'integer', example: 1, description: 'Slot on the sheet, from 1 in reading order' })
  slot!: number;

  @ApiProperty({ description: 'Still registered and not anonymised (else the slot is left empty)' })
  printable!: boolean;

  @ApiProperty({ description: 'Reported as failed' })
  failed!: boolean;

  @ApiProperty({ type: String, nullable: true })
  failureReason!: string | null;
}

/** A page of a job's people, in PDF order. */
export class PrintJobPeopleResponse {
  @ApiProperty({ type: [PrintJobPersonResponse] })
  items!: PrintJobPersonResponse[];

  @ApiProperty({ type: 'integer', example: 1 })
  page!: number;

  @ApiProperty({ type: 'integer', example: 100 })
  pageSize!: number;

  @ApiProperty({ type: 'integer', example: 120 })
  total!: number;
}

/** A print job with a page of its people (?page=&pageSize=). */
export class PrintJobResponse extends PrintJobSummaryResponse {
  @ApiProperty({ type: PrintJobPeopleResponse })
  people!: PrintJobPeopleResponse;
}
