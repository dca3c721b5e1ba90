import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type RequestUser } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { CreateSubmissionDto } from './dto/create-submission.dto.js';
import { HistoryEntryResponse } from './dto/history-entry.response.js';
import { RevisionResponse } from './dto/revision.response.js';
import { SubmissionResponse } from './dto/submission.response.js';
import { TransitionDto } from './dto/transition.dto.js';
import { UpdateSubmissionDto } from './dto/update-submission.dto.js';
import { SubmissionCreationService } from './submission-creation.service.js';
import { SubmissionEditingService } from './submission-editing.service.js';
import { SubmissionHistoryService } from './submission-history.service.js';
import { SubmissionTransitionsService } from './submission-transitions.service.js';
import { SubmissionsService } from './submissions.service.js';

/** Proposals, as their speakers and the organisers handle them. A proposal the caller may not see is 404. */
@ApiTags('submissions')
@ApiBearerAuth()
@Controller()
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly creation: SubmissionCreationService,
    private readonly editing: SubmissionEditingService,
    private readonly transitions: SubmissionTransitionsService,
    private readonly history: SubmissionHistoryService,
  ) {}

  @Post('events/:eventId/submissions')
  @Roles('speaker', 'organiser')
  @ApiOperation({
    summary: 'File a proposal (a draft): speakers while the call is open, organisers at any time on behalf of a speaker (speakerEmail)',
  })
  @ApiCreatedResponse({ type: SubmissionResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  create(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: CreateSubmissionDto, @CurrentUser() caller: RequestUser): Promise<SubmissionResponse> {
    return this.creation.create(eventId, dto, caller);
  }

  @Get('submissions/:id')
  @Roles('speaker', 'organiser')
  @ApiOperation({ summary: 'One proposal, with what the caller may do next (its signers and the organisers)' })
  @ApiOkResponse({ type: SubmissionResponse })
  @ApiErrors(401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() caller: RequestUser): Promise<SubmissionResponse> {
    return this.submissions.get(id, caller);
  }

  @Patch('submissions/:id')
  @Roles('speaker', 'organiser')
  @ApiOperation({
    summary: 'Change a proposal: speakers anything while draft or submitted, only the text once accepted (recorded as revisions); organisers anything',
  })
  @ApiOkResponse({ type: SubmissionResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSubmissionDto, @CurrentUser() caller: RequestUser): Promise<SubmissionResponse> {
    return this.editing.update(id, dto, caller);
  }

  @Post('submissions/:id/transitions')
  @HttpCode(200)
  @Roles('speaker', 'organiser')
  @ApiOperation({
    summary:
      'Move a proposal: submit, confirm, withdraw (speakers); accept, reject, cancel, resubmit (organisers). 409 INVALID_TRANSITION names the state and the allowed actions',
  })
  @ApiOkResponse({ type: SubmissionResponse })
  @ApiErrors(401, 403, 404, 409)
  transition(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionDto, @CurrentUser() caller: RequestUser): Promise<SubmissionResponse> {
    return this.transitions.transition(id, dto, caller);
  }

  @Get('submissions/:id/history')
  @Roles('speaker', 'organiser')
  @ApiOperation({ summary: 'The moves of a proposal in order; speakers see who acted only as "organisation" or "speaker"' })
  @ApiPageResponse(HistoryEntryResponse)
  @ApiErrors(401, 403, 404)
  historyOf(@Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto, @CurrentUser() caller: RequestUser) {
    return this.history.history(id, caller, query);
  }

  @Get('submissions/:id/revisions')
  @Roles('organiser')
  @ApiOperation({ summary: 'What was changed in a proposal after its acceptance, field by field (organisers)' })
  @ApiPageResponse(RevisionResponse)
  @ApiErrors(401, 403, 404)
  revisionsOf(@Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto, @CurrentUser() caller: RequestUser) {
    return this.history.revisionsOf(id, caller, query);
  }
}
