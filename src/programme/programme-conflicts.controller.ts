import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type RequestUser } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { ConflictSettingsService } from './conflict-settings.service.js';
import { AcknowledgeConflictsDto } from './dto/acknowledge-conflicts.dto.js';
import { AcknowledgedConflictsResponse } from './dto/acknowledged-conflicts.response.js';
import { ConflictKeyQuery } from './dto/conflict-key.query.js';
import { ConflictSettingsDto } from './dto/conflict-settings.dto.js';
import { ConflictSettingsResponse } from './dto/conflict-setting.response.js';
import { ConflictReportResponse } from './dto/conflict.response.js';
import { ListConflictsQuery } from './dto/list-conflicts.query.js';

@ApiTags('programme')
@ApiBearerAuth()
@Roles('organiser')
@Controller('events/:eventId/programme')
export class ProgrammeConflictsController {
  constructor(private readonly settings: ConflictSettingsService) {}

  @Get('conflicts')
  @ApiOperation({
    summary: 'Every conflict of the draft programme, with counts per severity (organisers)',
    description:
      'Each conflict has a stable key and code, a severity (the organisers’ setting or the default), whether it is acknowledged and blocks ' +
      'publication, the sessions, talks, people and proposals concerned, and a message in French and English. Filters: severity, code.',
  })
  @ApiOkResponse({ type: ConflictReportResponse })
  @ApiErrors(401, 403, 404)
  report(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ListConflictsQuery): Promise<ConflictReportResponse> {
    return this.settings.report(eventId, query);
  }

  @Get('conflict-settings')
  @ApiOperation({ summary: 'The severity of each conflict code for the event, with its default (organisers)' })
  @ApiOkResponse({ type: ConflictSettingsResponse })
  @ApiErrors(401, 403, 404)
  getSettings(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<ConflictSettingsResponse> {
    return this.settings.settings(eventId);
  }

  @Put('conflict-settings')
  @ApiOperation({
    summary: 'Set the severity of each conflict code: error, warning or ignore (organisers)',
    description: 'Replaces the whole set: a code not given (or null) goes back to its default.',
  })
  @ApiOkResponse({ type: ConflictSettingsResponse })
  @ApiErrors(401, 403, 404)
  putSettings(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: ConflictSettingsDto): Promise<ConflictSettingsResponse> {
    return this.settings.replaceSettings(eventId, dto);
  }

  @Post('conflicts/acknowledgements')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Acknowledge warnings by their keys (organisers)',
    description:
      'An acknowledged warning no longer blocks publication; it lapses by itself when the conflict changes (another key). Keys naming no ' +
      'current conflict are 422 UNKNOWN_CONFLICT_KEYS (listed in details.unknownKeys); conflicts of severity error are 422 CONFLICT_NOT_ACKNOWLEDGEABLE.',
  })
  @ApiOkResponse({ type: AcknowledgedConflictsResponse })
  @ApiErrors(401, 403, 404, 422)
  acknowledge(
    @CurrentUser() me: RequestUser,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body() dto: AcknowledgeConflictsDto,
  ): Promise<AcknowledgedConflictsResponse> {
    return this.settings.acknowledge(eventId, dto.keys, me.id);
  }

  @Delete('conflicts/acknowledgements')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw the acknowledgement of one conflict, named by ?key= (organisers)' })
  @ApiNoContentResponse({ description: 'Withdrawn' })
  @ApiErrors(401, 403, 404)
  withdraw(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ConflictKeyQuery): Promise<void> {
    return this.settings.withdraw(eventId, query.key);
  }
}
