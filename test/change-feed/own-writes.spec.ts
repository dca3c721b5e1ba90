import type pg from 'pg';
import { ChangeFeedService } from '../../src/change-feed/change-feed.service.js';
import { serverDatabaseUrl, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Read your own writes: a client that adds something and lists it at once (the settings pages do) must see
 * it, from memory or not. On a server the instance's listening connection hears a commit some time after
 * the writer got its answer; here it is made to hear nothing at all, and the instance must still forget
 * what the write changed before answering the next read.
 */
describe('Kept reads after this instance’s own writes', () => {
  let t: TestApp;
  let organiser: string;
  let deafened: { resume(): void } | null = null;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    organiser = await t.adminToken();
  });
  afterAll(async () => {
    deafened?.resume();
    await t?.close();
  });

  it('answers a venue, its rooms and the organisations with what was just written, although the listening connection hears nothing', async () => {
    const auth = { Authorization: `Bearer ${organiser}` };
    const venue = await t.http.post('/api/venues').set(auth).send({ name: 'CNRS', streetAddress: '3 rue Michel-Ange', postcode: '75016', city: 'Paris' });
    expect(venue.status).toBe(201);
    const venueId = venue.body.id as string;
    // read, and so kept in memory
    expect((await t.http.get(`/api/venues/${venueId}`)).body.rooms).toEqual([]);
    expect((await t.http.get('/api/organisations')).body.total).toBe(0);

    const feed = t.booted.app.get(ChangeFeedService);
    expect(feed.listening).toBe(true);
    if (serverDatabaseUrl()) {
      // the dedicated listening connection: its socket no longer read, so its notifications wait
      const listener = (feed as unknown as { listener: pg.Client & { connection: { stream: NodeJS.ReadableStream } } }).listener;
      listener.connection.stream.pause();
      deafened = { resume: () => listener.connection.stream.resume() };
    }

    const room = await t.http.post(`/api/venues/${venueId}/rooms`).set(auth).send({ name: 'Salle des conseils', capacity: 120 });
    expect(room.status).toBe(201);
    const read = await t.http.get(`/api/venues/${venueId}`);
    expect(read.body.rooms.map((r: { name: string; capacity: number }) => [r.name, r.capacity])).toEqual([['Salle des conseils', 120]]);

    const renamed = await t.http.patch(`/api/venues/${venueId}`).set(auth).send({ name: 'CNRS, siège' });
    expect(renamed.status).toBe(200);
    expect((await t.http.get(`/api/venues/${venueId}`)).body.name).toBe('CNRS, siège');
    expect((await t.http.get('/api/venues')).body.items.map((v: { name: string }) => v.name)).toEqual(['CNRS, siège']);

    const fing = await t.http.post('/api/organisations').set(auth).send({ name: 'FING', kind: 'association' });
    expect(fing.status).toBe(201);
    expect((await t.http.get('/api/organisations')).body.items.map((o: { name: string }) => o.name)).toEqual(['FING']);
  });
});
