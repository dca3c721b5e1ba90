import { assertSaneSize, InvalidImage, type ImageSize } from './image-limits.js';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
/** Baseline, extended sequential and progressive Huffman frames: what browsers and PDF tools decode. */
const SUPPORTED_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
/** Every other start-of-frame marker (lossless, hierarchical, arithmetic coding). */
const OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;

/**
 * Checks the structure of a JPEG and returns its size from the frame header (SOF): a start,
 * well-formed segments, exactly one baseline or progressive frame with 8-bit samples and 1, 3
 * or 4 components, at least one scan, and an end marker. It does not decode the entropy-coded
 * data: a JPEG whose markers are sound but whose coefficients are garbage still passes.
 */
export function checkJpeg(data: Buffer): ImageSize {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== SOI) throw new InvalidImage('The file is not a JPEG');
  let size: ImageSize | null = null;
  let scans = 0;
  let offset = 2;
  for (;;) {
    const { marker, at } = nextMarker(data, offset);
    if (marker === EOI) {
      if (!size || scans === 0) throw new InvalidImage('The JPEG ends before its image data');
      return size;
    }
    if (marker === SOI || marker === 0x00 || isRestart(marker) || marker === 0x01) {
      throw new InvalidImage('The JPEG has a marker out of place');
    }
    if (at + 4 > data.length) throw new InvalidImage('The JPEG is truncated');
    const length = data.readUInt16BE(at + 2);
    const segment = data.subarray(at + 4, at + 2 + length);
    if (length < 2 || at + 2 + length > data.length) throw new InvalidImage('The JPEG is truncated');
    if (SUPPORTED_FRAMES.has(marker)) {
      if (size) throw new InvalidImage('The JPEG has two frames');
      size = readFrame(segment);
    } else if (OTHER_FRAMES.has(marker)) {
      throw new InvalidImage('The JPEG uses a coding (lossless, hierarchical or arithmetic) that browsers do not decode');
    }
    offset = at + 2 + length;
    if (marker === SOS) {
      if (!size) throw new InvalidImage('The JPEG has image data before its frame header');
      const components = segment[0];
      if (components < 1 || components > 4 || length !== 6 + 2 * components) throw new InvalidImage('The JPEG has a malformed scan header');
      scans += 1;
      offset = endOfEntropyData(data, offset);
    }
  }
}

function readFrame(segment: Buffer): ImageSize {
  if (segment.length < 6) throw new InvalidImage('The JPEG frame header is malformed');
  const precision = segment[0];
  const height = segment.readUInt16BE(1);
  const width = segment.readUInt16BE(3);
  const components = segment[5];
  if (precision !== 8) throw new InvalidImage(`The JPEG has ${precision}-bit samples; only 8-bit JPEGs are accepted`);
  if (![1, 3, 4].includes(components) || segment.length !== 6 + 3 * components) {
    throw new InvalidImage('The JPEG frame header is malformed');
  }
  if (height === 0) throw new InvalidImage('The JPEG does not say its height in its frame header');
  assertSaneSize({ width, height }, 'JPEG');
  return { width, height };
}

/** The next marker at or after `offset`, skipping fill bytes (0xFF 0xFF…). */
function nextMarker(data: Buffer, offset: number): { marker: number; at: number } {
  if (data[offset] !== 0xff) throw new InvalidImage('The JPEG is corrupt (a segment is not followed by a marker)');
  let at = offset;
  while (at + 1 < data.length && data[at + 1] === 0xff) at += 1;
  if (at + 1 >= data.length) throw new InvalidImage('The JPEG is truncated');
  return { marker: data[at + 1], at };
}

/** Skips entropy-coded data (with its stuffed 0xFF 0x00 bytes and restart markers) to the next marker. */
function endOfEntropyData(data: Buffer, offset: number): number {
  let i = data.indexOf(0xff, offset);
  while (i !== -1 && i + 1 < data.length) {
    const next = data[i + 1];
    if (next === 0x00 || isRestart(next) || next === 0xff) {
      i = data.indexOf(0xff, i + (next === 0xff ? 1 : 2));
      continue;
    }
    return i;
  }
  throw new InvalidImage('The JPEG is truncated (no end marker)');
}
