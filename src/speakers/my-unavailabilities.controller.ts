import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type RequestUser } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { CreateUnavailabilityDto } from './dto/create-unavailability.dto.js';
import { UnavailabilityResponse } from './dto/unavailability.response.js';
import { UnavailabilitiesService } from './unavailabilities.service.js';

/** A speaker declares when they cannot attend an event; they see and remove only their own. */
@ApiTags('speakers')
@ApiBearerAuth()
@Roles('speaker')
@Controller('me/events/:eventId/unavailabilities')
export class MyUnavailabilitiesController {
  constructor(private readonly unavailabilities: UnavailabilitiesService) {}

  @Get()
  @ApiOperation({ summary: 'My unavailabilities for an event, paginated, in its time zone (speakers)' })
  @ApiPageResponse(UnavailabilityResponse)
  @ApiErrors(401, 403, 404)
  list(@CurrentUser() me: RequestUser, @Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: PageQueryDto) {
    return this.unavailabilities.listOwn(me.id, eventId, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Declare a time when I cannot attend (speakers)',
    description: 'Times are wall-clock in the event’s time zone (2012-02-06T14:00) or carry an offset; the range must lie within the event.',
  })
  @ApiCreatedResponse({ type: UnavailabilityResponse })
  @ApiErrors(401, 403, 404, 422)
  create(
    @CurrentUser() me: RequestUser,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body() dto: CreateUnavailabilityDto,
  ): Promise<UnavailabilityResponse> {
    return this.unavailabilities.create(me.id, eventId, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one of my unavailabilities (speakers); anyone else’s id is 404' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(401, 403, 404)
  remove(
    @CurrentUser() me: RequestUser,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.unavailabilities.remove(me.id, eventId, id);
  }
}
