import { Body, Controller, Delete, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { ChangeWarningsResponse } from './dto/conflict.response.js';
import { TalkChangeResponse } from './dto/session.response.js';
import { UpdateTalkDto } from './dto/update-talk.dto.js';
import { TalksService } from './talks.service.js';

@ApiTags('programme')
@ApiBearerAuth()
@Roles('organiser')
@Controller('talks')
export class TalksController {
  constructor(private readonly talks: TalksService) {}

  @Patch(':id')
  @ApiOperation({
    summary: 'Reorder a talk, change its length, or move it to another session of the event, in one request (organisers)',
    description:
      'The other talks follow in order (positions 0..n-1). A session overflowing is 422 TALKS_OVERFLOW; a session of another event 422 ' +
      'SESSION_NOT_IN_EVENT. The answer carries `warnings`.',
  })
  @ApiOkResponse({ type: TalkChangeResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTalkDto): Promise<TalkChangeResponse> {
    return this.talks.update(id, dto);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Remove a talk from its session (organisers)',
    description: 'The proposal becomes unplaced. Answers 200 with the conflicts the removal introduced (`warnings`).',
  })
  @ApiOkResponse({ type: ChangeWarningsResponse })
  @ApiErrors(401, 403, 404, 409)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<ChangeWarningsResponse> {
    return this.talks.remove(id);
  }
}
