import { VenuesService } from '../../src/venues/venues.service.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

const ADDRESS = { streetAddress: '3 rue Michel-Ange', postcode: '75016', city: 'Paris' };
const UNKNOWN = '6f1c2b1e-0000-4000-8000-000000000000';

describe('Rooms and travel times API', () => {
  let t: TestApp;
  let organiser: string;
  const auth = () => ({ Authorization: `Bearer ${organiser}` });
  const createVenue = async (name: string): Promise<string> => {
    const res = await t.http.post('/api/venues').set(auth()).send({ name, ...ADDRESS });
    if (res.status !== 201) throw new Error(`create venue: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    organiser = await t.adminToken();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('rooms', () => {
    let venueId: string;
    let otherVenueId: string;
    beforeAll(async () => {
      venueId = await createVenue('CNRS');
      otherVenueId = await createVenue('Espace Cardin');
    });

    it('creates, lists by name, reads, updates and deletes rooms', async () => {
      const created = await t.http
        .post(`/api/venues/${venueId}/rooms`)
        .set(auth())
        .send({ name: 'Salle B', capacity: 40, floor: '1er étage', equipment: ['vidéoprojecteur', 'micro'], accessibilityNotes: 'Ascenseur' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        venueId,
        name: 'Salle B',
        capacity: 40,
        floor: '1er étage',
        equipment: ['vidéoprojecteur', 'micro'],
        accessibilityNotes: 'Ascenseur',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const amphi = await t.http.post(`/api/venues/${venueId}/rooms`).set(auth()).send({ name: 'Amphithéâtre', capacity: 300 });
      expect(amphi.status).toBe(201);
      expect(amphi.body).toMatchObject({ floor: null, equipment: [], accessibilityNotes: null });

      const list = await t.http.get(`/api/venues/${venueId}/rooms`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((r: { name: string }) => r.name)).toEqual(['Amphithéâtre', 'Salle B']);
      expect(list.body.total).toBe(2);
      const byCapacity = await t.http.get(`/api/venues/${venueId}/rooms?sort=capacity&order=desc&pageSize=1`);
      expect(byCapacity.body).toMatchObject({ page: 1, pageSize: 1, total: 2, items: [{ name: 'Amphithéâtre' }] });
      expect((await t.http.get(`/api/venues/${venueId}/rooms?pageSize=101`)).status).toBe(400);
      const venue = await t.http.get(`/api/venues/${venueId}`);
      expect(venue.body.rooms.map((r: { name: string }) => r.name)).toEqual(['Amphithéâtre', 'Salle B']);

      const one = await t.http.get(`/api/venues/${venueId}/rooms/${created.body.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(created.body);

      const updated = await t.http.patch(`/api/venues/${venueId}/rooms/${created.body.id}`).set(auth()).send({ capacity: 45, floor: null, equipment: null });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ name: 'Salle B', capacity: 45, floor: null, equipment: [], accessibilityNotes: 'Ascenseur' });

      const deleted = await t.http.delete(`/api/venues/${venueId}/rooms/${created.body.id}`).set(auth());
      expect(deleted.status).toBe(204);
      expect((await t.http.get(`/api/venues/${venueId}/rooms/${created.body.id}`)).status).toBe(404);
    });

    it('answers 409 for a second room of the same name in one venue, but allows it in another venue', async () => {
      const first = await t.http.post(`/api/venues/${venueId}/rooms`).set(auth()).send({ name: 'Salle du conseil', capacity: 20 });
      expect(first.status).toBe(201);
      const twice = await t.http.post(`/api/venues/${venueId}/rooms`).set(auth()).send({ name: '  Salle du conseil ', capacity: 30 });
      expect(twice.status).toBe(409);
      expectErrorBody(twice.body, 409, 'ROOM_NAME_TAKEN');
      const elsewhere = await t.http.post(`/api/venues/${otherVenueId}/rooms`).set(auth()).send({ name: 'Salle du conseil', capacity: 30 });
      expect(elsewhere.status).toBe(201);

      const other = await t.http.post(`/api/venues/${venueId}/rooms`).set(auth()).send({ name: 'Salle annexe', capacity: 10 });
      const renamed = await t.http.patch(`/api/venues/${venueId}/rooms/${other.body.id}`).set(auth()).send({ name: 'Salle du conseil' });
      expect(renamed.status).toBe(409);
      expectErrorBody(renamed.body, 409, 'ROOM_NAME_TAKEN');
    });

    it('answers 404 for a room reached through another venue, and for an unknown venue', async () => {
      const room = await t.http.post(`/api/venues/${venueId}/rooms`).set(auth()).send({ name: 'Salle privée', capacity: 12 });
      for (const res of [
        await t.http.get(`/api/venues/${otherVenueId}/rooms/${room.body.id}`),
        await t.http.patch(`/api/venues/${otherVenueId}/rooms/${room.body.id}`).set(auth()).send({ capacity: 99 }),
        await t.http.delete(`/api/venues/${otherVenueId}/rooms/${room.body.id}`).set(auth()),
        await t.http.get(`/api/venues/${UNKNOWN}/rooms`),
        await t.http.post(`/api/venues/${UNKNOWN}/rooms`).set(auth()).send({ name: 'x', capacity: 1 }),
      ]) {
        expect(res.status).toBe(404);
        expectErrorBody(res.body, 404, 'NOT_FOUND');
      }
      const still = await t.http.get(`/api/venues/${venueId}/rooms/${room.body.id}`);
      expect(still.body.capacity).toBe(12);
    });

    it('refuses a capacity that is not a positive integer up to 100000', async () => {
      for (const capacity of [0, -1, 1.5, '10', 100001, null, true]) {
        const res = await t.http.post(`/api/venues/${venueId}/rooms`).set(auth()).send({ name: `Capacité ${String(capacity)}`, capacity });
        expect({ capacity, status: res.status }).toEqual({ capacity, status: 400 });
        expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
      }
      const max = await t.http.post(`/api/venues/${venueId}/rooms`).set(auth()).send({ name: 'Stade', capacity: 100000 });
      expect(max.status).toBe(201);
    });
  });

  describe('travel times', () => {
    let cnrs: string;
    let cardin: string;
    let third: string;
    beforeAll(async () => {
      cnrs = await createVenue('CNRS Michel-Ange');
      cardin = await createVenue('Espace Cardin Gabriel');
      third = await createVenue('Troisième lieu');
    });

    it('is not taken for a venue id: GET, PUT and DELETE /api/venues/travel-times reach their own routes', async () => {
      const get = await t.http.get('/api/venues/travel-times');
      expect(get.status).toBe(200);
      expect(Array.isArray(get.body.items)).toBe(true);
      const put = await t.http.put('/api/venues/travel-times').set(auth()).send({});
      expect(put.status).toBe(400);
      expect(put.body.details.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['fromVenueId', 'toVenueId']));
      const del = await t.http.delete('/api/venues/travel-times').set(auth());
      expect(del.status).toBe(400);
      expect(del.body.details.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['fromVenueId', 'toVenueId']));
    });

    it('records one travel time per pair, whatever the order, with the smaller id first as stored', async () => {
      const put = await t.http.put('/api/venues/travel-times').set(auth()).send({ fromVenueId: cardin, toVenueId: cnrs, walkingMinutes: 75, transitMinutes: 30 });
      expect(put.status).toBe(200);
      const [a, b] = [cnrs, cardin].sort();
      expect(put.body).toEqual({
        venueA: { id: a, name: a === cnrs ? 'CNRS Michel-Ange' : 'Espace Cardin Gabriel' },
        venueB: { id: b, name: b === cnrs ? 'CNRS Michel-Ange' : 'Espace Cardin Gabriel' },
        walkingMinutes: 75,
        transitMinutes: 30,
        updatedAt: expect.any(String),
      });

      // The other order, upper-cased ids, replaces the same record; a left-out figure becomes unknown.
      const again = await t.http
        .put('/api/venues/travel-times')
        .set(auth())
        .send({ fromVenueId: cnrs.toUpperCase(), toVenueId: cardin.toUpperCase(), transitMinutes: 25 });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ walkingMinutes: null, transitMinutes: 25 });
      expect(new Date(again.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(put.body.updatedAt).getTime());
      const rows = await t.booted.dataSource.query('SELECT venue_a_id, venue_b_id, walking_minutes, transit_minutes FROM venue_travel_times');
      expect(rows).toEqual([{ venue_a_id: a, venue_b_id: b, walking_minutes: null, transit_minutes: 25 }]);

      await t.http.put('/api/venues/travel-times').set(auth()).send({ fromVenueId: third, toVenueId: cnrs, walkingMinutes: 0 }).expect(200);
      const list = await t.http.get('/api/venues/travel-times');
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(2);
      for (const item of list.body.items) expect(item.venueA.id < item.venueB.id).toBe(true);
      const ofThird = await t.http.get(`/api/venues/travel-times?venueId=${third}`);
      expect(ofThird.body.items).toHaveLength(1);
      expect(ofThird.body.items.every((i: { venueA: { id: string }; venueB: { id: string } }) => i.venueA.id === third || i.venueB.id === third)).toBe(true);
    });

    it('gives the programme the minutes between two venues through VenuesService.travelMinutes', async () => {
      const venues = t.booted.app.get(VenuesService);
      expect(await venues.travelMinutes(cardin, cnrs)).toEqual({ walkingMinutes: null, transitMinutes: 25 });
      expect(await venues.travelMinutes(cnrs, cardin)).toEqual({ walkingMinutes: null, transitMinutes: 25 });
      expect(await venues.travelMinutes(cardin, third)).toBeNull();
      expect(await venues.travelMinutes(cnrs, cnrs)).toEqual({ walkingMinutes: 0, transitMinutes: 0 });
    });

    it('refuses a venue with itself, no minutes at all, and unknown venues with 422', async () => {
      for (const body of [
        { fromVenueId: cnrs, toVenueId: cnrs, walkingMinutes: 5 },
        { fromVenueId: cnrs, toVenueId: cnrs.toUpperCase(), walkingMinutes: 5 },
        { fromVenueId: cnrs, toVenueId: third },
        { fromVenueId: cnrs, toVenueId: third, walkingMinutes: null, transitMinutes: null },
        { fromVenueId: cnrs, toVenueId: UNKNOWN, walkingMinutes: 5 },
      ]) {
        const res = await t.http.put('/api/venues/travel-times').set(auth()).send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 422 });
        expectErrorBody(res.body, 422, 'VALIDATION_FAILED');
      }
    });

    it('forgets a travel time given in either order; 404 when there is none', async () => {
      const res = await t.http.delete(`/api/venues/travel-times?fromVenueId=${cnrs}&toVenueId=${third}`).set(auth());
      expect(res.status).toBe(204);
      expect(await t.booted.app.get(VenuesService).travelMinutes(third, cnrs)).toBeNull();
      const again = await t.http.delete(`/api/venues/travel-times?fromVenueId=${third}&toVenueId=${cnrs}`).set(auth());
      expect(again.status).toBe(404);
      expectErrorBody(again.body, 404, 'NOT_FOUND');
      const same = await t.http.delete(`/api/venues/travel-times?fromVenueId=${cnrs}&toVenueId=${cnrs}`).set(auth());
      expect(same.status).toBe(422);
    });

    it('forgets the travel times of a deleted venue', async () => {
      const gone = await createVenue('Lieu éphémère');
      await t.http.put('/api/venues/travel-times').set(auth()).send({ fromVenueId: gone, toVenueId: cnrs, walkingMinutes: 10 }).expect(200);
      await t.http.delete(`/api/venues/${gone}`).set(auth()).expect(204);
      const list = await t.http.get('/api/venues/travel-times');
      expect(list.body.items.some((i: { venueA: { id: string }; venueB: { id: string } }) => i.venueA.id === gone || i.venueB.id === gone)).toBe(false);
    });
  });
});
