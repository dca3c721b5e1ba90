import { SpeakersService } from '../../src/speakers/speakers.service.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, insertEvent, signUp, speakerRowCounts, type SignedUpSpeaker } from './support.js';

describe('Speaker availability', () => {
  let t: TestApp;
  let organiser: string;
  let colloquium: string;
  let helene: SignedUpSpeaker;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    organiser = await t.tokenFor('organiser');
    // 6–7 February 2012, whole days in Paris: 2012-02-05T23:00Z to 2012-02-07T23:00Z
    colloquium = await insertEvent(t);
    helene = await signUp(t, { firstName: 'Hélène', lastName: 'Dupré' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const mine = (speaker: SignedUpSpeaker, eventId = colloquium) => `/api/me/events/${eventId}/unavailabilities`;
  const declare = (speaker: SignedUpSpeaker, body: unknown, eventId = colloquium) =>
    t.http.post(mine(speaker, eventId)).set(bearer(speaker.token)).send(body as object);

  it('reads wall-clock times in the event’s zone and answers in that zone with the offset, and in UTC', async () => {
    const res = await declare(helene, { startsAt: '2012-02-06T14:00', endsAt: '2012-02-06T16:30', note: '  Cours à l’université  ' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      eventId: colloquium,
      timeZone: 'Europe/Paris',
      startsAt: '2012-02-06T14:00:00+01:00',
      endsAt: '2012-02-06T16:30:00+01:00',
      startsAtUtc: '2012-02-06T13:00:00.000Z',
      endsAtUtc: '2012-02-06T15:30:00.000Z',
      note: 'Cours à l’université',
      createdAt: expect.any(String),
    });
    const [row] = await t.booted.dataSource.query('SELECT starts_at, ends_at FROM speaker_unavailabilities WHERE id = $1', [res.body.id]);
    expect((row.starts_at as Date).toISOString()).toBe('2012-02-06T13:00:00.000Z');
  });

  it('takes times with an offset as instants, and the event’s bounds themselves', async () => {
    const offset = await declare(helene, { startsAt: '2012-02-07T08:00:00Z', endsAt: '2012-02-07T10:00:00+01:00' });
    expect(offset.status).toBe(201);
    expect(offset.body).toMatchObject({ startsAt: '2012-02-07T09:00:00+01:00', endsAt: '2012-02-07T10:00:00+01:00' });
    const whole = await declare(helene, { startsAt: '2012-02-06T00:00', endsAt: '2012-02-08T00:00' });
    expect(whole.status).toBe(201);
    expect(whole.body.note).toBeNull();
  });

  it('lists my own, by start, paginated', async () => {
    const res = await t.http.get(mine(helene)).set(bearer(helene.token));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((i: { startsAt: string }) => i.startsAt)).toEqual([
      '2012-02-06T00:00:00+01:00',
      '2012-02-06T14:00:00+01:00',
      '2012-02-07T09:00:00+01:00',
    ]);
    const page = await t.http.get(mine(helene)).query({ pageSize: 1, page: 2, order: 'desc' }).set(bearer(helene.token));
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: 3 });
    expect(page.body.items[0].startsAt).toBe('2012-02-06T14:00:00+01:00');
  });

  it.each([
    ['before the event', { startsAt: '2012-02-05T23:00', endsAt: '2012-02-06T10:00' }, 422, /within the event, from 2012-02-06T00:00:00\+01:00 to 2012-02-08T00:00:00\+01:00/],
    ['after the event', { startsAt: '2012-02-07T20:00', endsAt: '2012-02-08T01:00' }, 422, /within the event/],
    ['another month', { startsAt: '2012-03-06T14:00', endsAt: '2012-03-06T15:00' }, 422, /within the event/],
    ['ending before it starts', { startsAt: '2012-02-06T16:00', endsAt: '2012-02-06T14:00' }, 422, /after startsAt/],
    ['ending as it starts', { startsAt: '2012-02-06T16:00', endsAt: '2012-02-06T16:00' }, 422, /after startsAt/],
    ['a date without a time', { startsAt: '2012-02-06', endsAt: '2012-02-06T16:00' }, 400, /must look like 2012-02-06T18:00/],
    ['an impossible date', { startsAt: '2012-02-30T10:00', endsAt: '2012-02-06T16:00' }, 400, /startsAt/],
    ['words', { startsAt: 'tomorrow', endsAt: 'later' }, 400, /must look like/],
  ])('refuses a range %s and writes nothing', async (_label, body, status, message) => {
    const before = await speakerRowCounts(t);
    const res = await declare(helene, body);
    expect(res.status).toBe(status);
    expectErrorBody(res.body, status);
    expect(JSON.stringify(res.body)).toMatch(message);
    expect(await speakerRowCounts(t)).toEqual(before);
  });

  it('uses the event’s own zone (a Montréal event)', async () => {
    const montreal = await insertEvent(t, { startsAt: '2012-05-07T12:00:00Z', endsAt: '2012-05-08T22:00:00Z', timeZone: 'America/Montreal' });
    const res = await declare(helene, { startsAt: '2012-05-07T09:00', endsAt: '2012-05-07T11:00' }, montreal);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ timeZone: 'America/Montreal', startsAt: '2012-05-07T09:00:00-04:00', startsAtUtc: '2012-05-07T13:00:00.000Z' });
  });

  it('answers 404 for a missing event', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const res of [
      await declare(helene, { startsAt: '2012-02-06T14:00', endsAt: '2012-02-06T15:00' }, missing),
      await t.http.get(mine(helene, missing)).set(bearer(helene.token)),
      await t.http.get(`/api/events/${missing}/unavailabilities`).set(bearer(organiser)),
    ]) {
      expect(res.status).toBe(404);
      expectErrorBody(res.body, 404, 'NOT_FOUND');
    }
  });

  it('shows organisers every speaker’s unavailabilities with names; the programme gets them in UTC', async () => {
    const anna = await signUp(t, { firstName: 'Анна', lastName: 'Дюпре' });
    expect((await declare(anna, { startsAt: '2012-02-06T10:00', endsAt: '2012-02-06T11:00' })).status).toBe(201);
    const res = await t.http.get(`/api/events/${colloquium}/unavailabilities`).set(bearer(organiser));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4);
    expect(res.body.items[1]).toMatchObject({
      startsAt: '2012-02-06T10:00:00+01:00',
      startsAtUtc: '2012-02-06T09:00:00.000Z',
      speaker: { userId: anna.userId, firstName: 'Анна', lastName: 'Дюпре' },
    });
    expect(res.body.items[0].speaker).toEqual({ userId: helene.userId, firstName: 'Hélène', lastName: 'Dupré' });
    expect(JSON.stringify(res.body)).not.toMatch(/email|password/);
    expect((await t.http.get(`/api/events/${colloquium}/unavailabilities`).set(bearer(helene.token))).status).toBe(403);

    const forProgramme = await t.booted.app.get(SpeakersService).unavailabilitiesForEvent(colloquium);
    expect(forProgramme).toHaveLength(4);
    expect(forProgramme[1]).toEqual({ userId: anna.userId, startsAt: new Date('2012-02-06T09:00:00Z'), endsAt: new Date('2012-02-06T10:00:00Z') });
  });

  it('removes my own; an id that is not mine or not of this event is 404', async () => {
    const created = await declare(helene, { startsAt: '2012-02-07T15:00', endsAt: '2012-02-07T16:00' });
    const other = await insertEvent(t);
    const wrongEvent = await t.http.delete(`${mine(helene, other)}/${created.body.id}`).set(bearer(helene.token));
    expect(wrongEvent.status).toBe(404);
    const removed = await t.http.delete(`${mine(helene)}/${created.body.id}`).set(bearer(helene.token));
    expect(removed.status).toBe(204);
    const again = await t.http.delete(`${mine(helene)}/${created.body.id}`).set(bearer(helene.token));
    expect(again.status).toBe(404);
    expectErrorBody(again.body, 404, 'NOT_FOUND');
  });
});
