import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/auth/access.js';
import { badRequest, notFound } from '../common/errors/domain-error.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { negotiateCoding } from '../common/http/encoded-body.js';
import { ifNoneMatchMatches } from '../programme/publication/programme-etag.js';
import { HtmlPageErrorFilter } from './html-page-error.filter.js';
import { pageLanguage, type PageLanguage } from './page-text.js';
import { PAGE_HEADERS } from './page-templates.js';
import { ProgrammePagesService, type PageKind, type PageTag, type RenderedPage } from './programme-pages.service.js';

/** The latest version may change at the next publication; a numbered one only with its logos. */
const LATEST_CACHE_CONTROL = 'public, max-age=60';
const VERSION_CACHE_CONTROL = 'public, max-age=3600';

const PAGE_DOC =
  'Server-rendered HTML from the published release only (no script; Content-Security-Policy without inline style or script; ' +
  'a print style sheet). French by default, English with lang=en; times in the event’s zone. Strong ETag per release, ' +
  'page, language and logos; If-None-Match gives 304. Errors: an HTML page with the same status to a client that asks ' +
  'for text/html (a browser), the JSON error body otherwise. An unknown event, an unpublished programme, version, talk ' +
  'or person are all 404.';

const LANG_QUERY = { name: 'lang', required: false, enum: ['fr', 'en'], description: 'Language of the page (French by default)' } as const;
const SLUG_PARAM = { name: 'slug', description: 'The event’s slug (vtn2012)', schema: { type: 'string', pattern: '^[a-z0-9]{2,40}$' } } as const;
const VERSION_PARAM = { name: 'n', description: 'The version number (1, 2, 3…)', schema: { type: 'integer', minimum: 1 } } as const;

/** Version numbers as typed in a path: decimal digits only; anything else names no page. */
function versionOf(segment: string): number {
  if (!/^[0-9]{1,10}$/.test(segment)) throw pageNotFound();
  return Number(segment);
}

function pageNotFound() {
  return notFound('Page');
}

/**
 * The published programme as pages, outside /api (bootstrap excludes /programme from the prefix):
 * the latest release or a numbered one, a talk's page and a speaker's, in French or English. Public.
 */
@ApiTags('programme pages')
@Public()
@UseFilters(HtmlPageErrorFilter)
@Controller('programme')
export class ProgrammePagesController {
  constructor(private readonly pages: ProgrammePagesService) {}

  @Get('pages.css')
  @ApiOperation({ summary: 'The style sheet of the programme pages and the home page, print styles included (public)' })
  @ApiProduces('text/css')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors(404)
  style(@Res() res: Response): void {
    res.status(200).set(PAGE_HEADERS).set('Cache-Control', 'public, max-age=3600').type('text/css; charset=utf-8').send(this.pages.css);
  }

  @Get(':slug')
  @ApiOperation({ summary: 'The latest published programme of an event, as a page (public)', description: PAGE_DOC })
  @ApiParam(SLUG_PARAM)
  @PageDocs()
  async latest(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.send(req, res, await this.tag(req, slug), 'programme');
  }

  @Get(':slug/v/:n')
  @ApiOperation({ summary: 'One published version of an event’s programme, as a page (public)', description: PAGE_DOC })
  @ApiParam(SLUG_PARAM)
  @ApiParam(VERSION_PARAM)
  @PageDocs()
  async version(@Param('slug') slug: string, @Param('n') n: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.send(req, res, await this.tag(req, slug, versionOf(n)), 'programme');
  }

  @Get(':slug/talks/:talkId')
  @ApiOperation({ summary: 'A talk of the latest published programme, as a page (public)', description: PAGE_DOC })
  @ApiParam(SLUG_PARAM)
  @ApiParam({ name: 'talkId', description: 'The talk’s id (as in the exports)', schema: { type: 'string', format: 'uuid' } })
  @PageDocs()
  async talk(@Param('slug') slug: string, @Param('talkId') talkId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.send(req, res, await this.tag(req, slug), 'talk', talkId);
  }

