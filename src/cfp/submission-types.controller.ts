import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { CreateSubmissionTypeDto } from './dto/create-submission-type.dto.js';
import { ListSubmissionTypesQuery } from './dto/list-submission-types.query.js';
import { SubmissionTypeResponse } from './dto/submission-type.response.js';
import { UpdateSubmissionTypeDto } from './dto/update-submission-type.dto.js';
import { SubmissionTypesService } from './submission-types.service.js';

@ApiTags('call for papers')
@Controller('events/:eventId/submission-types')
export class SubmissionTypesController {
  constructor(private readonly types: SubmissionTypesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The kinds of proposal an event accepts, with their default length, paginated' })
  @ApiPageResponse(SubmissionTypeResponse)
  @ApiErrors(404)
  list(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ListSubmissionTypesQuery) {
    return this.types.list(eventId, query);
  }

  @Post()
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a submission type; codes are unique within the event (organisers)' })
  @ApiCreatedResponse({ type: SubmissionTypeResponse })
  @ApiErrors(401, 403, 404, 409)
  create(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: CreateSubmissionTypeDto): Promise<SubmissionTypeResponse> {
    return this.types.create(eventId, dto);
  }

  @Patch(':typeId')
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change a submission type (organisers)' })
  @ApiOkResponse({ type: SubmissionTypeResponse })
  @ApiErrors(401, 403, 404, 409)
  update(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('typeId', ParseUUIDPipe) typeId: string,
    @Body() dto: UpdateSubmissionTypeDto,
  ): Promise<SubmissionTypeResponse> {
    return this.types.update(eventId, typeId, dto);
  }

  @Delete(':typeId')
  @HttpCode(204)
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Delete a submission type no proposal uses (organisers); 409 TYPE_IN_USE otherwise' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 403, 404, 409)
  remove(@Param('eventId', ParseUUIDPipe) eventId: string, @Param('typeId', ParseUUIDPipe) typeId: string): Promise<void> {
    return this.types.remove(eventId, typeId);
  }
}
