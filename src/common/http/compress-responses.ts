import { brotliCompress, constants, gzip } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';
import { negotiateCoding } from './encoded-body.js';

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024;
const COMPRESSIBLE = /^(application\/(?:[a-z.+-]*\+)?json|text\/csv)\b/i;

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
 * leaves it). The body is gathered and compressed once it ends. Answers that set their own
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
    const done = (error: Error | null, compressed: Buffer) => {
      if (error) {
        res.setHeader('Content-Length', String(body.length));
        end(body, callback);
        return;
      }
      res.setHeader('Content-Encoding', coding);
      res.setHeader('Content-Length', String(compressed.length));
      end(compressed, callback);
    };
    if (coding === 'br') brotliCompress(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }, done);
    else gzip(body, { level: 6 }, done);
    return res;
  }) as Response['end'];
  next();
}