  @Get(':slug/v/:n/talks/:talkId')
  @ApiOperation({ summary: 'A talk of one published version of the programme, as a page (public)', description: PAGE_DOC })
  @ApiParam(SLUG_PARAM)
  @ApiParam(VERSION_PARAM)
  @ApiParam({ name: 'talkId', description: 'The talk’s id', schema: { type: 'string', format: 'uuid' } })
  @PageDocs()
  async versionTalk(@Param('slug') slug: string, @Param('n') n: string, @Param('talkId') talkId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.send(req, res, await this.tag(req, slug, versionOf(n)), 'talk', talkId);
  }

  @Get(':slug/speakers/:speakerId')
  @ApiOperation({ summary: 'A speaker or chair of the latest published programme, as a page: their talks and sessions (public)', description: PAGE_DOC })
  @ApiParam(SLUG_PARAM)
  @ApiParam({ name: 'speakerId', description: 'The person’s id in the release (a user id; guest:<id> for a chair without an account)', schema: { type: 'string' } })
  @PageDocs()
  async speaker(@Param('slug') slug: string, @Param('speakerId') speakerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.send(req, res, await this.tag(req, slug), 'speaker', speakerId);
  }

  @Get(':slug/v/:n/speakers/:speakerId')
  @ApiOperation({ summary: 'A speaker or chair of one published version of the programme, as a page (public)', description: PAGE_DOC })
  @ApiParam(SLUG_PARAM)
  @ApiParam(VERSION_PARAM)
  @ApiParam({ name: 'speakerId', description: 'The person’s id in the release', schema: { type: 'string' } })
  @PageDocs()
  async versionSpeaker(
    @Param('slug') slug: string,
    @Param('n') n: string,
    @Param('speakerId') speakerId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(req, res, await this.tag(req, slug, versionOf(n)), 'speaker', speakerId);
  }

  /** /programme itself and anything else under it: 404 (an HTML page for a browser). */
  @Get()
  @ApiExcludeEndpoint()
  root(): never {
    throw pageNotFound();
  }

  @Get('*path')
  @ApiExcludeEndpoint()
  other(): never {
    throw pageNotFound();
  }

  private async tag(req: Request, slug: string, version?: number): Promise<PageTag> {
    const lang = languageOf(req);
    const tag = await this.pages.tag(slug, lang, version);
    if (!tag) throw pageNotFound();
    return tag;
  }

  private async send(req: Request, res: Response, tag: PageTag, kind: PageKind, id?: string): Promise<void> {
    const page = await this.pages.page(tag, kind, id);
    if (!page) throw pageNotFound();
    res.setHeader('Cache-Control', tag.pinned ? VERSION_CACHE_CONTROL : LATEST_CACHE_CONTROL);
    res.setHeader('X-Programme-Version', String(tag.version));
    sendPage(req, res, page, tag.lang);
  }
}

/**
 * Sends a rendered page: its brotli or gzip twin to a client that accepts it (a browser), else the
 * plain bytes, each with its own ETag; 304 when If-None-Match names the one that would be sent.
 */
export function sendPage(req: Request, res: Response, page: RenderedPage, lang: PageLanguage): void {
  const coding = negotiateCoding(req);
  const chosen = coding === 'br' ? page.br : coding === 'gzip' ? page.gzip : page;
  res.set(PAGE_HEADERS);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', chosen.etag);
  res.setHeader('Content-Language', lang);
  if (ifNoneMatchMatches(req.headers['if-none-match'], chosen.etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
  res.setHeader('Content-Length', String(chosen.body.length));
  res.status(200).end(chosen.body);
}

/** `?lang=`: absent, fr or en; anything else is a 400 (an HTML page for a browser). */
export function languageOf(req: Request): PageLanguage {
  const lang = pageLanguage(req.query.lang);
  if (!lang) throw badRequest('lang must be fr or en', { errors: [{ field: 'lang', errors: ['lang must be one of: fr, en'] }] }, 'VALIDATION_FAILED');
  return lang;
}

/** What every page route documents: HTML, ?lang, If-None-Match, 304, 400 and 404. */
function PageDocs(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const decorate of [
      ApiQuery(LANG_QUERY),
      ApiHeader({ name: 'If-None-Match', required: false }),
      ApiProduces('text/html'),
      ApiOkResponse({ description: 'The page (HTML, UTF-8)', schema: { type: 'string' } }),
      ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' }),
      ApiErrors(404),
    ]) {
      decorate(target, key, descriptor);
    }
  };
}
