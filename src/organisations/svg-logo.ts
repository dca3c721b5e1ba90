import { renderAsync, Resvg } from '@resvg/resvg-js';
import { InvalidImage, type ImageSize } from '../common/images/image-limits.js';
import { SVG_RENDER_SIDE } from './image-limits.js';
import { checkJpeg } from '../common/images/jpeg-image.js';
import { checkPng } from '../common/images/png-image.js';

/** How long rendering one SVG may take before the upload is refused. */
const RENDER_TIMEOUT_MS = 10_000;

/** Raster images an SVG may embed as base64 data URLs (each checked like an uploaded one). */
const EMBEDDED_IMAGE = /^data:image\/(png|jpe?g);base64,([A-Za-z0-9+/=\s]*)$/i;

/** An attribute in XML text; a value cannot hold its own quote or a `<`. */
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;

/**
 * Reads `data` as an SVG document: UTF-8 text (a BOM allowed) whose root element is `<svg>`,
 * after an optional XML declaration, comments, processing instructions and a doctype.
 * Returns the text, or null when it is not one.
 */
export function svgText(data: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i += 1;
    const rest = text.slice(i, i + 9);
    let end: number;
    if (rest.startsWith('<?')) end = text.indexOf('?>', i + 2) + 2;
    else if (rest.startsWith('<!--')) end = text.indexOf('-->', i + 4) + 3;
    else if (rest.startsWith('<!DOCTYPE')) end = text.indexOf('>', i + 9) + 1;
    else return /^<svg[\s/>]/.test(rest) ? text : null;
    if (end <= i) return null;
    i = end;
  }
}

/**
 * Refuses what would let rendering reach outside the document: a DTD internal subset (custom
 * entities: entity bombs), and any href that is not an in-document `#id` or an embedded PNG or
 * JPEG. resvg reads an `<image href="/some/path.png">` from the server's own disk, so this check
 * is what keeps a logo upload from copying server files into a public image.
 */
export async function assertSelfContained(text: string): Promise<void> {
  if (/<!DOCTYPE[^>]*\[/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new InvalidImage('SVG documents that declare entities are not accepted');
  }
  for (const match of text.matchAll(ATTRIBUTE)) {
    const name = match[1].toLowerCase();
    if (name !== 'href' && !name.endsWith(':href')) continue;
    const value = decodeReferences(match[2] ?? match[3] ?? '').trim();
    if (value.startsWith('#')) continue;
    const embedded = EMBEDDED_IMAGE.exec(value);
    if (!embedded) {
      throw new InvalidImage(`The SVG refers to an outside resource (${value.slice(0, 60) || 'an empty href'}); embed images as PNG or JPEG data URLs`);
    }
    const bytes = Buffer.from(embedded[2].replace(/\s/g, ''), 'base64');
    if (embedded[1].toLowerCase() === 'png') await checkPng(bytes);
    else checkJpeg(bytes);
  }
}

/**
 * Renders a self-contained SVG to a PNG whose longest side is SVG_RENDER_SIDE pixels. Scripts,
 * event handlers, links and animations have no meaning in a PNG, so none of them survive.
 */
export async function rasteriseSvg(text: string): Promise<ImageSize & { png: Buffer }> {
  let intrinsic: ImageSize;
  try {
    const parsed = new Resvg(text, { font: { loadSystemFonts: false }, logLevel: 'off' });
    intrinsic = { width: parsed.width, height: parsed.height };
  } catch {
    throw new InvalidImage('The SVG is not well-formed');
  }
  if (!(intrinsic.width > 0 && intrinsic.height > 0)) throw new InvalidImage('The SVG has no size');
  const wide = intrinsic.width >= intrinsic.height;
  const shortSide = (SVG_RENDER_SIDE * Math.min(intrinsic.width, intrinsic.height)) / Math.max(intrinsic.width, intrinsic.height);
  if (shortSide < 1) throw new InvalidImage('The SVG is too thin to draw as a logo');
  try {
    const image = await renderAsync(
      text,
      { fitTo: wide ? { mode: 'width', value: SVG_RENDER_SIDE } : { mode: 'height', value: SVG_RENDER_SIDE }, logLevel: 'off' },
      AbortSignal.timeout(RENDER_TIMEOUT_MS),
    );
    return { png: image.asPng(), width: image.width, height: image.height };
  } catch {
    throw new InvalidImage('The SVG could not be drawn');
  }
}

/** Decodes XML character references and the five predefined entities in an attribute value. */
function decodeReferences(value: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return value.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return named[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
