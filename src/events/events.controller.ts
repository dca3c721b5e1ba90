import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { CreateEventDto } from './dto/create-event.dto.js';
import { EventResponse } from './dto/event.response.js';
import { ListEventsQuery } from './dto/list-events.query.js';
import { UpdateEventDto } from './dto/update-event.dto.js';
import { EventsService } from './events.service.js';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'List events (public), paginated; times in each event’s time zone' })
  @ApiPageResponse(EventResponse)
  @ApiErrors()
  list(@Query() query: ListEventsQuery) {
    return this.events.listPublic(query);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'One event with its venues and linked events (public)' })
  @ApiOkResponse({ type: EventResponse })
  @ApiErrors(404)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<EventResponse> {
    return this.events.getPublic(id);
  }

  @Roles('organiser')
  @Post()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create an event (organisers)' })
  @ApiCreatedResponse({ type: EventResponse })
  @ApiErrors(401, 403, 409, 422)
  create(@Body() dto: CreateEventDto): Promise<EventResponse> {
    return this.events.create(dto);
  }

  @Roles('organiser')
  @Patch(':id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change an event (organisers); venueIds replaces the set' })
  @ApiOkResponse({ type: EventResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateEventDto): Promise<EventResponse> {
    return this.events.update(id, dto);
  }

  @Roles('organiser')
  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Delete an event and what belongs to it (organisers)' })
  @ApiNoContentResponse()
  @ApiErrors(401, 403, 404, 409)
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.events.remove(id);
  }
}
