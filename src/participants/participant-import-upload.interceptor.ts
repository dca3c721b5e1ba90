import { CallHandler, ExecutionContext, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { DomainError } from '../common/errors/domain-error.js';
import { importTooLarge, MAX_IMPORT_BYTES } from './participant-import.service.js';

/**
 * Reads the multipart field `file` into memory: one file of at most 5 MB and no other part.
 * Anything but multipart/form-data (a JSON body, a raw text/csv body) is 415 before any byte is
 * read; multer stops reading past the limit, and its 413 gets the import's own message.
 */
const MulterCsvInterceptor = FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 0, parts: 1 } });

@Injectable()
export class ParticipantImportUploadInterceptor extends MulterCsvInterceptor {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.is('multipart/form-data')) {
      throw new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the CSV file as multipart/form-data, in the field « file »');
    }
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw importTooLarge();
      throw error;
    }
  }
}
