import { Body, Controller, Delete, Headers, Param, ParseUUIDPipe, Patch, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { ChangeWarningsResponse } from './dto/conflict.response.js';
import { TalkChangeResponse } from './dto/session.response.js';
import { UpdateTalkDto } from './dto/update-talk.dto.js';
import { TalksService } from './talks.service.js';
import { setVersionEtag } from './version-etag.js';

@ApiTags('programme')
@ApiBearerAuth()
@Roles('organiser')
@Controller('talks')
export class TalksController {
  constructor(private readonly talks: TalksService) {}

  @Patch(':id')
  @ApiOperation({
    summary: 'Reorder a talk, change its length, or move it to another session of the event, in one request (organisers)',
    description:
      'The other talks follow in order (positions 0..n-1). A session overflowing is 422 TALKS_OVERFLOW; a session of another event 422 ' +
      'SESSION_NOT_IN_EVENT. The answer carries `warnings` and the talk’s new ETag. With If-Match, a talk changed since (its version ' +
      'moved on) is 412 PRECONDITION_FAILED, nothing written, details.current its current state.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The talk’s ETag read before the change (its version in quotes, "2"); when it changed since, 412 with the current state',
  })
  @ApiOkResponse({ type: TalkChangeResponse, headers: { ETag: { description: 'The talk’s version in quotes', schema: { type: 'string' } } } })
  @ApiErrors(401, 403, 404, 409, 412, 422)
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateTalkDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TalkChangeResponse> {
    const talk = await this.talks.update(id, dto, ifMatch);
    setVersionEtag(res, talk.version);
    return talk;
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Remove a talk from its session (organisers)',
    description: 'The proposal becomes unplaced. Answers 200 with the conflicts the removal introduced (`warnings`).',
  })
  @ApiOkResponse({ type: ChangeWarningsResponse })
  @ApiErrors(401, 403, 404, 409)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<ChangeWarningsResponse> {
    return this.talks.remove(id);
  }
}
