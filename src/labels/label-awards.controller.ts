import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Public, Roles, type RequestUser } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import type { Page } from '../common/pagination/page-query.dto.js';
import { ImportLabelAwardsQuery } from './dto/import-label-awards.query.js';
import { ImportLabelAwardsResponse } from './dto/import-label-awards.response.js';
import { CreateLabelAwardDto, UpdateLabelAwardDto } from './dto/label-award.dto.js';
import { LabelAwardResponse } from './dto/label-award.response.js';
import { ExportLabelAwardsQuery, ListLabelAwardsQuery } from './dto/list-label-awards.query.js';
import { viewName } from './label-award-view.js';
import { LabelAwardsService } from './label-awards.service.js';
import { labelAwardsCsv } from './label-awards-csv.js';
import { setLabelCaching } from './label-http.js';
import { CsvUploadInterceptor } from '../common/http/csv-upload.interceptor.js';
import { MAX_LABEL_IMPORT_BYTES, MAX_LABEL_IMPORT_ROWS, LabelImportService } from './label-import.service.js';
import { LABEL_IMPORT_COLUMN_NAMES, LABEL_IMPORT_FIELDS } from './label-import-rows.js';
import { LabelYearPipe } from './label-year.pipe.js';

/** The part of multer's file that the import uses. */
interface UploadedCsv {
  buffer: Buffer;
}

const EMBARGO =
  'Before the reveal, anyone but organisers gets the towns without `level`, `comments` or `contactEmail`; filtering or sorting by level is 422 LEVELS_EMBARGOED for them. ETag differs between the embargoed and revealed views; Vary: Authorization; If-None-Match gives 304.';
const COLUMNS_DOC = LABEL_IMPORT_FIELDS.map((f) => `${f}: ${LABEL_IMPORT_COLUMN_NAMES[f].map((n) => `« ${n} »`).join(', ')}`).join('; ');

@ApiTags('labels')
@Controller('labels/:year')
export class LabelAwardsController {
  constructor(
    private readonly awards: LabelAwardsService,
    private readonly imports: LabelImportService,
  ) {}

  @Public()
  @Get('awards')
  @ApiOperation({ summary: 'The labelled towns of a year: search, filter, sort, paginate', description: `q finds words of the town’s name whatever the accents, case and hyphens. ${EMBARGO}` })
  @ApiPageResponse(LabelAwardResponse)
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiErrors(404, 422)
  async list(
    @Param('year', LabelYearPipe) year: number,
    @Query() query: ListLabelAwardsQuery,
    @CurrentUser() caller: RequestUser | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Page<LabelAwardResponse>> {
    const view = await this.awards.viewOf(year, caller);
    const page = await this.awards.list(year, query, view);
    setLabelCaching(res, viewName(view), page);
    return page;
  }

  @Public()
  @Get('awards.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The labelled towns of a year as CSV (UTF-8 with BOM, RFC 4180); same filters and sort', description: `Without levels (before the reveal, for anyone but organisers) the « Niveau » column is absent. ${EMBARGO}` })
  @ApiOkResponse({ description: 'CSV file', schema: { type: 'string' } })
  @ApiErrors(404, 422)
  async csv(
    @Param('year', LabelYearPipe) year: number,
    @Query() query: ExportLabelAwardsQuery,
    @CurrentUser() caller: RequestUser | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const view = await this.awards.viewOf(year, caller);
    const body = labelAwardsCsv(await this.awards.exportRows(year, query, view), view);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="label-ville-internet-${year}.csv"`);
    setLabelCaching(res, viewName(view), body);
    return body;
  }

  @Roles('organiser')
  @Post('awards')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Label a town for the year (organisers)', description: 'The INSEE code is checked against the official communes (422 UNKNOWN_TOWN); name, département and the region of the year are derived. 409 TOWN_ALREADY_LABELLED.' })
  @ApiCreatedResponse({ type: LabelAwardResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  create(@Param('year', LabelYearPipe) year: number, @Body() dto: CreateLabelAwardDto): Promise<LabelAwardResponse> {
    return this.awards.create(year, dto);
  }

  @Roles('organiser')
  @Post('awards/import')
  @HttpCode(200)
  @ApiBearerAuth()
  @UseInterceptors(CsvUploadInterceptor(MAX_LABEL_IMPORT_BYTES))
  @ApiOperation({
    summary: 'Import the year’s palmarès from a CSV file (organisers)',
    description:
      'multipart/form-data, field `file` (anything else: 415); UTF-8 with or without BOM (other encodings: 415), `;` or `,` as the header line uses, RFC 4180. ' +
      `At most 8 MB (413) and ${MAX_LABEL_IMPORT_ROWS} rows (422 IMPORT_TOO_MANY_ROWS). Each row names its town by INSEE code, or by name and département ` +
      '(a name alone if only one commune bears it); unknown codes, ambiguous names (several Saint-Denis) and a town named twice are reported row by row ' +
      'with the line and the reason, never guessed. Level: 1 to 5 (or @ to @@@@@); first participation oui/non. Default all-or-nothing: any bad row ' +
      'is 422 IMPORT_ROWS_INVALID with the report in details and nothing written; ?mode=valid-rows imports the good ones. The year is created if needed ' +
      `(linked to the event label<year>). Re-importing the same file changes nothing. Columns — ${COLUMNS_DOC}. Année and Région (of the export) are read and left aside.`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'The CSV file, at most 8 MB' } } } })
  @ApiOkResponse({ type: ImportLabelAwardsResponse })
  @ApiErrors(401, 403, 415, 422)
  import(@Param('year', LabelYearPipe) year: number, @Query() query: ImportLabelAwardsQuery, @UploadedFile() file: UploadedCsv | undefined): Promise<ImportLabelAwardsResponse> {
    return this.imports.import(year, file?.buffer, query.mode ?? 'all-or-nothing');
  }

  @Public()
  @Get('awards/:id')
  @ApiOperation({ summary: 'One labelled town', description: EMBARGO })
  @ApiOkResponse({ type: LabelAwardResponse })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiErrors(404)
  async get(
    @Param('year', LabelYearPipe) year: number,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() caller: RequestUser | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LabelAwardResponse> {
    const view = await this.awards.viewOf(year, caller);
    const award = await this.awards.get(year, id, view);
    setLabelCaching(res, viewName(view), award);
    return award;
  }

  @Roles('organiser')
  @Patch('awards/:id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change a town’s label: level, first participation, band, comments, contact (organisers)' })
  @ApiOkResponse({ type: LabelAwardResponse })
  @ApiErrors(401, 403, 404, 422)
  update(@Param('year', LabelYearPipe) year: number, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateLabelAwardDto): Promise<LabelAwardResponse> {
    return this.awards.update(year, id, dto);
  }

  @Roles('organiser')
  @Delete('awards/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Remove a town’s label (organisers)' })
  @ApiNoContentResponse()
  @ApiErrors(401, 403, 404)
  async remove(@Param('year', LabelYearPipe) year: number, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.awards.remove(year, id);
  }
}
