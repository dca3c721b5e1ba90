import {
  BadRequestException,
  HttpException,
  NotFoundException,
  ParseArrayPipe,
  ParseBoolPipe,
  ParseDatePipe,
  ParseEnumPipe,
  ParseFloatPipe,
  ParseIntPipe,
  ParseUUIDPipe,
  type PipeTransform,
} from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from '../../src/common/errors/all-exceptions.filter.js';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { domainErrorFromPostgres } from '../../src/common/errors/postgres-error.js';
import { appRealm } from '../support/realm.js';

describe('The error filter (pure mapping)', () => {
  const filter = new AllExceptionsFilter();

  it('hides anything unexpected behind a generic 500 that quotes the request id', () => {
    const body = filter.toBody(new Error('password=hunter2 at /srv/app/secret.ts:12'), 'req-1');
    expect(body).toEqual({
      statusCode: 500,
      error: 'INTERNAL_ERROR',
      message: expect.stringContaining('request id'),
      requestId: 'req-1',
    });
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(filter.toBody('a thrown string', 'r').statusCode).toBe(500);
    expect(filter.toBody(null, 'r').statusCode).toBe(500);
  });

  it('keeps domain errors as they are', () => {
    expect(filter.toBody(new DomainError(409, 'ROOM_OCCUPIED', 'Salle occupée', { sessionId: 's1' }), 'r')).toEqual({
      statusCode: 409,
      error: 'ROOM_OCCUPIED',
      message: 'Salle occupée',
      details: { sessionId: 's1' },
      requestId: 'r',
    });
  });

  it('gives Nest’s HTTP exceptions a stable code', () => {
    expect(filter.toBody(new NotFoundException('Cannot GET /x'), 'r')).toMatchObject({ statusCode: 404, error: 'NOT_FOUND', message: 'No such route' });
    expect(filter.toBody(new BadRequestException('Multipart: Boundary not found'), 'r')).toMatchObject({ statusCode: 400, error: 'BAD_REQUEST' });
    expect(filter.toBody(new HttpException('boom', 502), 'r')).toMatchObject({ statusCode: 500, error: 'INTERNAL_ERROR' });
  });

  it('answers every built-in pipe’s refusal 400 VALIDATION_FAILED, as the ValidationPipe’s', async () => {
    const refusals: [PipeTransform, unknown][] = [
      [new ParseUUIDPipe(), 'not-a-uuid'],
      [new ParseIntPipe(), '12abc'],
      [new ParseFloatPipe(), 'x'],
      [new ParseBoolPipe(), 'maybe'],
      [new ParseEnumPipe({ A: 'a' }), 'b'],
      [new ParseDatePipe(), 'not a date'],
      // the items' type as the pipe's own realm names it (test/support/realm.ts)
      [new ParseArrayPipe({ items: appRealm.Number, separator: ',' }), 'a,b'],
    ];
    for (const [pipe, value] of refusals) {
      const error = await Promise.resolve()
        .then(() => pipe.transform(value, { type: 'param', data: 'id' }))
        .then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(HttpException);
      expect(filter.toBody(error, 'r', { fromPipes: true })).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
    }
  });

  it('lists at most 20 entries of details.errors, with their count, whatever raised the error', () => {
    const errors = Array.from({ length: 500 }, (_, i) => ({ field: `f${i}`, errors: ['bad'] }));
    const body = filter.toBody(new DomainError(422, 'VALIDATION_FAILED', 'x', { errors, other: 1 }), 'r');
    expect(body.details).toEqual({ errors: errors.slice(0, 20), errorCount: 500, other: 1 });
    const few = filter.toBody(new DomainError(422, 'VALIDATION_FAILED', 'x', { errors: errors.slice(0, 3) }), 'r');
    expect(few.details).toEqual({ errors: errors.slice(0, 3) });
    const nest = filter.toBody(new BadRequestException(errors.map((e) => e.field)), 'r');
    expect(nest.details).toMatchObject({ errorCount: 500 });
    expect((nest.details as { errors: unknown[] }).errors).toHaveLength(20);
  });

  it('maps the constraint violations PostgreSQL reports to 409/422/400, and nothing else', () => {
    const cases: [string, number][] = [
      ['23505', 409],
      ['23503', 409],
      ['23P01', 409],
      ['23514', 422],
      ['23502', 422],
      ['22P02', 400],
      ['22001', 400],
    ];
    for (const [code, status] of cases) {
      const error = new QueryFailedError('INSERT …', [], Object.assign(new Error('x'), { code, constraint: 'UQ_x' }));
      expect(filter.toBody(error, 'r').statusCode).toBe(status);
    }
    expect(domainErrorFromPostgres({ code: '23505', constraint: 'UQ_users_email' })?.details).toEqual({ constraint: 'UQ_users_email' });
    expect(domainErrorFromPostgres({ code: '40P01' })).toBeNull();
    const deadlock = new QueryFailedError('UPDATE …', [], Object.assign(new Error('deadlock'), { code: '40P01' }));
    expect(filter.toBody(deadlock, 'r').statusCode).toBe(500);
  });
});

