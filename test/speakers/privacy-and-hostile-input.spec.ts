import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { RED_SQUARE_SVG, renderPng } from '../organisations/images.js';
import { bearer, insertEvent, signUp, speakerRowCounts, type SignedUpSpeaker } from './support.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('Speakers: privacy and hostile input', () => {
  let t: TestApp;
  let organiser: string;
  let event: string;
  let first: SignedUpSpeaker;
  let second: SignedUpSpeaker;
  let firstUnavailability: string;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    organiser = await t.tokenFor('organiser');
    event = await insertEvent(t);
    first = await signUp(t, { firstName: 'Première', lastName: 'Oratrice', bioFr: 'Bio privée' });
    second = await signUp(t, { firstName: 'Second', lastName: 'Orateur' });
    await t.http.put('/api/me/speaker-profile/photo').set(bearer(first.token)).attach('file', renderPng(RED_SQUARE_SVG, 8), 'a.png');
    const res = await t.http
      .post(`/api/me/events/${event}/unavailabilities`)
      .set(bearer(first.token))
      .send({ startsAt: '2012-02-06T14:00', endsAt: '2012-02-06T15:00', note: 'Rendez-vous médical' });
    firstUnavailability = res.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a second speaker probing the first one’s ids learns nothing: the same answer as for ids that do not exist', async () => {
    const before = await speakerRowCounts(t);
    const probes: [string, string, string][] = [
      ['delete', `/api/me/events/${event}/unavailabilities/${firstUnavailability}`, `/api/me/events/${event}/unavailabilities/${MISSING}`],
      ['get', `/api/speakers/${first.userId}`, `/api/speakers/${MISSING}`],
      ['get', `/api/speakers/${first.userId}/photo`, `/api/speakers/${MISSING}/photo`],
      ['get', `/api/events/${event}/unavailabilities`, `/api/events/${MISSING}/unavailabilities`],
    ];
    for (const [method, theirs, missing] of probes) {
      const a = await t.http[method as 'get'](theirs).set(bearer(second.token));
      const b = await t.http[method as 'get'](missing).set(bearer(second.token));
      expect([a.status, b.status]).toEqual([a.status, a.status]);
      expect([403, 404]).toContain(a.status);
      expect(a.body.error).toBe(b.body.error);
      expect(a.body.message).toBe(b.body.message);
      expectErrorBody(a.body, a.status);
    }
    // the deletion of someone else's unavailability is the 404 of a missing one
    const del = await t.http.delete(`/api/me/events/${event}/unavailabilities/${firstUnavailability}`).set(bearer(second.token));
    expect(del.status).toBe(404);
    expect(await speakerRowCounts(t)).toEqual(before);
  });

  it('“me” routes only ever show and change the caller’s own profile, photo and unavailabilities', async () => {
    const profile = await t.http.get('/api/me/speaker-profile').set(bearer(second.token));
    expect(profile.body).toMatchObject({ userId: second.userId, firstName: 'Second', hasPhoto: false, bioFr: null });
    expect(JSON.stringify(profile.body)).not.toMatch(/Première|Bio privée/);
    expect((await t.http.get('/api/me/speaker-profile/photo').set(bearer(second.token))).status).toBe(404);
    expect((await t.http.delete('/api/me/speaker-profile/photo').set(bearer(second.token))).status).toBe(404);
    const list = await t.http.get(`/api/me/events/${event}/unavailabilities`).set(bearer(second.token));
    expect(list.body).toMatchObject({ items: [], total: 0 });
    // nothing of the first speaker moved
    expect((await t.http.get('/api/me/speaker-profile/photo').set(bearer(first.token))).status).toBe(200);
    expect((await t.http.get(`/api/me/events/${event}/unavailabilities`).set(bearer(first.token))).body.total).toBe(1);
    expect((await t.http.get('/api/me/speaker-profile').set(bearer(first.token))).body.bioFr).toBe('Bio privée');
  });

  describe('hostile input', () => {
    const huge = 'ü'.repeat(100_000);
    const hostileBodies: unknown[] = [
      [],
      [{}],
      'text',
      42,
      null,
      { unknownField: 'x' },
      { startsAt: 123, endsAt: true },
      { startsAt: huge, endsAt: huge, note: huge },
      { startsAt: ['2012-02-06T14:00'], endsAt: { $gt: '' } },
      { startsAt: '2012-02-06T14:00', endsAt: '2012-02-06T15:00', note: { text: 'x' } },
      { startsAt: '2012-02-06T14:00', endsAt: '2012-02-06T15:00', userId: MISSING },
      { firstName: huge, lastName: huge, affiliation: huge, bioFr: huge, bioEn: huge },
      { firstName: 12, lastName: [], affiliation: {}, countryCode: 33, orcid: 1, bioFr: false },
      { firstName: '\u0000', orcid: '0000-0002-1825-0098' },
      { orcid: '0000-0002-1694-233x' },
      { email: 'x@example.org' },
      { photo: 'AAAA' },
    ];

    async function expectRefused(label: string, res: { status: number; body: unknown }, failures: string[]) {
      if (res.status < 400 || res.status >= 500) failures.push(`${label}: ${res.status}`);
      else expectErrorBody(res.body, res.status);
    }

    it('answers every hostile body, malformed JSON and bad uuid with a 4xx in the error shape, and writes nothing', async () => {
      const before = await speakerRowCounts(t);
      const profileBefore = (await t.http.get('/api/me/speaker-profile').set(bearer(second.token))).body;
      const failures: string[] = [];
      const writes: [string, string, string][] = [
        ['post', '/api/speakers/signup', ''],
        ['patch', '/api/me/speaker-profile', second.token],
        ['post', `/api/me/events/${event}/unavailabilities`, second.token],
      ];
      for (const [method, url, token] of writes) {
        const send = (raw: string) => {
          const req = t.http[method as 'post'](url).set('content-type', 'application/json');
          return (token ? req.set(bearer(token)) : req).send(raw);
        };
        for (const body of hostileBodies) {
          await expectRefused(`${method} ${url} ${JSON.stringify(body)?.slice(0, 50)}`, await send(JSON.stringify(body)), failures);
        }
        await expectRefused(`${method} ${url} malformed`, await send('{"firstName": '), failures);
        await expectRefused(`${method} ${url} deep`, await send('{"a":'.repeat(5000) + '1' + '}'.repeat(5000)), failures);
        await expectRefused(`${method} ${url} proto`, await send('{"__proto__": {"roles": ["organiser"]}}'), failures);
      }
      const badIds: [string, string, string][] = [
        ['get', '/api/speakers/not-a-uuid', organiser],
        ['get', `/api/speakers/${'1'.repeat(2_000)}/photo`, organiser],
        ['get', "/api/events/1' OR '1'='1/unavailabilities", organiser],
        ['get', '/api/me/events/123/unavailabilities', second.token],
        ['post', '/api/me/events/%00/unavailabilities', second.token],
        ['delete', `/api/me/events/${event}/unavailabilities/xyz`, second.token],
        ['delete', `/api/me/events/zzz/unavailabilities/${firstUnavailability}`, second.token],
        ['get', '/api/me/events/%E0%A4%A/unavailabilities', second.token],
      ];
      for (const [method, url, token] of badIds) {
        const res = await t.http[method as 'get'](url).set(bearer(token));
        if (res.status !== 400) failures.push(`${method} ${url}: ${res.status}`);
        expectErrorBody(res.body, res.status);
      }
      const badQueries: [string, Record<string, unknown>, string][] = [
        ['/api/speakers', { q: huge.slice(0, 1000) }, organiser],
        ['/api/speakers', { q: ['a', 'b'] }, organiser],
        ['/api/speakers', { sort: 'password_hash' }, organiser],
        ['/api/speakers', { page: 'NaN' }, organiser],
        ['/api/speakers', { pageSize: 1e9 }, organiser],
        [`/api/events/${event}/unavailabilities`, { order: 'sideways' }, organiser],
        [`/api/me/events/${event}/unavailabilities`, { page: -1 }, second.token],
      ];
      for (const [url, query, token] of badQueries) {
        const res = await t.http.get(url).query(query as Record<string, string>).set(bearer(token));
        if (res.status !== 400) failures.push(`GET ${url} ${JSON.stringify(query).slice(0, 40)}: ${res.status}`);
        expectErrorBody(res.body, res.status);
      }
      expect(failures).toEqual([]);
      expect(await speakerRowCounts(t)).toEqual(before);
      expect((await t.http.get('/api/me/speaker-profile').set(bearer(second.token))).body).toEqual(profileBefore);
      // the callers were signed in all along: the refusals came from validation, not auth
      expect((await t.http.get('/api/auth/me').set(bearer(second.token))).status).toBe(200);
    });

    it('LIKE wildcards and SQL in q are only text', async () => {
      for (const q of ["%' OR 1=1 --", '\\', '%%%%', '_____', "'; DROP TABLE speaker_profiles; --"]) {
        const res = await t.http.get('/api/speakers').query({ q }).set(bearer(organiser));
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(0);
      }
      expect((await t.http.get('/api/speakers').set(bearer(organiser))).body.total).toBe(2);
    });
  });
});
