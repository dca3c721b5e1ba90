import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 200 while the database answers, then 503 in the error shape once it does not', async () => {
    expect((await t.http.get('/health')).status).toBe(200);
    await t.booted.dataSource.destroy();
    const res = await t.http.get('/health');
    expect(res.status).toBe(503);
    expectErrorBody(res.body, 503, 'SERVICE_UNAVAILABLE');
    expect(res.body.details.database.status).toBe('down');
  });
});
