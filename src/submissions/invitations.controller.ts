import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type RequestUser } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { SubmissionResponse } from './dto/submission.response.js';
import { InvitationsService } from './invitations.service.js';

/** A co-speaker's answer to an invitation; 404 unless the caller's email was invited to this proposal. */
@ApiTags('submissions')
@ApiBearerAuth()
@Controller('submissions/:id/invitation')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('accept')
  @HttpCode(200)
  @Roles('speaker', 'organiser')
  @ApiOperation({ summary: 'Accept to co-sign a proposal one was invited to (by email); the proposal becomes visible' })
  @ApiOkResponse({ type: SubmissionResponse })
  @ApiErrors(401, 403, 404, 409)
  accept(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() caller: RequestUser): Promise<SubmissionResponse> {
    return this.invitations.accept(id, caller);
  }

  @Post('decline')
  @HttpCode(204)
  @Roles('speaker', 'organiser')
  @ApiOperation({ summary: 'Decline to co-sign a proposal one was invited to' })
  @ApiNoContentResponse({ description: 'Declined' })
  @ApiErrors(401, 403, 404, 409)
  decline(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() caller: RequestUser): Promise<void> {
    return this.invitations.decline(id, caller);
  }
}
