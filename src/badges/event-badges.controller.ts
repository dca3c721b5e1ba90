import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type RequestUser } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { PDF_CONTENT, sendBadgePdf } from './badge-response.js';
import { BadgesService } from './badges.service.js';
import { BadgePreviewQuery } from './dto/badge-preview.query.js';
import { BadgePreviewResponse } from './dto/badge-preview.response.js';
import { BadgeTemplateChoicesDto } from './dto/badge-template-choices.dto.js';
import { BadgeTemplatesResponse } from './dto/badge-templates.response.js';
import { PrintBadgesDto } from './dto/print-badges.dto.js';
import { PrintJobsService } from './print-jobs.service.js';

@ApiTags('badges')
@ApiBearerAuth()
@Controller('events/:eventId/badges')
export class EventBadgesController {
  constructor(
    private readonly badges: BadgesService,
    private readonly jobs: PrintJobsService,
  ) {}

  @Roles('organiser', 'reception')
  @Post('print')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Print-ready PDF of many badges on sheets, streamed as it renders (organisers and reception)',
    description:
      'Creates a print job (POST …/badges/print-jobs) and streams its PDF in one go. filter: categories (badge category), partId ' +
      '(admitted), day (attending), notYetPrinted, participantIds (at most 5,000); without a filter that narrows the set, `all: true` is ' +
      'required (400 VALIDATION_FAILED). Sorted by last name then first name, accents and case ignored. template: one for all, else each ' +
      'category’s chosen template (one run of sheets per template). The badges are logged under the job’s id (reprints with `reason`) only ' +
      'once the PDF was delivered whole. 422 NO_BADGES, UNKNOWN_PARTICIPANTS, UNKNOWN_BADGE_TEMPLATE. Headers: X-Badge-Print-Job, ' +
      'X-Badge-Count, X-Badge-Sheets, X-Badge-Overflow (and X-Badge-Overflow-Participants, the first 20).',
  })
  @ApiOkResponse({ description: 'The badges (PDF)', content: PDF_CONTENT })
  @ApiErrors(401, 403, 404, 409, 422)
  async print(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: PrintBadgesDto, @CurrentUser() user: RequestUser, @Res() res: Response): Promise<void> {
    const jobId = await this.jobs.create(eventId, user, dto);
    await sendBadgePdf(res, await this.jobs.pdf(eventId, jobId, user));
  }

  @Roles('organiser', 'reception')
  @Get('preview')
  @ApiOperation({
    summary: 'What a print job would give: badges, sheets per template, and which badges overflow (organisers and reception)',
    description: 'The print filter as query parameters (category, partId, day, notYetPrinted) and ?template=. Nothing is logged.',
  })
  @ApiOkResponse({ type: BadgePreviewResponse })
  @ApiErrors(401, 403, 404, 422)
  preview(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: BadgePreviewQuery): Promise<BadgePreviewResponse> {
    return this.badges.preview(eventId, {
      template: query.template,
      filter: { categories: query.category ? [query.category] : undefined, partId: query.partId, day: query.day, notYetPrinted: query.notYetPrinted },
    });
  }

  @Roles('organiser')
  @Get('templates')
  @ApiOperation({ summary: 'Badge templates, the event’s default and the template of each category (organisers)' })
  @ApiOkResponse({ type: BadgeTemplatesResponse })
  @ApiErrors(401, 403, 404)
  templates(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<BadgeTemplatesResponse> {
    return this.badges.templateChoices(eventId);
  }

  @Roles('organiser')
  @Put('templates')
  @ApiOperation({
    summary: 'Choose the template of each category (organisers); replaces the choices, a category left out uses the default',
    description: '422 UNKNOWN_BADGE_TEMPLATE naming the templates that exist; a category given twice 422.',
  })
  @ApiOkResponse({ type: BadgeTemplatesResponse })
  @ApiErrors(401, 403, 404, 422)
  setTemplates(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: BadgeTemplateChoicesDto): Promise<BadgeTemplatesResponse> {
    return this.badges.setTemplateChoices(eventId, dto.choices);
  }
}
