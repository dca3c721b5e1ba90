import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type RequestUser } from '../../common/auth/access.js';
import { ApiErrors } from '../../common/http/api-docs.js';
import { TentativeAcceptanceResponse } from './dto/tentative-acceptance.response.js';
import { TentativeTalksService } from './tentative-talks.service.js';

@ApiTags('programme')
@ApiBearerAuth()
@Roles('organiser')
@Controller('events/:eventId/programme/tentative')
export class TentativeTalksController {
  constructor(private readonly tentative: TentativeTalksService) {}

  @Post('accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept every proposal placed tentatively in the draft programme (organisers)',
    description:
      'Runs the ordinary accept transition for each proposal whose talk is tentative (by session start, then position), each in its own ' +
      'transaction: the history row, the state, the « accepted » mails to its speakers (the outbox), and the talk placed for good. A proposal ' +
      'that cannot be accepted (withdrawn meanwhile…) is listed with outcome failed and the transition’s error; the others go on. ' +
      'No tentative talk: 200 with no items.',
  })
  @ApiOkResponse({ type: TentativeAcceptanceResponse })
  @ApiErrors(401, 403, 404)
  accept(@Param('eventId', ParseUUIDPipe) eventId: string, @CurrentUser() caller: RequestUser): Promise<TentativeAcceptanceResponse> {
    return this.tentative.acceptPlaced(eventId, caller);
  }
}
