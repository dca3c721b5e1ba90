import { DemoDataSeeder } from '../../src/seed/demo-data.seeder.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('The demo data set (npm run seed:demo)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('loads rooms, a travel time, a reception account and a sponsor, all marked « démo », once', async () => {
    const first = await t.booted.app.get(DemoDataSeeder).seed();
    expect(first.length).toBe(8);
    expect(await t.booted.app.get(DemoDataSeeder).seed()).toEqual([]);
    const rooms: { name: string }[] = await t.booted.dataSource.query('SELECT name FROM rooms ORDER BY name');
    expect(rooms).toHaveLength(4);
    expect(rooms.every((r) => r.name.includes('(démo)'))).toBe(true);
    const travel = await t.http.get('/api/venues/travel-times');
    expect(travel.body.items).toHaveLength(1);
    expect(travel.body.items[0]).toMatchObject({ transitMinutes: 30, walkingMinutes: 60 });
    const token = await t.login('accueil.demo@example.org', 'accueil-demo-2012');
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).body.roles).toEqual(['reception']);
    const colloquium = (await t.http.get('/api/events?slug=vtn2012')).body.items[0];
    const sponsors = (await t.http.get(`/api/events/${colloquium.id}/organisations?role=sponsor`)).body.items;
    expect(sponsors).toEqual([expect.objectContaining({ sponsorTier: 'or (démo)', organisation: expect.objectContaining({ name: 'Exemple SARL (démo)' }) })]);
  });
});
