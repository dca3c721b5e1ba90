import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createOrganisation, insertEvent, rowCounts, unique } from './support.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('Roles of organisations on an event (/api/events/:eventId/organisations)', () => {
  let t: TestApp;
  let organiser: string;
  let reception: string;
  let eventId: string;
  let otherEventId: string;
  const url = (event = eventId) => `/api/events/${event}/organisations`;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    organiser = await t.tokenFor('organiser');
    reception = await t.tokenFor('reception');
    eventId = await insertEvent(t, 'Villes et territoires numériques 2012');
    otherEventId = await insertEvent(t, 'Label Ville Internet 2012');
  });
  afterAll(async () => {
    await t?.close();
  });

  const addRole = async (body: Record<string, unknown>, event = eventId) => {
    const res = await t.http.post(url(event)).set(bearer(organiser)).send(body);
    if (res.status !== 201) throw new Error(`add role failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };

  describe('adding, changing and removing roles', () => {
    it('gives an organisation a role, with the organisation shown in short', async () => {
      const organisation = await createOrganisation(t, organiser, { acronym: 'AVICCA', kind: 'association', website: 'https://www.avicca.org' });
      const res = await t.http.post(url()).set(bearer(organiser)).send({ organisationId: organisation.id, role: 'co-organiser', note: 'co-organisé par' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        eventId,
        role: 'co-organiser',
        sponsorTier: null,
        displayOrder: 0,
        note: 'co-organisé par',
        organisation: { id: organisation.id, name: organisation.name, acronym: 'AVICCA', kind: 'association', website: 'https://www.avicca.org', logoUrl: null },
      });
    });

    it('lets one organisation hold several roles on an event and the same role on another event', async () => {
      const organisation = await createOrganisation(t, organiser);
      await addRole({ organisationId: organisation.id, role: 'supporter' });
      await addRole({ organisationId: organisation.id, role: 'media' });
      await addRole({ organisationId: organisation.id, role: 'supporter' }, otherEventId);
    });

    it('refuses the same organisation in the same role twice on an event (409), changing nothing', async () => {
      const organisation = await createOrganisation(t, organiser);
      await addRole({ organisationId: organisation.id, role: 'patron' });
      const before = await rowCounts(t);
      const res = await t.http.post(url()).set(bearer(organiser)).send({ organisationId: organisation.id, role: 'patron', displayOrder: 3 });
      expect(res.status).toBe(409);
      expectErrorBody(res.body, 409, 'ROLE_ALREADY_HELD');
      expect(res.body.message).toMatch(/already patron/);
      expect(await rowCounts(t)).toEqual(before);
    });

    it('refuses changing a role into one the organisation already holds on the event (409)', async () => {
      const organisation = await createOrganisation(t, organiser);
      await addRole({ organisationId: organisation.id, role: 'partner' });
      const media = await addRole({ organisationId: organisation.id, role: 'media' });
      const res = await t.http.patch(`${url()}/${media.id}`).set(bearer(organiser)).send({ role: 'partner' });
      expect(res.status).toBe(409);
      expectErrorBody(res.body, 409, 'ROLE_ALREADY_HELD');
    });

    it('keeps a sponsor tier for sponsors only (422 otherwise), and clears it with null', async () => {
      const organisation = await createOrganisation(t, organiser, { kind: 'company' });
      const before = await rowCounts(t);
      const refused = await t.http.post(url()).set(bearer(organiser)).send({ organisationId: organisation.id, role: 'supporter', sponsorTier: 'gold' });
      expect(refused.status).toBe(422);
      expectErrorBody(refused.body, 422, 'VALIDATION_FAILED');
      expect(refused.body.message).toMatch(/sponsorTier is only for the role sponsor/);
      expect(await rowCounts(t)).toEqual(before);

      const sponsor = await t.http.post(url()).set(bearer(organiser)).send({ organisationId: organisation.id, role: 'sponsor', sponsorTier: ' gold ' });
      expect(sponsor.status).toBe(201);
      expect(sponsor.body).toMatchObject({ role: 'sponsor', sponsorTier: 'gold' });

      const demote = await t.http.patch(`${url()}/${sponsor.body.id}`).set(bearer(organiser)).send({ role: 'supporter' });
      expect(demote.status).toBe(422);
      expectErrorBody(demote.body, 422, 'VALIDATION_FAILED');
      const tierElsewhere = await t.http.patch(`${url()}/${sponsor.body.id}`).set(bearer(organiser)).send({ role: 'partner', sponsorTier: 'silver' });
      expect(tierElsewhere.status).toBe(422);

      const cleared = await t.http.patch(`${url()}/${sponsor.body.id}`).set(bearer(organiser)).send({ role: 'supporter', sponsorTier: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ role: 'supporter', sponsorTier: null });
    });

    it('changes the display order and the note, and clears the note with null', async () => {
      const organisation = await createOrganisation(t, organiser);
      const role = await addRole({ organisationId: organisation.id, role: 'partner', note: 'en partenariat avec' });
      const res = await t.http.patch(`${url()}/${role.id}`).set(bearer(organiser)).send({ displayOrder: 7, note: null });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: role.id, role: 'partner', displayOrder: 7, note: null, organisation: { id: organisation.id } });
    });

    it('removes a role (204); removing it again is 404', async () => {
      const organisation = await createOrganisation(t, organiser);
      const role = await addRole({ organisationId: organisation.id, role: 'media' });
      expect((await t.http.delete(`${url()}/${role.id}`).set(bearer(organiser))).status).toBe(204);
      const again = await t.http.delete(`${url()}/${role.id}`).set(bearer(organiser));
      expect(again.status).toBe(404);
      expectErrorBody(again.body, 404, 'NOT_FOUND');
    });
  });

  describe('what is missing is 404 (or 422 for an organisation named in the body)', () => {
    it('answers 404 for an unknown event on every route', async () => {
      const organisation = await createOrganisation(t, organiser);
      const role = await addRole({ organisationId: organisation.id, role: 'supporter' });
      for (const res of [
        await t.http.get(url(MISSING)),
        await t.http.post(url(MISSING)).set(bearer(organiser)).send({ organisationId: organisation.id, role: 'media' }),
        await t.http.patch(`${url(MISSING)}/${role.id}`).set(bearer(organiser)).send({ displayOrder: 1 }),
        await t.http.delete(`${url(MISSING)}/${role.id}`).set(bearer(organiser)),
      ]) {
        expect(res.status).toBe(404);
        expectErrorBody(res.body, 404, 'NOT_FOUND');
        expect(res.body.message).toBe('Event not found');
      }
    });

    it('answers 404 for a role of another event, which stays as it was', async () => {
      const organisation = await createOrganisation(t, organiser);
      const elsewhere = await addRole({ organisationId: organisation.id, role: 'supporter', displayOrder: 2 }, otherEventId);
      for (const res of [
        await t.http.patch(`${url()}/${elsewhere.id}`).set(bearer(organiser)).send({ displayOrder: 9 }),
        await t.http.delete(`${url()}/${elsewhere.id}`).set(bearer(organiser)),
        await t.http.patch(`${url()}/${MISSING}`).set(bearer(organiser)).send({ displayOrder: 9 }),
      ]) {
        expect(res.status).toBe(404);
        expectErrorBody(res.body, 404, 'NOT_FOUND');
      }
      const list = await t.http.get(url(otherEventId)).query({ pageSize: 100 });
      expect(list.body.items.find((r: { id: string }) => r.id === elsewhere.id)).toMatchObject({ displayOrder: 2 });
    });

    it('answers 422 naming the organisation when it does not exist', async () => {
      const before = await rowCounts(t);
      const res = await t.http.post(url()).set(bearer(organiser)).send({ organisationId: MISSING, role: 'supporter' });
      expect(res.status).toBe(422);
      expectErrorBody(res.body, 422, 'VALIDATION_FAILED');
      expect(res.body.message).toContain(MISSING);
      expect(await rowCounts(t)).toEqual(before);
    });
  });

  describe('the list', () => {
    it('is public and ordered by role, then display order, then name, with each organisation in short', async () => {
      const event = await insertEvent(t);
      const make = (name: string, acronym?: string) => createOrganisation(t, organiser, { name: unique(name), acronym });
      const [cnrs, fing, ministere, a, b, presse] = await Promise.all([
        make('CNRS', 'CNRS'),
        make('FING', 'FING'),
        make('Ministère de la Ville'),
        make('Alpha'),
        make('Beta'),
        make('Presse'),
      ]);
      await addRole({ organisationId: presse.id, role: 'media' }, event);
      await addRole({ organisationId: b.id, role: 'supporter', displayOrder: 1 }, event);
      await addRole({ organisationId: a.id, role: 'supporter', displayOrder: 1 }, event);
      await addRole({ organisationId: ministere.id, role: 'patron', note: 'sous le parrainage de Maurice Leroy, Ministre de la Ville' }, event);
      await addRole({ organisationId: fing.id, role: 'co-organiser', displayOrder: 2 }, event);
      await addRole({ organisationId: cnrs.id, role: 'co-organiser', displayOrder: 1 }, event);
      await addRole({ organisationId: a.id, role: 'sponsor', sponsorTier: 'or' }, event);

      const res = await t.http.get(url(event));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 7 });
      const order = res.body.items.map((r: { role: string; organisation: { id: string } }) => [r.role, r.organisation.id]);
      expect(order).toEqual([
        ['co-organiser', cnrs.id],
        ['co-organiser', fing.id],
        ['patron', ministere.id],
        ['supporter', a.id],
        ['supporter', b.id],
        ['sponsor', a.id],
        ['media', presse.id],
      ]);
      expect(res.body.items[0].organisation).toEqual({ id: cnrs.id, name: cnrs.name, acronym: 'CNRS', kind: 'association', website: null, logoUrl: null });
      expect(res.body.items[5]).toMatchObject({ sponsorTier: 'or' });

      const supporters = await t.http.get(url(event)).query({ role: 'supporter' });
      expect(supporters.body.total).toBe(2);
      const page = await t.http.get(url(event)).query({ pageSize: 2, page: 2 });
      expect(page.body.items.map((r: { organisation: { id: string } }) => r.organisation.id)).toEqual([ministere.id, a.id]);
      expect((await t.http.get(url(await insertEvent(t)))).body).toEqual({ items: [], page: 1, pageSize: 20, total: 0 });
    });
  });

  describe('who may call what', () => {
    it('lets anyone read, asks anonymous writers to sign in (401), and refuses reception (403)', async () => {
      const organisation = await createOrganisation(t, organiser);
      const role = await addRole({ organisationId: organisation.id, role: 'partner' });
      const before = await rowCounts(t);
      const writes = [
        () => t.http.post(url()).send({ organisationId: organisation.id, role: 'media' }),
        () => t.http.patch(`${url()}/${role.id}`).send({ displayOrder: 4 }),
        () => t.http.delete(`${url()}/${role.id}`),
      ];
      for (const write of writes) {
        expectErrorBody((await write()).body, 401, 'UNAUTHENTICATED');
        expectErrorBody((await write().set(bearer(reception))).body, 403, 'FORBIDDEN');
      }
      expect(await rowCounts(t)).toEqual(before);
      expect((await t.http.get(url())).status).toBe(200);
    });
  });

  describe('hostile input', () => {
    let organisationId: string;
    let roleId: string;
    beforeAll(async () => {
      organisationId = (await createOrganisation(t, organiser)).id;
      roleId = (await addRole({ organisationId, role: 'supporter', note: 'kept' })).id;
    });
    const huge = 'x'.repeat(100_000);

    it.each([
      ['no organisation', () => ({ role: 'supporter' })],
      ['no role', () => ({ organisationId })],
      ['an organisation id that is not a uuid', () => ({ organisationId: 'cnrs', role: 'supporter' })],
      ['an organisation id that is a number', () => ({ organisationId: 12, role: 'supporter' })],
      ['an unknown role', () => ({ organisationId, role: 'overlord' })],
      ['a role of the wrong type', () => ({ organisationId, role: ['sponsor'] })],
      ['a negative display order', () => ({ organisationId, role: 'media', displayOrder: -1 })],
      ['a fractional display order', () => ({ organisationId, role: 'media', displayOrder: 1.5 })],
      ['a display order as text', () => ({ organisationId, role: 'media', displayOrder: '1' })],
      ['a display order beyond integers', () => ({ organisationId, role: 'media', displayOrder: 2 ** 40 })],
      ['a null display order', () => ({ organisationId, role: 'media', displayOrder: null })],
      ['a 100,000-character note', () => ({ organisationId, role: 'media', note: huge })],
      ['a 100,000-character sponsor tier', () => ({ organisationId, role: 'sponsor', sponsorTier: huge })],
      ['a NUL in the note', () => ({ organisationId, role: 'media', note: 'a\u0000b' })],
      ['an unknown field', () => ({ organisationId, role: 'media', eventId: MISSING })],
    ])('refuses adding with %s (400), storing nothing', async (_case, body) => {
      const before = await rowCounts(t);
      const res = await t.http.post(url()).set(bearer(organiser)).send(body());
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
      expect(await rowCounts(t)).toEqual(before);
    });

    it.each([
      ['a null role', { role: null }],
      ['a null display order', { displayOrder: null }],
      ['an unknown role', { role: 'overlord' }],
      ['another organisation', { organisationId: MISSING }],
      ['a 100,000-character note', { note: huge }],
      ['an unknown field', { createdAt: 'now' }],
    ])('refuses changing with %s (400), changing nothing', async (_case, body) => {
      const res = await t.http.patch(`${url()}/${roleId}`).set(bearer(organiser)).send(body);
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
      const list = await t.http.get(url()).query({ pageSize: 100 });
      expect(list.body.items.find((r: { id: string }) => r.id === roleId)).toMatchObject({ role: 'supporter', note: 'kept', displayOrder: 0 });
    });

    it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
      const post = await t.http.post(url()).set(bearer(organiser)).set('content-type', 'application/json').send('{"role":');
      expectErrorBody(post.body, 400, 'MALFORMED_JSON');
      const patch = await t.http.patch(`${url()}/${roleId}`).set(bearer(organiser)).set('content-type', 'application/json').send('[1,');
      expectErrorBody(patch.body, 400, 'MALFORMED_JSON');
    });

    it.each(['not-a-uuid', "x' OR 1=1 --", '1'])('answers a bad event or role id (%s) with 400', async (bad) => {
      const before = await rowCounts(t);
      for (const res of [
        await t.http.get(url(bad)),
        await t.http.post(url(bad)).set(bearer(organiser)).send({ organisationId, role: 'media' }),
        await t.http.patch(`${url()}/${bad}`).set(bearer(organiser)).send({ displayOrder: 1 }),
        await t.http.delete(`${url()}/${bad}`).set(bearer(organiser)),
        await t.http.patch(`${url(bad)}/${roleId}`).set(bearer(organiser)).send({ displayOrder: 1 }),
      ]) {
        expect(res.status).toBe(400);
        expectErrorBody(res.body, 400);
      }
      expect(await rowCounts(t)).toEqual(before);
    });

    it.each([
      ['pageSize=1000', { pageSize: '1000' }],
      ['role=overlord', { role: 'overlord' }],
      ['order=desc (the order is fixed)', { order: 'desc' }],
      ['an unknown parameter', { x: '1' }],
    ])('refuses a list query with %s (400)', async (_case, query) => {
      const res = await t.http.get(url()).query(query);
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    });
  });

  describe('putting the organisations of one role in a new display order (PUT …/organisations/order)', () => {
    let event: string;
    let a: string;
    let b: string;
    let c: string;
    let sponsor: string;
    const order = (event: string) => `${url(event)}/order`;
    const supporters = async () =>
      ((await t.http.get(url(event)).query({ role: 'supporter' })).body.items as Array<{ id: string; displayOrder: number }>).map((r) => [r.id, r.displayOrder]);

    beforeAll(async () => {
      event = await insertEvent(t);
      const orgs = await Promise.all(['Ministère de la Ville', 'Mutuelle Nationale Territoriale', 'Agence Universitaire de la Francophonie'].map((name) => createOrganisation(t, organiser, { name: unique(name) })));
      a = (await addRole({ organisationId: orgs[0].id, role: 'supporter' }, event)).id;
      b = (await addRole({ organisationId: orgs[1].id, role: 'supporter' }, event)).id;
      c = (await addRole({ organisationId: orgs[2].id, role: 'supporter' }, event)).id;
      sponsor = (await addRole({ organisationId: orgs[0].id, role: 'sponsor', sponsorTier: 'or', displayOrder: 7 }, event)).id;
    });

    it('numbers the roles 0, 1, 2… in the order given, answers them in that order, and leaves the other roles alone', async () => {
      const res = await t.http.put(order(event)).set(bearer(organiser)).send({ role: 'supporter', roleIds: [c, a, b] });
      expect(res.status).toBe(200);
      expect(res.body.map((r: { id: string; displayOrder: number; role: string }) => [r.id, r.displayOrder, r.role])).toEqual([
        [c, 0, 'supporter'],
        [a, 1, 'supporter'],
        [b, 2, 'supporter'],
      ]);
      expect(res.body[0].organisation.name).toMatch(/^Agence Universitaire/);
      expect(await supporters()).toEqual([
        [c, 0],
        [a, 1],
        [b, 2],
      ]);
      const sponsors = (await t.http.get(url(event)).query({ role: 'sponsor' })).body.items;
      expect(sponsors.map((r: { id: string; displayOrder: number }) => [r.id, r.displayOrder])).toEqual([[sponsor, 7]]);
    });

    it.each([
      ['a role left out', () => [c, a], () => ({ missingRoleIds: [b], unknownRoleIds: [] })],
      ['a role of another kind', () => [c, a, b, sponsor], () => ({ missingRoleIds: [], unknownRoleIds: [sponsor] })],
      ['a role of another event', () => [c, a, b, MISSING], () => ({ missingRoleIds: [], unknownRoleIds: [MISSING] })],
    ])('refuses a list with %s (409 ROLE_ORDER_STALE naming the difference), changing nothing', async (_case, ids, details) => {
      const before = await supporters();
      const res = await t.http.put(order(event)).set(bearer(organiser)).send({ role: 'supporter', roleIds: ids() });
      expect(res.status).toBe(409);
      expectErrorBody(res.body, 409, 'ROLE_ORDER_STALE');
      expect(res.body.details).toEqual({ role: 'supporter', ...details() });
      expect(await supporters()).toEqual(before);
    });

    it.each([
      ['the same role twice', () => ({ role: 'supporter', roleIds: [c, a, b, a] })],
      ['no role ids', () => ({ role: 'supporter', roleIds: [] })],
      ['ids that are not uuids', () => ({ role: 'supporter', roleIds: ['1', '2'] })],
      ['role ids as a string', () => ({ role: 'supporter', roleIds: c })],
      ['an unknown role', () => ({ role: 'overlord', roleIds: [c, a, b] })],
      ['no role', () => ({ roleIds: [c, a, b] })],
      ['a null list', () => ({ role: 'supporter', roleIds: null })],
      ['an unknown field', () => ({ role: 'supporter', roleIds: [c, a, b], eventId: MISSING })],
      ['501 ids', () => ({ role: 'supporter', roleIds: Array.from({ length: 501 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) })],
    ])('refuses %s (400), changing nothing', async (_case, body) => {
      const before = await supporters();
      const res = await t.http.put(order(event)).set(bearer(organiser)).send(body());
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
      expect(await supporters()).toEqual(before);
    });

    it('answers 404 for an unknown event, 401 without a session and 403 to reception, changing nothing', async () => {
      const before = await supporters();
      expectErrorBody((await t.http.put(order(MISSING)).set(bearer(organiser)).send({ role: 'supporter', roleIds: [a] })).body, 404, 'NOT_FOUND');
      expect((await t.http.put(order(event)).send({ role: 'supporter', roleIds: [b, a, c] })).status).toBe(401);
      expect((await t.http.put(order(event)).set(bearer(reception)).send({ role: 'supporter', roleIds: [b, a, c] })).status).toBe(403);
      expect(await supporters()).toEqual(before);
    });

    it('is documented with its body, its answer and its errors', async () => {
      const doc = (await t.http.get('/docs-json')).body;
      const put = doc.paths['/api/events/{eventId}/organisations/order'].put;
      expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']));
      expect(put.responses['200'].content['application/json'].schema).toEqual({ type: 'array', items: { $ref: '#/components/schemas/EventOrganisationResponse' } });
      expect(put.security).toBeDefined();
    });
  });

  it('documents every route with its errors in the OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    const list = doc.paths['/api/events/{eventId}/organisations'];
    const one = doc.paths['/api/events/{eventId}/organisations/{roleId}'];
    expect(Object.keys(list.get.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
    expect(Object.keys(list.post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409', '422']));
    expect(Object.keys(one.patch.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409', '422']));
    expect(Object.keys(one.delete.responses)).toEqual(expect.arrayContaining(['204', '401', '403', '404']));
    expect(one.delete.security).toBeDefined();
  });
});
