import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type RequestUser } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { ParticipantResponse } from './dto/participant.response.js';
import { UpdateParticipantDto } from './dto/update-participant.dto.js';
import { ParticipantsService } from './participants.service.js';

@ApiTags('participants')
@ApiBearerAuth()
@Controller('participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Roles('organiser', 'reception')
  @Get(':id')
  @ApiOperation({ summary: 'One participant (organisers and reception; dietary and accessibility needs for organisers only)' })
  @ApiOkResponse({ type: ParticipantResponse })
  @ApiErrors(401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: RequestUser): Promise<ParticipantResponse> {
    return this.participants.get(id, user.roles.includes('organiser'));
  }

  @Roles('organiser')
  @Patch(':id')
  @ApiOperation({
    summary: 'Edit a participant, their categories and parts (organisers)',
    description:
      '`partIds` is the whole set of parts wanted: seats in parts left out are released (the waiting list moves up) and new ' +
      'parts asked for, in one transaction. `registered: false` cancels, `true` re-registers. 409 EMAIL_TAKEN, ' +
      '409 PARTICIPANT_ANONYMISED, 422 DAY_OUTSIDE_EVENT.',
  })
  @ApiOkResponse({ type: ParticipantResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateParticipantDto): Promise<ParticipantResponse> {
    return this.participants.update(id, dto);
  }

  @Roles('organiser')
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a registration and release all its seats (organisers); cancelling twice changes nothing' })
  @ApiOkResponse({ type: ParticipantResponse })
  @ApiErrors(401, 403, 404)
  cancel(@Param('id', ParseUUIDPipe) id: string): Promise<ParticipantResponse> {
    return this.participants.cancel(id);
  }
}
