import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import type { Page } from '../common/pagination/page-query.dto.js';
import { CreateOrganisationDto } from './dto/create-organisation.dto.js';
import { ListOrganisationsQuery } from './dto/list-organisations.query.js';
import { OrganisationResponse } from './dto/organisation.response.js';
import { UpdateOrganisationDto } from './dto/update-organisation.dto.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Record an organisation (organisers)' })
  @ApiCreatedResponse({ type: OrganisationResponse })
  @ApiErrors(401, 403, 409)
  create(@Body() dto: CreateOrganisationDto): Promise<OrganisationResponse> {
    return this.organisations.create(dto);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'List organisations, paginated, by kind or by a text in the name or acronym (public)' })
  @ApiPageResponse(OrganisationResponse)
  @ApiErrors()
  list(@Query() query: ListOrganisationsQuery): Promise<Page<OrganisationResponse>> {
    return this.organisations.listPublic(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One organisation (public)' })
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiErrors(404)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OrganisationResponse> {
    return this.organisations.getPublic(id);
  }

  @Patch(':id')
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change an organisation; null clears acronym, website or description (organisers)' })
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiErrors(401, 403, 404, 409)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOrganisationDto): Promise<OrganisationResponse> {
    return this.organisations.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Delete an organisation and its logo; refused while it holds a role on an event (organisers)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 403, 404, 409)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.organisations.remove(id);
  }
}
