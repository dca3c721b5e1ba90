import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

describe('Registration retried with an Idempotency-Key; one registration per email', () => {
  let t: TestApp;
  let eventId: string;
  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    const event = await t.http
      .post('/api/events')
      .set('Authorization', `Bearer ${await t.adminToken()}`)
      .send({ slug: 'idem2030', nameFr: 'Villes et territoires numériques', startDate: '2030-02-06', endDate: '2030-02-07' });
    eventId = event.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });
  const body = { firstName: 'Hélène', lastName: 'Dupré', email: 'Helene.Dupre@example.org', category: 'researcher', days: ['2030-02-06'] };
  const count = async () => (await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM participants`))[0].n as number;

  it('answers 5 simultaneous retries identically and creates one participant; another body with the key is 422', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.http.post(`/api/events/${eventId}/registrations`).set('Idempotency-Key', 'retry-1').send(body)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    for (const a of answers) expect(a.body).toEqual(answers[0].body);
    expect(answers[0].body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await count()).toBe(1);
    const other = await t.http.post(`/api/events/${eventId}/registrations`).set('Idempotency-Key', 'retry-1').send({ ...body, firstName: 'Autre' });
    expectErrorBody(other.body, 422, 'IDEMPOTENCY_KEY_REUSED');
    const stored = JSON.stringify(await t.booted.dataSource.query(`SELECT * FROM idempotency_keys`));
    expect(stored).not.toContain(answers[0].body.token);
    expect(stored).not.toContain('retry-1');
    const view = await t.http.get(`/api/registrations/${answers[0].body.token}`);
    expect(view.status).toBe(200);
    expect(view.body.participant.email).toBe('helene.dupre@example.org');
  });

  it('refuses the same email in another case with 409, naming nobody', async () => {
    const again = await t.http.post(`/api/events/${eventId}/registrations`).send({ ...body, firstName: 'Intrus', email: 'HELENE.DUPRE@EXAMPLE.ORG' });
    expectErrorBody(again.body, 409, 'ALREADY_REGISTERED');
    expect(JSON.stringify(again.body)).not.toMatch(/Hélène|Dupré/);
    expect(await count()).toBe(1);
  });

  it('refuses organiser-only categories, a malformed key, an unknown token', async () => {
    const before = await count();
    expect((await t.http.post(`/api/events/${eventId}/registrations`).send({ ...body, email: 'x@example.org', category: 'organiser' })).status).toBe(400);
    expect((await t.http.post(`/api/events/${eventId}/registrations`).set('Idempotency-Key', 'é'.repeat(3)).send({ ...body, email: 'y@example.org' })).status).toBe(400);
    expectErrorBody((await t.http.get(`/api/registrations/${'a'.repeat(43)}`)).body, 404, 'NOT_FOUND');
    expect(await count()).toBe(before);
  });
});
