import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error.js';

/**
 * Bounds on the shape of a request body, far above any legitimate body and low enough that the
 * worst body within them stays cheap to parse, copy and validate (a few tens of milliseconds:
 * class-transformer's copy costs about as much per key as validation does, and is quadratic in
 * the keys of one object; 85,000 keys took seconds). The largest legitimate bodies: DTOs of at
 * most 16 fields, a print job's 5,000 participant ids, 1,000 acknowledged conflicts, a venue's
 * opening days (at most 366 objects, about 1,500 keys); imports are CSV files, sent as multipart.
 * A body past a bound is refused before validation runs.
 */
export const BODY_LIMITS = {
  /** Nesting of arrays/objects: far beyond any DTO, far below a stack overflow. */
  depth: 32,
  /** Keys of one object (also the urlencoded fields of one form). */
  keysPerObject: 200,
  /** Keys over the whole body. */
  keys: 5_000,
  /** Array items over the whole body. */
  items: 10_000,
  /** Objects and arrays over the whole body (each nested object may be a DTO to build and validate). */
  containers: 1_000,
} as const;

export type BodyLimits = { [K in keyof typeof BODY_LIMITS]: number };

/** Deepest nesting of arrays/objects accepted in a JSON body. */
export const MAX_JSON_DEPTH = BODY_LIMITS.depth;

/** Which bound a body passes. */
export type BodyExcess = keyof BodyLimits;

/** Keys that only ever serve to tamper with prototypes. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const UNBOUNDED: BodyLimits = { depth: Infinity, keysPerObject: Infinity, keys: Infinity, items: Infinity, containers: Infinity };

/**
 * Walks a parsed body without recursion: its nesting depth, a prototype-tampering key anywhere,
 * and the first bound of `limits` it passes. Stops at the first problem, so its cost is bounded
 * by the limits, not by the body.
 */
export function inspectJson(
  value: unknown,
  limits: Partial<BodyLimits> = {},
): { depth: number; forbiddenKey: string | null; excess: BodyExcess | null } {
  const max = { ...UNBOUNDED, ...limits };
  let deepest = 0;
  let keys = 0;
  let items = 0;
  let containers = 0;
  const answer = (forbiddenKey: string | null, excess: BodyExcess | null) => ({ depth: deepest, forbiddenKey, excess });
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > max.depth) return answer(null, 'depth');
    if (++containers > max.containers) return answer(null, 'containers');
    if (Array.isArray(node)) {
      items += node.length;
      if (items > max.items) return answer(null, 'items');
      for (let i = 0; i < node.length; i++) stack.push([node[i], level]);
      continue;
    }
    const own = Object.keys(node);
    if (own.length > max.keysPerObject) return answer(null, 'keysPerObject');
    keys += own.length;
    if (keys > max.keys) return answer(null, 'keys');
    for (const key of own) {
      if (FORBIDDEN_KEYS.has(key)) return answer(key, null);
      stack.push([(node as Record<string, unknown>)[key], level]);
    }
  }
  return answer(null, null);
}

/** The nesting depth of a parsed JSON value (stops counting once past `limit`). */
export function jsonDepth(value: unknown, limit = Infinity): number {
  return inspectJson(value, { depth: limit }).depth;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** True when the next byte after JSON whitespace from `from` closes an array. */
function closesArray(text: Uint8Array, from: number): boolean {
  let i = from;
  while (i < text.length && (text[i] === 0x20 || text[i] === 0x0a || text[i] === 0x0d || text[i] === 0x09)) i++;
  return text[i] === CLOSE_ARRAY;
}

/**
 * The first bound a JSON text in UTF-8 passes, read from its bytes before it is parsed, in one pass
 * that stops at the problem: parsing itself grows costly with the keys of one object (85,000 keys:
 * about 0.1 s for JSON.parse alone). Keys are counted by their colons, array items by their commas,
 * both outside strings; a malformed text is left to the parser.
 */
export function scanJsonText(text: Uint8Array, limits: BodyLimits = BODY_LIMITS): BodyExcess | null {
  const keysHere = new Float64Array(limits.depth + 2);
  const inArray = new Uint8Array(limits.depth + 2);
  let depth = 0;
  let keys = 0;
  let items = 0;
  let containers = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    switch (c) {
      case QUOTE:
        inString = true;
        break;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (++depth > limits.depth) return 'depth';
        if (++containers > limits.containers) return 'containers';
        inArray[depth] = c === OPEN_ARRAY ? 1 : 0;
        keysHere[depth] = 0;
        if (c === OPEN_ARRAY && !closesArray(text, i + 1) && ++items > limits.items) return 'items';
        break;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        if (depth > 0) depth--;
        break;
      case COLON:
        if (depth > 0 && !inArray[depth]) {
          if (++keysHere[depth] > limits.keysPerObject) return 'keysPerObject';
          if (++keys > limits.keys) return 'keys';
        }
        break;
      case COMMA:
        if (depth > 0 && inArray[depth] && ++items > limits.items) return 'items';
        break;
    }
  }
  return null;
}

const fmt = (n: number) => n.toLocaleString('en-GB');

/** The error a body past a bound (or carrying a prototype key) gets: 400 for nesting and prototype keys, 413 for sizes. */
export function bodyShapeError(excess: BodyExcess | null, forbiddenKey: string | null = null): DomainError {
  if (forbiddenKey) return new DomainError(400, 'VALIDATION_FAILED', `The request body may not contain the key "${forbiddenKey}"`);
  const limit = (what: string, n: number) =>
    new DomainError(413, 'PAYLOAD_TOO_LARGE', `The request body holds ${what} (at most ${fmt(n)} accepted)`, { limit: n });
  switch (excess) {
    case 'keysPerObject':
      return limit(`an object with more than ${fmt(BODY_LIMITS.keysPerObject)} keys`, BODY_LIMITS.keysPerObject);
    case 'keys':
      return limit(`more than ${fmt(BODY_LIMITS.keys)} keys in all`, BODY_LIMITS.keys);
    case 'items':
      return limit(`more than ${fmt(BODY_LIMITS.items)} array items in all`, BODY_LIMITS.items);
    case 'containers':
      return limit(`more than ${fmt(BODY_LIMITS.containers)} objects and arrays in all`, BODY_LIMITS.containers);
    default:
      return new DomainError(400, 'VALIDATION_FAILED', `The request body is nested more than ${MAX_JSON_DEPTH} levels deep`);
  }
}

/**
 * body-parser's `verify` for JSON: refuses, before the text is parsed, a body past BODY_LIMITS,
 * and a charset other than UTF-8 (the charset of JSON, RFC 8259, and the only one whose bytes
 * can be scanned as they are). What it throws keeps its status; the error filter answers it.
 */
export function verifyJsonShape(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string): void {
  if (encoding !== 'utf-8') {
    throw new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON in UTF-8');
  }
  const excess = scanJsonText(body);
  if (excess) throw bodyShapeError(excess);
}

/**
 * After parsing, before validation: refuses bodies (JSON or urlencoded) nested deeper than
 * BODY_LIMITS.depth (class-transformer would otherwise recurse until the stack overflows),
 * past its other bounds, or carrying __proto__, constructor or prototype keys.
 */
export function rejectDeepJson(req: Request, _res: Response, next: NextFunction): void {
  if (req.body === null || typeof req.body !== 'object') return next();
  const { forbiddenKey, excess } = inspectJson(req.body, BODY_LIMITS);
  if (forbiddenKey || excess) return next(bodyShapeError(excess, forbiddenKey));
  next();
}
