import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/auth/access.js';
import { notFound } from '../common/errors/domain-error.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { DESK_FILES, DESK_HEADERS, loadDeskFiles, type DeskFile } from './desk-page.js';

/**
 * The reception desk page at /desk (outside /api: bootstrap excludes these paths from the prefix)
 * and its script and style. Public: the shell holds no data; the person logs in through the API and
 * every call carries their token.
 */
@ApiTags('desk')
@Public()
@Controller('desk')
export class DeskPageController {
  private readonly files = loadDeskFiles();

  @Get()
  @ApiOperation({ summary: 'The reception desk page, in French (public shell; staff log in on it)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML, with a Content-Security-Policy allowing scripts from this origin only', schema: { type: 'string' } })
  @ApiErrors(404)
  page(@Res() res: Response): void {
    this.send(res, 'page');
  }

  @Get('desk.js')
  @ApiOperation({ summary: 'The desk page’s script (public)' })
  @ApiProduces('text/javascript')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors(404)
  script(@Res() res: Response): void {
    this.send(res, 'script');
  }

  @Get('desk.css')
  @ApiOperation({ summary: 'The desk page’s style sheet (public)' })
  @ApiProduces('text/css')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors(404)
  style(@Res() res: Response): void {
    this.send(res, 'style');
  }

  /** Anything else under /desk: the API's 404 in the error shape rather than Express's HTML page. */
  @Get('*path')
  @ApiExcludeEndpoint()
  other(): never {
    throw notFound('Desk file');
  }

  private send(res: Response, file: DeskFile): void {
    res.status(200).set(DESK_HEADERS).type(DESK_FILES[file].type).send(this.files[file]);
  }
}
