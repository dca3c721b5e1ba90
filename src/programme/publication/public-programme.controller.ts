import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/access.js';
import { ApiErrors } from '../../common/http/api-docs.js';
import { sendEncoded } from '../../common/http/encoded-body.js';
import { ifNoneMatchMatches } from './programme-etag.js';
import { ProgrammeReleasesService, type ServedRelease } from './programme-releases.service.js';
import { parseVersionNumber } from './version-number.js';

/** The latest version may change at the next publication: shared caches keep it a minute. */
const LATEST_CACHE_CONTROL = 'public, max-age=60';
/** A numbered version never changes. */
const VERSION_CACHE_CONTROL = 'public, max-age=86400, immutable';

const SNAPSHOT_DOC = {
  description:
    'The published programme (a ProgrammeSnapshot: event, days, venues, rooms, sessions with chairs and talks with speakers, organisations), ' +
    'as JSON with sorted keys; the ETag is the SHA-256 of exactly this text',
  schema: { type: 'object', additionalProperties: true },
};

/**
 * The public reads of published programme versions: no login, only what was published (a draft is
 * never served here). Each answer carries a strong ETag and Cache-Control; If-None-Match (one tag,
 * a list, W/ forms or *) gives 304 without a body. Which version is the latest is kept in memory
 * (forgotten at each publication, on every instance) and each version's text is kept plain, gzip
 * and brotli: once served, an answer reads nothing from the database.
 */
@ApiTags('programme')
@Controller('events/:eventId/programme')
export class PublicProgrammeController {
  constructor(private readonly releases: ProgrammeReleasesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The latest published version of the programme (public; ETag, 304 on If-None-Match)' })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse(SNAPSHOT_DOC)
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiErrors(404)
  async latest(@Param('eventId', ParseUUIDPipe) eventId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const tag = await this.releases.latestTag(eventId);
    await send(request, response, tag, LATEST_CACHE_CONTROL, () => this.releases.served(eventId, tag));
  }

  @Get('versions/:n')
  @Public()
  @ApiOperation({ summary: 'One published version of the programme, by number (public; ETag, 304 on If-None-Match)' })
  @ApiParam({ name: 'n', schema: { type: 'integer', minimum: 1 }, description: 'The version number (1, 2, 3…)' })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse(SNAPSHOT_DOC)
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiErrors(404)
  async version(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('n') n: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const tag = await this.releases.versionTag(eventId, parseVersionNumber(n));
    await send(request, response, tag, VERSION_CACHE_CONTROL, () => this.releases.served(eventId, tag));
  }
}

async function send(
  request: Request,
  response: Response,
  tag: { version: number; etag: string },
  cacheControl: string,
  body: () => Promise<ServedRelease>,
): Promise<void> {
  response.setHeader('ETag', tag.etag);
  response.setHeader('Cache-Control', cacheControl);
  response.setHeader('X-Programme-Version', String(tag.version));
  response.vary('Accept-Encoding');
  if (ifNoneMatchMatches(request.headers['if-none-match'], tag.etag)) {
    response.status(304).end();
    return;
  }
  const served = await body();
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  sendEncoded(request, response, served.body);
}
