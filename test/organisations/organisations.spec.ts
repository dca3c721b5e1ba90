import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createOrganisation, insertEvent, rowCounts, unique } from './support.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('Organisations (/api/organisations)', () => {
  let t: TestApp;
  let organiser: string;
  let reception: string;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    organiser = await t.tokenFor('organiser');
    reception = await t.tokenFor('reception');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('create, read, update, delete', () => {
    it('creates an organisation, trimming text, and shows it to anyone', async () => {
      const res = await t.http.post('/api/organisations').set(bearer(organiser)).send({
        name: '  Centre national de la recherche scientifique ',
        acronym: ' CNRS ',
        kind: 'research-institute',
        website: 'https://www.cnrs.fr',
        description: 'Organisme public de recherche.\nParis.',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Centre national de la recherche scientifique',
        acronym: 'CNRS',
        kind: 'research-institute',
        website: 'https://www.cnrs.fr',
        description: 'Organisme public de recherche.\nParis.',
        logoUrl: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const read = await t.http.get(`/api/organisations/${res.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(res.body);
    });

    it('needs only a name and a kind; empty optional texts are stored as null', async () => {
      const res = await t.http.post('/api/organisations').set(bearer(organiser)).send({ name: unique('FING'), kind: 'association', acronym: '  ', website: '' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ acronym: null, website: null, description: null, logoUrl: null });
    });

    it('updates some fields, clears others with null, and leaves the rest', async () => {
      const created = await createOrganisation(t, organiser, { acronym: 'AVICCA', website: 'http://www.avicca.org', description: 'x' });
      const res = await t.http
        .patch(`/api/organisations/${created.id}`)
        .set(bearer(organiser))
        .send({ kind: 'local-authority', website: null, description: 'Association des villes' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: created.id, name: created.name, acronym: 'AVICCA', kind: 'local-authority', website: null, description: 'Association des villes' });
      expect((await t.http.get(`/api/organisations/${created.id}`)).body).toEqual(res.body);
      const same = await t.http.patch(`/api/organisations/${created.id}`).set(bearer(organiser)).send({});
      expect(same.status).toBe(200);
      expect(same.body.kind).toBe('local-authority');
    });

    it('deletes an organisation (204), after which it is 404', async () => {
      const created = await createOrganisation(t, organiser);
      const res = await t.http.delete(`/api/organisations/${created.id}`).set(bearer(organiser));
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      const gone = await t.http.get(`/api/organisations/${created.id}`);
      expect(gone.status).toBe(404);
      expectErrorBody(gone.body, 404, 'NOT_FOUND');
      const again = await t.http.delete(`/api/organisations/${created.id}`).set(bearer(organiser));
      expectErrorBody(again.body, 404, 'NOT_FOUND');
    });

    it('answers 404 in the error shape for an unknown id on every route', async () => {
      for (const res of [
        await t.http.get(`/api/organisations/${MISSING}`),
        await t.http.patch(`/api/organisations/${MISSING}`).set(bearer(organiser)).send({ kind: 'other' }),
        await t.http.delete(`/api/organisations/${MISSING}`).set(bearer(organiser)),
      ]) {
        expect(res.status).toBe(404);
        expectErrorBody(res.body, 404, 'NOT_FOUND');
      }
    });
  });

  describe('names are unique', () => {
    it('refuses a second organisation of the same name, whatever its case or spaces (409)', async () => {
      const name = unique('Fondation Internet Nouvelle Génération');
      await createOrganisation(t, organiser, { name });
      const before = await rowCounts(t);
      for (const variant of [name, ` ${name.toUpperCase()} `]) {
        const res = await t.http.post('/api/organisations').set(bearer(organiser)).send({ name: variant, kind: 'association' });
        expect(res.status).toBe(409);
        expectErrorBody(res.body, 409, 'ORGANISATION_NAME_TAKEN');
        expect(res.body.message).toContain(name);
      }
      expect(await rowCounts(t)).toEqual(before);
    });

    it('refuses renaming an organisation to the name of another (409), but allows changing its own case', async () => {
      const first = await createOrganisation(t, organiser);
      const second = await createOrganisation(t, organiser);
      const res = await t.http.patch(`/api/organisations/${second.id}`).set(bearer(organiser)).send({ name: first.name });
      expect(res.status).toBe(409);
      expectErrorBody(res.body, 409, 'ORGANISATION_NAME_TAKEN');
      expect((await t.http.get(`/api/organisations/${second.id}`)).body.name).toBe(second.name);
      const recased = await t.http.patch(`/api/organisations/${first.id}`).set(bearer(organiser)).send({ name: first.name.toUpperCase() });
      expect(recased.status).toBe(200);
      expect(recased.body.name).toBe(first.name.toUpperCase());
    });
  });

  describe('an organisation holding a role on an event', () => {
    it('cannot be deleted (409 with the events named); it can once the role is gone', async () => {
      const organisation = await createOrganisation(t, organiser);
      const eventId = await insertEvent(t);
      const role = await t.http.post(`/api/events/${eventId}/organisations`).set(bearer(organiser)).send({ organisationId: organisation.id, role: 'supporter' });
      expect(role.status).toBe(201);
      const refused = await t.http.delete(`/api/organisations/${organisation.id}`).set(bearer(organiser));
      expect(refused.status).toBe(409);
      expectErrorBody(refused.body, 409, 'ORGANISATION_IN_USE');
      expect(refused.body.message).toContain(organisation.name);
      expect(refused.body.message).toMatch(/still holds 1 role/);
      expect(refused.body.details).toEqual({ roleCount: 1, eventIds: [eventId] });
      expect((await t.http.get(`/api/organisations/${organisation.id}`)).status).toBe(200);
      expect((await t.http.delete(`/api/events/${eventId}/organisations/${role.body.id}`).set(bearer(organiser))).status).toBe(204);
      expect((await t.http.delete(`/api/organisations/${organisation.id}`).set(bearer(organiser))).status).toBe(204);
    });
  });

  describe('list', () => {
    const tag = unique('Liste').replace(' ', '');
    beforeAll(async () => {
      for (const [name, acronym, kind] of [
        [`${tag} Université Paris-Dauphine`, 'UPD', 'university'],
        [`${tag} Agence pour la diffusion`, null, 'public-agency'],
        [`${tag} association des maires`, 'AMF', 'association'],
        [`${tag} Bureau 50% net`, 'B_5', 'company'],
      ]) {
        await createOrganisation(t, organiser, { name, acronym, kind });
      }
    });
    const names = (body: { items: { name: string }[] }) => body.items.map((o) => o.name.slice(tag.length + 1));

    it('is public, paginated, sorted by name without regard to case by default', async () => {
      const res = await t.http.get('/api/organisations').query({ q: tag });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 4 });
      expect(names(res.body)).toEqual(['Agence pour la diffusion', 'association des maires', 'Bureau 50% net', 'Université Paris-Dauphine']);
      expect(res.body.items[0]).toEqual(expect.objectContaining({ id: expect.any(String), logoUrl: null, kind: 'public-agency' }));
      const page2 = await t.http.get('/api/organisations').query({ q: tag, pageSize: 3, page: 2 });
      expect(page2.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
      expect(names(page2.body)).toEqual(['Université Paris-Dauphine']);
    });

    it('sorts by acronym (no acronym last) and by creation, either way', async () => {
      const byAcronym = await t.http.get('/api/organisations').query({ q: tag, sort: 'acronym' });
      expect(byAcronym.body.items.map((o: { acronym: string | null }) => o.acronym)).toEqual(['AMF', 'B_5', 'UPD', null]);
      const desc = await t.http.get('/api/organisations').query({ q: tag, sort: 'acronym', order: 'desc' });
      expect(desc.body.items.map((o: { acronym: string | null }) => o.acronym)).toEqual(['UPD', 'B_5', 'AMF', null]);
      const byCreation = await t.http.get('/api/organisations').query({ q: tag, sort: 'createdAt', order: 'desc' });
      expect(names(byCreation.body)[0]).toBe('Bureau 50% net');
    });

    it('filters by kind, and searches the name or acronym in any case, LIKE wildcards taken literally', async () => {
      expect(names((await t.http.get('/api/organisations').query({ q: tag, kind: 'university' })).body)).toEqual(['Université Paris-Dauphine']);
      expect((await t.http.get('/api/organisations').query({ q: 'amf' })).body.items.map((o: { acronym: string }) => o.acronym)).toContain('AMF');
      expect(names((await t.http.get('/api/organisations').query({ q: `${tag} ASSOCIATION` })).body)).toEqual(['association des maires']);
      expect(names((await t.http.get('/api/organisations').query({ q: `${tag} Bureau 50%` })).body)).toEqual(['Bureau 50% net']);
      expect((await t.http.get('/api/organisations').query({ q: `${tag} %` })).body.total).toBe(0);
      expect((await t.http.get('/api/organisations').query({ q: 'b_5' })).body.total).toBe(1);
      expect((await t.http.get('/api/organisations').query({ q: `${tag}_` })).body.total).toBe(0);
    });
  });

  describe('who may call what', () => {
    it('lets anyone read, asks anonymous writers to sign in (401), and refuses reception (403)', async () => {
      const organisation = await createOrganisation(t, organiser);
      const before = await rowCounts(t);
      const writes = [
        () => t.http.post('/api/organisations').send({ name: unique('Anon'), kind: 'other' }),
        () => t.http.patch(`/api/organisations/${organisation.id}`).send({ kind: 'other' }),
        () => t.http.delete(`/api/organisations/${organisation.id}`),
      ];
      for (const write of writes) {
        const anonymous = await write();
        expect(anonymous.status).toBe(401);
        expectErrorBody(anonymous.body, 401, 'UNAUTHENTICATED');
        const asReception = await write().set(bearer(reception));
        expect(asReception.status).toBe(403);
        expectErrorBody(asReception.body, 403, 'FORBIDDEN');
        const badToken = await write().set(bearer('not-a-real-token'));
        expect(badToken.status).toBe(401);
      }
      expect(await rowCounts(t)).toEqual(before);
      expect((await t.http.get('/api/organisations')).status).toBe(200);
      expect((await t.http.get(`/api/organisations/${organisation.id}`)).status).toBe(200);
      expect((await t.http.get(`/api/organisations/${organisation.id}`).set(bearer(reception))).status).toBe(200);
    });
  });

  describe('hostile input', () => {
    const huge = 'x'.repeat(100_000);
    let target: { id: string; name: string };
    beforeAll(async () => {
      target = await createOrganisation(t, organiser, { acronym: 'TGT' });
    });

    const badBodies: [string, unknown][] = [
      ['no name', { kind: 'association' }],
      ['no kind', { name: unique('No kind') }],
      ['a blank name', { name: '   ', kind: 'association' }],
      ['a name of the wrong type', { name: 42, kind: 'association' }],
      ['a name that is an object', { name: { $ne: null }, kind: 'association' }],
      ['a name that is an array', { name: ['a'], kind: 'association' }],
      ['a 100,000-character name', { name: huge, kind: 'association' }],
      ['a 301-character name', { name: 'n'.repeat(301), kind: 'association' }],
      ['a 100,000-character description', { name: unique('Long'), kind: 'association', description: huge }],
      ['a 51-character acronym', { name: unique('Acr'), kind: 'association', acronym: 'A'.repeat(51) }],
      ['an unknown kind', { name: unique('Kind'), kind: 'cult' }],
      ['a javascript: website', { name: unique('Web'), kind: 'association', website: 'javascript:alert(1)' }],
      ['an ftp website', { name: unique('Web'), kind: 'association', website: 'ftp://example.com' }],
      ['a website that is not a URL', { name: unique('Web'), kind: 'association', website: 'not a url' }],
      ['a 501-character website', { name: unique('Web'), kind: 'association', website: `https://example.com/${'a'.repeat(490)}` }],
      ['a NUL character in the name', { name: 'Nul\u0000Org', kind: 'association' }],
      ['a NUL character in the description', { name: unique('Nul'), kind: 'association', description: 'a\u0000b' }],
      ['an unknown field', { name: unique('Extra'), kind: 'association', isAdmin: true }],
      ['an id', { id: '11111111-1111-4111-8111-111111111111', name: unique('Id'), kind: 'association' }],
      ['a JSON array', [{ name: unique('Array'), kind: 'association' }]],
      ['a JSON string', 'CNRS'],
      ['null', null],
    ];

    it.each(badBodies)('refuses creating with %s (400), storing nothing', async (_case, body) => {
      const before = await rowCounts(t);
      const res = await t.http.post('/api/organisations').set(bearer(organiser)).set('content-type', 'application/json').send(JSON.stringify(body));
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400);
      expect(await rowCounts(t)).toEqual(before);
    });

    it.each([
      ['a null name', { name: null }],
      ['a null kind', { kind: null }],
      ['a 100,000-character name', { name: huge }],
      ['an unknown kind', { kind: 'cult' }],
      ['an unknown field', { logo: 'x' }],
      ['a timestamp', { createdAt: '2000-01-01T00:00:00Z' }],
      ['a website of the wrong type', { website: 12 }],
    ])('refuses updating with %s (400), changing nothing', async (_case, body) => {
      const before = (await t.http.get(`/api/organisations/${target.id}`)).body;
      const res = await t.http.patch(`/api/organisations/${target.id}`).set(bearer(organiser)).send(body as object);
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
      expect((await t.http.get(`/api/organisations/${target.id}`)).body).toEqual(before);
    });

    it('answers malformed JSON with 400 MALFORMED_JSON and a body over 1 MB with 413', async () => {
      const before = await rowCounts(t);
      const malformed = await t.http.post('/api/organisations').set(bearer(organiser)).set('content-type', 'application/json').send('{"name": "x", ');
      expectErrorBody(malformed.body, 400, 'MALFORMED_JSON');
      const patch = await t.http.patch(`/api/organisations/${target.id}`).set(bearer(organiser)).set('content-type', 'application/json').send('{name: x}');
      expectErrorBody(patch.body, 400, 'MALFORMED_JSON');
      const large = await t.http
        .post('/api/organisations')
        .set(bearer(organiser))
        .set('content-type', 'application/json')
        .send(JSON.stringify({ name: 'x', kind: 'other', description: 'd'.repeat(1_100_000) }));
      expect(large.status).toBe(413);
      expectErrorBody(large.body, 413, 'PAYLOAD_TOO_LARGE');
      expect(await rowCounts(t)).toEqual(before);
    });

    it.each(['not-a-uuid', '123', "1' OR '1'='1", `${'a'.repeat(5000)}`, '%E0%A4%A'])('answers a bad id (%s) with 400 on every route', async (id) => {
      const before = await rowCounts(t);
      for (const res of [
        await t.http.get(`/api/organisations/${id}`),
        await t.http.patch(`/api/organisations/${id}`).set(bearer(organiser)).send({ kind: 'other' }),
        await t.http.delete(`/api/organisations/${id}`).set(bearer(organiser)),
      ]) {
        expect(res.status).toBe(400);
        expectErrorBody(res.body, 400);
      }
      expect(await rowCounts(t)).toEqual(before);
    });

    it.each([
      ['page=0', { page: '0' }],
      ['page=abc', { page: 'abc' }],
      ['pageSize=101', { pageSize: '101' }],
      ['pageSize=-1', { pageSize: '-1' }],
      ['page=1.5', { page: '1.5' }],
      ['sort=password', { sort: 'password' }],
      ['sort=name; DROP TABLE organisations', { sort: 'name; DROP TABLE organisations' }],
      ['order=sideways', { order: 'sideways' }],
      ['kind=cult', { kind: 'cult' }],
      // 100,000 characters would not fit in a URL: Node answers 431 before the app sees it.
      ['a 10,000-character q', { q: huge.slice(0, 10_000) }],
      ['q given twice', 'q=a&q=b'],
      ['a NUL character in q', { q: 'a\u0000b' }],
      ['an unknown parameter', { admin: 'true' }],
    ])('refuses a list query with %s (400)', async (_case, query) => {
      const res = await t.http.get('/api/organisations').query(query);
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    });
  });

  it('documents every route with its errors in the OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    const list = doc.paths['/api/organisations'];
    const one = doc.paths['/api/organisations/{id}'];
    expect(Object.keys(list.post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409']));
    expect(list.post.security).toBeDefined();
    expect(list.get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['page', 'pageSize', 'order', 'kind', 'q', 'sort']));
    expect(Object.keys(one.get.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
    expect(Object.keys(one.patch.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404', '409']));
    expect(Object.keys(one.delete.responses)).toEqual(expect.arrayContaining(['204', '401', '403', '404', '409']));
    expect(doc.components.schemas.OrganisationResponse.properties.logoUrl).toBeDefined();
    expect(doc.components.schemas.CreateOrganisationDto.required).toEqual(expect.arrayContaining(['name', 'kind']));
  });
});
