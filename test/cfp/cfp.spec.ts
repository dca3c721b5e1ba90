import { randomUUID } from 'node:crypto';
import { CfpService } from '../../src/cfp/cfp.service.js';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

const HUGE = 'é'.repeat(100_000);

describe('Call for papers, submission types and tracks', () => {
  let t: TestApp;
  let organiser: string;
  let eventId: string;
  let otherEventId: string;
  const auth = () => ({ Authorization: `Bearer ${organiser}` });

  const createEvent = async (slug: string, timeZone = 'Europe/Paris') => {
    const res = await t.http.post('/api/events').set(auth()).send({ slug, nameFr: `Colloque ${slug}`, timeZone, startDate: '2012-02-06', endDate: '2012-02-07' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const count = async (table: string) => Number((await t.booted.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    organiser = await t.adminToken();
    eventId = await createEvent('vtn2012');
    otherEventId = await createEvent('autre2012', 'America/Montreal');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('the call', () => {
    it('is 404 before it is set, and for an unknown event', async () => {
      const res = await t.http.get(`/api/events/${eventId}/cfp`);
      expect(res.status).toBe(404);
      expectErrorBody(res.body, 404, 'NOT_FOUND');
      expect((await t.http.get(`/api/events/${randomUUID()}/cfp`)).status).toBe(404);
      expect((await t.http.put(`/api/events/${randomUUID()}/cfp`).set(auth()).send({ opensAt: '2011-12-01T00:00', closesAt: '2012-01-15T23:59', languages: ['fr'] })).status).toBe(404);
    });

    it('is set from wall-clock times in the event’s zone and shown in that zone and in UTC', async () => {
      const res = await t.http
        .put(`/api/events/${eventId}/cfp`)
        .set(auth())
        .send({ opensAt: '2011-12-01T00:00', closesAt: '2012-01-15T23:59', languages: ['en', 'fr'] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        eventId,
        timeZone: 'Europe/Paris',
        opensAt: '2011-12-01T00:00:00+01:00',
        closesAt: '2012-01-15T23:59:00+01:00',
        opensAtUtc: '2011-11-30T23:00:00.000Z',
        closesAtUtc: '2012-01-15T22:59:00.000Z',
        languages: ['fr', 'en'],
        maxAbstractLength: 3000,
        status: 'closed',
        updatedAt: expect.any(String),
      });
      const got = await t.http.get(`/api/events/${eventId}/cfp`);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(res.body);
    });

    it('takes times with an offset, replaces the whole call, and says whether it is open now', async () => {
      const opens = new Date(Date.now() - 3600_000).toISOString();
      const closes = new Date(Date.now() + 3600_000).toISOString();
      const res = await t.http.put(`/api/events/${eventId}/cfp`).set(auth()).send({ opensAt: opens, closesAt: closes, languages: ['fr'], maxAbstractLength: 1500 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'open', languages: ['fr'], maxAbstractLength: 1500, opensAtUtc: new Date(opens).toISOString() });
      const future = await t.http
        .put(`/api/events/${eventId}/cfp`)
        .set(auth())
        .send({ opensAt: '2099-01-01T00:00', closesAt: '2099-02-01T00:00', languages: ['fr', 'en'] });
      expect(future.body).toMatchObject({ status: 'not-yet-open', maxAbstractLength: 3000 });
      expect(await count('calls_for_papers')).toBe(1);
    });

    it('refuses a window that closes before it opens, a clock-change time, bad languages and lengths', async () => {
      const before = await t.http.get(`/api/events/${eventId}/cfp`);
      const bad: [Record<string, unknown>, number][] = [
        [{ opensAt: '2012-01-15T00:00', closesAt: '2012-01-01T00:00', languages: ['fr'] }, 422],
        [{ opensAt: '2012-01-15T00:00', closesAt: '2012-01-15T00:00', languages: ['fr'] }, 422],
        [{ opensAt: '2012-03-25T02:30', closesAt: '2012-04-01T00:00', languages: ['fr'] }, 400],
        [{ opensAt: 'demain', closesAt: '2012-04-01T00:00', languages: ['fr'] }, 400],
        [{ opensAt: '2012-01-01T00:00', closesAt: '2012-04-01T00:00', languages: [] }, 400],
        [{ opensAt: '2012-01-01T00:00', closesAt: '2012-04-01T00:00', languages: ['de'] }, 400],
        [{ opensAt: '2012-01-01T00:00', closesAt: '2012-04-01T00:00', languages: ['fr', 'fr'] }, 400],
        [{ opensAt: '2012-01-01T00:00', closesAt: '2012-04-01T00:00', languages: ['fr'], maxAbstractLength: 99 }, 400],
        [{ opensAt: '2012-01-01T00:00', closesAt: '2012-04-01T00:00', languages: ['fr'], maxAbstractLength: 20001 }, 400],
        [{ opensAt: '2012-01-01T00:00', closesAt: '2012-04-01T00:00', languages: ['fr'], maxAbstractLength: '3000' }, 400],
        [{ opensAt: '2012-01-01T00:00', closesAt: '2012-04-01T00:00', languages: ['fr'], extra: 1 }, 400],
        [{ opensAt: HUGE, closesAt: '2012-04-01T00:00', languages: ['fr'] }, 400],
        [{ closesAt: '2012-04-01T00:00', languages: ['fr'] }, 400],
      ];
      for (const [body, status] of bad) {
        const res = await t.http.put(`/api/events/${eventId}/cfp`).set(auth()).send(body);
        expect([JSON.stringify(body).slice(0, 80), res.status]).toEqual([JSON.stringify(body).slice(0, 80), status]);
        expectErrorBody(res.body, status);
      }
      expect((await t.http.get(`/api/events/${eventId}/cfp`)).body).toEqual(before.body);
    });

    it('reads the window in the event’s own zone', async () => {
      const res = await t.http.put(`/api/events/${otherEventId}/cfp`).set(auth()).send({ opensAt: '2011-12-01T00:00', closesAt: '2012-01-15T23:59', languages: ['en'] });
      expect(res.body).toMatchObject({ timeZone: 'America/Montreal', opensAt: '2011-12-01T00:00:00-05:00', opensAtUtc: '2011-12-01T05:00:00.000Z' });
    });

    it('assertOpen says in the event’s time zone when the call opens or when it closed', async () => {
      const cfp = t.booted.app.get(CfpService);
      await t.http.put(`/api/events/${eventId}/cfp`).set(auth()).send({ opensAt: '2011-12-01T00:00', closesAt: '2012-01-15T23:59', languages: ['fr', 'en'] });
      const failure = async (now: Date) => {
        try {
          await cfp.assertOpen(eventId, now);
        } catch (error) {
          return error as DomainError;
        }
        return null;
      };
      const early = await failure(new Date('2011-11-15T12:00:00Z'));
      expect(early).toBeInstanceOf(DomainError);
      expect(early).toMatchObject({ status: 409, code: 'CALL_NOT_OPEN', message: "L'appel à communications ouvre le 1 décembre 2011 à 00:00 (Europe/Paris)." });
      expect(early?.details).toMatchObject({ messageEn: 'The call for papers opens on 1 December 2011 at 00:00 (Europe/Paris).', status: 'not-yet-open' });
      const late = await failure(new Date('2012-01-20T12:00:00Z'));
      expect(late).toMatchObject({ status: 409, code: 'CALL_NOT_OPEN', message: "L'appel à communications est clos depuis le 15 janvier 2012 à 23:59 (Europe/Paris)." });
      expect(await failure(new Date('2011-12-24T12:00:00Z'))).toBeNull();
      // an event without a call is not open either
      const bare = await createEvent('sansappel');
      await expect(cfp.assertOpen(bare)).rejects.toMatchObject({ status: 409, code: 'CALL_NOT_OPEN' });
    });

    it('assertTypeAndTrack refuses (422) a type or track of another event', async () => {
      const cfp = t.booted.app.get(CfpService);
      const type = (await t.http.post(`/api/events/${otherEventId}/submission-types`).set(auth()).send({ code: 'poster', nameFr: 'Poster', defaultMinutes: 5 })).body;
      const track = (await t.http.post(`/api/events/${otherEventId}/tracks`).set(auth()).send({ nameFr: 'Thème ailleurs' })).body;
      await expect(cfp.assertTypeAndTrack(eventId, type.id, null)).rejects.toMatchObject({ status: 422 });
      await expect(cfp.assertTypeAndTrack(otherEventId, type.id, null)).resolves.toBeUndefined();
      await expect(cfp.assertTypeAndTrack(otherEventId, type.id, track.id)).resolves.toBeUndefined();
      const mine = (await t.http.post(`/api/events/${eventId}/submission-types`).set(auth()).send({ code: 'poster', nameFr: 'Poster', defaultMinutes: 5 })).body;
      await expect(cfp.assertTypeAndTrack(eventId, mine.id, track.id)).rejects.toMatchObject({ status: 422 });
      await expect(cfp.assertTypeAndTrack(eventId, randomUUID(), null)).rejects.toMatchObject({ status: 422 });
    });
  });

  describe('submission types', () => {
    let typeId: string;

    it('creates, lists (paginated), changes and refuses duplicate codes', async () => {
      const created = await t.http
        .post(`/api/events/${eventId}/submission-types`)
        .set(auth())
        .send({ code: 'communication', nameFr: 'Communication', nameEn: 'Paper', defaultMinutes: 20 });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), eventId, code: 'communication', nameFr: 'Communication', nameEn: 'Paper', defaultMinutes: 20 });
      typeId = created.body.id;
      await t.http.post(`/api/events/${eventId}/submission-types`).set(auth()).send({ code: 'table-ronde', nameFr: 'Table ronde', defaultMinutes: 90 }).expect(201);
      const dup = await t.http.post(`/api/events/${eventId}/submission-types`).set(auth()).send({ code: 'communication', nameFr: 'Autre', defaultMinutes: 10 });
      expect(dup.status).toBe(409);
      expectErrorBody(dup.body, 409, 'TYPE_CODE_TAKEN');
      // the same code in another event is fine
      await t.http.post(`/api/events/${otherEventId}/submission-types`).set(auth()).send({ code: 'communication', nameFr: 'Communication', defaultMinutes: 20 }).expect(201);

      const page = await t.http.get(`/api/events/${eventId}/submission-types?pageSize=2&sort=defaultMinutes&order=desc`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      expect(page.body.items.map((i: { code: string }) => i.code)).toEqual(['table-ronde', 'communication']);

      const patched = await t.http.patch(`/api/events/${eventId}/submission-types/${typeId}`).set(auth()).send({ defaultMinutes: 25, nameEn: null });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ defaultMinutes: 25, nameEn: null, code: 'communication' });
      const clash = await t.http.patch(`/api/events/${eventId}/submission-types/${typeId}`).set(auth()).send({ code: 'table-ronde' });
      expectErrorBody(clash.body, 409, 'TYPE_CODE_TAKEN');
    });

    it('refuses bad codes, durations and names', async () => {
      const before = await count('submission_types');
      const bad = [
        { code: 'Communication', nameFr: 'x', defaultMinutes: 20 },
        { code: 'a b', nameFr: 'x', defaultMinutes: 20 },
        { code: 'x'.repeat(41), nameFr: 'x', defaultMinutes: 20 },
        { code: 'ok', nameFr: '   ', defaultMinutes: 20 },
        { code: 'ok', nameFr: HUGE, defaultMinutes: 20 },
        { code: 'ok', nameFr: 'x', defaultMinutes: 0 },
        { code: 'ok', nameFr: 'x', defaultMinutes: 601 },
        { code: 'ok', nameFr: 'x', defaultMinutes: 20.5 },
        { code: 'ok', nameFr: 'x', defaultMinutes: '20' },
        { code: 'ok', nameFr: 'x\u0000y', defaultMinutes: 20 },
        { code: 'ok', nameFr: 'x', defaultMinutes: 20, eventId: otherEventId },
      ];
      for (const body of bad) {
        const res = await t.http.post(`/api/events/${eventId}/submission-types`).set(auth()).send(body);
        expect(res.status).toBe(400);
        expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
      }
      const nulls = await t.http.patch(`/api/events/${eventId}/submission-types/${typeId}`).set(auth()).send({ nameFr: null });
      expect(nulls.status).toBe(400);
      expect(await count('submission_types')).toBe(before);
    });

    it('reaches a type only through its own event (404 otherwise)', async () => {
      const res = await t.http.patch(`/api/events/${otherEventId}/submission-types/${typeId}`).set(auth()).send({ defaultMinutes: 5 });
      expectErrorBody(res.body, 404, 'NOT_FOUND');
      expect((await t.http.delete(`/api/events/${otherEventId}/submission-types/${typeId}`).set(auth())).status).toBe(404);
      expect((await t.http.get(`/api/events/${randomUUID()}/submission-types`)).status).toBe(404);
      expect((await t.http.get(`/api/events/not-a-uuid/submission-types`)).status).toBe(400);
      expect((await t.http.patch(`/api/events/${eventId}/submission-types/not-a-uuid`).set(auth()).send({})).status).toBe(400);
    });

    it('cannot delete a type a proposal uses (409 TYPE_IN_USE), and deletes an unused one', async () => {
      await t.booted.dataSource.query(`INSERT INTO submissions (event_id, type_id, title_fr, abstract_fr) VALUES ($1, $2, 'T', 'R')`, [eventId, typeId]);
      const res = await t.http.delete(`/api/events/${eventId}/submission-types/${typeId}`).set(auth());
      expect(res.status).toBe(409);
      expectErrorBody(res.body, 409, 'TYPE_IN_USE');
      const unused = (await t.http.get(`/api/events/${eventId}/submission-types?sort=code`)).body.items.find((i: { code: string }) => i.code === 'table-ronde');
      expect((await t.http.delete(`/api/events/${eventId}/submission-types/${unused.id}`).set(auth())).status).toBe(204);
      expect((await t.http.delete(`/api/events/${eventId}/submission-types/${unused.id}`).set(auth())).status).toBe(404);
      await t.booted.dataSource.query(`DELETE FROM submissions WHERE type_id = $1`, [typeId]);
    });
  });

  describe('tracks', () => {
    it('creates, lists by display order (paginated), changes, refuses duplicate names, deletes', async () => {
      const a = await t.http.post(`/api/events/${eventId}/tracks`).set(auth()).send({ nameFr: 'Gouvernance', nameEn: 'Governance', displayOrder: 2 });
      expect(a.status).toBe(201);
      expect(a.body).toEqual({ id: expect.any(String), eventId, nameFr: 'Gouvernance', nameEn: 'Governance', displayOrder: 2 });
      const b = await t.http.post(`/api/events/${eventId}/tracks`).set(auth()).send({ nameFr: 'Usages' });
      expect(b.body).toMatchObject({ displayOrder: 0, nameEn: null });
      const dup = await t.http.post(`/api/events/${eventId}/tracks`).set(auth()).send({ nameFr: 'Usages' });
      expectErrorBody(dup.body, 409, 'TRACK_NAME_TAKEN');
      const list = await t.http.get(`/api/events/${eventId}/tracks`);
      expect(list.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
      expect(list.body.items.map((i: { nameFr: string }) => i.nameFr)).toEqual(['Usages', 'Gouvernance']);
      const byName = await t.http.get(`/api/events/${eventId}/tracks?sort=name&order=desc&pageSize=1&page=2`);
      expect(byName.body.items.map((i: { nameFr: string }) => i.nameFr)).toEqual(['Gouvernance']);
      const patched = await t.http.patch(`/api/events/${eventId}/tracks/${b.body.id}`).set(auth()).send({ displayOrder: 5, nameEn: 'Uses' });
      expect(patched.body).toMatchObject({ displayOrder: 5, nameEn: 'Uses' });
      expect((await t.http.patch(`/api/events/${otherEventId}/tracks/${b.body.id}`).set(auth()).send({ displayOrder: 1 })).status).toBe(404);
      for (const body of [{ nameFr: HUGE }, { nameFr: 1 }, { displayOrder: -1 }, { displayOrder: 'x' }, { nameFr: 'x', hacker: true }]) {
        const res = await t.http.post(`/api/events/${eventId}/tracks`).set(auth()).send(body);
        expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
      }
      // a proposal filed under a deleted track stays, without a track
      const type = (await t.http.post(`/api/events/${eventId}/submission-types`).set(auth()).send({ code: 'atelier', nameFr: 'Atelier', defaultMinutes: 60 })).body;
      const [row] = await t.booted.dataSource.query(
        `INSERT INTO submissions (event_id, type_id, track_id, title_fr, abstract_fr) VALUES ($1, $2, $3, 'T', 'R') RETURNING id`,
        [eventId, type.id, a.body.id],
      );
      expect((await t.http.delete(`/api/events/${eventId}/tracks/${a.body.id}`).set(auth())).status).toBe(204);
      const [after] = await t.booted.dataSource.query(`SELECT track_id FROM submissions WHERE id = $1`, [row.id]);
      expect(after.track_id).toBeNull();
      await t.booted.dataSource.query(`DELETE FROM submissions WHERE id = $1`, [row.id]);
    });
  });

  describe('hostile input on every route', () => {
    it('answers 4xx in the error shape, never 500, and writes nothing', async () => {
      const typeId = (await t.http.get(`/api/events/${eventId}/submission-types`)).body.items[0].id as string;
      const trackId = (await t.http.get(`/api/events/${eventId}/tracks`)).body.items[0].id as string;
      const tables = ['calls_for_papers', 'submission_types', 'tracks'];
      const snapshot = async () => {
        const out: Record<string, unknown> = {};
        for (const table of tables) {
          out[table] = (await t.booted.dataSource.query(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${table} x`))[0].h;
        }
        return out;
      };
      const before = await snapshot();
      const writes: [string, string][] = [
        ['put', `/api/events/${eventId}/cfp`],
        ['post', `/api/events/${eventId}/submission-types`],
        ['patch', `/api/events/${eventId}/submission-types/${typeId}`],
        ['post', `/api/events/${eventId}/tracks`],
        ['patch', `/api/events/${eventId}/tracks/${trackId}`],
      ];
      const bodies = [
        '{"opensAt": ',
        'null',
        '[]',
        '"text"',
        '42',
        JSON.stringify({ opensAt: HUGE, closesAt: HUGE, languages: [HUGE], maxAbstractLength: 1e308 }),
        JSON.stringify({ code: HUGE, nameFr: HUGE, nameEn: HUGE, defaultMinutes: 1e308, displayOrder: 1e308 }),
        JSON.stringify({ code: ['a'], nameFr: { $gt: '' }, defaultMinutes: 'NaN', displayOrder: [1] }),
        JSON.stringify({ languages: 'fr', opensAt: 1, closesAt: true }),
        JSON.stringify({ unknownField: 'x' }),
      ];
      const failures: string[] = [];
      for (const [method, url] of writes) {
        for (const raw of bodies) {
          const res = await t.http[method as 'post'](url).set(auth()).set('content-type', 'application/json').send(raw);
          if (res.status < 400 || res.status >= 500) failures.push(`${method} ${url} ${raw.slice(0, 40)}: ${res.status}`);
          else expectErrorBody(res.body, res.status);
        }
      }
      for (const [method, url] of [
        ['get', '/api/events/nope/cfp'],
        ['put', '/api/events/nope/cfp'],
        ['get', '/api/events/nope/tracks'],
        ['delete', `/api/events/${eventId}/tracks/123`],
        ['delete', `/api/events/${eventId}/submission-types/${'x'.repeat(5000)}`],
        ['get', `/api/events/${eventId}/tracks?page=0`],
        ['get', `/api/events/${eventId}/tracks?pageSize=1000`],
        ['get', `/api/events/${eventId}/submission-types?sort=password`],
      ] as const) {
        const res = await t.http[method](url).set(auth()).send({});
        if (res.status !== 400) failures.push(`${method} ${url}: ${res.status}`);
        else expectErrorBody(res.body, 400);
      }
      expect(failures).toEqual([]);
      expect(await snapshot()).toEqual(before);
    });
  });
});
