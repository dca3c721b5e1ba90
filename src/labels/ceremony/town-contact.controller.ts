import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../common/auth/access.js';
import { ApiErrors } from '../../common/http/api-docs.js';
import { idempotencyKeyOf } from '../../participants/idempotency.js';
import { CeremonyDelegatesService } from './ceremony-delegates.service.js';
import { DelegateResponse } from './dto/delegate.response.js';
import { RegisterDelegateDto } from './dto/register-delegate.dto.js';
import { TownContactResponse } from './dto/town-contact.response.js';
import { LabelYearPipe } from '../label-year.pipe.js';
import { InseeCodePipe } from './label-params.js';
import { TownContactsService } from './town-contacts.service.js';

/**
 * The town contact's personal link (no account): the token in the path opens its own town and year
 * only; any other, revoked or malformed token is 404. Tokens never reach the log (long opaque path
 * segments are masked).
 */
@ApiTags('label ceremony')
@ApiParam({ name: 'year', type: 'integer', example: 2012 })
@ApiParam({ name: 'insee', example: '92040' })
@ApiParam({ name: 'token', description: 'The personal token mailed to the town’s contact' })
@Public()
@Controller('labels/:year/towns/:insee/contact/:token')
export class TownContactController {
  constructor(
    private readonly contacts: TownContactsService,
    private readonly delegates: CeremonyDelegatesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The town, the ceremony and the town’s delegates, through the contact’s link (the level only once revealed)' })
  @ApiOkResponse({ type: TownContactResponse })
  @ApiErrors(404)
  view(@Param('year', LabelYearPipe) year: number, @Param('insee', InseeCodePipe) insee: string, @Param('token') token: string): Promise<TownContactResponse> {
    return this.contacts.view(year, insee, token);
  }

  @Post('delegates')
  @ApiOperation({
    summary: 'Register one of the town’s delegates, seated at the ceremony (the town’s contact)',
    description:
      'As organisers do (seat while any remain, else the waiting list; confirmation mail with the delegate’s personal link), ' +
      'within 6 delegates per town (409 DELEGATE_LIMIT_REACHED) and while the event’s registration is open (409 REGISTRATION_CLOSED). ' +
      'With an Idempotency-Key, a retry with the same body gets the first answer again and writes nothing; another body 422 IDEMPOTENCY_KEY_REUSED.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '1–200 printable characters; a retry with the same key and body gets the first answer, another body 422' })
  @ApiCreatedResponse({ type: DelegateResponse })
  @ApiErrors(404, 409, 422)
  register(
    @Param('year', LabelYearPipe) year: number,
    @Param('insee', InseeCodePipe) insee: string,
    @Param('token') token: string,
    @Body() dto: RegisterDelegateDto,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: Request,
  ): Promise<DelegateResponse> {
    const idempotencyKey = idempotencyKeyOf(key);
    const idempotent = idempotencyKey === null ? undefined : { key: idempotencyKey, rawBody: req.body as unknown };
    return this.delegates.register(year, insee, { kind: 'contact', tokenHash: this.contacts.tokenHash(token) }, dto, idempotent);
  }

  @Delete('delegates/:participantId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw one of the town’s delegates: registration cancelled, the seat goes to the head of the waiting list' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  async withdraw(
    @Param('year', LabelYearPipe) year: number,
    @Param('insee', InseeCodePipe) insee: string,
    @Param('token') token: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
  ): Promise<void> {
    await this.delegates.withdraw(year, insee, this.contacts.tokenHash(token), participantId);
  }
}
