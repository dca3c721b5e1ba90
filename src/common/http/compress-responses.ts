import { createHash } from 'node:crypto';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions, type ZlibOptions } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';
import { negotiateCoding } from './encoded-body.js';

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024;
const COMPRESSIBLE = /^(application\/(?:[a-z.+-]*\+)?json|text\/csv)\b/i;
/** Bodies up to this size are compressed in the event loop (tens of microseconds; a trip to libuv's threads costs more). */
const SYNC_MAX_BYTES = 64 * 1024;
/** Compressed bodies kept by coding and the body's own hash (a body read from memory is sent many times the same). */
const KEPT_MAX = 256;
const KEPT_MAX_BYTES = 256 * 1024;
const kept = new Map<string, Buffer>();

const GZIP_OPTIONS: ZlibOptions = { level: 6 };
const brotliOptions = (size: number): BrotliOptions => ({ params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: size } });

function keep(key: string, body: Buffer): void {
  if (body.length > KEPT_MAX_BYTES) return;
  kept.delete(key);
  kept.set(key, body);
  if (kept.size > KEPT_MAX) kept.delete(kept.keys().next().value as string);
}

/** Whether an answer with these headers is one this middleware compresses (JSON or CSV, not already encoded). */
function compressible(res: Response): boolean {
  if (res.getHeader('Content-Encoding')) return false;
  const type = res.getHeader('Content-Type');
  return typeof type === 'string' && COMPRESSIBLE.test(type);
}

/**
 * Compresses every JSON or CSV answer of more than 1 KB in the coding the request accepts (brotli
 * or gzip, Accept-Encoding as usual; Vary: Accept-Encoding), at levels cheap enough to run on each
 * answer; the ETag is left as it is (it names the content, as Express's own compression middleware
 * leaves it). The body is gathered and compressed once it ends: up to 64 KB in the event loop, larger
 * ones in libuv's threads; the last 256 compressed bodies are kept by coding and by a hash of the
 * body itself (never by the ETag alone: a version ETag such as "3" names a row's version, not the
 * bytes, and two talks at version 3 are two bodies), so a read served from memory is compressed
 * once. Answers that set their own
 * Content-Encoding (the stored, precompressed programme and exports) and every other type (pages,
 * PDF, images) pass untouched.
 */
export function compressResponses(req: Request, res: Response, next: NextFunction): void {
  const coding = negotiateCoding(req);
  if (coding === 'identity' || req.method === 'HEAD') {
    next();
    return;
  }
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  let decided: boolean | null = null;
  const chunks: Buffer[] = [];
  const decide = () => {
    decided ??= res.statusCode !== 204 && res.statusCode !== 304 && compressible(res);
    if (decided) res.vary('Accept-Encoding');
    return decided;
  };
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');

  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!decide()) return write(chunk, ...rest);
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, rest[0]));
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as Response['write'];

  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk === 'function') {
      rest = [chunk];
      chunk = undefined;
    }
    if (!decide()) return end(chunk, ...rest);
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, rest[0]));
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    const body = Buffer.concat(chunks);
    if (body.length < COMPRESS_MIN_BYTES) {
      res.setHeader('Content-Length', String(body.length));
      return end(body, callback);
    }
    // only an answer with an ETag is likely to be sent again the same; the key is the bytes' own hash
    const key = res.getHeader('ETag') ? `${coding}:${createHash('sha256').update(body).digest('base64url')}` : null;
    const done = (error: Error | null, compressed: Buffer) => {
      if (error) {
        res.setHeader('Content-Length', String(body.length));
        end(body, callback);
        return;
      }
      if (key) keep(key, compressed);
      res.setHeader('Content-Encoding', coding);
      res.setHeader('Content-Length', String(compressed.length));
      end(compressed, callback);
    };
    const known = key ? kept.get(key) : undefined;
    if (known) done(null, known);
    else if (body.length <= SYNC_MAX_BYTES) done(null, coding === 'br' ? brotliCompressSync(body, brotliOptions(body.length)) : gzipSync(body, GZIP_OPTIONS));
    else if (coding === 'br') brotliCompress(body, brotliOptions(body.length), done);
    else gzip(body, GZIP_OPTIONS, done);
    return res;
  }) as Response['end'];
  next();
}
