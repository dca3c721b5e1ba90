import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { EventUnavailabilityResponse } from './dto/event-unavailability.response.js';
import { ListEventUnavailabilitiesQuery } from './dto/list-event-unavailabilities.query.js';
import { UnavailabilitiesService } from './unavailabilities.service.js';

@ApiTags('speakers')
@ApiBearerAuth()
@Roles('organiser')
@Controller('events/:eventId/unavailabilities')
export class EventUnavailabilitiesController {
  constructor(private readonly unavailabilities: UnavailabilitiesService) {}

  @Get()
  @ApiOperation({ summary: 'Every speaker’s unavailabilities for an event (or some speakers’ only: userId), with names, by start (organisers)' })
  @ApiPageResponse(EventUnavailabilityResponse)
  @ApiErrors(401, 403, 404)
  list(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ListEventUnavailabilitiesQuery) {
    return this.unavailabilities.listForEvent(eventId, query);
  }
}
