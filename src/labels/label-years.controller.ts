import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Public, Roles, type RequestUser } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import type { Page } from '../common/pagination/page-query.dto.js';
import { CreateLabelYearDto, UpdateLabelYearDto } from './dto/label-year.dto.js';
import { LabelYearResponse } from './dto/label-year.response.js';
import { ListLabelYearsQuery } from './dto/list-label-years.query.js';
import { LabelStatsResponse } from './dto/label-stats.response.js';
import { RevealLabelYearDto } from './dto/reveal-label-year.dto.js';
import { setLabelCaching } from './label-http.js';
import { LabelStatsService } from './label-stats.service.js';
import { LabelYearPipe } from './label-year.pipe.js';
import { LabelYearsService } from './label-years.service.js';

@ApiTags('labels')
@Controller('labels')
export class LabelYearsController {
  constructor(
    private readonly years: LabelYearsService,
    private readonly statsService: LabelStatsService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The years of the Label Ville Internet, latest first (paginated): ceremony, end of the embargo, whether revealed' })
  @ApiPageResponse(LabelYearResponse)
  @ApiErrors()
  list(@Query() query: ListLabelYearsQuery): Promise<Page<LabelYearResponse>> {
    return this.years.list(query);
  }

  @Roles('organiser')
  @Post()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Create a label year (organisers)',
    description: 'Without eventId, the event whose slug is label<year> (label2012) is the ceremony. The embargo on levels ends at the ceremony session’s start, else the event’s. 409 LABEL_YEAR_EXISTS; 422 SESSION_NOT_IN_CEREMONY.',
  })
  @ApiCreatedResponse({ type: LabelYearResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  create(@Body() dto: CreateLabelYearDto): Promise<LabelYearResponse> {
    return this.years.create(dto);
  }

  @Public()
  @Get(':year')
  @ApiOperation({ summary: 'A label year' })
  @ApiOkResponse({ type: LabelYearResponse })
  @ApiErrors(404)
  get(@Param('year', LabelYearPipe) year: number): Promise<LabelYearResponse> {
    return this.years.get(year);
  }

  @Roles('organiser')
  @Patch(':year')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change a label year’s ceremony, or publish its figures (organisers)',
    description: '`statsPublished: true` makes GET /api/labels/:year/stats public before the reveal (the levels stay secret); false withdraws it.',
  })
  @ApiOkResponse({ type: LabelYearResponse })
  @ApiErrors(401, 403, 404, 422)
  update(@Param('year', LabelYearPipe) year: number, @Body() dto: UpdateLabelYearDto): Promise<LabelYearResponse> {
    return this.years.update(year, dto);
  }

  @Roles('organiser')
  @Delete(':year')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Delete a label year without labels (organisers); 409 LABEL_YEAR_IN_USE otherwise' })
  @ApiNoContentResponse()
  @ApiErrors(401, 403, 404, 409)
  async remove(@Param('year', LabelYearPipe) year: number): Promise<void> {
    await this.years.remove(year);
  }

  @Roles('organiser')
  @Post(':year/reveal')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Reveal the levels now, or set when they are revealed, earlier or later than the ceremony (organisers)',
    description: 'Without `at`: now. `at` is a wall-clock time in the ceremony’s zone (2012-02-06T18:30) or carries an offset. It replaces the ceremony’s start as the end of the embargo.',
  })
  @ApiOkResponse({ type: LabelYearResponse })
  @ApiErrors(401, 403, 404)
  reveal(@Param('year', LabelYearPipe) year: number, @Body() dto: RevealLabelYearDto, @CurrentUser() caller: RequestUser): Promise<LabelYearResponse> {
    return this.years.reveal(year, dto.at, caller);
  }

  @Public()
  @Get(':year/stats')
  @ApiOperation({
    summary: 'The figures of the year (press release)',
    description:
      'Labels per level, towns at 4–5 @ this year and the year before, participation growth, regions represented and the fewest regions holding half of the towns, share of first participations, labels since the first year. Before the reveal: organisers only, unless organisers published them (403 STATS_NOT_PUBLISHED). ETag and If-None-Match (304).',
  })
  @ApiOkResponse({ type: LabelStatsResponse })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiErrors(403, 404)
  async stats(@Param('year', LabelYearPipe) year: number, @CurrentUser() caller: RequestUser | undefined, @Res({ passthrough: true }) res: Response): Promise<LabelStatsResponse> {
    const { stats, view } = await this.statsService.stats(year, caller);
    setLabelCaching(res, view, stats);
    return stats;
  }
}
