import { SpeakersService } from '../../src/speakers/speakers.service.js';
import { UsersService } from '../../src/users/users.service.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, signUp } from './support.js';

describe('Speakers: the organisers’ directory and the service other modules use', () => {
  let t: TestApp;
  let organiser: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // no outbox worker: its poll would be counted among the statements counted below
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0' });
    organiser = await t.tokenFor('organiser');
    const people = [
      ['helene', 'Hélène', 'Dupré', 'CNRS', 'FR', 'helene@example.org'],
      ['jean', 'Jean-Noël', 'd’Alembert', 'Université Paris 8', 'FR', 'jn@example.org'],
      ['eleni', 'Ελένη', 'Παπαδοπούλου', 'Πανεπιστήμιο Αθηνών', 'GR', 'eleni@example.gr'],
      ['anna', 'Анна', 'Дюпре', 'МГУ', 'RU', 'anna@example.ru'],
      ['wild', 'Percent', '100%_Sure', 'Lab_1', 'CA', 'wild@example.ca'],
      ['zoe', 'Zoé', 'Martin', 'Université de Montréal', 'CA', 'zoe.martin@example.ca'],
    ];
    for (const [key, firstName, lastName, affiliation, countryCode, email] of people) {
      ids[key] = (await signUp(t, { firstName, lastName, affiliation, countryCode, email })).userId;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = (query: Record<string, unknown>) => t.http.get('/api/speakers').query(query).set(bearer(organiser));
  const found = async (q: string) => ((await list({ q, pageSize: 100 })).body.items as { userId: string }[]).map((i) => i.userId).sort();

  it.each([
    ['helene dupre', ['helene']],
    ['DUPRÉ', ['helene']],
    ['Hélène', ['helene']],
    ['  HELENE   DUPRE ', ['helene']],
    ['dupre helene', ['helene']],
    ['dalembert', []],
    ["d'alembert", ['jean']],
    ['jean-noel', ['jean']],
    ['ελενη', ['eleni']],
    ['ΠΑΠΑΔΟΠΟΎΛΟΥ', ['eleni']],
    ['дюпре', ['anna']],
    ['paris 8', ['jean']],
    ['EXAMPLE.CA', ['wild', 'zoe']],
    ['montreal', ['zoe']],
    ['%', ['wild']],
    ['_', ['wild']],
    ['100%_', ['wild']],
    ['nobody at all', []],
  ])('q=%p finds %p', async (q, keys) => {
    expect(await found(q)).toEqual(keys.map((k) => ids[k]).sort());
  });

  it('sorts by last name, first name or creation date, both ways, and paginates', async () => {
    const all = await list({ pageSize: 100 });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(6);
    const lastNames = (all.body.items as { lastName: string }[]).map((i) => i.lastName);
    expect(lastNames.slice(0, 4)).toEqual(['100%_Sure', 'd’Alembert', 'Dupré', 'Martin']);
    const byFirst = await list({ sort: 'firstName', order: 'desc', pageSize: 100 });
    expect(byFirst.body.items[byFirst.body.items.length - 1].firstName).toBe('Hélène');
    const byCreation = await list({ sort: 'createdAt', pageSize: 100 });
    expect(byCreation.body.items[0].userId).toBe(ids.helene);
    const page2 = await list({ pageSize: 2, page: 2 });
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 6 });
    expect(page2.body.items.map((i: { lastName: string }) => i.lastName)).toEqual(['Dupré', 'Martin']);
    expect(JSON.stringify(all.body)).not.toMatch(/password|scrypt/i);
  });

  it('refuses bad list queries with 400', async () => {
    for (const query of [{ sort: 'email' }, { pageSize: 1000 }, { page: 0 }, { q: 'x'.repeat(101) }, { order: 'up' }, { unknown: 1 }]) {
      const res = await list(query);
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400);
    }
  });

  it('shows one speaker to organisers; any other account or id is 404', async () => {
    const res = await t.http.get(`/api/speakers/${ids.zoe}`).set(bearer(organiser));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: ids.zoe, firstName: 'Zoé', lastName: 'Martin', email: 'zoe.martin@example.ca', hasPhoto: false });
    const organiserId = (await t.http.get('/api/auth/me').set(bearer(organiser))).body.id;
    for (const id of [organiserId, '00000000-0000-4000-8000-000000000000']) {
      const missing = await t.http.get(`/api/speakers/${id}`).set(bearer(organiser));
      expect(missing.status).toBe(404);
      expectErrorBody(missing.body, 404, 'NOT_FOUND');
    }
    expect((await t.http.get('/api/speakers/123').set(bearer(organiser))).status).toBe(400);
    const speakerToken = (await signUp(t, { firstName: 'Other', lastName: 'Speaker', email: 'other@example.net' })).token;
    expect((await t.http.get(`/api/speakers/${ids.zoe}`).set(bearer(speakerToken))).status).toBe(403);
    expect((await t.http.get('/api/speakers').set(bearer(speakerToken))).status).toBe(403);
  });

  describe('SpeakersService (for submissions and the programme)', () => {
    const service = () => t.booted.app.get(SpeakersService);

    it('summaries: one map for many ids, leaving out those that are not speakers', async () => {
      const organiserId = (await t.http.get('/api/auth/me').set(bearer(organiser))).body.id;
      const map = await service().summaries([ids.helene, ids.eleni, ids.helene, organiserId, '00000000-0000-4000-8000-000000000000', 'junk']);
      expect([...map.keys()].sort()).toEqual([ids.helene, ids.eleni].sort());
      expect(map.get(ids.helene)).toEqual({
        userId: ids.helene,
        firstName: 'Hélène',
        lastName: 'Dupré',
        affiliation: 'CNRS',
        countryCode: 'FR',
        email: 'helene@example.org',
      });
      expect((await service().summaries([])).size).toBe(0);
    });

    it('summaries takes one query whatever the number of ids', async () => {
      const queries: string[] = [];
      const logger = t.booted.dataSource.logger;
      const original = logger.logQuery.bind(logger);
      // every statement TypeORM sends goes through logger.logQuery, whatever the logging options
      logger.logQuery = (query, parameters, runner) => {
        queries.push(query);
        return original(query, parameters, runner);
      };
      try {
        await service().summaries(Object.values(ids));
      } finally {
        logger.logQuery = original;
      }
      expect(queries.filter((q) => /^\s*SELECT/i.test(q))).toHaveLength(1);
    });

    it('findSpeakerByEmail: any case, speakers only', async () => {
      expect(await service().findSpeakerByEmail('  ZOE.Martin@Example.CA ')).toMatchObject({ userId: ids.zoe, lastName: 'Martin' });
      expect(await service().findSpeakerByEmail('nobody@example.org')).toBeNull();
      await t.booted.app.get(UsersService).createAccount({ email: 'staff@example.org', password: 'staff-password-1', roles: ['reception'] });
      expect(await service().findSpeakerByEmail('staff@example.org')).toBeNull();
    });

    it('matchingUserIds: the directory’s search rule', async () => {
      expect(await service().matchingUserIds('helene dupre')).toEqual([ids.helene]);
      expect((await service().matchingUserIds('example.ca')).sort()).toEqual([ids.wild, ids.zoe].sort());
      expect(await service().matchingUserIds('%')).toEqual([ids.wild]);
      expect(await service().matchingUserIds('nothing like it')).toEqual([]);
      expect(await service().matchingUserIds('  ')).toHaveLength(Object.keys(ids).length + 1);
    });
  });
});
