import type { NextFunction, Request, Response } from 'express';
import type { ErrorBody } from '../errors/error-body.js';
import { requestIdFor } from './request-id.js';

/** Deepest nesting of arrays/objects accepted in a JSON body: far beyond any DTO, far below a stack overflow. */
export const MAX_JSON_DEPTH = 32;

/** Keys that only ever serve to tamper with prototypes. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The nesting depth of a parsed JSON value, walked without recursion, and whether it holds a
 * prototype-tampering key anywhere. Stops early once past `limit`.
 */
export function inspectJson(value: unknown, limit = Infinity): { depth: number; forbiddenKey: string | null } {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return { depth: deepest, forbiddenKey: null };
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return { depth: deepest, forbiddenKey: key };
      stack.push([(node as Record<string, unknown>)[key], level]);
    }
  }
  return { depth: deepest, forbiddenKey: null };
}

/** The nesting depth of a parsed JSON value. */
export function jsonDepth(value: unknown, limit = Infinity): number {
  return inspectJson(value, limit).depth;
}

/**
 * Refuses, with 400 before validation runs, bodies nested deeper than MAX_JSON_DEPTH
 * (class-transformer would otherwise recurse until the stack overflows) and bodies carrying
 * __proto__, constructor or prototype keys.
 */
export function rejectDeepJson(req: Request, res: Response, next: NextFunction): void {
  if (req.body === null || typeof req.body !== 'object') return next();
  const { depth, forbiddenKey } = inspectJson(req.body, MAX_JSON_DEPTH);
  if (depth > MAX_JSON_DEPTH || forbiddenKey) {
    const body: ErrorBody = {
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      message: forbiddenKey
        ? `The request body may not contain the key "${forbiddenKey}"`
        : `The request body is nested more than ${MAX_JSON_DEPTH} levels deep`,
      requestId: String((req as Request & { id?: string }).id ?? requestIdFor(req, res)),
    };
    res.status(400).json(body);
    return;
  }
  next();
}
