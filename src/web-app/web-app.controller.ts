import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/auth/access.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { ASSET_HEADERS, SHELL_HEADERS, chooseEncoding, compressed, loadWebAppFiles, resolveWebPath, type WebFile } from './web-app-files.js';

/**
 * The web app (web/, built into dist/web) at /app/, outside /api (bootstrap excludes these paths from
 * the prefix). Public: the page holds no data; people sign in through the API from it. Every path
 * that is not a built file gets the page itself, whose router shows the right screen (deep links).
 */
@ApiTags('web app')
@Public()
@Controller('app')
export class WebAppController {
  private readonly files = loadWebAppFiles();

  @Get()
  @ApiOperation({ summary: 'The web app (public shell; people sign in on it). Every path under /app/ that is not one of its files answers the same page' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML, with a Content-Security-Policy allowing scripts and styles from this origin only', schema: { type: 'string' } })
  @ApiErrors(503)
  shell(@Req() req: Request, @Res() res: Response): void {
    this.sendShell(req, res);
  }

  @Get('*path')
  @ApiExcludeEndpoint()
  file(@Req() req: Request, @Res() res: Response): void {
    const path = req.path.replace(/^\/app\/?/, '');
    const found = resolveWebPath(path, this.files);
    if (found.kind === 'missing') throw notFound('Web app file');
    if (found.kind === 'shell') return this.sendShell(req, res);
    this.send(req, res, found.file, ASSET_HEADERS);
  }

  private sendShell(req: Request, res: Response): void {
    if (!this.files.shell) {
      throw new DomainError(503, 'WEB_APP_NOT_BUILT', `The web app is not built (${this.files.dir} is missing): run npm run build`);
    }
    this.send(req, res, this.files.shell, SHELL_HEADERS);
  }

  private send(req: Request, res: Response, file: WebFile, headers: Readonly<Record<string, string>>): void {
    const encoding = chooseEncoding(req.headers['accept-encoding'], file);
    res.status(200).set(headers).set('Vary', 'Accept-Encoding').type(file.type);
    if (encoding) res.set('Content-Encoding', encoding).send(compressed(file, encoding));
    else res.send(file.body);
  }
}
