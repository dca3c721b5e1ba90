import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Public, type RequestUser } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { AuthService } from './auth.service.js';
import { LoginDto } from './dto/login.dto.js';
import { LoginResponse, SignedInUser } from './dto/login.response.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for an access token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(401, 429)
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<LoginResponse> {
    return this.auth.login(dto.email, dto.password, req.ip ?? req.socket.remoteAddress ?? 'unknown');
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the token used for this request' })
  @ApiNoContentResponse()
  @ApiErrors(401)
  async logout(@CurrentUser() user: RequestUser): Promise<void> {
    await this.auth.logout(user.tokenId);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the token belongs to' })
  @ApiOkResponse({ type: SignedInUser })
  @ApiErrors(401)
  me(@CurrentUser() user: RequestUser): SignedInUser {
    return { id: user.id, email: user.email, roles: user.roles };
  }
}
