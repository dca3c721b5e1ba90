import { CallHandler, ExecutionContext, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { uploadLimits } from '../common/http/multipart-limits.js';
import { MAX_PHOTO_BYTES, photoTooLarge } from './photo-image.js';

/**
 * Reads the multipart field `file` into memory: one file of at most 2 MB and no other field.
 * multer stops reading past the limit; its 413 is given the photo's own message.
 */
const MulterPhotoInterceptor = FileInterceptor('file', { limits: uploadLimits({ fileSize: MAX_PHOTO_BYTES }) });

@Injectable()
export class PhotoUploadInterceptor extends MulterPhotoInterceptor {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw photoTooLarge();
      throw error;
    }
  }
}

/**
 * Sign-up may come as JSON, or as multipart/form-data with the same fields and an optional
 * `photo` file (at most 2 MB). multer leaves JSON requests alone.
 */
const MulterSignupInterceptor = FileInterceptor('photo', { limits: uploadLimits({ fileSize: MAX_PHOTO_BYTES, fields: 20, fieldSize: 20_000 }) });

@Injectable()
export class SignupUploadInterceptor extends MulterSignupInterceptor {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw photoTooLarge();
      throw error;
    }
  }
}
