import { CallHandler, ExecutionContext, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { uploadLimits } from '../common/http/multipart-limits.js';
import { MAX_LOGO_BYTES } from './image-limits.js';
import { tooLarge } from './logo-image.js';

/**
 * Reads the multipart field `file` into memory (multer's default storage when none is given):
 * one file of at most 2 MB and no other field. multer stops reading past the limit; the 413 it
 * raises is given the logo's own message.
 */
const MulterLogoInterceptor = FileInterceptor('file', { limits: uploadLimits({ fileSize: MAX_LOGO_BYTES }) });

@Injectable()
export class LogoUploadInterceptor extends MulterLogoInterceptor {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw tooLarge();
      throw error;
    }
  }
}
