import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { prepareLogo } from '../../src/organisations/logo-image.js';
import {
  buildPng,
  ELF_EXECUTABLE,
  firstPixelAsDecoded,
  GIF_IMAGE,
  pngChunk,
  PDF_DOCUMENT,
  PE_EXECUTABLE,
  RED_SQUARE_SVG,
  renderPng,
  scanlineBytes,
  SVG_WITH_SCRIPT,
  tinyJpeg,
} from './images.js';

/** The DomainError prepareLogo throws for `upload`, or a failure when it accepts it. */
async function refusal(upload: Buffer): Promise<DomainError> {
  try {
    await prepareLogo(upload);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the upload was accepted');
}

async function expectUnsupported(upload: Buffer, message?: RegExp): Promise<void> {
  const error = await refusal(upload);
  expect(error.status).toBe(415);
  expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  if (message) expect(error.message).toMatch(message);
}

const svg = (body: string, attributes = 'width="20" height="10"') =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attributes}>${body}</svg>`);

describe('prepareLogo: PNG', () => {
  it('keeps a PNG as it is, with its size and SHA-256', async () => {
    const png = renderPng(RED_SQUARE_SVG, 48);
    const logo = await prepareLogo(png);
    expect(logo).toMatchObject({ mediaType: 'image/png', uploadedMediaType: 'image/png', width: 48, height: 48, byteSize: png.length });
    expect(logo.content.equals(png)).toBe(true);
    expect(logo.sha256).toBe(createHash('sha256').update(png).digest('hex'));
  });

  it('accepts a PNG assembled by hand, interlaced or not, and reads its size from IHDR', async () => {
    expect(await prepareLogo(buildPng({ width: 3, height: 2 }))).toMatchObject({ width: 3, height: 2 });
    expect(await prepareLogo(buildPng({ width: 13, height: 5, interlace: 1 }))).toMatchObject({ width: 13, height: 5 });
    expect(await prepareLogo(buildPng({ width: 1, height: 1, interlace: 1 }))).toMatchObject({ width: 1, height: 1 });
  });

  it('refuses a PNG whose image data does not decompress, though every checksum is right', async () => {
    const garbage = Buffer.from('this is not a zlib stream at all, only words');
    await expectUnsupported(buildPng({ width: 3, height: 2, idat: garbage }), /does not decompress/);
  });

  it('refuses a PNG whose image data is too short or too long for its size', async () => {
    await expectUnsupported(buildPng({ width: 3, height: 2, scanlines: Buffer.alloc(scanlineBytes(3, 2) - 1) }), /shorter/);
    await expectUnsupported(buildPng({ width: 3, height: 2, scanlines: Buffer.alloc(scanlineBytes(3, 2) + 1) }), /longer/);
  });

  it('refuses a PNG with a scanline filter type no decoder knows', async () => {
    const scanlines = Buffer.alloc(scanlineBytes(3, 2));
    scanlines[13] = 9;
    await expectUnsupported(buildPng({ width: 3, height: 2, scanlines }), /filter/);
  });

  it('refuses a truncated PNG, a bad checksum, data after IEND and an unknown critical chunk', async () => {
    const png = renderPng(RED_SQUARE_SVG, 32);
    await expectUnsupported(png.subarray(0, png.length - 20), /truncated/);
    const flipped = Buffer.from(png);
    flipped[png.indexOf('IDAT') + 6] ^= 0xff;
    await expectUnsupported(flipped, /bad checksum in IDAT/);
    await expectUnsupported(Buffer.concat([png, Buffer.from('<script>alert(1)</script>')]), /after its end/);
    await expectUnsupported(buildPng({ width: 2, height: 2, before: [pngChunk('ABCD', Buffer.from([1]))] }), /critical chunk/);
  });

  it('refuses a palette PNG without a palette and impossible header values', async () => {
    await expectUnsupported(buildPng({ width: 2, height: 2, colourType: 3, scanlines: Buffer.alloc(2 * 3) }), /palette/);
    await expectUnsupported(buildPng({ width: 2, height: 2, colourType: 2, bitDepth: 4 }), /header/);
  });

  it('refuses a PNG over 10,000 px a side or 25 megapixels, before decompressing anything', async () => {
    const bomb = deflateSync(Buffer.alloc(1000));
    await expectUnsupported(buildPng({ width: 20_000, height: 1, idat: bomb }), /at most 10000 px/);
    await expectUnsupported(buildPng({ width: 9000, height: 9000, idat: bomb }), /megapixels/);
    await expectUnsupported(buildPng({ width: 0, height: 5, idat: bomb }), /no pixels/);
  });
});

describe('prepareLogo: JPEG', () => {
  it('the hand-written test JPEG is a real one: file-type says jpg and resvg decodes it to grey', async () => {
    const jpeg = tinyJpeg(3, 2);
    expect(await fileTypeFromBuffer(jpeg)).toEqual({ ext: 'jpg', mime: 'image/jpeg' });
    expect(firstPixelAsDecoded(jpeg, 'image/jpeg', 3, 2)).toEqual([128, 128, 128, 255]);
  });

  it('keeps a JPEG as it is, with the size of its frame header', async () => {
    const jpeg = tinyJpeg(17, 9);
    const logo = await prepareLogo(jpeg);
    expect(logo).toMatchObject({ mediaType: 'image/jpeg', uploadedMediaType: 'image/jpeg', width: 17, height: 9, byteSize: jpeg.length });
    expect(logo.content.equals(jpeg)).toBe(true);
  });

  it('refuses a truncated JPEG, a 12-bit one, and one without a frame header', async () => {
    const jpeg = tinyJpeg(3, 2);
    await expectUnsupported(jpeg.subarray(0, jpeg.length - 2), /truncated/);
    await expectUnsupported(jpeg.subarray(0, 30), /truncated/);
    await expectUnsupported(tinyJpeg(3, 2, 12), /12-bit/);
    const withoutFrame = Buffer.concat([jpeg.subarray(0, 2), jpeg.subarray(jpeg.indexOf(Buffer.from([0xff, 0xda])))]);
    await expectUnsupported(withoutFrame, /before its frame header/);
  });

  it('refuses a JPEG over 10,000 px a side and one with no height', async () => {
    await expectUnsupported(tinyJpeg(12_000, 1), /at most 10000 px/);
    await expectUnsupported(tinyJpeg(3, 0), /height/);
  });
});

describe('prepareLogo: SVG', () => {
  it('rasterises an SVG to a PNG, 1024 px on its longest side, leaving no script behind', async () => {
    const logo = await prepareLogo(Buffer.from(SVG_WITH_SCRIPT));
    expect(logo).toMatchObject({ mediaType: 'image/png', uploadedMediaType: 'image/svg+xml', width: 1024, height: 512 });
    expect(await fileTypeFromBuffer(logo.content)).toEqual({ ext: 'png', mime: 'image/png' });
    const text = logo.content.toString('latin1');
    expect(text).not.toMatch(/<script|onload|alert/i);
    expect(firstPixelAsDecoded(logo.content, 'image/png', 4, 2)).toEqual([0x20, 0x50, 0xc0, 255]);
  });

  it('recognises an SVG after a BOM, an XML declaration, comments and a doctype', async () => {
    const text =
      '\ufeff<?xml version="1.0" standalone="no"?>\n<!-- made by hand -->\n' +
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' +
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 40"><rect width="10" height="40"/></svg>';
    expect(await prepareLogo(Buffer.from(text))).toMatchObject({ uploadedMediaType: 'image/svg+xml', width: 256, height: 1024 });
  });

  it('accepts an SVG embedding a sound PNG or JPEG as a data URL', async () => {
    const png = renderPng(RED_SQUARE_SVG, 8).toString('base64');
    const jpeg = tinyJpeg(4, 4).toString('base64');
    const upload = svg(`<image width="10" height="10" href="data:image/png;base64,${png}"/><image x="10" width="10" height="10" xlink:href="data:image/jpeg;base64,${jpeg}"/><use href="#a"/>`);
    expect(await prepareLogo(upload)).toMatchObject({ mediaType: 'image/png', uploadedMediaType: 'image/svg+xml' });
  });

  it('refuses an SVG that would make the renderer read a file of the server, however the path is written', async () => {
    await expectUnsupported(svg('<image width="20" height="10" href="/etc/hostname"/>'), /outside resource/);
    await expectUnsupported(svg('<image width="20" height="10" xlink:href = \'logo.png\'/>'), /outside resource/);
    await expectUnsupported(svg('<image width="20" height="10" href="&#47;etc&#x2F;hostname"/>'), /outside resource/);
    await expectUnsupported(svg('<image width="20" height="10" href="file:///etc/hostname"/>'), /outside resource/);
    await expectUnsupported(svg('<image width="20" height="10" href="https://example.com/tracker.png"/>'), /outside resource/);
    await expectUnsupported(svg('<use href="other.svg#logo"/>'), /outside resource/);
  });

  it('refuses an SVG embedding another SVG, or an image that is not a sound PNG or JPEG', async () => {
    const inner = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/hostname"/></svg>').toString('base64');
    await expectUnsupported(svg(`<image width="20" height="10" href="data:image/svg+xml;base64,${inner}"/>`), /outside resource/);
    const corrupt = buildPng({ width: 2, height: 2, idat: Buffer.from('garbage') }).toString('base64');
    await expectUnsupported(svg(`<image width="20" height="10" href="data:image/png;base64,${corrupt}"/>`), /decompress/);
  });

  it('refuses entity declarations, malformed SVG and SVG without a size', async () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg">&b;</svg>';
    await expectUnsupported(Buffer.from(bomb));
    await expectUnsupported(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect></svg>'), /well-formed/);
    await expectUnsupported(svg('<rect width="1" height="1"/>', 'width="0" height="0"'));
    await expectUnsupported(svg('<rect width="1" height="1"/>', 'width="1" height="100000"'), /too thin/);
  });
});

describe('prepareLogo: everything else', () => {
  it.each([
    ['a Linux executable', ELF_EXECUTABLE, /ELF/],
    ['a Windows executable', PE_EXECUTABLE, /EXE/],
    ['a PDF', PDF_DOCUMENT, /PDF/],
    ['a GIF', GIF_IMAGE, /GIF/],
    ['plain text', Buffer.from('just some words, no picture'), /not an image/],
    ['HTML', Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), /not an image/],
    ['XML that is not SVG', Buffer.from('<?xml version="1.0"?><note>hi</note>'), /XML|not an image/],
    ['UTF-16 text', Buffer.from('\ufeff<svg/>', 'utf16le'), undefined],
  ])('refuses %s with 415', async (_name, upload, message) => {
    await expectUnsupported(upload, message);
  });

  it('refuses an empty file with 400 and a file over 2 MB with 413', async () => {
    expect((await refusal(Buffer.alloc(0))).status).toBe(400);
    const big = Buffer.concat([renderPng(RED_SQUARE_SVG, 8), Buffer.alloc(2 * 1024 * 1024)]);
    expect((await refusal(big)).status).toBe(413);
  });
});
