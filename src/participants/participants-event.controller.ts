import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { CreateParticipantDto } from './dto/create-participant.dto.js';
import { ExportParticipantsQuery, ListParticipantsQuery } from './dto/list-participants.query.js';
import { ParticipantSettingsDto } from './dto/participant-settings.dto.js';
import { ParticipantSettingsResponse } from './dto/participant-settings.response.js';
import { ParticipantSummaryResponse } from './dto/participant-summary.response.js';
import { ParticipantResponse } from './dto/participant.response.js';
import { ParticipantsAnonymisedResponse } from './dto/participants-anonymised.response.js';
import { ProgrammeSyncResponse } from './dto/programme-sync.response.js';
import { PublicParticipantResponse } from './dto/public-participant.response.js';
import { MAX_EXPORT_ROWS, ParticipantListService } from './participant-list.service.js';
import { ParticipantPrivacyService } from './participant-privacy.service.js';
import { toDetail } from './participant-row.js';
import { ParticipantSettingsService } from './participant-settings.service.js';
import { ParticipantsService } from './participants.service.js';
import { participantsCsv } from './participants-csv.js';
import { ProgrammeSyncService } from './programme-sync.service.js';

@ApiTags('participants')
@Controller('events/:eventId')
export class ParticipantsEventController {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly list: ParticipantListService,
    private readonly settings: ParticipantSettingsService,
    private readonly privacy: ParticipantPrivacyService,
    private readonly programmeSync: ProgrammeSyncService,
  ) {}

  @Roles('organiser')
  @Post('participants')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Create a participant, admitted to the given parts (organisers)',
    description:
      'Any category but speaker and chair, which come from the published programme only. Each part in `partIds` is asked for ' +
      'as an organiser: admitted while seats remain, whatever its rule, else on its waiting list. 409 EMAIL_TAKEN when the ' +
      'event already has this email (whatever its case); 422 DAY_OUTSIDE_EVENT.',
  })
  @ApiCreatedResponse({ type: ParticipantResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  create(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: CreateParticipantDto): Promise<ParticipantResponse> {
    return this.participants.create(eventId, dto);
  }

  @Roles('organiser', 'reception')
  @Get('participants')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'An event’s participants: search, filter, paginate (organisers and reception)',
    description:
      '`q` finds words in the names, email or town whatever the accents and case. Each item gives its badge category ' +
      '(`primaryCategory`) and its admissions; dietary and accessibility needs are not listed. Speakers and chairs of a newly ' +
      'published programme are brought in first.',
  })
  @ApiPageResponse(ParticipantSummaryResponse)
  @ApiErrors(401, 403, 404)
  page(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ListParticipantsQuery) {
    return this.list.list(eventId, query);
  }

  @Roles('organiser')
  @Get('participants.csv')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The matching participants as CSV (organisers)',
    description:
      'The list’s filters and sort. UTF-8 with a byte-order mark, comma-separated, CRLF line ends, RFC 4180 quoting, a French ' +
      'header whose names the import reads back; a cell starting with = + - @ is prefixed with an apostrophe so that no ' +
      `spreadsheet runs it. At most ${MAX_EXPORT_ROWS} participants (422 EXPORT_TOO_LARGE beyond).`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'participants-<event slug>.csv', schema: { type: 'string' } })
  @ApiErrors(401, 403, 404, 422)
  async csv(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ExportParticipantsQuery): Promise<StreamableFile> {
    const { event, rows } = await this.list.exportRows(eventId, query);
    const content = Buffer.from(participantsCsv(rows, event.time_zone), 'utf8');
    return new StreamableFile(content, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="participants-${event.slug}.csv"`,
      length: content.length,
    });
  }

  @Roles('organiser')
  @Get('participants.json')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The matching participants as JSON, needs included (organisers)', description: 'The list’s filters and sort, no pages.' })
  @ApiOkResponse({ type: [ParticipantResponse] })
  @ApiErrors(401, 403, 404, 422)
  async json(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ExportParticipantsQuery): Promise<ParticipantResponse[]> {
    const { rows } = await this.list.exportRows(eventId, query);
    return rows.map((row) => toDetail(row, true));
  }

  @Public()
  @Get('participants/public')
  @ApiOperation({
    summary: 'The public list of participants (public)',
    description:
      'Registered participants who consented to appear, by name: names, affiliation, town and badge category only. ' +
      '404 PUBLIC_LIST_CLOSED unless the organisers made the list public (participant-settings).',
  })
  @ApiPageResponse(PublicParticipantResponse)
  @ApiErrors(404)
  publicList(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: PageQueryDto) {
    return this.list.publicList(eventId, query);
  }

  @Roles('organiser')
  @Post('participants/sync-programme')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Bring the participants in line with the latest published programme (organisers)',
    description:
      'Speakers and chairs with an account become participants (source programme) or are linked by their account’s email; ' +
      'guest chairs (no account) become one participant per name (case, accents and spaces ignored), without an email until an organiser adds one; ' +
      'people no longer in the programme lose speaker/chair and keep everything else. Each publication does this itself right ' +
      'after it commits; this route, and the list and exports when they find a newer version not yet applied, catch up should that step have failed.',
  })
  @ApiOkResponse({ type: ProgrammeSyncResponse })
  @ApiErrors(401, 403, 404)
  syncProgramme(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<ProgrammeSyncResponse> {
    return this.programmeSync.sync(eventId);
  }

  @Roles('organiser')
  @Post('participants/anonymise')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Anonymise every participant of the event once the retention date has passed (organisers)',
    description:
      'Names, email, affiliation, needs, consents, account link and personal link are replaced or cleared; rows, categories, ' +
      'days, status and admissions stay, so the counts do. 409 RETENTION_NOT_REACHED until the day after retentionUntil ' +
      '(or with no date). Running it again changes nothing.',
  })
  @ApiOkResponse({ type: ParticipantsAnonymisedResponse })
  @ApiErrors(401, 403, 404, 409)
  anonymise(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<ParticipantsAnonymisedResponse> {
    return this.privacy.anonymiseEvent(eventId);
  }

  @Roles('organiser')
  @Get('participant-settings')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Registration open, retention date and public list of an event (organisers)' })
  @ApiOkResponse({ type: ParticipantSettingsResponse })
  @ApiErrors(401, 403, 404)
  getSettings(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<ParticipantSettingsResponse> {
    return this.settings.get(eventId);
  }

  @Roles('organiser')
  @Put('participant-settings')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change registration open, retention date, public list (organisers); fields not given are kept' })
  @ApiOkResponse({ type: ParticipantSettingsResponse })
  @ApiErrors(401, 403, 404)
  putSettings(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: ParticipantSettingsDto): Promise<ParticipantSettingsResponse> {
    return this.settings.put(eventId, dto);
  }
}
