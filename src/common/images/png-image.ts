import { crc32, createInflate } from 'node:zlib';
import { assertSaneSize, InvalidImage, type ImageSize } from './image-limits.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Channels of each PNG colour type, and the bit depths it allows. */
const COLOUR_TYPES: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

interface Header extends ImageSize {
  bitsPerPixel: number;
  interlaced: boolean;
  colourType: number;
}

/** A run of scanlines of one length (the whole image, or one Adam7 pass), filter byte included. */
interface Scanlines {
  rows: number;
  rowBytes: number;
}

/**
 * Checks that `data` is a whole, decodable PNG and returns its size: the signature, every
 * chunk's length and CRC, IHDR first with sane values, a palette when one is needed, IDAT
 * present, IEND last with nothing after it, and the image data inflating to exactly the
 * scanlines IHDR announces, each with a valid filter type. The inflated data is counted as it
 * streams and then dropped, so a decompression bomb costs time bounded by the pixel limit, not memory.
 */
export async function checkPng(data: Buffer): Promise<ImageSize> {
  if (data.length < SIGNATURE.length || !data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new InvalidImage('The file is not a PNG');
  }
  let header: Header | null = null;
  let hasPalette = false;
  let ended = false;
  let previous = '';
  const imageData: Buffer[] = [];
  let offset = SIGNATURE.length;
  while (offset < data.length) {
    if (ended) throw new InvalidImage('The PNG has data after its end (IEND)');
    if (offset + 12 > data.length) throw new InvalidImage('The PNG is truncated');
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > data.length) throw new InvalidImage('The PNG is truncated');
    if (!/^[A-Za-z]{4}$/.test(type)) throw new InvalidImage('The PNG has a malformed chunk');
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (crc32(data.subarray(offset + 4, offset + 8 + length)) !== data.readUInt32BE(offset + 8 + length)) {
      throw new InvalidImage(`The PNG is corrupt (bad checksum in ${type})`);
    }
    if (header === null && type !== 'IHDR') throw new InvalidImage('The PNG does not start with its header (IHDR)');
    switch (type) {
      case 'IHDR':
        if (header !== null) throw new InvalidImage('The PNG has two headers');
        header = readHeader(body);
        break;
      case 'PLTE':
        if (imageData.length > 0 || length === 0 || length % 3 !== 0 || length > 768) throw new InvalidImage('The PNG has a malformed palette');
        hasPalette = true;
        break;
      case 'IDAT':
        if (imageData.length > 0 && previous !== 'IDAT') throw new InvalidImage('The PNG image data is not contiguous');
        imageData.push(body);
        break;
      case 'IEND':
        if (length !== 0) throw new InvalidImage('The PNG end chunk is malformed');
        ended = true;
        break;
      default:
        // An upper-case first letter marks a chunk a decoder must understand to draw the image.
        if (/^[A-Z]/.test(type)) throw new InvalidImage(`The PNG needs an unknown critical chunk (${type})`);
    }
    previous = type;
    offset = end;
  }
  if (!header || !ended) throw new InvalidImage('The PNG is truncated');
  if (imageData.length === 0) throw new InvalidImage('The PNG has no image data');
  if (header.colourType === 3 && !hasPalette) throw new InvalidImage('The PNG needs a palette and has none');
  await checkImageData(Buffer.concat(imageData), scanlinesOf(header));
  return { width: header.width, height: header.height };
}

function readHeader(body: Buffer): Header {
  if (body.length !== 13) throw new InvalidImage('The PNG header is malformed');
  const width = body.readUInt32BE(0);
  const height = body.readUInt32BE(4);
  const [bitDepth, colourType, compression, filter, interlace] = body.subarray(8, 13);
  const colour = COLOUR_TYPES[colourType];
  if (!colour || !colour.depths.includes(bitDepth) || compression !== 0 || filter !== 0 || interlace > 1) {
    throw new InvalidImage('The PNG header has values no decoder accepts');
  }
  assertSaneSize({ width, height }, 'PNG');
  return { width, height, colourType, bitsPerPixel: colour.channels * bitDepth, interlaced: interlace === 1 };
}

/** The scanlines of the image: one run, or the seven Adam7 passes (empty passes have none). */
function scanlinesOf(header: Header): Scanlines[] {
  const line = (width: number, rows: number): Scanlines => ({ rows, rowBytes: 1 + Math.ceil((width * header.bitsPerPixel) / 8) });
  if (!header.interlaced) return [line(header.width, header.height)];
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ];
  return passes
    .map(([x0, y0, dx, dy]) => line(Math.ceil((header.width - x0) / dx), Math.ceil((header.height - y0) / dy)))
    .filter((pass) => pass.rows > 0 && pass.rowBytes > 1);
}

/** Inflates the image data as a stream, checking its length and every scanline's filter type. */
function checkImageData(compressed: Buffer, passes: Scanlines[]): Promise<void> {
  const expected = passes.reduce((sum, pass) => sum + pass.rows * pass.rowBytes, 0);
  let received = 0;
  let pass = 0;
  let row = 0;
  let inRow = 0;
  const consume = (chunk: Buffer) => {
    let i = 0;
    while (i < chunk.length) {
      const current = passes[pass];
      if (!current) throw new InvalidImage('The PNG image data is longer than its size says');
      if (inRow === 0 && chunk[i] > 4) throw new InvalidImage('The PNG image data is corrupt (bad filter type)');
      const take = Math.min(current.rowBytes - inRow, chunk.length - i);
      inRow += take;
      i += take;
      if (inRow === current.rowBytes) {
        inRow = 0;
        row += 1;
        if (row === current.rows) {
          row = 0;
          pass += 1;
        }
      }
    }
    received += chunk.length;
  };
  return new Promise((resolve, reject) => {
    const inflate = createInflate();
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      inflate.destroy();
      reject(error instanceof InvalidImage ? error : new InvalidImage('The PNG image data does not decompress'));
    };
    inflate.on('data', (chunk: Buffer) => {
      try {
        consume(chunk);
      } catch (error) {
        fail(error);
      }
    });
    inflate.on('error', fail);
    inflate.on('end', () => {
      if (failed) return;
      if (received !== expected) fail(new InvalidImage('The PNG image data is shorter than its size says'));
      else resolve();
    });
    inflate.end(compressed);
  });
}
