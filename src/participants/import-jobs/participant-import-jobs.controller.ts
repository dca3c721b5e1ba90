import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.js';
import { ApiErrors } from '../../common/http/api-docs.js';
import { CsvUploadInterceptor } from '../../common/http/csv-upload.interceptor.js';
import { ImportParticipantsQuery } from '../dto/import-participants.query.js';
import { MAX_IMPORT_BYTES } from '../participant-import.service.js';
import { ImportJobResponse } from './import-job.response.js';
import { ParticipantImportJobsService } from './participant-import-jobs.service.js';

/** The part of multer's file that the import uses. */
interface UploadedCsv {
  buffer: Buffer;
}

@ApiTags('participants')
@ApiBearerAuth()
@Roles('organiser')
@Controller('events/:eventId/participants/import-jobs')
export class ParticipantImportJobsController {
  constructor(private readonly jobs: ParticipantImportJobsService) {}

  @Post()
  @HttpCode(202)
  @UseInterceptors(CsvUploadInterceptor(MAX_IMPORT_BYTES))
  @ApiOperation({
    summary: 'Start a CSV import of participants as a job, to follow its progress (organisers)',
    description:
      'The same file, rules and answer as POST …/participants/import (see it), but answered at once: 202 with the job, running. ' +
      'Poll GET …/import-jobs/:jobId for the rows checked so far, then the report (state done, `result`) or the error the ' +
      'import would have answered (state failed, `error`: IMPORT_ROWS_INVALID with the row-by-row report in its details, ' +
      'IMPORT_COLUMNS_MISSING, 415 for a file that is not UTF-8 text…; nothing written then). A missing file (400), a file ' +
      'over 5 MB (413), a body that is not multipart (415) and an unknown event (404) are answered at once. Jobs are kept ' +
      'an hour after they end, in the server process’s memory.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'The CSV file, at most 5 MB' } },
    },
  })
  @ApiAcceptedResponse({ type: ImportJobResponse })
  @ApiErrors(401, 403, 404, 415, 429)
  start(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ImportParticipantsQuery, @UploadedFile() file: UploadedCsv | undefined): Promise<ImportJobResponse> {
    return this.jobs.start(eventId, file?.buffer, query.mode ?? 'all-or-nothing');
  }

  @Get(':jobId')
  @ApiOperation({ summary: 'An import job: its state, the rows checked so far, then its report or its error (organisers)' })
  @ApiOkResponse({ type: ImportJobResponse })
  @ApiErrors(401, 403, 404)
  get(@Param('eventId', ParseUUIDPipe) eventId: string, @Param('jobId', ParseUUIDPipe) jobId: string): ImportJobResponse {
    return this.jobs.get(eventId, jobId);
  }
}
