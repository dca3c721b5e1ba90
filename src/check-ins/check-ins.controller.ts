import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type RequestUser } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { CheckInsService } from './check-ins.service.js';
import { CheckInDto } from './dto/check-in.dto.js';
import { CheckInStatsResponse } from './dto/check-in-stats.response.js';
import { CheckInResponse } from './dto/check-in.response.js';

@ApiTags('check-ins')
@ApiBearerAuth()
@Controller()
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Roles('organiser', 'reception')
  @Post('check-ins')
  @ApiOperation({
    summary: 'Check a badge holder in (reception and organisers)',
    description:
      'Admits the holder of the badge to the named part (id or code), or to the event’s day part whose date is today in the ' +
      'event’s zone. 201 when it checks them in; 200 with "already checked in at 09:12 by …" when they already were for that ' +
      'part and day (nothing written; two scans at once write one check-in). A retried request with the same `nonce` answers ' +
      'as the first did (422 NONCE_REUSED for another badge). 403 NOT_ADMITTED with the reason (waiting list, request pending, ' +
      'not registered); 404 BADGE_NOT_FOUND for an unknown or replaced token; 404 PART_NOT_FOUND; 409 PARTICIPANT_CANCELLED; ' +
      '409 NO_DAY_PART_TODAY; 409 OTHER_EVENT when `eventId` is given and the badge belongs to another event. Errors carry `details.messageFr` for the desk.',
  })
  @ApiCreatedResponse({ type: CheckInResponse, description: 'Checked in now' })
  @ApiOkResponse({ type: CheckInResponse, description: 'Already checked in for this part and day: nothing written' })
  @ApiErrors(401, 403, 404, 409, 422)
  async checkIn(@Body() dto: CheckInDto, @CurrentUser() user: RequestUser, @Res({ passthrough: true }) res: Response): Promise<CheckInResponse> {
    const answer = await this.checkIns.checkIn(dto, user);
    res.status(answer.created ? 201 : 200);
    return answer;
  }

  @Roles('organiser', 'reception')
  @Get('events/:eventId/check-ins/stats')
  @ApiOperation({
    summary: 'Live check-in counts per part and day: admitted against checked in (reception and organisers)',
    description: 'Every part of the event with the places admitted now, its check-ins over all days, today’s (the event’s local date) and per day; and today’s arrivals per quarter hour of the event’s zone (`arrivalsToday`). Cheap enough to be polled every few seconds by a dashboard.',
  })
  @ApiOkResponse({ type: CheckInStatsResponse })
  @ApiErrors(401, 403, 404)
  stats(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<CheckInStatsResponse> {
    return this.checkIns.stats(eventId);
  }
}
