/** What an uploaded picture (a logo, a speaker's photo) may be: its upload size, and the size of the picture it holds. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 10_000;
export const MAX_IMAGE_PIXELS = 25_000_000;

export interface ImageSize {
  width: number;
  height: number;
}

/** The bytes are not an image we accept, or not a sound one; the message says why. */
export class InvalidImage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidImage';
  }
}

/** Refuses a picture with no pixels, a side over 10,000 px or more than 25 megapixels. */
export function assertSaneSize(size: ImageSize, format: string): void {
  const { width, height } = size;
  if (width < 1 || height < 1) throw new InvalidImage(`The ${format} has no pixels`);
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new InvalidImage(
      `The ${format} is ${width}×${height} px; a picture may be at most ${MAX_IMAGE_SIDE} px a side and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`,
    );
  }
}
