import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

describe('HTTP conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers /health with 200 when the database answers', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body.info.database.status).toBe('up');
  });

  it('gives every response a request id, and keeps a sane one sent by the caller', async () => {
    const res = await t.http.get('/health').set('x-request-id', 'client-req-12345');
    expect(res.headers['x-request-id']).toBe('client-req-12345');
    const other = await t.http.get('/health').set('x-request-id', 'bad id with spaces');
    expect(other.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await t.http.get('/api/does-not-exist');
    expect(res.status).toBe(404);
    expectErrorBody(res.body, 404, 'NOT_FOUND');
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t.http.post('/api/auth/login').set('content-type', 'application/json').send('{"email": ');
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 400, 'MALFORMED_JSON');
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers a body over 1 MB with 413', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ email: 'x'.repeat(1_100_000), password: 'y' }));
    expect(res.status).toBe(413);
    expectErrorBody(res.body, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses unknown fields and wrong types with 400 VALIDATION_FAILED and field details', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 12, password: 'p', extra: true });
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    const fields = (res.body.details.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['email', 'extra']);
  });

  it('serves Swagger UI at /docs and the OpenAPI 3 document at /docs-json', async () => {
    const ui = await t.http.get('/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
    const doc = await t.http.get('/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.paths['/api/auth/login'].post.responses['401']).toBeDefined();
  });

  it('documents every route with a summary, a success response and its error responses in the error shape', async () => {
    const doc = (await t.http.get('/docs-json')).body as {
      paths: Record<string, Record<string, { summary?: string; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>; requestBody?: unknown }>>;
    };
    const problems: string[] = [];
    const bodyless = new Set([
      'POST /api/auth/logout',
      'POST /api/users/{id}/disable',
      'POST /api/users/{id}/enable',
      'POST /api/submissions/{id}/invitation/accept',
      'POST /api/submissions/{id}/invitation/decline',
      'POST /api/registrations/{token}/revoke',
      'POST /api/participants/{id}/cancel',
      'POST /api/events/{eventId}/participants/sync-programme',
      'POST /api/events/{eventId}/programme/tentative/accept',
      'POST /api/events/{eventId}/participants/anonymise',
      'POST /api/registrations/{token}/erasure',
    ]);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const name = `${method.toUpperCase()} ${path}`;
        const codes = Object.keys(op.responses);
        if (!op.summary) problems.push(`${name}: no summary`);
        if (!codes.some((c) => c.startsWith('2'))) problems.push(`${name}: no success response`);
        if (path !== '/health') {
          const errors = codes.filter((c) => /^[45]/.test(c));
          if (errors.length < 2) problems.push(`${name}: error responses not documented`);
          for (const c of errors) {
            const content = op.responses[c].content ?? {};
            const ref = (content['application/json'] ?? Object.values(content)[0])?.schema.$ref;
            if (ref !== '#/components/schemas/ErrorBodyDto') problems.push(`${name} ${c}: not the error body`);
          }
        }
        if (['post', 'put', 'patch'].includes(method) && !op.requestBody && !bodyless.has(name)) problems.push(`${name}: no request body`);
      }
    }
    expect(problems).toEqual([]);
  });
});
