import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { ChangeWarningsResponse } from './dto/conflict.response.js';
import { CreateTalkDto } from './dto/create-talk.dto.js';
import { SessionChangeResponse, SessionResponse, TalkChangeResponse } from './dto/session.response.js';
import { UpdateSessionDto } from './dto/update-session.dto.js';
import { SessionsService } from './sessions.service.js';
import { TalksService } from './talks.service.js';

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
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<SessionResponse> {
    return this.sessions.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Move, resize, change the room, retitle, replace the chairs or the expected attendance of a session (organisers)',
    description:
      'The result is checked like a new session (422 INVALID_PERIOD, SESSION_OUTSIDE_EVENT, ROOM_NOT_IN_EVENT; 409 ROOM_OCCUPIED), and ' +
      'must still hold its talks (422 TALKS_OVERFLOW). `chairs`, when given, replaces them. The answer carries `warnings`.',
  })
  @ApiOkResponse({ type: SessionChangeResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSessionDto): Promise<SessionChangeResponse> {
    return this.sessions.update(id, dto);
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
    summary: 'Place an accepted or confirmed proposal in a session (organisers)',
    description:
      'Appended unless `position` (0-based) is given; lasts the proposal’s own length, else its type’s default, unless `durationMinutes`. ' +
      'A proposal of another event is 422 PROPOSAL_NOT_IN_EVENT; one not accepted nor confirmed 409 PROPOSAL_NOT_ACCEPTED (with its state); ' +
      'one placed already 409 PROPOSAL_ALREADY_PLACED; talks overflowing the session 422 TALKS_OVERFLOW. The answer carries `warnings`.',
  })
  @ApiCreatedResponse({ type: TalkChangeResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  addTalk(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateTalkDto): Promise<TalkChangeResponse> {
    return this.talks.add(id, dto);
  }
}
