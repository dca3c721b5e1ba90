import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../common/auth/access.js';
import { ApiErrors, ErrorBodyDto } from '../../common/http/api-docs.js';
import { ConfirmPasswordResetDto } from './dto/confirm-password-reset.dto.js';
import { PasswordResetAccepted } from './dto/password-reset-accepted.response.js';
import { RequestPasswordResetDto } from './dto/request-password-reset.dto.js';
import { PasswordResetService } from './password-reset.service.js';

@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Public()
  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a link to choose a new password',
    description:
      'Always 202 with the same body, whether or not the email belongs to an (enabled) account. For an enabled account, ' +
      'mails a link `PUBLIC_URL/app/reset-password?token=…`, valid one hour and once, in `language` (default French); ' +
      'at most 3 such mails per account per hour (further requests answer 202 and send nothing). ' +
      'More than 20 requests from one client address in an hour: 429 with Retry-After.',
  })
  @ApiAcceptedResponse({ type: PasswordResetAccepted })
  @ApiErrors(429)
  request(@Body() dto: RequestPasswordResetDto, @Req() req: Request): Promise<PasswordResetAccepted> {
    return this.resets.request(dto.email, dto.language, req.ip ?? req.socket.remoteAddress ?? 'unknown');
  }

  @Public()
  @Post('confirm')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with the token of a reset link',
    description:
      'The password follows the rules of account creation (10 to 200 characters). On success the token and every other ' +
      'link of the account are spent, every access token of the account is revoked (all sessions end) and its failed ' +
      'logins are forgotten; sign in again with the new password.',
  })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiResponse({
    status: 400,
    description: 'Invalid body (VALIDATION_FAILED, MALFORMED_JSON), or a token unknown, already used or expired (RESET_TOKEN_INVALID)',
    type: ErrorBodyDto,
  })
  @ApiErrors()
  async confirm(@Body() dto: ConfirmPasswordResetDto): Promise<void> {
    await this.resets.confirm(dto.token, dto.password);
  }
}
