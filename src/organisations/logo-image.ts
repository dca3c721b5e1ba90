import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../common/errors/domain-error.js';
import { InvalidImage, type ImageSize } from '../common/images/image-limits.js';
import { MAX_LOGO_BYTES } from './image-limits.js';
import { checkJpeg } from '../common/images/jpeg-image.js';
import { checkPng } from '../common/images/png-image.js';
import { assertSelfContained, rasteriseSvg, svgText } from './svg-logo.js';

export type StoredLogoType = 'image/png' | 'image/jpeg';
export type UploadedLogoType = StoredLogoType | 'image/svg+xml';

/** A logo ready to store: always PNG or JPEG bytes, whatever was uploaded. */
export interface LogoImage extends ImageSize {
  content: Buffer;
  mediaType: StoredLogoType;
  uploadedMediaType: UploadedLogoType;
  byteSize: number;
  sha256: string;
}

const ACCEPTED = 'a logo must be a PNG, a JPEG or an SVG';

/**
 * Decides what an upload is from its bytes alone (never its name or the type the client
 * claims), checks that it is a sound image of a sane size, and returns what to store. PNG and
 * JPEG are kept as they are; an SVG is rasterised to PNG so that no script in it can be served.
 * Throws 415 UNSUPPORTED_MEDIA_TYPE for anything else, with the reason.
 */
export async function prepareLogo(upload: Buffer): Promise<LogoImage> {
  if (upload.length === 0) throw new DomainError(400, 'BAD_REQUEST', 'The file is empty');
  if (upload.length > MAX_LOGO_BYTES) throw tooLarge();
  try {
    const detected = await fileTypeFromBuffer(upload);
    if (detected?.mime === 'image/png') return stored(upload, 'image/png', 'image/png', await checkPng(upload));
    if (detected?.mime === 'image/jpeg') return stored(upload, 'image/jpeg', 'image/jpeg', checkJpeg(upload));
    const text = detected === undefined || detected.ext === 'xml' ? svgText(upload) : null;
    if (text !== null) {
      await assertSelfContained(text);
      const { png, width, height } = await rasteriseSvg(text);
      if (png.length > MAX_LOGO_BYTES) throw new DomainError(422, 'VALIDATION_FAILED', 'The SVG draws to a PNG larger than 2 MB; simplify it');
      return stored(png, 'image/png', 'image/svg+xml', { width, height });
    }
    throw unsupported(detected ? `The file is ${describe(detected.ext)}; ${ACCEPTED}` : `The file is not an image; ${ACCEPTED}`, detected?.mime);
  } catch (error) {
    if (error instanceof InvalidImage) throw unsupported(error.message);
    throw error;
  }
}

function stored(content: Buffer, mediaType: StoredLogoType, uploadedMediaType: UploadedLogoType, size: ImageSize): LogoImage {
  return {
    content,
    mediaType,
    uploadedMediaType,
    width: size.width,
    height: size.height,
    byteSize: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

function describe(ext: string): string {
  return /^[aeiou]/i.test(ext) ? `an ${ext.toUpperCase()} file` : `a ${ext.toUpperCase()} file`;
}

function unsupported(message: string, detected?: string): DomainError {
  return new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', message, detected ? { detectedType: detected } : undefined);
}

export function tooLarge(): DomainError {
  return new DomainError(413, 'PAYLOAD_TOO_LARGE', `The logo is larger than the ${MAX_LOGO_BYTES / 1024 / 1024} MB allowed`);
}
