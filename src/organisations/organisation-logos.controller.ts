import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public, Roles } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { OrganisationLogoResponse } from './dto/organisation-logo.response.js';
import { LogoUploadInterceptor } from './logo-upload.interceptor.js';
import { OrganisationLogosService, type LogoFile } from './organisation-logos.service.js';

/** The part of multer's file that the upload uses. */
interface UploadedLogo {
  buffer: Buffer;
}

/** Served logos: cached for good when the URL names the current version, revalidated otherwise. */
function cacheControl(logo: LogoFile, version: unknown): string {
  return version === logo.sha256.slice(0, 16) ? 'public, max-age=31536000, immutable' : 'public, no-cache';
}

@ApiTags('organisations')
@Controller('organisations/:id/logo')
export class OrganisationLogosController {
  constructor(private readonly logos: OrganisationLogosService) {}

  @Put()
  @Roles('organiser')
  @ApiBearerAuth()
  @UseInterceptors(LogoUploadInterceptor)
  @ApiOperation({
    summary: 'Upload or replace the logo (organisers)',
    description:
      'PNG, JPEG or SVG, at most 2 MB, at most 10,000 px a side. The type is read from the content, never from the ' +
      'file name or the declared type. An SVG is drawn to a PNG (1024 px on its longest side) and only the PNG is kept; ' +
      'an SVG that refers to anything outside itself is refused. A refused upload leaves the previous logo in place.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'The logo: PNG, JPEG or SVG, at most 2 MB' } },
    },
  })
  @ApiOkResponse({ type: OrganisationLogoResponse })
  @ApiErrors(401, 403, 404, 415, 422)
  upload(@Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: UploadedLogo | undefined): Promise<OrganisationLogoResponse> {
    return this.logos.replace(id, file?.buffer);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'The logo image (public)', description: 'Served with its SHA-256 as ETag; If-None-Match gives 304.' })
  @ApiQuery({ name: 'v', required: false, description: 'Version from logoUrl; when current, the answer may be cached for good' })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiProduces('image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The image', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiErrors(404)
  async download(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const logo = await this.logos.file(id);
    response.set({
      'Content-Type': logo.mediaType,
      ETag: `"${logo.sha256}"`,
      'Last-Modified': logo.updatedAt.toUTCString(),
      'Cache-Control': cacheControl(logo, request.query.v),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Disposition': `inline; filename="logo.${logo.mediaType === 'image/png' ? 'png' : 'jpg'}"`,
    });
    if (request.fresh) {
      response.status(304).end();
      return;
    }
    response.set('Content-Length', String(logo.byteSize)).status(200).end(logo.content);
  }

  @Delete()
  @HttpCode(204)
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Remove the logo (organisers)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(401, 403, 404)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.logos.remove(id);
  }
}
