import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { sendEncoded } from '../common/http/encoded-body.js';
import { ifNoneMatchMatches } from '../programme/publication/programme-etag.js';
import { ProgrammeExportQuery } from './dto/programme-export.query.js';
import type { ExportFormat } from './programme-export-format.js';
import { ProgrammeExportsService } from './programme-exports.service.js';

/** The latest version may change at the next publication; a numbered one never does. */
const LATEST_CACHE_CONTROL = 'public, max-age=60';
const VERSION_CACHE_CONTROL = 'public, max-age=86400, immutable';

const CONDITIONAL = 'Strong ETag per version, format and language; If-None-Match gives 304. Cache-Control: a minute for the latest version, a day (immutable) with ?version.';

/**
 * Exports of published programme versions, for anyone (no login): iCalendar, frab schedule XML,
 * schedule JSON and the printable PDF. Only published versions exist here; drafts never do.
 */
@ApiTags('programme')
@Controller('events/:eventId')
export class ProgrammeExportsController {
  constructor(private readonly exports: ProgrammeExportsService) {}

  @Get('programme.ics')
  @Public()
  @ApiOperation({
    summary: 'The published programme as iCalendar (public)',
    description:
      'RFC 5545: one VEVENT per session and per talk, UIDs stable across versions (session-<id>@<slug>, talk-<id>@<slug>), ' +
      'SEQUENCE raised by each release that changes the item, DTSTART/DTEND with TZID=<event zone> and its VTIMEZONE, ' +
      'LOCATION with room, venue and address, speakers and chairs in DESCRIPTION. ' +
      CONDITIONAL,
  })
  @ApiProduces('text/calendar')
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({ description: '<slug>-programme-v<n>.ics', schema: { type: 'string' } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiErrors(404)
  ics(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ProgrammeExportQuery, @Req() req: Request, @Res() res: Response) {
    return this.send('ics', eventId, query, req, res);
  }

  @Get('programme.xml')
  @Public()
  @ApiOperation({
    summary: 'The published programme as a frab schedule.xml (public)',
    description:
      'Valid against the c3voc schedule.xml XSD (frab, pretalx, Giggity, EventFahrplan): conference acronym = the event slug, ' +
      'version = the release version, days, rooms, events (talks, and sessions without talks) with their GUIDs = item ids. ' +
      CONDITIONAL,
  })
  @ApiProduces('application/xml')
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({ description: '<slug>-programme-v<n>.xml', schema: { type: 'string' } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiErrors(404)
  xml(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ProgrammeExportQuery, @Req() req: Request, @Res() res: Response) {
    return this.send(query.dialect === 'pentabarf' ? 'xml-pentabarf' : 'xml', eventId, query, req, res);
  }

  @Get('programme.json')
  @Public()
  @ApiOperation({
    summary: 'The published programme as schedule JSON (public)',
    description: 'Valid against the c3voc schedule JSON schema (the shape frab and pretalx publish); the same content as programme.xml. ' + CONDITIONAL,
  })
  @ApiProduces('application/json')
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({ description: '<slug>-programme-v<n>.json', schema: { type: 'object', additionalProperties: true } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiErrors(404)
  json(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ProgrammeExportQuery, @Req() req: Request, @Res() res: Response) {
    return this.send('json', eventId, query, req, res);
  }

  @Get('programme.pdf')
  @Public()
  @ApiOperation({
    summary: 'The printable programme, A4 PDF (public)',
    description:
      'Day by day, sessions in time order with times in the event’s zone, room and venue, chairs, talks with their times and speakers; ' +
      'the event’s name and theme, patronage, co-organisers and supporters; page numbers; every name set in an embedded Unicode font. ' +
      'French by default, English with lang=en. ' +
      CONDITIONAL,
  })
  @ApiProduces('application/pdf')
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({ description: '<slug>-programme-v<n>.pdf', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiErrors(404)
  pdf(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ProgrammeExportQuery, @Req() req: Request, @Res() res: Response) {
    return this.send('pdf', eventId, query, req, res);
  }

  private async send(format: ExportFormat, eventId: string, query: ProgrammeExportQuery, req: Request, res: Response): Promise<void> {
    const tag = await this.exports.tag(eventId, format, query.lang ?? 'fr', query.version);
    res.setHeader('ETag', tag.etag);
    res.setHeader('Cache-Control', tag.pinned ? VERSION_CACHE_CONTROL : LATEST_CACHE_CONTROL);
    res.setHeader('X-Programme-Version', String(tag.version));
    if (format !== 'pdf') res.vary('Accept-Encoding');
    if (ifNoneMatchMatches(req.headers['if-none-match'], tag.etag)) {
      res.status(304).end();
      return;
    }
    const file = await this.exports.file(tag);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', file.disposition);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (file.encoded) {
      sendEncoded(req, res, file.encoded);
      return;
    }
    res.setHeader('Content-Length', String(file.body.length));
    res.status(200).end(file.body);
  }
}
