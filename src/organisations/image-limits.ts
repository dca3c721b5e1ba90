import { MAX_IMAGE_BYTES } from '../common/images/image-limits.js';

/** A logo is an uploaded picture like any other (src/common/images), at most 2 MB. */
export const MAX_LOGO_BYTES = MAX_IMAGE_BYTES;

/** The longest side, in pixels, of the PNG an SVG logo is rasterised to. */
export const SVG_RENDER_SIDE = 1024;
