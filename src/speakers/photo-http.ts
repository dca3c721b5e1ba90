import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { PhotoFile } from './speaker-photos.service.js';

/** The part of multer's file that an upload uses. */
export interface UploadedPhoto {
  buffer: Buffer;
}

/**
 * Serves a photo: its type, nosniff, a sandboxing CSP, its SHA-256 as ETag (304 on If-None-Match).
 * Photos are personal data behind a token: private caching only, revalidated each time.
 */
export function sendPhoto(photo: PhotoFile, request: Request, response: Response): void {
  response.set({
    'Content-Type': photo.mediaType,
    ETag: `"${photo.sha256}"`,
    'Last-Modified': photo.updatedAt.toUTCString(),
    'Cache-Control': 'private, no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Content-Disposition': `inline; filename="photo.${photo.mediaType === 'image/png' ? 'png' : 'jpg'}"`,
  });
  if (request.fresh) {
    response.status(304).end();
    return;
  }
  response.set('Content-Length', String(photo.content.length)).status(200).end(photo.content);
}

/** OpenAPI for a route that serves a photo. */
export function ApiPhotoDownload() {
  return applyDecorators(
    ApiHeader({ name: 'If-None-Match', required: false }),
    ApiProduces('image/png', 'image/jpeg'),
    ApiOkResponse({ description: 'The image', schema: { type: 'string', format: 'binary' } }),
    ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' }),
  );
}

/** OpenAPI for the photo upload body. */
export function ApiPhotoUpload() {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary', description: 'The photo: JPEG or PNG, at most 2 MB' } },
      },
    }),
  );
}
