import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type RequestUser } from '../../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../../common/http/api-docs.js';
import { PageQueryDto, type Page } from '../../common/pagination/page-query.dto.js';
import { DraftProgrammeResponse } from './dto/draft-programme.response.js';
import { PublishReleaseDto } from './dto/publish-release.dto.js';
import { ReleaseSummaryResponse } from './dto/release-summary.response.js';
import { ReleaseResponse } from './dto/release.response.js';
import { ProgrammePublishingService } from './programme-publishing.service.js';
import { ProgrammeReleasesService } from './programme-releases.service.js';

/** Publishing the programme and looking at its versions and its draft (organisers). */
@ApiTags('programme')
@ApiBearerAuth()
@Controller('events/:eventId/programme')
export class ProgrammeReleasesController {
  constructor(
    private readonly publishing: ProgrammePublishingService,
    private readonly releases: ProgrammeReleasesService,
  ) {}

  @Post('releases')
  @Roles('organiser')
  @ApiOperation({
    summary:
      'Publish the draft programme as the next version, with its changelog against the version before; speakers whose talks move, ' +
      'are removed or retitled get one mail each. 409 PROGRAMME_HAS_BLOCKING_CONFLICTS lists what must be fixed or acknowledged first',
  })
  @ApiCreatedResponse({ type: ReleaseResponse })
  @ApiErrors(401, 403, 404, 409)
  async publish(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: PublishReleaseDto, @CurrentUser() caller: RequestUser): Promise<ReleaseResponse> {
    return ReleaseResponse.from(await this.publishing.publish(eventId, dto.note ?? null, caller));
  }

  @Get('releases')
  @Roles('organiser')
  @ApiOperation({ summary: 'The published versions with their notes and changelogs (organisers; paginated, by version)' })
  @ApiPageResponse(ReleaseSummaryResponse)
  @ApiErrors(401, 403, 404)
  async list(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: PageQueryDto): Promise<Page<ReleaseSummaryResponse>> {
    const page = await this.releases.list(eventId, query);
    return { ...page, items: page.items.map(ReleaseSummaryResponse.from) };
  }

  @Get('draft')
  @Roles('organiser')
  @ApiOperation({ summary: 'The draft as the next version would publish it, its changelog against the latest version and what blocks it (organisers)' })
  @ApiOkResponse({ type: DraftProgrammeResponse })
  @ApiErrors(401, 403, 404)
  async draft(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<DraftProgrammeResponse> {
    return DraftProgrammeResponse.from(await this.publishing.preview(eventId));
  }
}
