import { ReferenceDataSeeder } from '../../src/seed/reference-data.seeder.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('The 2012 reference data', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(async () => {
    await t?.close();
  });

  const counts = async () =>
    (
      await t.booted.dataSource.query(
        `SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM venues)::int AS venues,
                (SELECT count(*) FROM organisations)::int AS organisations, (SELECT count(*) FROM event_organisations)::int AS roles`,
      )
    )[0];

  it('has the colloquium: 6–7 February 2012 at the CNRS, 3 rue Michel-Ange, 75016 Paris', async () => {
    const res = await t.http.get('/api/events?slug=vtn2012');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const colloquium = res.body.items[0];
    expect(colloquium).toMatchObject({
      kind: 'colloquium',
      nameFr: 'Colloque international « Villes et territoires numériques »',
      themeFr: 'Société de l’information, société de la connaissance : le rôle des collectivités locales',
      timeZone: 'Europe/Paris',
      allDay: true,
      startDate: '2012-02-06',
      endDate: '2012-02-07',
      website: 'http://www.vtn2012.fr',
      contactEmail: 'label@villes-internet.net',
      contactPhone: '01 47 68 53 76',
    });
    expect(colloquium.venues).toEqual([
      expect.objectContaining({ name: 'CNRS', streetAddress: '3 rue Michel-Ange', postcode: '75016', city: 'Paris' }),
    ]);
  });

  it('has the ceremony: 6 February 2012, 18:00–21:00 in Paris (17:00Z), at Espace Cardin, linked to the colloquium', async () => {
    const colloquium = (await t.http.get('/api/events?slug=vtn2012')).body.items[0];
    const res = await t.http.get('/api/events?slug=label2012');
    const ceremony = res.body.items[0];
    expect(ceremony).toMatchObject({
      kind: 'ceremony',
      nameFr: 'Remise du Label Ville Internet 2012',
      parentEventId: colloquium.id,
      startsAt: '2012-02-06T18:00:00+01:00',
      endsAt: '2012-02-06T21:00:00+01:00',
      startsAtUtc: '2012-02-06T17:00:00.000Z',
      endsAtUtc: '2012-02-06T20:00:00.000Z',
      website: 'http://www.villes-internet.net',
    });
    expect(new Date(ceremony.startsAt).toISOString()).toBe('2012-02-06T17:00:00.000Z');
    expect(ceremony.venues).toEqual([
      expect.objectContaining({ name: 'Espace Cardin', streetAddress: '1 avenue Gabriel', postcode: '75008', city: 'Paris' }),
    ]);
    const detail = await t.http.get(`/api/events/${colloquium.id}`);
    expect(detail.body.linkedEvents).toEqual([expect.objectContaining({ id: ceremony.id, startsAt: '2012-02-06T18:00:00+01:00' })]);
  });

  it('has the four co-organisers and the six supporters of the colloquium, in the press release’s order', async () => {
    const colloquium = (await t.http.get('/api/events?slug=vtn2012')).body.items[0];
    const res = await t.http.get(`/api/events/${colloquium.id}/organisations?pageSize=100`);
    expect(res.status).toBe(200);
    const byRole = (role: string) =>
      res.body.items.filter((r: { role: string }) => r.role === role).map((r: { organisation: { name: string } }) => r.organisation.name);
    expect(byRole('co-organiser')).toEqual([
      'Association des Villes Internet',
      'Projet KNetworks',
      'Université Toulouse Le Mirail',
      'Institut des Sciences de la Communication du CNRS',
    ]);
    expect(byRole('supporter')).toEqual([
      'Ministère de la Ville',
      'Mutuelle Nationale Territoriale',
      'Comité Interministériel des Villes',
      'Délégation aux Usages de l’Internet',
      'Commission « Geography of the Information Society »',
      'Agence Universitaire de la Francophonie',
    ]);
    expect(res.body.total).toBe(10);
  });

  it('has the minister’s patronage of the ceremony', async () => {
    const ceremony = (await t.http.get('/api/events?slug=label2012')).body.items[0];
    const res = await t.http.get(`/api/events/${ceremony.id}/organisations`);
    const patron = res.body.items.find((r: { role: string }) => r.role === 'patron');
    expect(patron).toMatchObject({
      note: 'Sous le parrainage de Maurice Leroy, Ministre de la Ville',
      organisation: { name: 'Ministère de la Ville', kind: 'ministry' },
    });
    const orgs = await t.http.get('/api/organisations?pageSize=100');
    expect(orgs.body.total).toBe(10);
    expect(orgs.body.items.find((o: { acronym: string }) => o.acronym === 'ISCC').name).toBe('Institut des Sciences de la Communication du CNRS');
  });

  it('invents nothing: no rooms, no coordinates, no people', async () => {
    const rows = await t.booted.dataSource.query(
      `SELECT (SELECT count(*) FROM rooms)::int AS rooms, (SELECT count(*) FROM venues WHERE latitude IS NOT NULL)::int AS located,
              (SELECT count(*) FROM users)::int AS users`,
    );
    expect(rows[0]).toEqual({ rooms: 0, located: 0, users: 1 });
  });

  it('loads again without duplicating anything or overwriting what an organiser changed or deleted', async () => {
    const before = await counts();
    const ceremony = (await t.http.get('/api/events?slug=label2012')).body.items[0];
    await t.http.patch(`/api/events/${ceremony.id}`).set('Authorization', `Bearer ${admin}`).send({ nameFr: 'Remise du Label (renommée)' }).expect(200);
    const colloquium = (await t.http.get('/api/events?slug=vtn2012')).body.items[0];
    await t.http.patch(`/api/events/${colloquium.id}`).set('Authorization', `Bearer ${admin}`).send({ venueIds: [] }).expect(200);
    const cnrs = await t.booted.dataSource.query(`SELECT id FROM venues WHERE name = 'CNRS'`);
    await t.http.delete(`/api/venues/${cnrs[0].id}`).set('Authorization', `Bearer ${admin}`).expect(204);
    const roles = (await t.http.get(`/api/events/${ceremony.id}/organisations`)).body.items;
    const patron = roles.find((r: { role: string }) => r.role === 'patron');
    await t.http.delete(`/api/events/${ceremony.id}/organisations/${patron.id}`).set('Authorization', `Bearer ${admin}`).expect(204);

    await t.booted.app.get(ReferenceDataSeeder).seed();
    await t.booted.app.get(ReferenceDataSeeder).seed();

    const after = await counts();
    expect(after).toEqual({ ...before, venues: before.venues - 1, roles: before.roles - 1 });
    expect((await t.http.get(`/api/events/${ceremony.id}`)).body.nameFr).toBe('Remise du Label (renommée)');
    expect((await t.http.get(`/api/events/${colloquium.id}`)).body.venues).toEqual([]);
  });
});