describe('jsonDepth (pure)', () => {
  it('measures nesting without recursion, and stops early past the limit', async () => {
    const { jsonDepth } = await import('../../src/common/http/json-depth.js');
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: 2 }] })).toBe(3);
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(jsonDepth(deep, 32)).toBe(33);
    const { inspectJson } = await import('../../src/common/http/json-depth.js');
    expect(inspectJson(JSON.parse('{"a":[{"__proto__":{"admin":true}}]}')).forbiddenKey).toBe('__proto__');
    expect(inspectJson({ name: 'constructor' }).forbiddenKey).toBeNull();
  });
});

describe('Body shape bounds (pure)', () => {
  const limits = { depth: 4, keysPerObject: 3, keys: 6, items: 8, containers: 5 };
  const scan = async (text: string) => (await import('../../src/common/http/json-depth.js')).scanJsonText(Buffer.from(text), limits);
  const walk = async (text: string) => (await import('../../src/common/http/json-depth.js')).inspectJson(JSON.parse(text), limits).excess;

  it('finds the same first bound in the raw text as in the parsed value', async () => {
    const cases: [string, string | null][] = [
      ['{"a":1,"b":2,"c":3}', null],
      ['{"a":1,"b":2,"c":3,"d":4}', 'keysPerObject'],
      ['{"a":{"x":1,"y":2},"b":{"x":1,"y":2},"c":{"x":1}}', 'keys'],
      ['[1,2,3,4]', null],
      ['[1,2,3,4,5,6,7,8,9]', 'items'],
      ['[[1,2,3],[4,5,6],[7,8]]', 'items'],
      ['[]', null],
      ['[[],[],[],[]]', null],
      ['[[],[],[],[],[]]', 'containers'],
      ['{"a":{"b":{"c":{}}}}', null],
      ['{"a":{"b":{"c":{"d":{}}}}}', 'depth'],
      // colons, commas and brackets inside strings, escaped quotes, multibyte text: not structure
      ['{"a:,[{":"x,y:z]}","b":"\\\\\\\",:,:","c":"é,ü:[中]"}', null],
      ['[ "a" , "b" , "c" , "d" ]', null],
      ['[ 1 ,\n 2 , 3 , 4 , 5 , 6 , 7 , 8 , 9 ]', 'items'],
      ['{"a":[ ],"b":[\t]}', null],
    ];
    for (const [text, expected] of cases) {
      expect([text, await scan(text)]).toEqual([text, expected]);
      expect([text, await walk(text)]).toEqual([text, expected]);
    }
  });

  it('stops reading at the first bound passed', async () => {
    const { scanJsonText, BODY_LIMITS } = await import('../../src/common/http/json-depth.js');
    const huge = Buffer.from(`{${Array.from({ length: 200_000 }, (_, i) => `"k${i}":0`).join(',')}}`);
    const started = performance.now();
    expect(scanJsonText(huge)).toBe('keysPerObject');
    expect(performance.now() - started).toBeLessThan(50);
    expect(scanJsonText(Buffer.from(JSON.stringify({ participantIds: Array.from({ length: 5_000 }, () => 'x') })), BODY_LIMITS)).toBeNull();
  });
});
