import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Request, Response } from 'express';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** The content codings this application sends, in the order it prefers them. */
export type ContentCoding = 'br' | 'gzip' | 'identity';

/** One body, stored as sent: plain, and compressed once with each coding (for bytes that never change). */
export interface EncodedBody {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/** Compresses `body` once, at the highest levels (it is sent many times): off the event loop, in libuv's threads. */
export async function encodeBody(body: Buffer): Promise<EncodedBody> {
  const [gz, br] = await Promise.all([
    gzipAsync(body, { level: 9 }),
    brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  ]);
  return { identity: body, gzip: gz, br };
}

/** The coding the request accepts that we prefer (Accept-Encoding with its q-values; absent: identity). */
export function negotiateCoding(req: Request): ContentCoding {
  const chosen = req.acceptsEncodings('br', 'gzip', 'identity');
  return chosen === 'br' || chosen === 'gzip' ? chosen : 'identity';
}

/**
 * Sends a stored body in the coding the request accepts (Vary: Accept-Encoding). The caller has set
 * the other headers (Content-Type, ETag…); the ETag names the content, whatever its coding, as
 * Express's own compression middleware leaves it.
 */
export function sendEncoded(req: Request, res: Response, body: EncodedBody, status = 200): void {
  const coding = negotiateCoding(req);
  const bytes = body[coding];
  res.vary('Accept-Encoding');
  if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
  res.setHeader('Content-Length', String(bytes.length));
  res.status(status).end(bytes);
}
