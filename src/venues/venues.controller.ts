import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import type { Page } from '../common/pagination/page-query.dto.js';
import { CreateVenueDto } from './dto/create-venue.dto.js';
import { ListVenuesQuery } from './dto/list-venues.query.js';
import { UpdateVenueDto } from './dto/update-venue.dto.js';
import { VenueDetailResponse } from './dto/venue-detail.response.js';
import { VenueResponse } from './dto/venue.response.js';
import { VenuesService } from './venues.service.js';

@ApiTags('venues')
@Controller('venues')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Post()
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a venue, with its opening hours in its time zone (organisers)' })
  @ApiCreatedResponse({ type: VenueDetailResponse })
  @ApiErrors(401, 403, 422)
  create(@Body() dto: CreateVenueDto): Promise<VenueDetailResponse> {
    return this.venues.create(dto);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'List venues, paginated; ?q= searches name and city' })
  @ApiPageResponse(VenueResponse)
  @ApiErrors()
  list(@Query() query: ListVenuesQuery): Promise<Page<VenueResponse>> {
    return this.venues.listPublic(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One venue with its rooms and opening hours' })
  @ApiOkResponse({ type: VenueDetailResponse })
  @ApiErrors(404)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<VenueDetailResponse> {
    return this.venues.getPublic(id);
  }

  @Patch(':id')
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change a venue (organisers)',
    description:
      'openingHours, when given, replaces the whole set. A new timeZone without openingHours keeps the wall-clock hours; ' +
      'if one of them does not exist in the new zone (DST gap) the change is refused with 409.',
  })
  @ApiOkResponse({ type: VenueDetailResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateVenueDto): Promise<VenueDetailResponse> {
    return this.venues.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Delete a venue with its rooms, opening hours and travel times; 409 while an event uses it (organisers)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 403, 404, 409)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.venues.remove(id);
  }
}
