import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from '../../src/common/errors/all-exceptions.filter.js';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { domainErrorFromPostgres } from '../../src/common/errors/postgres-error.js';

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
    expect(filter.toBody(new BadRequestException('Validation failed (uuid is expected)'), 'r')).toMatchObject({ statusCode: 400, error: 'BAD_REQUEST' });
    expect(filter.toBody(new HttpException('boom', 502), 'r')).toMatchObject({ statusCode: 500, error: 'INTERNAL_ERROR' });
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
