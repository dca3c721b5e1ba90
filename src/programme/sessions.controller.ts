import { Body, Controller, Delete, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { ChangeWarningsResponse } from './dto/conflict.response.js';
import { CreateTalkDto } from './dto/create-talk.dto.js';
import { SessionChangeResponse, SessionResponse, TalkChangeResponse } from './dto/session.response.js';
import { UpdateSessionDto } from './dto/update-session.dto.js';
import { SessionsService } from './sessions.service.js';
import { TalksService } from './talks.service.js';
import { setVersionEtag } from './version-etag.js';

const ETAG_HEADER = { ETag: { description: 'The version in quotes ("3"): send it back as If-Match', schema: { type: 'string' } } };
const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The ETag read before the change ("3"); when the row changed since, 412 PRECONDITION_FAILED with the current state in details.current',
};

@ApiTags('programme')
@ApiBearerAuth()
@Roles('organiser')
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly talks: TalksService,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'A session with its room, venue, chairs and talks (times computed) (organisers)' })
  @ApiOkResponse({ type: SessionResponse, headers: ETAG_HEADER })
  @ApiErrors(401, 403, 404)
  async get(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    const session = await this.sessions.get(id);
    setVersionEtag(res, session.version);
    return session;
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Move, resize, change the room, retitle, replace the chairs or the expected attendance of a session (organisers)',
    description:
      'The result is checked like a new session (422 INVALID_PERIOD, SESSION_OUTSIDE_EVENT, ROOM_NOT_IN_EVENT; 409 ROOM_OCCUPIED), and ' +
      'must still hold its talks (422 TALKS_OVERFLOW). `chairs`, when given, replaces them. The answer carries `warnings` and the new ETag. ' +
      'With If-Match, a session changed since (its version moved on) is 412 PRECONDITION_FAILED, nothing written, details.current its current state.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: SessionChangeResponse, headers: ETAG_HEADER })
  @ApiErrors(401, 403, 404, 409, 412, 422)
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSessionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionChangeResponse> {
    const session = await this.sessions.update(id, dto, ifMatch);
    setVersionEtag(res, session.version);
    return session;
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete a session with its chairs and talks (organisers)',
    description: 'Its proposals become unplaced. Answers 200 with the conflicts the deletion introduced (`warnings`).',
  })
  @ApiOkResponse({ type: ChangeWarningsResponse })
  @ApiErrors(401, 403, 404)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<ChangeWarningsResponse> {
    return this.sessions.remove(id);
  }

  @Post(':id/talks')
  @ApiOperation({
    summary: 'Place an accepted or confirmed proposal in a session, or tentatively one under review (organisers)',
    description:
      'Appended unless `position` (0-based) is given; lasts the proposal’s own length, else its type’s default, unless `durationMinutes`. ' +
      'A proposal of another event is 422 PROPOSAL_NOT_IN_EVENT; one neither accepted, confirmed nor under review 409 PROPOSAL_NOT_ACCEPTED (with its state); ' +
      'a proposal under review (submitted) is placed only with tentative: true (409 TENTATIVE_REQUIRED otherwise), an accepted or confirmed one ' +
      'never tentatively (409 TENTATIVE_NOT_UNDER_REVIEW); a tentative talk is a blocking conflict TALK_TENTATIVE until its proposal is accepted; ' +
      'one placed already 409 PROPOSAL_ALREADY_PLACED; talks overflowing the session 422 TALKS_OVERFLOW. The answer carries `warnings`.',
  })
  @ApiCreatedResponse({ type: TalkChangeResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  addTalk(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateTalkDto): Promise<TalkChangeResponse> {
    return this.talks.add(id, dto);
  }
}
