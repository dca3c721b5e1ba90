import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { EventUnavailabilityResponse } from './dto/event-unavailability.response.js';
import { UnavailabilitiesService } from './unavailabilities.service.js';

@ApiTags('speakers')
@ApiBearerAuth()
@Roles('organiser')
@Controller('events/:eventId/unavailabilities')
export class EventUnavailabilitiesController {
  constructor(private readonly unavailabilities: UnavailabilitiesService) {}

  @Get()
  @ApiOperation({ summary: 'Every speaker’s unavailabilities for an event, with names, by start (organisers)' })
  @ApiPageResponse(EventUnavailabilityResponse)
  @ApiErrors(401, 403, 404)
  list(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: PageQueryDto) {
    return this.unavailabilities.listForEvent(eventId, query);
  }
}
