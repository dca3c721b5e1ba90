import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { DeskService } from './desk.service.js';
import { DeskContextResponse } from './dto/desk-context.response.js';
import { DeskPersonResponse } from './dto/desk-person.response.js';
import { DeskSearchQuery } from './dto/desk-search.query.js';
import { WalkInDto } from './dto/walk-in.dto.js';

/** What the reception desk page calls besides login, check-in and the badge PDF. */
@ApiTags('desk')
@ApiBearerAuth()
@Roles('organiser', 'reception')
@Controller('events/:eventId/desk')
export class DeskController {
  constructor(private readonly desk: DeskService) {}

  @Get()
  @ApiOperation({ summary: 'The desk’s day: today’s date in the event’s zone, today’s day part, walk-in categories (reception and organisers)' })
  @ApiOkResponse({ type: DeskContextResponse })
  @ApiErrors(401, 403, 404)
  context(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<DeskContextResponse> {
    return this.desk.context(eventId);
  }

  @Get('participants')
  @ApiOperation({
    summary: 'Find people at the desk by name or badge token (reception and organisers)',
    description:
      '`q`: words of the names, email or town, whatever the accents and case ("helene" finds "Hélène"); `token`: the person holding ' +
      'that badge; `id`: that person. Each person with the badge’s category, places and their check-ins, printed or not, checked in today or not. ' +
      'Anonymised records are left out. Sorted by name.',
  })
  @ApiPageResponse(DeskPersonResponse)
  @ApiErrors(401, 403, 404)
  search(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: DeskSearchQuery) {
    return this.desk.search(eventId, query);
  }

  @Post('walk-ins')
  @ApiOperation({
    summary: 'Register someone who turns up without a registration (reception and organisers)',
    description:
      'Creates the participant (source desk) with the category given and today’s date, and asks for a place in today’s day ' +
      'part as an organiser would (admitted while seats remain, else waiting list), in one transaction. The email is optional ' +
      '(a walk-in without one is never mailed); when given, 409 EMAIL_TAKEN if the event already has it: search for the person ' +
      'instead. The badge is then printed with GET /api/participants/:id/badge.pdf.',
  })
  @ApiCreatedResponse({ type: DeskPersonResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  walkIn(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: WalkInDto): Promise<DeskPersonResponse> {
    return this.desk.walkIn(eventId, dto);
  }
}
