import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type RequestUser } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { sendBadgePdf } from './badge-response.js';
import { BadgesService } from './badges.service.js';
import { BadgePdfQuery } from './dto/badge-pdf.query.js';
import { RotateBadgeTokenDto } from './dto/rotate-badge-token.dto.js';

const PDF_HEADERS =
  'Headers: X-Badge-Overflow (badges whose text had to be narrowed to stay in its box; 0 when all fit), X-Badge-Overflow-Elements, ' +
  'X-Badge-Count, X-Badge-Templates.';

@ApiTags('badges')
@ApiBearerAuth()
@Controller('participants/:id')
export class ParticipantBadgesController {
  constructor(private readonly badges: BadgesService) {}

  @Roles('organiser', 'reception')
  @Get('badge.pdf')
  @ApiOperation({
    summary: 'One badge on a single-badge page, for the desk printer (organisers and reception)',
    description:
      'The template chosen for the badge’s category (or ?template=). Logged: who, when, which template, first print or reprint; ' +
      '?reason= is recorded with a reprint; ?preview=true answers the same PDF without logging it (the badge stays not yet printed). 409 PARTICIPANT_CANCELLED / PARTICIPANT_ANONYMISED, 422 UNKNOWN_BADGE_TEMPLATE. ' +
      PDF_HEADERS,
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The badge (PDF)', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(401, 403, 404, 409, 422)
  async badge(@Param('id', ParseUUIDPipe) id: string, @Query() query: BadgePdfQuery, @CurrentUser() user: RequestUser, @Res() res: Response): Promise<void> {
    await sendBadgePdf(res, await this.badges.single(id, user, query));
  }

  @Roles('organiser', 'reception')
  @Post('badge-token/rotate')
  @ApiOperation({
    summary: 'A lost badge: new QR token (the old one stops working at once) and the new badge printed (organisers and reception)',
    description: 'One transaction: the token is replaced and the print logged as a reprint with the reason. Answers the new badge as a PDF. ' + PDF_HEADERS,
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The new badge (PDF)', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(401, 403, 404, 409, 422)
  async rotate(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RotateBadgeTokenDto, @CurrentUser() user: RequestUser, @Res() res: Response): Promise<void> {
    await sendBadgePdf(res, await this.badges.rotateAndPrint(id, user, dto.reason));
  }
}
