import { CallHandler, ExecutionContext, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { DomainError } from '../common/errors/domain-error.js';
import { labelImportTooLarge, MAX_LABEL_IMPORT_BYTES } from './label-import.service.js';

/**
 * The palmarès upload: multipart field `file`, one file of at most 8 MB (every commune of France
 * is about 1.5 MB; the JSON limit of 1 MB does not apply to multipart), no other part. Anything
 * but multipart/form-data is 415 before any byte is read; multer stops reading past the limit.
 */
const MulterCsvInterceptor = FileInterceptor('file', { limits: { fileSize: MAX_LABEL_IMPORT_BYTES, files: 1, fields: 0, parts: 1 } });

@Injectable()
export class LabelImportUploadInterceptor extends MulterCsvInterceptor {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.is('multipart/form-data')) {
      throw new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the CSV file as multipart/form-data, in the field « file »');
    }
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw labelImportTooLarge();
      throw error;
    }
  }
}
