import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/access.js';
import { badRequest } from '../common/errors/domain-error.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { ParticipantPrivacyService, type ParticipantData } from './participant-privacy.service.js';

/** A personal link's token is at most this long (anything longer is no token of ours). */
const MAX_TOKEN_LENGTH = 200;

function checkedToken(token: string): string {
  if (token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) throw badRequest('This is not a registration link', undefined, 'VALIDATION_FAILED');
  return token;
}

/** A participant's own data through their personal link (the token is the credential). */
@ApiTags('participants')
@Controller('registrations/:token')
export class ParticipantDataController {
  constructor(private readonly privacy: ParticipantPrivacyService) {}

  @Public()
  @Get('data')
  @ApiOperation({
    summary: 'Download everything stored about me (personal link)',
    description: 'The participant record, needs included, and every admission with its dates, as JSON. 404 for an unknown or revoked link.',
  })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  @ApiErrors(404)
  data(@Param('token') token: string): Promise<ParticipantData> {
    return this.privacy.dataOf(checkedToken(token));
  }

  @Public()
  @Post('erasure')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Erase my personal data (personal link)',
    description:
      'Releases every seat (the waiting lists move up), replaces names and email, clears affiliation, needs and consents, and ' +
      'revokes the link; the anonymous row stays for the counts. 404 for an unknown or revoked link.',
  })
  @ApiOkResponse({ schema: { type: 'object', properties: { erased: { type: 'boolean' } } } })
  @ApiErrors(404)
  async erase(@Param('token') token: string): Promise<{ erased: true }> {
    await this.privacy.erase(checkedToken(token));
    return { erased: true };
  }
}
