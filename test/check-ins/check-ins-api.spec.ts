import { randomBytes } from 'node:crypto';
import { UsersService } from '../../src/users/users.service.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import {
  badgeToken,
  bearer,
  checkInRows,
  colloquiumId,
  createPart,
  createParticipant,
  receptionToken,
  setNow,
} from './check-ins-support.js';

/**
 * POST /api/check-ins and the stats over HTTP on a real database, standing on Monday 6 February
 * 2012 at 09:12 in Paris (08:12 UTC).
 */
describe('Check-in at the desk', () => {
  let t: TestApp;
  let organiser: string;
  let reception: string;
  let eventId: string;
  let day1: string;
  let day2: string;
  let ceremony: string;
  let workshop: string;
  let helene: { id: string; token: string };

  beforeAll(async () => {
    // no outbox worker: its poll (every 2 s by default) would be counted among a scan's statements
    t = await startTestApp({ OUTBOX_POLL_MS: '0' });
    organiser = await t.adminToken();
    reception = await receptionToken(t, 'Jeanne Martin', 'jeanne.martin@test.local');
    eventId = await colloquiumId(t);
    day1 = await createPart(t, eventId, 'jour-1', 'day', '2012-02-06', null, 'Lundi 6 février');
    day2 = await createPart(t, eventId, 'jour-2', 'day', '2012-02-07', null, 'Mardi 7 février');
    ceremony = await createPart(t, eventId, 'ceremonie', 'ceremony', null, null, 'Cérémonie');
    workshop = await createPart(t, eventId, 'atelier', 'workshop', null, 1, 'Atelier données ouvertes');
    helene = await createParticipant(
      t,
      organiser,
      eventId,
      { firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@example.org', categories: ['researcher'], affiliation: 'CNRS' },
      [day1, day2, workshop],
    );
    setNow(t, '2012-02-06T08:12:00Z');
  });
  afterAll(async () => {
    await t?.close();
  });

  const scan = (body: Record<string, unknown>, token = reception) => t.http.post('/api/check-ins').set(bearer(token)).send(body);

  it('checks the holder in to today’s day part, then answers a second scan with who and when, writing nothing', async () => {
    const first = await scan({ token: helene.token });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'checked-in',
      created: true,
      participant: { id: helene.id, firstName: 'Hélène', lastName: 'Dupré', affiliation: 'CNRS', primaryCategory: 'researcher', categoryLabelFr: 'Chercheur·euse' },
      part: { id: day1, code: 'jour-1', kind: 'day', day: '2012-02-06' },
      day: '2012-02-06',
      checkedInAt: '2012-02-06T09:12:00+01:00',
      checkedInAtUtc: '2012-02-06T08:12:00.000Z',
      checkedInBy: { name: 'Jeanne Martin' },
    });
    expect(await checkInRows(t, helene.id)).toBe(1);

    setNow(t, '2012-02-06T09:40:00Z');
    const second = await scan({ token: helene.token }, organiser);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'already-checked-in', created: false, checkInId: first.body.checkInId, checkedInAt: '2012-02-06T09:12:00+01:00' });
    expect(second.body.message).toBe('already checked in at 09:12 by Jeanne Martin');
    expect(second.body.messageFr).toBe('déjà enregistré(e) à 09:12 par Jeanne Martin');
    expect(await checkInRows(t, helene.id)).toBe(1);
    setNow(t, '2012-02-06T08:12:00Z');
  });

  it('writes one check-in for ten simultaneous scans of one badge', async () => {
    const p = await createParticipant(t, organiser, eventId, { firstName: 'Paul', lastName: 'Parallèle', email: 'paul@example.org' }, [day1]);
    const answers = await Promise.all(Array.from({ length: 10 }, () => scan({ token: p.token })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.checkInId)).size).toBe(1);
    expect(await checkInRows(t, p.id)).toBe(1);
  });

  it('answers a retried request (same nonce) as the first time, and refuses a nonce reused for another badge', async () => {
    const p = await createParticipant(t, organiser, eventId, { firstName: 'Nora', lastName: 'Nonce', email: 'nora@example.org' }, [day1]);
    const q = await createParticipant(t, organiser, eventId, { firstName: 'Quentin', lastName: 'Autre', email: 'quentin@example.org' }, [day1]);
    const nonce = `desk-${randomBytes(8).toString('hex')}`;
    const first = await scan({ token: p.token, nonce });
    expect(first.status).toBe(201);
    const retries = await Promise.all([scan({ token: p.token, nonce }), scan({ token: p.token, nonce })]);
    for (const retry of retries) {
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
    }
    // a new scan (new nonce) is told it was already done
    const again = await scan({ token: p.token, nonce: `desk-${randomBytes(8).toString('hex')}` });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('already-checked-in');
    const reused = await scan({ token: q.token, nonce });
    expect(reused.status).toBe(422);
    expectErrorBody(reused.body, 422, 'NONCE_REUSED');
    expect(await checkInRows(t, p.id)).toBe(1);
    expect(await checkInRows(t, q.id)).toBe(0);
  });

  it('refuses with 403 and the reason a holder who is not admitted to the part', async () => {
    const w = await createParticipant(t, organiser, eventId, { firstName: 'Wanda', lastName: 'Waiting', email: 'wanda@example.org' }, [day1, workshop]);
    const waiting = await scan({ token: w.token, part: 'atelier' });
    expect(waiting.status).toBe(403);
    expectErrorBody(waiting.body, 403, 'NOT_ADMITTED');
    expect(waiting.body.details).toMatchObject({ reason: 'waiting', part: { id: workshop, code: 'atelier' } });
    expect(waiting.body.message).toBe('Not admitted to Atelier données ouvertes: on the waiting list');
    expect(waiting.body.details.messageFr).toBe('Non admis(e) à « Atelier données ouvertes » : sur liste d’attente');

    const notRegistered = await scan({ token: w.token, part: ceremony });
    expect(notRegistered.status).toBe(403);
    expect(notRegistered.body.details.reason).toBe('not-registered');
    expect(await checkInRows(t, w.id)).toBe(0);

    // Hélène holds the workshop's only seat: named by code, in capitals too
    const admitted = await scan({ token: helene.token, part: 'ATELIER' });
    expect(admitted.status).toBe(201);
    expect(admitted.body.part.id).toBe(workshop);
    expect(admitted.body.day).toBe('2012-02-06');
  });

  it('answers 404 for an unknown token and for a rotated one, and the new token works', async () => {
    const unknown = await scan({ token: randomBytes(32).toString('base64url') });
    expect(unknown.status).toBe(404);
    expectErrorBody(unknown.body, 404, 'BADGE_NOT_FOUND');

    const r = await createParticipant(t, organiser, eventId, { firstName: 'Romain', lastName: 'Rotation', email: 'romain@example.org' }, [day1]);
    await t.booted.dataSource.query(`UPDATE participants SET badge_token = badge_token(), badge_token_rotated_at = now() WHERE id = $1`, [r.id]);
    const rotated = await scan({ token: r.token });
    expect(rotated.status).toBe(404);
    expectErrorBody(rotated.body, 404, 'BADGE_NOT_FOUND');
    const fresh = await badgeToken(t, r.id);
    expect(fresh).not.toBe(r.token);
    expect((await scan({ token: fresh })).status).toBe(201);
  });

  it('refuses a cancelled registration, an unknown part, and a day without a day part', async () => {
    const c = await createParticipant(t, organiser, eventId, { firstName: 'Claire', lastName: 'Cancel', email: 'claire@example.org' }, [day1]);
    expect((await t.http.post(`/api/participants/${c.id}/cancel`).set(bearer(organiser))).status).toBe(200);
    const cancelled = await scan({ token: c.token });
    expect(cancelled.status).toBe(409);
    expectErrorBody(cancelled.body, 409, 'PARTICIPANT_CANCELLED');

    const noPart = await scan({ token: helene.token, part: 'diner-de-gala' });
    expect(noPart.status).toBe(404);
    expectErrorBody(noPart.body, 404, 'PART_NOT_FOUND');

    setNow(t, '2012-02-08T09:00:00Z');
    try {
      const noDay = await scan({ token: helene.token });
      expect(noDay.status).toBe(409);
      expectErrorBody(noDay.body, 409, 'NO_DAY_PART_TODAY');
      expect(noDay.body.details.today).toBe('2012-02-08');
    } finally {
      setNow(t, '2012-02-06T08:12:00Z');
    }
    expect(await checkInRows(t, c.id)).toBe(0);
  });

  it('answers an anonymised record as an unknown badge and writes nothing', async () => {
    const a = await createParticipant(t, organiser, eventId, { firstName: 'Anne', lastName: 'Onyme', email: 'anne.onyme@example.org' }, [day1]);
    await t.booted.dataSource.query(`UPDATE participants SET anonymised_at = now() WHERE id = $1`, [a.id]);
    const gone = await scan({ token: a.token });
    expect(gone.status).toBe(404);
    expectErrorBody(gone.body, 404, 'BADGE_NOT_FOUND');
    expect(await checkInRows(t, a.id)).toBe(0);
  });

  it('sends one SQL statement a scan: a first scan that writes, a repeat, a refusal', async () => {
    const s1 = await createParticipant(t, organiser, eventId, { firstName: 'Simone', lastName: 'Unique', email: 'simone.unique@example.org' }, [day1]);
    const s2 = await createParticipant(t, organiser, eventId, { firstName: 'Sacha', lastName: 'Seul', email: 'sacha.seul@example.org' }, [day1]);
    const w = await createParticipant(t, organiser, eventId, { firstName: 'Will', lastName: 'Waitlist', email: 'will.waitlist@example.org' }, []);
    // the caller's token is kept after its first use: warm it up first
    expect((await scan({ token: s2.token })).status).toBe(201);
    const logger = t.booted.dataSource.logger;
    const logQuery = logger.logQuery;
    const statements: string[] = [];
    logger.logQuery = (query, ...rest) => {
      statements.push(query);
      return logQuery.call(logger, query, ...rest);
    };
    const counted = async (body: Record<string, unknown>) => {
      statements.length = 0;
      const res = await scan(body);
      // the texts are kept for the failure message; the count is what is checked
      return { status: res.status, statements: statements.length, texts: [...statements] };
    };
    try {
      expect(await counted({ token: s1.token, nonce: `desk-${randomBytes(8).toString('hex')}` })).toMatchObject({ status: 201, statements: 1 });
      expect(await counted({ token: s1.token })).toMatchObject({ status: 200, statements: 1 });
      expect(await counted({ token: w.token, part: 'jour-1' })).toMatchObject({ status: 403, statements: 1 });
    } finally {
      logger.logQuery = logQuery;
    }
    expect(await checkInRows(t, s1.id)).toBe(1);
    expect(await checkInRows(t, w.id)).toBe(0);
  });

  it('refuses a badge of another event when the desk names its event', async () => {
    const ceremonyEvent = (await t.http.get('/api/events?slug=label2012')).body.items[0].id as string;
    const o = await createParticipant(t, organiser, eventId, { firstName: 'Omar', lastName: 'Ailleurs', email: 'omar@example.org' }, [day1]);
    const wrongDesk = await scan({ token: o.token, eventId: ceremonyEvent });
    expect(wrongDesk.status).toBe(409);
    expectErrorBody(wrongDesk.body, 409, 'OTHER_EVENT');
    expect(await checkInRows(t, o.id)).toBe(0);
    expect((await scan({ token: o.token, eventId })).status).toBe(201);
  });

  it('takes today in Paris: 23:30 UTC on the 6th is Tuesday 7th’s day part', async () => {
    const late = await createParticipant(t, organiser, eventId, { firstName: 'Léa', lastName: 'Tardive', email: 'lea@example.org' }, [day1, day2]);
    setNow(t, '2012-02-06T23:30:00Z');
    try {
      const res = await scan({ token: late.token });
      expect(res.status).toBe(201);
      expect(res.body.part.code).toBe('jour-2');
      expect(res.body.checkedInAt).toBe('2012-02-07T00:30:00+01:00');
    } finally {
      setNow(t, '2012-02-06T08:12:00Z');
    }
  });

  it('counts per part and day, live: admitted against checked in', async () => {
    const before = await t.http.get(`/api/events/${eventId}/check-ins/stats`).set(bearer(reception));
    expect(before.status).toBe(200);
    expect(before.body.today).toBe('2012-02-06');
    const line = (body: { parts: Array<{ code: string }> }, code: string) => body.parts.find((p) => p.code === code) as Record<string, unknown>;
    const [{ admitted }] = await t.booted.dataSource.query(`SELECT count(*)::int AS admitted FROM part_admissions WHERE part_id = $1 AND status = 'admitted'`, [day1]);
    const [{ checked }] = await t.booted.dataSource.query(`SELECT count(*)::int AS checked FROM check_ins WHERE part_id = $1`, [day1]);
    expect(line(before.body, 'jour-1')).toMatchObject({ partId: day1, admitted, checkedIn: checked, checkedInToday: checked, days: [{ day: '2012-02-06', checkedIn: checked }] });
    expect(line(before.body, 'jour-2')).toMatchObject({ checkedIn: 1, checkedInToday: 0, days: [{ day: '2012-02-07', checkedIn: 1 }] });
    expect(line(before.body, 'atelier')).toMatchObject({ admitted: 1, capacity: 1, checkedIn: 1 });
    expect(line(before.body, 'ceremonie')).toMatchObject({ admitted: 0, checkedIn: 0, days: [] });

    const n = await createParticipant(t, organiser, eventId, { firstName: 'Noé', lastName: 'Nouveau', email: 'noe@example.org' }, [day1]);
    expect((await scan({ token: n.token })).status).toBe(201);
    const after = await t.http.get(`/api/events/${eventId}/check-ins/stats`).set(bearer(organiser));
    expect(line(after.body, 'jour-1')).toMatchObject({ admitted: admitted + 1, checkedIn: checked + 1, checkedInToday: checked + 1 });

    const missing = await t.http.get(`/api/events/00000000-0000-4000-8000-000000000000/check-ins/stats`).set(bearer(reception));
    expect(missing.status).toBe(404);
    expectErrorBody(missing.body, 404);
  });

  it('is for reception and organisers only', async () => {
    expect((await t.http.post('/api/check-ins').send({ token: helene.token })).status).toBe(401);
    await t.booted.app.get(UsersService).createAccount({ email: 'sp@test.local', password: 'speaker-password-1', roles: ['speaker'] });
    const speaker = await t.login('sp@test.local', 'speaker-password-1');
    const res = await scan({ token: helene.token }, speaker);
    expect(res.status).toBe(403);
    expectErrorBody(res.body, 403, 'FORBIDDEN');
  });

  it('answers hostile or malformed scans with a 4xx in the error shape and writes nothing', async () => {
    const before = await checkInRows(t);
    const bodies: unknown[] = [
      {},
      { token: null },
      { token: 12345 },
      { token: ['a'] },
      { token: { $ne: '' } },
      { token: 'x'.repeat(100_000) },
      { token: "' OR 1=1 --" + 'a'.repeat(32) },
      { token: helene.token.slice(0, 42) + '=' },
      { token: helene.token, extra: true },
      { token: helene.token, part: "jour-1'; DROP TABLE check_ins; --" },
      { token: helene.token, part: 'p'.repeat(100_000) },
      { token: helene.token, part: 42 },
      { token: helene.token, nonce: 'short' },
      { token: helene.token, nonce: 'has spaces in it!' },
      { token: helene.token, nonce: 'n'.repeat(101) },
      { token: helene.token, nonce: { a: 1 } },
      { token: helene.token, eventId: 'not-a-uuid' },
      { token: '\u0000'.repeat(43) },
      [helene.token],
    ];
    for (const body of bodies) {
      const res = await scan(body as Record<string, unknown>);
      expect([res.status, body]).toEqual([expect.any(Number), body]);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorBody(res.body, res.status);
    }
    const malformed = await t.http.post('/api/check-ins').set(bearer(reception)).set('content-type', 'application/json').send('{"token": ');
    expect(malformed.status).toBe(400);
    expectErrorBody(malformed.body, 400, 'MALFORMED_JSON');
    const deep = await t.http.post('/api/check-ins').set(bearer(reception)).set('content-type', 'application/json').send('{"token":' + '['.repeat(40) + ']'.repeat(40) + '}');
    expect(deep.status).toBeGreaterThanOrEqual(400);
    expect(deep.status).toBeLessThan(500);
    const badEvent = await t.http.get('/api/events/not-a-uuid/check-ins/stats').set(bearer(reception));
    expect(badEvent.status).toBe(400);
    expectErrorBody(badEvent.body, 400);
    expect(await checkInRows(t)).toBe(before);
  });

  it('counts today’s arrivals per quarter hour of Paris time, empty quarters as 0, up to the current quarter; not another day’s', async () => {
    const plenary = await createPart(t, eventId, 'pleniere', 'workshop', null, null, 'Séance plénière');
    const people = [];
    for (const name of ['Ana', 'Bruno', 'Chloé']) {
      people.push(await createParticipant(t, organiser, eventId, { firstName: name, lastName: 'Quart', email: `${name.normalize('NFD').replace(/[^a-z]/gi, '').toLowerCase()}.quart@example.org` }, [plenary]));
    }
    const before = await t.http.get(`/api/events/${eventId}/check-ins/stats`).set(bearer(reception));
    // every earlier check-in of the 6th was at 08:12 UTC (09:12 in Paris); the one at 00:30 on the 7th is not today's
    const [{ n: earlier }] = await t.booted.dataSource.query(
      `SELECT count(*)::int AS n FROM check_ins WHERE event_id = $1 AND checked_in_at >= '2012-02-05T23:00:00Z' AND checked_in_at < '2012-02-06T23:00:00Z'`,
      [eventId],
    );
    expect(earlier).toBeGreaterThan(0);
    expect(before.body.arrivalsToday).toEqual([{ start: '2012-02-06T09:00:00+01:00', startUtc: '2012-02-06T08:00:00.000Z', checkedIn: earlier }]);
    try {
      setNow(t, '2012-02-06T08:40:00Z');
      expect((await scan({ token: people[0].token, part: 'pleniere' })).status).toBe(201);
      setNow(t, '2012-02-06T08:44:59Z');
      expect((await scan({ token: people[1].token, part: 'pleniere' })).status).toBe(201);
      setNow(t, '2012-02-06T09:20:00Z');
      expect((await scan({ token: people[2].token, part: 'pleniere' })).status).toBe(201);
      setNow(t, '2012-02-06T09:40:00Z');
      const after = await t.http.get(`/api/events/${eventId}/check-ins/stats`).set(bearer(organiser));
      expect(after.body.arrivalsToday.map((q: { start: string; checkedIn: number }) => [q.start, q.checkedIn])).toEqual([
        ['2012-02-06T09:00:00+01:00', earlier],
        ['2012-02-06T09:15:00+01:00', 0],
        ['2012-02-06T09:30:00+01:00', 2],
        ['2012-02-06T09:45:00+01:00', 0],
        ['2012-02-06T10:00:00+01:00', 0],
        ['2012-02-06T10:15:00+01:00', 1],
        ['2012-02-06T10:30:00+01:00', 0],
      ]);
      expect(after.body.parts.find((p: { code: string }) => p.code === 'pleniere')).toMatchObject({ admitted: 3, checkedIn: 3, checkedInToday: 3 });
      // the next day, nothing yet
      setNow(t, '2012-02-07T07:00:00Z');
      const tuesday = await t.http.get(`/api/events/${eventId}/check-ins/stats`).set(bearer(organiser));
      expect(tuesday.body.today).toBe('2012-02-07');
      expect(tuesday.body.arrivalsToday).toEqual([{ start: '2012-02-07T00:30:00+01:00', startUtc: '2012-02-06T23:30:00.000Z', checkedIn: expect.any(Number) }, ...Array(30).fill(expect.objectContaining({ checkedIn: 0 }))]);
    } finally {
      setNow(t, '2012-02-06T08:12:00Z');
    }
  });
});
