import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../common/errors/domain-error.js';
// The image checks belong to the organisations module (logos); photos reuse them as they are.
import { InvalidImage, MAX_IMAGE_BYTES, type ImageSize } from '../common/images/image-limits.js';
import { checkJpeg } from '../common/images/jpeg-image.js';
import { checkPng } from '../common/images/png-image.js';

export const MAX_PHOTO_BYTES = MAX_IMAGE_BYTES;

export type PhotoMediaType = 'image/png' | 'image/jpeg';

/** A speaker's photo ready to store: the uploaded bytes, once they proved to be a sound image. */
export interface SpeakerPhoto extends ImageSize {
  content: Buffer;
  mediaType: PhotoMediaType;
  byteSize: number;
  sha256: string;
}

const ACCEPTED = 'a photo must be a JPEG or a PNG';

/**
 * Decides what an upload is from its bytes (never its name or declared type) and checks it the
 * way logos are checked: PNG chunk by chunk with its image data inflated, JPEG marker by marker.
 * 400 when empty, 413 above 2 MB, 415 for anything else (an SVG, a GIF, a program named photo.jpg).
 */
export async function preparePhoto(upload: Buffer): Promise<SpeakerPhoto> {
  if (upload.length === 0) throw new DomainError(400, 'BAD_REQUEST', 'The file is empty');
  if (upload.length > MAX_PHOTO_BYTES) throw photoTooLarge();
  const detected = await fileTypeFromBuffer(upload);
  try {
    if (detected?.mime === 'image/png') return photo(upload, 'image/png', await checkPng(upload));
    if (detected?.mime === 'image/jpeg') return photo(upload, 'image/jpeg', checkJpeg(upload));
  } catch (error) {
    if (error instanceof InvalidImage) throw unsupported(error.message);
    throw error;
  }
  throw unsupported(
    detected ? `The file is ${article(detected.ext)} ${detected.ext.toUpperCase()} file; ${ACCEPTED}` : `The file is not an image; ${ACCEPTED}`,
    detected?.mime,
  );
}

export function photoTooLarge(): DomainError {
  return new DomainError(413, 'PAYLOAD_TOO_LARGE', `The photo is larger than the ${MAX_PHOTO_BYTES / 1024 / 1024} MB allowed`);
}

function photo(content: Buffer, mediaType: PhotoMediaType, size: ImageSize): SpeakerPhoto {
  return {
    content,
    mediaType,
    width: size.width,
    height: size.height,
    byteSize: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

function unsupported(message: string, detected?: string): DomainError {
  return new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', message, detected ? { detectedType: detected } : undefined);
}
