import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { ImportParticipantsQuery } from './dto/import-participants.query.js';
import { ImportParticipantsResponse } from './dto/import-participants.response.js';
import { IMPORT_COLUMN_NAMES, IMPORT_FIELDS, EXPORT_ONLY_COLUMNS } from './participant-import-columns.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, ParticipantImportService } from './participant-import.service.js';
import { CsvUploadInterceptor } from '../common/http/csv-upload.interceptor.js';

/** The part of multer's file that the import uses. */
interface UploadedCsv {
  buffer: Buffer;
}

const COLUMNS_DOC = IMPORT_FIELDS.map((f) => `${f}: ${IMPORT_COLUMN_NAMES[f].map((n) => `« ${n} »`).join(', ')}`).join('; ');

@ApiTags('participants')
@Controller('events/:eventId/participants/import')
export class ParticipantImportController {
  constructor(private readonly imports: ParticipantImportService) {}

  @Roles('organiser')
  @Post()
  @HttpCode(200)
  @ApiBearerAuth()
  @UseInterceptors(CsvUploadInterceptor(MAX_IMPORT_BYTES))
  @ApiOperation({
    summary: 'Import participants from a CSV file (organisers)',
    description:
      'multipart/form-data, field `file` (anything else: 415). UTF-8 with or without BOM (other encodings: 415), `;` or `,` ' +
      'as the header line uses, RFC 4180 quotes, CRLF or LF. At most 5 MB (413) and ' +
      `${MAX_IMPORT_ROWS} rows (422 IMPORT_TOO_MANY_ROWS). Header names are read whatever their case and accents; ` +
      `required: Nom, Prénom, Courriel (422 IMPORT_COLUMNS_MISSING names those missing). Accepted columns — ${COLUMNS_DOC}. ` +
      `Read and not imported: ${EXPORT_ONLY_COLUMNS.join(', ')} and any other name (listed in ignoredColumns), so the ` +
      'participants.csv export imports back. Categories are codes or their French/English labels separated by commas ' +
      '(not speaker or chair); days ISO or dd/mm/yyyy within the event; consents oui/non (yes/no, 1/0; empty = non); a cell ' +
      'the export defused with a leading apostrophe is read without it. Every row is checked first; the answer lists each bad ' +
      'row with its line (where the record starts; the header is line 1) and reasons. A second row with the same email ' +
      '(whatever its case) and a row for an anonymised participant are bad. By default any bad row refuses the file: 422 ' +
      'IMPORT_ROWS_INVALID with the report in `details`, nothing written; `?mode=valid-rows` imports the good rows. Matched ' +
      'by email: new ones created (source import), changed ones updated (a column absent from the file keeps what is ' +
      'stored; an empty cell clears an optional field), identical ones counted unchanged, so importing a file twice changes ' +
      'nothing. One transaction. Nobody is admitted to any part by an import (use the parts’ admissions).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'The CSV file, at most 5 MB' } },
    },
  })
  @ApiOkResponse({ type: ImportParticipantsResponse })
  @ApiErrors(401, 403, 404, 415, 422)
  import(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Query() query: ImportParticipantsQuery,
    @UploadedFile() file: UploadedCsv | undefined,
  ): Promise<ImportParticipantsResponse> {
    return this.imports.import(eventId, file?.buffer, query.mode ?? 'all-or-nothing');
  }
}
