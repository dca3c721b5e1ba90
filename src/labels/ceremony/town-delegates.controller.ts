import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../../common/http/api-docs.js';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { CeremonyDelegatesService } from './ceremony-delegates.service.js';
import { ContactLinkDto } from './dto/contact-link.dto.js';
import { ContactLinkResponse } from './dto/contact-link.response.js';
import { DelegateResponse } from './dto/delegate.response.js';
import { RegisterDelegateDto } from './dto/register-delegate.dto.js';
import { LabelYearPipe } from '../label-year.pipe.js';
import { InseeCodePipe } from './label-params.js';
import { TownContactsService } from './town-contacts.service.js';

/** Organisers: a labelled town's delegates to the ceremony, and its contact's personal link. */
@ApiTags('label ceremony')
@ApiBearerAuth()
@ApiParam({ name: 'year', type: 'integer', example: 2012 })
@ApiParam({ name: 'insee', example: '92040', description: 'INSEE code of the labelled town' })
@Roles('organiser')
@Controller('labels/:year/towns/:insee')
export class TownDelegatesController {
  constructor(
    private readonly delegates: CeremonyDelegatesService,
    private readonly contacts: TownContactsService,
  ) {}

  @Post('delegates')
  @ApiOperation({
    summary: 'Register a delegate of a labelled town, seated at the ceremony (organisers)',
    description:
      'A participant of the ceremony’s event (category city-representative, the town’s name of the label’s year and its INSEE ' +
      'code) admitted to the ceremony part while seats remain, else on its waiting list; mailed a confirmation with their ' +
      'personal link. 409 EMAIL_TAKEN for an email already in the event, CEREMONY_NOT_SET / CEREMONY_PART_MISSING when the ' +
      'year has no ceremony to seat people in; 404 for a town without a label that year.',
  })
  @ApiCreatedResponse({ type: DelegateResponse })
  @ApiErrors(401, 403, 404, 409, 422)
  register(
    @Param('year', LabelYearPipe) year: number,
    @Param('insee', InseeCodePipe) insee: string,
    @Body() dto: RegisterDelegateDto,
  ): Promise<DelegateResponse> {
    return this.delegates.register(year, insee, { kind: 'organiser' }, dto);
  }

  @Get('delegates')
  @ApiOperation({ summary: 'A labelled town’s delegates with their ceremony seat and presence, by name, paginated (organisers)' })
  @ApiPageResponse(DelegateResponse)
  @ApiErrors(401, 403, 404)
  list(@Param('year', LabelYearPipe) year: number, @Param('insee', InseeCodePipe) insee: string, @Query() query: PageQueryDto) {
    return this.delegates.list(year, insee, query);
  }

  @Post('contact-link')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue or replace the town contact’s personal link and mail it (organisers)',
    description:
      'A new unguessable token (only its SHA-256 is kept) replaces the previous one, which stops working at once; the link is ' +
      'mailed (outbox, French) to `email`, which becomes the town’s contact, or to the address already known (422 ' +
      'CONTACT_EMAIL_REQUIRED without one). The link itself is never in the answer.',
  })
  @ApiOkResponse({ type: ContactLinkResponse })
  @ApiErrors(401, 403, 404, 422)
  issueLink(@Param('year', LabelYearPipe) year: number, @Param('insee', InseeCodePipe) insee: string, @Body() dto: ContactLinkDto): Promise<ContactLinkResponse> {
    return this.contacts.issue(year, insee, dto);
  }

  @Delete('contact-link')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the town contact’s personal link (organisers); the address is kept' })
  @ApiNoContentResponse()
  @ApiErrors(401, 403, 404)
  async revokeLink(@Param('year', LabelYearPipe) year: number, @Param('insee', InseeCodePipe) insee: string): Promise<void> {
    await this.contacts.revoke(year, insee);
  }
}
