import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AllExceptionsFilter } from '../common/errors/all-exceptions.filter.js';
import { requestIdFor } from '../common/http/request-id.js';
import { homePageView } from './home-page-view.js';
import { PAGE_TEXT, pageLanguage } from './page-text.js';
import { loadPageTemplates, PAGE_HEADERS } from './page-templates.js';

/**
 * Errors of the public pages: a browser (which asks for text/html) gets an HTML page with the status
 * (404 « Page introuvable »…), in the page's language; any other client gets the one JSON error
 * body, as from every other route. Unexpected errors are logged and hidden alike.
 */
@Catch()
export class HtmlPageErrorFilter extends AllExceptionsFilter {
  private readonly log = new Logger('ProgrammePages');
  private readonly templates = loadPageTemplates();

  override catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    if (response.headersSent || request.accepts(['application/json', 'text/html']) !== 'text/html') {
      super.catch(exception, host);
      return;
    }
    const requestId = String(request.id ?? response.getHeader('x-request-id') ?? requestIdFor(request, response));
    const body = this.toBody(exception, requestId);
    if (body.statusCode >= 500 && body.statusCode !== 503) this.log.error({ err: exception, requestId }, 'unexpected error');
    const lang = pageLanguage(request.query?.lang) ?? 'fr';
    const text = PAGE_TEXT[lang];
    const [title, message] =
      body.statusCode === 404
        ? [text.notFoundTitle, text.notFoundText]
        : body.statusCode < 500
          ? [text.errorTitle, text.badRequestText]
          : [text.errorTitle, text.errorText];
    const html = this.templates.render('error', { ...homePageView([], new Set(), lang), title, message, requestId: body.statusCode >= 500 ? requestId : null });
    response.status(body.statusCode).set(PAGE_HEADERS).set('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(html);
  }
}
