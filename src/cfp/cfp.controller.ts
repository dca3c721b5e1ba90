import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { CfpService } from './cfp.service.js';
import { CallForPapersResponse } from './dto/call-for-papers.response.js';
import { PutCallForPapersDto } from './dto/put-call-for-papers.dto.js';

@ApiTags('call for papers')
@Controller('events/:eventId/cfp')
export class CfpController {
  constructor(private readonly cfp: CfpService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The call for papers of an event, in its time zone and UTC, and whether it is open now' })
  @ApiOkResponse({ type: CallForPapersResponse })
  @ApiErrors(404)
  get(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<CallForPapersResponse> {
    return this.cfp.get(eventId);
  }

  @Put()
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Set the call for papers: window (event’s time zone), languages, maximum abstract length (organisers)' })
  @ApiOkResponse({ type: CallForPapersResponse })
  @ApiErrors(401, 403, 404, 422)
  put(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: PutCallForPapersDto): Promise<CallForPapersResponse> {
    return this.cfp.put(eventId, dto);
  }
}
