import { Resvg } from '@resvg/resvg-js';
import { crc32, deflateSync } from 'node:zlib';

/** Test images built from scratch, so that every byte of them is known. */

/** A PNG drawn by resvg from an SVG (a real encoder's output). */
export function renderPng(svg: string, width = 64): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render().asPng();
}

export const RED_SQUARE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#c03020"/></svg>';

export function pngChunk(type: string, data: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

export interface PngParts {
  width: number;
  height: number;
  interlace?: 0 | 1;
  /** The scanlines before compression (filter byte + pixels); zeros by default. */
  scanlines?: Buffer;
  /** The IDAT content as sent (overrides the compressed scanlines). */
  idat?: Buffer;
  colourType?: number;
  bitDepth?: number;
  /** Chunks between IHDR and IDAT. */
  before?: Buffer[];
  /** Bytes after IEND. */
  after?: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Bytes of the scanlines of an RGBA 8-bit image, with filter type 0, as an encoder would lay them out. */
export function scanlineBytes(width: number, height: number, interlace: 0 | 1 = 0): number {
  const row = (w: number, h: number) => (w > 0 && h > 0 ? h * (1 + 4 * w) : 0);
  if (!interlace) return row(width, height);
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ];
  return passes.reduce((sum, [x0, y0, dx, dy]) => sum + row(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)), 0);
}

/** An RGBA PNG assembled chunk by chunk (transparent black unless scanlines are given). */
export function buildPng(parts: PngParts): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(parts.width, 0);
  ihdr.writeUInt32BE(parts.height, 4);
  ihdr[8] = parts.bitDepth ?? 8;
  ihdr[9] = parts.colourType ?? 6;
  ihdr[12] = parts.interlace ?? 0;
  const scanlines = parts.scanlines ?? Buffer.alloc(scanlineBytes(parts.width, parts.height, parts.interlace ?? 0));
  return Buffer.concat([
    SIGNATURE,
    pngChunk('IHDR', ihdr),
    ...(parts.before ?? []),
    pngChunk('IDAT', parts.idat ?? deflateSync(scanlines)),
    pngChunk('IEND'),
    parts.after ?? Buffer.alloc(0),
  ]);
}

function jpegSegment(marker: number, body: number[]): Buffer {
  const length = body.length + 2;
  return Buffer.from([0xff, marker, length >> 8, length & 0xff, ...body]);
}

/**
 * The smallest sound baseline JPEG we could write by hand: one grey component, flat
 * quantisation, a Huffman table with the one code `0` for "DC difference 0" and one for "end of
 * block", so each 8×8 block is two bits. It decodes to mid-grey (128) everywhere.
 */
export function tinyJpeg(width: number, height: number, precision = 8): Buffer {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = '00'.repeat(blocks).padEnd(Math.ceil((blocks * 2) / 8) * 8, '1');
  const scan: number[] = [];
  for (let i = 0; i < bits.length; i += 8) scan.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    jpegSegment(0xe0, [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    jpegSegment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    jpegSegment(0xc0, [precision, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    jpegSegment(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), 0x00]),
    jpegSegment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]),
    jpegSegment(0xda, [1, 1, 0x00, 0, 63, 0]),
    Buffer.from(scan),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** The first pixel (RGBA) of an image as resvg decodes it inside an SVG: fully transparent when it cannot. */
export function firstPixelAsDecoded(image: Buffer, mediaType: 'image/png' | 'image/jpeg', width: number, height: number): number[] {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<image width="${width}" height="${height}" href="data:${mediaType};base64,${image.toString('base64')}"/></svg>`;
  return [...new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels.subarray(0, 4)];
}

/** The start of a 64-bit Linux executable, padded: what a "logo.png" that is really a program looks like. */
export const ELF_EXECUTABLE = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
  Buffer.alloc(8),
  Buffer.from([0x02, 0x00, 0x3e, 0x00, 0x01, 0x00, 0x00, 0x00]),
  Buffer.alloc(4000, 0x90),
]);

/** A Windows executable: "MZ", and the PE header where the DOS header points. */
export const PE_EXECUTABLE = (() => {
  const exe = Buffer.alloc(512);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'latin1');
  return exe;
})();

export const PDF_DOCUMENT = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

export const GIF_IMAGE = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

export const SVG_WITH_SCRIPT =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" onload="alert(document.cookie)">' +
  '<script type="text/javascript">alert("xss")</script>' +
  '<rect width="40" height="20" fill="#2050c0" onclick="alert(1)"/></svg>';
