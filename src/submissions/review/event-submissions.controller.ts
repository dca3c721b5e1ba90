import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../../common/http/api-docs.js';
import { ExportEventSubmissionsQuery, ListEventSubmissionsQuery } from './dto/list-event-submissions.query.js';
import { SubmissionSummaryResponse } from './dto/submission-summary.response.js';
import { MAX_EXPORT_ROWS, SubmissionListService } from './submission-list.service.js';

@ApiTags('reviews')
@ApiBearerAuth()
@Roles('organiser')
@Controller('events/:eventId')
export class EventSubmissionsController {
  constructor(private readonly list: SubmissionListService) {}

  @Get('submissions')
  @ApiOperation({
    summary: 'An event’s proposals with their review statistics: filter, sort, paginate (organisers)',
    description: 'Each item gives the mean score (2 decimals, null without reviews) and the number of reviews.',
  })
  @ApiPageResponse(SubmissionSummaryResponse)
  @ApiErrors(401, 403, 404)
  page(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ListEventSubmissionsQuery) {
    return this.list.list(eventId, query);
  }

  @Get('submissions.csv')
  @ApiOperation({
    summary: 'Every matching proposal as CSV, with the filters and sort of the list (organisers)',
    description:
      'UTF-8 with a byte-order mark, comma-separated, CRLF line ends, RFC 4180 quoting, a French header; « Soumis le » in the ' +
      'event’s time zone; a cell starting with = + - @ is prefixed with an apostrophe so that no spreadsheet runs it. ' +
      `At most ${MAX_EXPORT_ROWS} proposals (422 EXPORT_TOO_LARGE beyond).`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'propositions-<event slug>.csv', schema: { type: 'string' } })
  @ApiErrors(401, 403, 404, 422)
  async csv(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ExportEventSubmissionsQuery): Promise<StreamableFile> {
    const file = await this.list.exportCsv(eventId, query);
    return new StreamableFile(file.content, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${file.filename}"`,
      length: file.content.length,
    });
  }
}
