import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { CreateSessionDto } from './dto/create-session.dto.js';
import { ListSessionsQuery } from './dto/list-sessions.query.js';
import { SessionChangeResponse, SessionResponse } from './dto/session.response.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('programme')
@ApiBearerAuth()
@Roles('organiser')
@Controller('events/:eventId')
export class EventSessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('sessions')
  @ApiOperation({
    summary: 'Add a session to the draft programme (organisers)',
    description:
      'Times are wall-clock in the event’s time zone (2012-02-06T18:00) or carry an offset. The room must be at a venue of the event or of a ' +
      'linked event (422 ROOM_NOT_IN_EVENT); the session must end after it starts (422 INVALID_PERIOD) and lie within the event (422 ' +
      'SESSION_OUTSIDE_EVENT). A room holding another session at that time answers 409 ROOM_OCCUPIED naming it. Chairs are ' +
      '{userId}, {email} of an existing account, or {guestName, guestAffiliation?}. The answer carries `warnings`: the conflicts the change introduced.',
  })
  @ApiCreatedResponse({ type: SessionChangeResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  create(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: CreateSessionDto): Promise<SessionChangeResponse> {
    return this.sessions.create(eventId, dto);
  }

  @Get('sessions')
  @ApiOperation({
    summary: 'The draft programme’s sessions by start time, with rooms, chairs and talks (organisers)',
    description: '`day` is a local date in the event’s time zone (sessions starting that day); `roomId` and `kind` filter too.',
  })
  @ApiPageResponse(SessionResponse)
  @ApiErrors(401, 403, 404)
  list(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ListSessionsQuery) {
    return this.sessions.list(eventId, query);
  }

  @Get('sessions.csv')
  @ApiOperation({
    summary: 'The draft programme as CSV: each session followed by its talks (organisers)',
    description:
      'UTF-8 with a byte-order mark, comma-separated, CRLF line ends, RFC 4180 quoting, a French header; times in the event’s time zone; ' +
      'a cell starting with = + - @ is prefixed with an apostrophe so that no spreadsheet runs it.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'programme-<event slug>.csv', schema: { type: 'string' } })
  @ApiErrors(401, 403, 404)
  async csv(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<StreamableFile> {
    const file = await this.sessions.exportCsv(eventId);
    return new StreamableFile(file.content, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${file.filename}"`,
      length: file.content.length,
    });
  }
}
