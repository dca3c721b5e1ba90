import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { RegistrationCreateDto } from './dto/registration-create.dto.js';
import { RegistrationUpdateDto } from './dto/registration-update.dto.js';
import { RegistrationResponse, RegistrationRevokedResponse } from './dto/registration.response.js';
import { idempotencyKeyOf } from './idempotency.js';
import { RegistrationLinkService } from './registration-link.service.js';
import { RegistrationsService } from './registrations.service.js';

/**
 * Public self-registration (no account) and the personal link (its token in the path: view, change,
 * cancel, revoke). Tokens never reach the log: the request logger masks long opaque path segments.
 */
@ApiTags('registrations')
@Public()
@Controller()
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly links: RegistrationLinkService,
  ) {}

  @Post('events/:eventId/registrations')
  @ApiOperation({
    summary:
      'Register oneself (no account): the participant and their places in one transaction, a confirmation mail with the personal link; the token is shown once. Idempotency-Key replays the first answer',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '1–200 printable characters; a retry with the same key and body gets the first answer, another body 422' })
  @ApiCreatedResponse({ type: RegistrationResponse })
  @ApiErrors(404, 409, 422)
  async register(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body() dto: RegistrationCreateDto,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RegistrationResponse> {
    const result = await this.registrations.register(eventId, dto, req.body, idempotencyKeyOf(key));
    res.status(result.status);
    return result.body;
  }

  @Get('registrations/:token')
  @ApiOperation({ summary: 'One’s registration, through the personal link (unknown or revoked token: 404)' })
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiErrors(404)
  get(@Param('token') token: string): Promise<RegistrationResponse> {
    return this.links.get(token);
  }

  @Patch('registrations/:token')
  @ApiOperation({ summary: 'Change one’s names, affiliation or town, days, needs, consents; add or drop parts' })
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiErrors(404, 409, 422)
  update(@Param('token') token: string, @Body() dto: RegistrationUpdateDto): Promise<RegistrationResponse> {
    return this.links.update(token, dto);
  }

  @Delete('registrations/:token')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancel one’s registration: every seat is released and goes to the head of its waiting list' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  async cancel(@Param('token') token: string): Promise<void> {
    await this.links.cancel(token);
  }

  @Post('registrations/:token/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the personal link: the old one stops working, a new one is mailed to the registration’s address' })
  @ApiOkResponse({ type: RegistrationRevokedResponse })
  @ApiErrors(404)
  async revoke(@Param('token') token: string): Promise<RegistrationRevokedResponse> {
    await this.links.revoke(token);
    return { revoked: true };
  }
}
