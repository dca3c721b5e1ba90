import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { HtmlPageErrorFilter } from './html-page-error.filter.js';
import { languageOf, sendPage } from './programme-pages.controller.js';
import { ProgrammePagesService } from './programme-pages.service.js';

/** The home page at / (outside /api: bootstrap excludes it from the prefix). */
@ApiTags('programme pages')
@Public()
@UseFilters(HtmlPageErrorFilter)
@Controller()
export class HomePageController {
  constructor(private readonly pages: ProgrammePagesService) {}

  @Get()
  @ApiOperation({
    summary: 'The home page (public)',
    description:
      'HTML without script: the colloquium and the ceremony with their dates (in the event’s zone) and places, links to each ' +
      'published programme page, to the call for papers (/app/events/:slug/cfp) and to sign-in (/app/login). French by default, ' +
      'English with lang=en. ETag (hash of the page); If-None-Match gives 304.',
  })
  @ApiQuery({ name: 'lang', required: false, enum: ['fr', 'en'], description: 'Language of the page (French by default)' })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page (HTML, UTF-8)', schema: { type: 'string' } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiErrors()
  async home(@Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const page = await this.pages.home(lang);
    res.setHeader('Cache-Control', 'public, no-cache');
    sendPage(req, res, page, lang);
  }
}
