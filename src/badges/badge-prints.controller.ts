import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import type { Page } from '../common/pagination/page-query.dto.js';
import { BadgePrintResponse } from './dto/badge-print.response.js';
import { ListBadgePrintsQuery } from './dto/list-badge-prints.query.js';
import { PrintJobsService } from './print-jobs.service.js';

@ApiTags('badges')
@ApiBearerAuth()
@Controller('events/:eventId/badges/prints')
export class BadgePrintsController {
  constructor(private readonly jobs: PrintJobsService) {}

  @Roles('organiser', 'reception')
  @Get()
  @ApiOperation({
    summary: 'The print log: every badge printed for the event, single ones and print jobs’, with reprints and their reasons (organisers and reception)',
    description: 'Oldest first (?order=desc: newest first); ?reprint=true: reprints only; ?failed=true: badges reported as not come out only. A badge reported as not come out keeps its line, with failedAt and the reason.',
  })
  @ApiPageResponse(BadgePrintResponse)
  @ApiErrors(401, 403, 404)
  list(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ListBadgePrintsQuery): Promise<Page<BadgePrintResponse>> {
    return this.jobs.printLog(eventId, query);
  }
}
