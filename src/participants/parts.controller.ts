import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { AdmissionResponse } from './dto/admission.response.js';
import { PartAdmissionDto } from './dto/part-admission.dto.js';
import { PartAdmissionsQuery } from './dto/part-admissions.query.js';
import { PartCreateDto } from './dto/part-create.dto.js';
import { PartUpdateDto } from './dto/part-update.dto.js';
import { PartResponse } from './dto/part.response.js';
import { PartsService } from './parts.service.js';

/** Parts of an event and who holds or waits for their seats (organisers). */
@ApiTags('parts')
@ApiBearerAuth()
@Roles('organiser')
@Controller()
export class PartsController {
  constructor(private readonly parts: PartsService) {}

  @Post('events/:eventId/parts')
  @ApiOperation({ summary: 'Add a part that needs a seat (a day, a workshop, the ceremony, the dinner) with its capacity and admission rule' })
  @ApiCreatedResponse({ type: PartResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  create(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: PartCreateDto): Promise<PartResponse> {
    return this.parts.create(eventId, dto);
  }

  @Get('events/:eventId/parts')
  @ApiOperation({ summary: 'The parts of an event with their capacity and how many are admitted, waiting and asking' })
  @ApiPageResponse(PartResponse)
  @ApiErrors(401, 403, 404)
  list(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: PageQueryDto) {
    return this.parts.list(eventId, query);
  }

  @Get('parts/:id')
  @ApiOperation({ summary: 'One part with its counts' })
  @ApiOkResponse({ type: PartResponse })
  @ApiErrors(401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PartResponse> {
    return this.parts.get(id);
  }

  @Patch('parts/:id')
  @ApiOperation({ summary: 'Change a part: a capacity below the seats given is 409 CAPACITY_BELOW_ADMITTED; a larger one admits waiting people in queue order' })
  @ApiOkResponse({ type: PartResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: PartUpdateDto): Promise<PartResponse> {
    return this.parts.update(id, dto);
  }

  @Delete('parts/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a part nobody holds or waits for (else 409 PART_IN_USE)' })
  @ApiNoContentResponse()
  @ApiErrors(401, 403, 404, 409)
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.parts.remove(id);
  }

  @Get('parts/:id/admissions')
  @ApiOperation({ summary: 'Who holds, waits for (in queue order, with position) or asked for a seat; ?status= filters' })
  @ApiPageResponse(AdmissionResponse)
  @ApiErrors(401, 403, 404)
  admissions(@Param('id', ParseUUIDPipe) id: string, @Query() query: PartAdmissionsQuery) {
    return this.parts.admissionsOf(id, query);
  }

  @Post('parts/:id/admissions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Admit a participant of the event, whatever the rule: while seats remain (else the waiting list), or a speaker or chair outside the capacity (quota programme)',
  })
  @ApiOkResponse({ type: AdmissionResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  admit(@Param('id', ParseUUIDPipe) id: string, @Body() dto: PartAdmissionDto): Promise<AdmissionResponse> {
    return this.parts.admit(id, dto.participantId, dto.quota ?? 'public');
  }

  @Delete('parts/:id/admissions/:participantId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancel a participant’s place; a freed seat goes at once to the head of the waiting list, who is mailed' })
  @ApiNoContentResponse()
  @ApiErrors(401, 403, 404)
  async cancel(@Param('id', ParseUUIDPipe) id: string, @Param('participantId', ParseUUIDPipe) participantId: string): Promise<void> {
    await this.parts.cancel(id, participantId);
  }
}
