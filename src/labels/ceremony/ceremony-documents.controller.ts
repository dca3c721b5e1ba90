import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type RequestUser } from '../../common/auth/access.js';
import { ApiErrors } from '../../common/http/api-docs.js';
import { CeremonyDocumentsService } from './ceremony-documents.service.js';
import { CertificatesQuery } from './dto/certificates.query.js';
import { RunningOrderResponse } from './dto/running-order.response.js';
import { LabelYearPipe } from '../label-year.pipe.js';

const EMBARGO_NOTE = 'Organisers at any time; reception staff once the palmarès is revealed (403 LABEL_EMBARGOED before); nobody else.';

/** The running order and the certificates: they show levels, so they are behind the embargo. Never cached. */
@ApiTags('label ceremony')
@ApiBearerAuth()
@ApiParam({ name: 'year', type: 'integer', example: 2012 })
@Roles('organiser', 'reception')
@Controller('labels/:year/ceremony')
export class CeremonyDocumentsController {
  constructor(private readonly documents: CeremonyDocumentsService) {}

  @Get('running-order')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'The running order for the master of ceremonies: towns by level (1 @ to 5 @), region and name, delegates present marked',
    description: EMBARGO_NOTE,
  })
  @ApiOkResponse({ type: RunningOrderResponse })
  @ApiErrors(401, 403, 404)
  runningOrder(@Param('year', LabelYearPipe) year: number, @CurrentUser() user: RequestUser): Promise<RunningOrderResponse> {
    return this.documents.runningOrder(year, user.roles);
  }

  @Get('running-order.pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'The running order as a printable PDF (A4, ✓ before each delegate present)', description: EMBARGO_NOTE })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'label-<year>-ordre-de-passage.pdf', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(401, 403, 404)
  async runningOrderPdf(@Param('year', LabelYearPipe) year: number, @CurrentUser() user: RequestUser): Promise<StreamableFile> {
    return pdfFile(await this.documents.runningOrderPdf(year, user.roles), `label-${year}-ordre-de-passage.pdf`);
  }

  @Get('certificates.pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'The certificates, one page per labelled town in running order, in one file for printing (`insee`: one town)',
    description: EMBARGO_NOTE,
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'label-<year>-diplomes.pdf', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(401, 403, 404)
  async certificates(@Param('year', LabelYearPipe) year: number, @Query() query: CertificatesQuery, @CurrentUser() user: RequestUser): Promise<StreamableFile> {
    const name = query.insee ? `label-${year}-diplome-${query.insee}.pdf` : `label-${year}-diplomes.pdf`;
    return pdfFile(await this.documents.certificatesPdf(year, user.roles, query.insee), name);
  }
}

function pdfFile(content: Buffer, filename: string): StreamableFile {
  return new StreamableFile(content, { type: 'application/pdf', disposition: `attachment; filename="${filename}"`, length: content.length });
}
