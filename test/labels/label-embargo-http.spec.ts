import { CLOCK, type SettableClock } from '../../src/common/time/clock.js';
import { UsersService } from '../../src/users/users.service.js';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, importCsv } from './labels-support.js';

/**
 * The embargo on every route and format, as anonymous, speaker, reception and organiser, before the
 * ceremony (18:00 Paris, 17:00 UTC on 6 February 2012), after it, and with an organiser's reveal
 * earlier and later than it.
 */
const BEFORE = new Date('2012-02-06T12:00:00Z');
const CEREMONY = new Date('2012-02-06T17:00:00Z');
const PALMARES = [
  'Code INSEE;Niveau;Première participation;Commentaires;Courriel du contact',
  '59009;5;non;Cinq arobases, bravo;mairie@villeneuvedascq.fr',
  '13100;1;oui;Une arobase;',
  '93066;3;non;;',
  '97411;4;oui;;',
  '74011;2;non;;',
].join('\n');

type Caller = 'anonymous' | 'speaker' | 'reception' | 'organiser';
const OTHERS: Caller[] = ['anonymous', 'speaker', 'reception'];

describe('Label embargo over HTTP', () => {
  let t: TestApp;
  let clock: SettableClock;
  const tokens: Partial<Record<Caller, string>> = {};
  let villeneuveId: string;

  const as = (caller: Caller, path: string) => {
    const req = t.http.get(path);
    return caller === 'anonymous' ? req : req.set(bearer(tokens[caller]!));
  };

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.booted.app.get(CLOCK);
    clock.set(BEFORE);
    tokens.organiser = await t.adminToken();
    tokens.reception = await t.tokenFor('reception');
    await t.booted.app.get(UsersService).createAccount({ email: 'speaker@test.local', password: 'speaker-password', roles: ['speaker'] });
    tokens.speaker = await t.login('speaker@test.local', 'speaker-password');
    const imported = await importCsv(t, tokens.organiser, 2012, PALMARES);
    expect(imported.body).toMatchObject({ created: 5, rejected: 0 });
    const list = await as('organiser', '/api/labels/2012/awards?q=villeneuve');
    villeneuveId = list.body.items[0].id;
  });
  afterAll(async () => {
    clock?.set(null);
    await t?.close();
  });

  async function expectEmbargoed(caller: Caller) {
    const year = await as(caller, '/api/labels/2012');
    expect(year.body).toMatchObject({ revealed: false, statsPublished: false, towns: 5 });

    const list = await as(caller, '/api/labels/2012/awards?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(5);
    for (const item of list.body.items) {
      expect(Object.keys(item).sort()).toEqual(['departement', 'firstParticipation', 'id', 'insee', 'populationBand', 'region', 'townName', 'year']);
    }
    expect(list.headers['cache-control']).toBe('no-cache');
    expect(list.headers.vary).toMatch(/Authorization/);
    // default order by name, whatever the levels
    expect(list.body.items.map((i: { insee: string }) => i.insee)).toEqual(['74011', '93066', '97411', '13100', '59009']);

    for (const query of ['sort=level', 'sort=level&order=desc', 'level=5', 'level=1', 'level=3&q=denis']) {
      const res = await as(caller, `/api/labels/2012/awards?${query}`);
      expectErrorBody(res.body, 422, 'LEVELS_EMBARGOED');
      expect(res.body.message).toBe('The levels of 2012 are not public yet: they cannot be filtered or sorted on before the reveal');
      const csv = await as(caller, `/api/labels/2012/awards.csv?${query}`);
      expect(csv.status).toBe(422);
      expect(csv.body.message).toBe(res.body.message);
    }

    const search = await as(caller, '/api/labels/2012/awards?q=saint denis');
    expect(search.body.items.map((i: { insee: string }) => i.insee)).toEqual(['93066', '97411']);
    expect(search.body.items[0].level).toBeUndefined();

    const csv = await as(caller, '/api/labels/2012/awards.csv');
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toBe('\uFEFFAnnée,Code INSEE,Commune,Département,Région,Première participation,Strate');
    expect(csv.text).not.toMatch(/Niveau|arobase|mairie@/);
    expect(csv.text).toContain("2012,59009,Villeneuve-d'Ascq,59,Nord-Pas-de-Calais,non,");

    const one = await as(caller, `/api/labels/2012/awards/${villeneuveId}`);
    expect(one.status).toBe(200);
    expect(one.body.level).toBeUndefined();
    expect(one.body.comments).toBeUndefined();

    const stats = await as(caller, '/api/labels/2012/stats');
    expectErrorBody(stats.body, 403, 'STATS_NOT_PUBLISHED');
    return { list, csv, one };
  }

  it('before the ceremony, hides levels from anonymous, speaker and reception on every route and format', async () => {
    for (const caller of OTHERS) await expectEmbargoed(caller);
  });

  it('before the ceremony, shows organisers everything, privately', async () => {
    const list = await as('organiser', '/api/labels/2012/awards?sort=level&order=desc');
    expect(list.body.items.map((i: { level: number }) => i.level)).toEqual([5, 4, 3, 2, 1]);
    expect(list.body.items[0]).toMatchObject({ townName: "Villeneuve-d'Ascq", comments: 'Cinq arobases, bravo', contactEmail: 'mairie@villeneuvedascq.fr' });
    expect(list.headers['cache-control']).toBe('private, no-store');
    const csv = await as('organiser', '/api/labels/2012/awards.csv?level=5');
    expect(csv.text).toContain('Niveau');
    expect(csv.text.trim().split('\r\n')).toHaveLength(2);
    const stats = await as('organiser', '/api/labels/2012/stats');
    expect(stats.body).toMatchObject({ labels: 5, topLevels: 2, perLevel: { '1': 1, '2': 1, '3': 1, '4': 1, '5': 1 } });
  });

  it('keeps the embargoed ETag the same whatever the levels, and answers 304 on it', async () => {
    const before = await as('anonymous', '/api/labels/2012/awards');
    const csvBefore = await as('speaker', '/api/labels/2012/awards.csv');
    const patched = await t.http.patch(`/api/labels/2012/awards/${villeneuveId}`).set(bearer(tokens.organiser!)).send({ level: 4 });
    expect(patched.body.level).toBe(4);
    const after = await as('anonymous', '/api/labels/2012/awards');
    expect(after.headers.etag).toBe(before.headers.etag);
    expect((await as('speaker', '/api/labels/2012/awards.csv')).headers.etag).toBe(csvBefore.headers.etag);
    const again = await as('anonymous', '/api/labels/2012/awards').set('If-None-Match', before.headers.etag);
    expect(again.status).toBe(304);
    await t.http.patch(`/api/labels/2012/awards/${villeneuveId}`).set(bearer(tokens.organiser!)).send({ level: 5 });
  });

  it('publishes the figures without revealing the levels', async () => {
    const published = await t.http.patch('/api/labels/2012').set(bearer(tokens.organiser!)).send({ statsPublished: true });
    expect(published.body).toMatchObject({ statsPublished: true, revealed: false });
    for (const caller of OTHERS) {
      const stats = await as(caller, '/api/labels/2012/stats');
      expect(stats.status).toBe(200);
      expect(stats.body).toMatchObject({ labels: 5, topLevels: 2 });
      expect(stats.headers['cache-control']).toBe('no-cache');
      const list = await as(caller, '/api/labels/2012/awards');
      expect(list.body.items[0].level).toBeUndefined();
      expect((await as(caller, '/api/labels/2012/awards?sort=level')).status).toBe(422);
    }
    await t.http.patch('/api/labels/2012').set(bearer(tokens.organiser!)).send({ statsPublished: false });
    expect((await as('anonymous', '/api/labels/2012/stats')).status).toBe(403);
  });

  it('shows the levels to everyone from the ceremony’s start, with other ETags', async () => {
    const embargoed = await as('anonymous', '/api/labels/2012/awards');
    const embargoedCsv = await as('anonymous', '/api/labels/2012/awards.csv');
    clock.set(new Date(CEREMONY.getTime() - 1));
    expect((await as('anonymous', '/api/labels/2012/awards?sort=level')).status).toBe(422);
    clock.set(CEREMONY);
    for (const caller of OTHERS) {
      const year = await as(caller, '/api/labels/2012');
      expect(year.body).toMatchObject({ revealed: true, embargoEndsAt: '2012-02-06T18:00:00+01:00' });
      const list = await as(caller, '/api/labels/2012/awards?sort=level&order=desc');
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { level: number }) => i.level)).toEqual([5, 4, 3, 2, 1]);
      expect(list.body.items[0].comments).toBeUndefined();
      expect(list.body.items[0].contactEmail).toBeUndefined();
      expect((await as(caller, '/api/labels/2012/awards?level=5')).body.items.map((i: { insee: string }) => i.insee)).toEqual(['59009']);
      const csv = await as(caller, '/api/labels/2012/awards.csv');
      expect(csv.text.split('\r\n')[0]).toBe('\uFEFFAnnée,Code INSEE,Commune,Département,Région,Niveau,Première participation,Strate');
      expect(csv.text).not.toMatch(/arobase|mairie@/);
      expect((await as(caller, `/api/labels/2012/awards/${villeneuveId}`)).body.level).toBe(5);
      expect((await as(caller, '/api/labels/2012/stats')).status).toBe(200);
    }
    const revealed = await as('anonymous', '/api/labels/2012/awards').set('If-None-Match', embargoed.headers.etag);
    expect(revealed.status).toBe(200);
    expect(revealed.headers.etag).not.toBe(embargoed.headers.etag);
    const revealedCsv = await as('anonymous', '/api/labels/2012/awards.csv').set('If-None-Match', embargoedCsv.headers.etag);
    expect(revealedCsv.status).toBe(200);
    expect(revealedCsv.text).toContain('Niveau');
  });

  it('lets an organiser reveal earlier or later than the ceremony, or now', async () => {
    const reveal = (body: object) => t.http.post('/api/labels/2012/reveal').set(bearer(tokens.organiser!)).send(body);
    const earlier = await reveal({ at: '2012-02-06T13:30' });
    expect(earlier.status).toBe(200);
    expect(earlier.body).toMatchObject({ embargoEndsAt: '2012-02-06T13:30:00+01:00', embargoEndsAtUtc: '2012-02-06T12:30:00.000Z' });
    clock.set(BEFORE);
    await expectEmbargoed('reception');
    clock.set(new Date('2012-02-06T12:30:00Z'));
    expect((await as('reception', '/api/labels/2012/awards')).body.items[0].level).toBeDefined();

    await reveal({ at: '2012-02-06T20:00:00+01:00' });
    clock.set(new Date('2012-02-06T17:30:00Z'));
    await expectEmbargoed('anonymous');
    clock.set(new Date('2012-02-06T19:00:00Z'));
    expect((await as('anonymous', '/api/labels/2012/awards')).body.items[0].level).toBeDefined();

    clock.set(BEFORE);
    const now = await reveal({});
    expect(now.body).toMatchObject({ revealed: true, embargoEndsAtUtc: BEFORE.toISOString() });
    expect((await as('speaker', '/api/labels/2012/awards')).body.items[0].level).toBeDefined();

    for (const at of ['2012-03-25T02:30', 'tomorrow', '2012-02-30T10:00', 'x'.repeat(41)]) {
      const bad = await reveal({ at });
      expect(bad.status).toBe(400);
      expectErrorBody(bad.body, 400);
    }
    for (const caller of OTHERS) {
      const req = t.http.post('/api/labels/2012/reveal').send({});
      const res = caller === 'anonymous' ? await req : await req.set(bearer(tokens[caller]!));
      expect(res.status).toBe(caller === 'anonymous' ? 401 : 403);
    }
  });
});
