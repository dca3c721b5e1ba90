import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import type { Page } from '../common/pagination/page-query.dto.js';
import { CreateEventOrganisationDto } from './dto/create-event-organisation.dto.js';
import { EventOrganisationResponse } from './dto/event-organisation.response.js';
import { ListEventOrganisationsQuery } from './dto/list-event-organisations.query.js';
import { PutRoleOrderDto } from './dto/put-role-order.dto.js';
import { UpdateEventOrganisationDto } from './dto/update-event-organisation.dto.js';
import { EventOrganisationsService } from './event-organisations.service.js';

@ApiTags('organisations')
@Controller('events/:eventId/organisations')
export class EventOrganisationsController {
  constructor(private readonly roles: EventOrganisationsService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'The organisations of an event and their roles (public)',
    description: 'Ordered by role (co-organiser, patron, supporter, sponsor, partner, media), then display order, then name.',
  })
  @ApiPageResponse(EventOrganisationResponse)
  @ApiErrors(404)
  list(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Query() query: ListEventOrganisationsQuery,
  ): Promise<Page<EventOrganisationResponse>> {
    return this.roles.list(eventId, query);
  }

  @Post()
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Give an organisation a role on the event; sponsorTier only for a sponsor (organisers)' })
  @ApiCreatedResponse({ type: EventOrganisationResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  add(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: CreateEventOrganisationDto): Promise<EventOrganisationResponse> {
    return this.roles.add(eventId, dto);
  }

  @Put('order')
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Put the organisations holding one role in a new display order (organisers)',
    description:
      'roleIds names every role of this kind on the event, each once, in the new order; their display orders become 0, 1, 2… in one transaction. ' +
      'A list that is not exactly those roles (one added or removed since the page was read) is 409 ROLE_ORDER_STALE with missingRoleIds and unknownRoleIds, and changes nothing. ' +
      'Answers the roles of this kind in their new order.',
  })
  @ApiOkResponse({ type: [EventOrganisationResponse] })
  @ApiErrors(401, 403, 404, 409)
  reorder(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: PutRoleOrderDto): Promise<EventOrganisationResponse[]> {
    return this.roles.reorder(eventId, dto);
  }

  @Patch(':roleId')
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change the role, sponsor tier, display order or note (organisers)' })
  @ApiOkResponse({ type: EventOrganisationResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  update(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('roleId', ParseUUIDPipe) roleId: string,
    @Body() dto: UpdateEventOrganisationDto,
  ): Promise<EventOrganisationResponse> {
    return this.roles.update(eventId, roleId, dto);
  }

  @Delete(':roleId')
  @HttpCode(204)
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Take the role away from the organisation (organisers)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(401, 403, 404)
  remove(@Param('eventId', ParseUUIDPipe) eventId: string, @Param('roleId', ParseUUIDPipe) roleId: string): Promise<void> {
    return this.roles.remove(eventId, roleId);
  }
}
