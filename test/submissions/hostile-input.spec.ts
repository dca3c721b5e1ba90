import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, proposal, setUpEvent, signUpSpeaker, snapshot, type EventSetup, type Speaker } from './support.js';

const HUGE = 'ü'.repeat(100_000);

/**
 * Hostile input on every route of proposals, from a speaker who signs the proposal and from an
 * organiser: 100,000-character strings, wrong types, unknown fields, malformed JSON, bad uuids,
 * unknown actions. Each answer is a 4xx in the error shape, never a 500, and no row is written.
 */
describe('Proposals: hostile input', () => {
  let t: TestApp;
  let organiser: string;
  let speaker: Speaker;
  let setup: EventSetup;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    setup = await setUpEvent(t, organiser);
    speaker = await signUpSpeaker(t);
    id = (await t.http.post(`/api/events/${setup.eventId}/submissions`).set(bearer(speaker.token)).send(proposal(setup))).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Bodies that must each be refused by every write route. */
  const hostileBodies = (): string[] => {
    const bodies: unknown[] = [
      [],
      [{}],
      'text',
      42,
      null,
      { unknownField: 'x' },
      { action: 'submit', unknownField: 'x' },
      { action: 'publish' },
      { action: 'SUBMIT' },
      { action: ['submit'] },
      { action: { $ne: null } },
      { action: 'accept', note: HUGE },
      { action: 'accept', note: 42 },
      { action: 'accept', note: 'a\u0000b' },
      { titleFr: HUGE },
      { titleFr: 123 },
      { titleFr: ['a'] },
      { abstractFr: HUGE },
      { abstractFr: { $gt: '' } },
      { typeId: 'not-a-uuid' },
      { typeId: 42 },
      { trackId: 'x'.repeat(5000) },
      { keywords: 'a,b' },
      { keywords: [HUGE] },
      { keywords: [1, 2] },
      { keywords: Array.from({ length: 10_000 }, () => 'k') },
      { keywords: [{ deep: [[[]]] }] },
      { coSpeakers: ['not an email'] },
      { coSpeakers: [HUGE + '@example.org'] },
      { coSpeakers: 'a@example.org' },
      { coSpeakers: [null] },
      { speakerEmail: HUGE },
      { speakerEmail: 42 },
      { durationMinutes: '45' },
      { durationMinutes: 1e308 },
      { durationMinutes: -1 },
      { durationMinutes: 4.5 },
      { typeId: null },
    ];
    return [
      '{"broken": ',
      '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
      '{"__proto__": {"admin": true}}',
      '{"constructor": {"prototype": {"x": 1}}}',
      ...bodies.map((b) => JSON.stringify(b)),
    ];
  };

  it('refuses every hostile body on every write route, for speakers and organisers, and writes nothing', async () => {
    const before = await snapshot(t);
    const routes: [string, string][] = [
      ['post', `/api/events/${setup.eventId}/submissions`],
      ['patch', `/api/submissions/${id}`],
      ['post', `/api/submissions/${id}/transitions`],
    ];
    const failures: string[] = [];
    for (const token of [speaker.token, organiser]) {
      for (const [method, url] of routes) {
        for (const raw of hostileBodies()) {
          const res = await t.http[method as 'post'](url).set(bearer(token)).set('content-type', 'application/json').send(raw);
          const fine = res.status >= 400 && res.status < 500 && res.status !== 401;
          if (!fine) failures.push(`${method} ${url} ${raw.slice(0, 60)}: ${res.status}`);
          else expectErrorBody(res.body, res.status);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses bad ids and query parameters on every route with 400, never 500', async () => {
    const before = await snapshot(t);
    const calls: [string, string, unknown?][] = [
      ['get', '/api/submissions/not-a-uuid'],
      ['get', `/api/submissions/${id.toUpperCase()}x`],
      ['patch', '/api/submissions/123', { titleFr: 'x' }],
      ['post', "/api/submissions/'%20OR%201=1/transitions", { action: 'submit' }],
      ['get', '/api/submissions/not-a-uuid/history'],
      ['get', '/api/submissions/not-a-uuid/revisions'],
      ['post', `/api/submissions/${'9'.repeat(5000)}/invitation/accept`],
      ['post', '/api/submissions/nope/invitation/decline'],
      ['post', '/api/events/nope/submissions', proposal(setup)],
      ['get', `/api/submissions/${id}/history?page=0`],
      ['get', `/api/submissions/${id}/history?pageSize=101`],
      ['get', `/api/submissions/${id}/history?order=sideways`],
      ['get', `/api/submissions/${id}/history?page[$gt]=1`],
      ['get', `/api/submissions/${id}/revisions?pageSize=abc`],
      ['get', '/api/me/submissions?eventId=nope'],
      ['get', '/api/me/submissions?sort=password'],
      ['get', `/api/me/submissions?state=${'x'.repeat(10_000)}`],
      ['get', '/api/me/submissions?unknown=1'],
    ];
    const failures: string[] = [];
    for (const token of [speaker.token, organiser]) {
      for (const [method, url, body] of calls) {
        let req = t.http[method as 'get'](url).set(bearer(token));
        if (body !== undefined) req = req.send(body as object);
        const res = await req;
        // revisions are organisers' only: a speaker is refused (403) before the id is looked at
        const expected = url.includes('/revisions') && token === speaker.token ? 403 : 400;
        if (res.status !== expected) failures.push(`${method} ${url.slice(0, 80)}: ${res.status}`);
        else expectErrorBody(res.body, expected);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot(t)).toEqual(before);
  });
});
