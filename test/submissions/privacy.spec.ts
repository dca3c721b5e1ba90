import { randomUUID } from 'node:crypto';
import { SUBMISSION_ACTIONS, SUBMISSION_STATES } from '../../src/submissions/submission-state.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, proposal, setUpEvent, signUpSpeaker, snapshot, type EventSetup, type Speaker } from './support.js';

type Method = 'get' | 'post' | 'patch';

/** Every route that takes a proposal's id, with a body a signer could send. */
const ROUTES: { method: Method; path: (id: string) => string; body?: Record<string, unknown> }[] = [
  { method: 'get', path: (id) => `/api/submissions/${id}` },
  { method: 'patch', path: (id) => `/api/submissions/${id}`, body: { titleFr: 'Pris' } },
  ...SUBMISSION_ACTIONS.map((action) => ({ method: 'post' as const, path: (id: string) => `/api/submissions/${id}/transitions`, body: { action } })),
  { method: 'get', path: (id) => `/api/submissions/${id}/history` },
  { method: 'post', path: (id) => `/api/submissions/${id}/invitation/accept` },
  { method: 'post', path: (id) => `/api/submissions/${id}/invitation/decline` },
];

describe('Privacy of proposals', () => {
  let t: TestApp;
  let organiser: string;
  let setup: EventSetup;
  let owner: Speaker;
  let prober: Speaker;
  let invitee: Speaker;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    setup = await setUpEvent(t, organiser);
    owner = await signUpSpeaker(t, { firstName: 'Paul', lastName: 'Vidal' });
    prober = await signUpSpeaker(t, { firstName: 'Eve', lastName: 'Curieuse' });
    invitee = await signUpSpeaker(t, { firstName: 'Inès', lastName: 'Invitée' });
    // one proposal in every state, each with a pending invitation for `invitee`
    for (const state of SUBMISSION_STATES) {
      const res = await t.http.post(`/api/events/${setup.eventId}/submissions`).set(bearer(owner.token)).send(proposal(setup, { coSpeakers: [invitee.email] }));
      await t.booted.dataSource.query(`UPDATE submissions SET state = $2 WHERE id = $1`, [res.body.id, state]);
      ids.push(res.body.id);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = (method: Method, path: string, token: string, body?: Record<string, unknown>) => {
    const req = t.http[method](path).set(bearer(token));
    return body ? req.send(body) : req;
  };
  const shape = (res: { status: number; body: Record<string, unknown> }) => ({ status: res.status, error: res.body.error, message: res.body.message, details: res.body.details });

  it('answers another speaker 404 on every route with a proposal’s id, exactly as for a missing id, and changes nothing', async () => {
    const before = await snapshot(t);
    const failures: string[] = [];
    for (const id of ids) {
      for (const route of ROUTES) {
        const probed = await call(route.method, route.path(id), prober.token, route.body);
        const missing = await call(route.method, route.path(randomUUID()), prober.token, route.body);
        if (probed.status !== 404) failures.push(`${route.method} ${route.path(id)} ${JSON.stringify(route.body ?? {})}: ${probed.status}`);
        if (JSON.stringify(shape(probed)) !== JSON.stringify(shape(missing))) failures.push(`${route.method} ${route.path('…')} differs from a missing id`);
      }
      // the organisers' revisions are 403 to every speaker, whether the proposal exists or not
      expect((await call('get', `/api/submissions/${id}/revisions`, prober.token)).status).toBe(403);
      expect((await call('get', `/api/submissions/${randomUUID()}/revisions`, prober.token)).status).toBe(403);
    }
    expect(failures).toEqual([]);
    expect((await call('get', '/api/me/submissions', prober.token)).body.total).toBe(0);
    expect(await snapshot(t)).toEqual(before);
  });

  it('keeps a proposal hidden from an invited co-speaker (404) until they accept, except for answering the invitation', async () => {
    const id = ids[0];
    for (const route of ROUTES.filter((r) => !r.path(id).includes('/invitation/'))) {
      const res = await call(route.method, route.path(id), invitee.token, route.body);
      expect([route.method, route.path(id), res.status]).toEqual([route.method, route.path(id), 404]);
    }
    expect((await call('post', `/api/submissions/${id}/invitation/accept`, invitee.token)).status).toBe(200);
    expect((await call('get', `/api/submissions/${id}`, invitee.token)).status).toBe(200);
    expect((await call('get', `/api/submissions/${id}/history`, invitee.token)).status).toBe(200);
  });

  it('never shows reviews, scores or reviewers to speakers, in responses or in the OpenAPI schemas of their routes', async () => {
    const id = ids[1];
    await t.booted.dataSource.query(
      `INSERT INTO reviews (submission_id, reviewer_id, score, comment) SELECT $1, id, 2, 'Commentaire confidentiel' FROM users WHERE email = 'admin@test.local'`,
      [id],
    );
    for (const path of [`/api/submissions/${id}`, `/api/submissions/${id}/history`, '/api/me/submissions']) {
      const res = await t.http.get(path).set(bearer(owner.token));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toMatch(/score|review|confidentiel|Administrateur|admin@test\.local/i);
    }

    const doc = (await t.http.get('/docs-json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const speakerRoutes = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/submissions/{id}') || path === '/api/me/submissions' || path === '/api/events/{eventId}/submissions');
    expect(speakerRoutes.length).toBeGreaterThanOrEqual(5);
    const words: string[] = [];
    const seen = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key === '$ref' && typeof value === 'string') {
          const name = value.split('/').pop() as string;
          if (!seen.has(name)) {
            seen.add(name);
            words.push(name);
            walk(doc.components.schemas[name]);
          }
          continue;
        }
        if (key === 'properties' && value && typeof value === 'object') words.push(...Object.keys(value));
        if (typeof value === 'string') words.push(value);
        walk(value);
      }
    };
    for (const [path, ops] of speakerRoutes) {
      for (const [method, op] of Object.entries(ops)) {
        // only the routes of this capability (reviews have their own, organiser-only, routes)
        if (path.endsWith('/review') || path.endsWith('/reviews') || (path === '/api/events/{eventId}/submissions' && method === 'get')) continue;
        for (const response of Object.values(op.responses)) walk(response.content);
      }
    }
    expect(words).toContain('SubmissionResponse');
    expect(words).toContain('HistoryEntryResponse');
    expect(words.filter((w) => /score|review/i.test(w))).toEqual([]);
  });
});
