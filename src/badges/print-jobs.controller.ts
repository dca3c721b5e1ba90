import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type RequestUser } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { PageQueryDto, type Page } from '../common/pagination/page-query.dto.js';
import { PDF_CONTENT, sendBadgePdf } from './badge-response.js';
import { MarkPrintJobFailedDto } from './dto/mark-print-job-failed.dto.js';
import { PrintBadgesDto } from './dto/print-badges.dto.js';
import { PrintJobPeopleQuery } from './dto/print-job-people.query.js';
import { PrintJobResponse, PrintJobSummaryResponse } from './dto/print-job.response.js';
import { PrintJobsService } from './print-jobs.service.js';

@ApiTags('badges')
@ApiBearerAuth()
@Controller('events/:eventId/badges/print-jobs')
export class PrintJobsController {
  constructor(private readonly jobs: PrintJobsService) {}

  @Roles('organiser', 'reception')
  @Post()
  @ApiOperation({
    summary: 'Create a print job: the badges a filter selects, fixed now with the page and slot of each (organisers and reception)',
    description:
      'The body of POST …/badges/print. Without a filter that narrows the set, `all: true` is required (400 VALIDATION_FAILED otherwise). ' +
      'The job is `pending`; its people are held from « not yet printed » for 60 s and while its PDF streams. ' +
      '422 NO_BADGES, UNKNOWN_PARTICIPANTS, UNKNOWN_BADGE_TEMPLATE. Answers the job with the first 100 of its people.',
  })
  @ApiCreatedResponse({ type: PrintJobResponse })
  @ApiErrors(401, 403, 404, 422)
  async create(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: PrintBadgesDto, @CurrentUser() user: RequestUser): Promise<PrintJobResponse> {
    const jobId = await this.jobs.create(eventId, user, dto);
    return this.jobs.find(eventId, jobId, { page: 1, pageSize: 100 });
  }

  @Roles('organiser', 'reception')
  @Get()
  @ApiOperation({ summary: 'The event’s print jobs, oldest first (?order=desc: newest first), without their people (organisers and reception)' })
  @ApiPageResponse(PrintJobSummaryResponse)
  @ApiErrors(401, 403, 404)
  list(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: PageQueryDto): Promise<Page<PrintJobSummaryResponse>> {
    return this.jobs.list(eventId, query);
  }

  // before `:jobId`, which would otherwise take « <id>.pdf » as the id
  @Roles('organiser', 'reception')
  @Get(':jobId.pdf')
  @ApiOperation({
    summary: 'The job’s PDF, streamed as it renders; its badges count as printed only once the download finished whole (organisers and reception)',
    description:
      'Each badge on the page and in the slot fixed at creation, with the person as they are now (a participant cancelled or anonymised ' +
      'since leaves an empty slot). When the response finished, the badges are logged (reprints with the job’s reason) and the job is ' +
      '`delivered`; a download cut short logs nothing, and its people are back in « not yet printed ». Downloading again reprints the job. ' +
      '409 PRINT_JOB_TEMPLATE_CHANGED. Headers: X-Badge-Print-Job, X-Badge-Count, X-Badge-Sheets, X-Badge-Overflow.',
  })
  @ApiOkResponse({ description: 'The badges (PDF)', content: PDF_CONTENT })
  @ApiErrors(401, 403, 404, 409, 422)
  async pdf(@Param('eventId', ParseUUIDPipe) eventId: string, @Param('jobId', ParseUUIDPipe) jobId: string, @CurrentUser() user: RequestUser, @Res() res: Response): Promise<void> {
    await sendBadgePdf(res, await this.jobs.pdf(eventId, jobId, user));
  }

  @Roles('organiser', 'reception')
  @Get(':jobId')
  @ApiOperation({ summary: 'A print job with a page of its people in PDF order (?page=&pageSize=, at most 1,000) (organisers and reception)' })
  @ApiOkResponse({ type: PrintJobResponse })
  @ApiErrors(401, 403, 404)
  find(@Param('eventId', ParseUUIDPipe) eventId: string, @Param('jobId', ParseUUIDPipe) jobId: string, @Query() query: PrintJobPeopleQuery): Promise<PrintJobResponse> {
    return this.jobs.find(eventId, jobId, query);
  }

  @Roles('organiser', 'reception')
  @Post(':jobId/failed')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report badges that did not come out: pages, participants, or (neither) the whole job (organisers and reception)',
    description:
      'Those badges are marked failed on the job and in the print log and show again in « not yet printed »; when every badge of the job ' +
      'failed the job is `failed`. 422 VALIDATION_FAILED (a page beyond the job’s), NOT_IN_PRINT_JOB (ids not in it).',
  })
  @ApiOkResponse({ type: PrintJobResponse })
  @ApiErrors(401, 403, 404, 422)
  markFailed(@Param('eventId', ParseUUIDPipe) eventId: string, @Param('jobId', ParseUUIDPipe) jobId: string, @Body() dto: MarkPrintJobFailedDto): Promise<PrintJobResponse> {
    return this.jobs.markFailed(eventId, jobId, dto);
  }
}
