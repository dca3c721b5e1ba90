import { CallHandler, ExecutionContext, Injectable, mixin, NestInterceptor, PayloadTooLargeException, Type } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { DomainError } from '../errors/domain-error.js';
import { uploadLimits } from './multipart-limits.js';

/** 413 for a CSV file over an import's limit, in the error shape. */
export function csvTooLarge(maxBytes: number): DomainError {
  return new DomainError(413, 'PAYLOAD_TOO_LARGE', `The file is larger than the ${maxBytes / 1024 / 1024} MB an import accepts: split it`);
}

/**
 * An import's upload: reads the multipart field `file` into memory, one file of at most `maxBytes`
 * and no other part. Anything but multipart/form-data (a JSON body, a raw text/csv body) is 415
 * before any byte is read; multer stops reading past the limit, and its 413 gets the import's message.
 * Used by the participants' and the palmarès' imports.
 */
export function CsvUploadInterceptor(maxBytes: number): Type<NestInterceptor> {
  const MulterCsvInterceptor = FileInterceptor('file', { limits: uploadLimits({ fileSize: maxBytes }) });

  @Injectable()
  class CsvUpload extends MulterCsvInterceptor {
    override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<Request>();
      if (!request.is('multipart/form-data')) {
        throw new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the CSV file as multipart/form-data, in the field « file »');
      }
      try {
        return await super.intercept(context, next);
      } catch (error) {
        if (error instanceof PayloadTooLargeException) throw csvTooLarge(maxBytes);
        throw error;
      }
    }
  }
  return mixin(CsvUpload);
}
