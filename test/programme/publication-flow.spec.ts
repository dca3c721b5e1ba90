import { createHash } from 'node:crypto';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';
import type { ProgrammeSnapshot } from '../../src/programme/programme-snapshot.js';
import { ProgrammeReleasesService } from '../../src/programme/publication/programme-releases.service.js';
import {
  bearer,
  confirmedProposal,
  createSession,
  placeTalk,
  programmeMails,
  publicationCounts,
  setUpStage,
  signUp,
  type Person,
  type Stage,
} from './publication-support.js';
import { aDate } from '../support/realm.js';

/**
 * Publication over HTTP on the real application: a two-day programme built through the sessions and
 * talks routes, published, changed, published again. The changelog names the changes, each speaker
 * whose talk moved, was removed or retitled gets exactly one mail, published versions never change,
 * the public never sees a draft, and blocking conflicts refuse the publication until fixed or acknowledged.
 */
describe('Publishing the programme', () => {
  let t: TestApp;
  let organiser: string;
  let stage: Stage;
  let helene: Person;
  let lukasz: Person;
  let zoe: Person;
  let jean: Person;
  const ids: Record<string, string> = {};
  let v1: { etag: string; text: string; body: ProgrammeSnapshot };
  let v2: { etag: string; text: string; body: ProgrammeSnapshot };

  const programmeUrl = () => `/api/events/${stage.eventId}/programme`;
  const publish = (note?: string) => t.http.post(`${programmeUrl()}/releases`).set(bearer(organiser)).send(note === undefined ? {} : { note });
  const talksOf = (snapshot: ProgrammeSnapshot) => snapshot.sessions.flatMap((s) => s.talks.map((talk) => ({ ...talk, sessionId: s.id, roomId: s.roomId })));

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0', PUBLIC_URL: 'https://colloque.example.org' });
    organiser = await t.adminToken();
    stage = await setUpStage(t, organiser);
    helene = await signUp(t, 'Hélène', 'Dupré', 'Université Toulouse Le Mirail');
    lukasz = await signUp(t, 'Łukasz', 'Wróbel', 'Uniwersytet Wrocławski');
    zoe = await signUp(t, 'Zoë', 'Ørsted', 'Aalborg Universitet');
    jean = await signUp(t, 'Jean-Noël', 'L’Hôte', 'Villes Internet');
    ids.p1 = await confirmedProposal(t, organiser, stage, helene, { titleFr: 'La ville numérique en question', abstractFr: 'Résumé.' });
    ids.p2 = await confirmedProposal(t, organiser, stage, lukasz, { titleFr: 'Gouverner les réseaux urbains', abstractFr: 'Résumé.' });
    ids.p3 = await confirmedProposal(t, organiser, stage, zoe, { titleEn: 'Smart cities in Denmark', abstractEn: 'Abstract.' });
    ids.p4 = await confirmedProposal(t, organiser, stage, jean, { titleFr: 'Le Label Ville Internet, 1999–2012', abstractFr: 'Résumé.' });
    ids.p5 = await confirmedProposal(t, organiser, stage, jean, { titleFr: 'Les territoires ruraux connectés', abstractFr: 'Résumé.' });
    ids.s1 = await createSession(t, organiser, stage, { roomId: stage.roomA, titleFr: 'Séance d’ouverture', startsAt: '2030-02-06T09:00', endsAt: '2030-02-06T10:30' });
    ids.s2 = await createSession(t, organiser, stage, { roomId: stage.roomB, kind: 'workshop', titleFr: 'Atelier 1', startsAt: '2030-02-06T09:30', endsAt: '2030-02-06T11:00' });
    ids.s3 = await createSession(t, organiser, stage, { roomId: stage.roomA, titleFr: 'Séance du mardi', startsAt: '2030-02-07T09:00', endsAt: '2030-02-07T10:30' });
    ids.t1 = await placeTalk(t, organiser, ids.s1, ids.p1);
    ids.t2 = await placeTalk(t, organiser, ids.s1, ids.p2);
    ids.t3 = await placeTalk(t, organiser, ids.s2, ids.p3);
    ids.t4 = await placeTalk(t, organiser, ids.s3, ids.p4);
    ids.t5 = await placeTalk(t, organiser, ids.s3, ids.p5);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('before any publication: the public gets 404 with a clear message, organisers see the draft', async () => {
    const latest = await t.http.get(programmeUrl());
    expect(latest.status).toBe(404);
    expectErrorBody(latest.body, 404, 'PROGRAMME_NOT_PUBLISHED');
    expect(latest.body.message).toMatch(/no version .* published/i);
    expectErrorBody((await t.http.get(`${programmeUrl()}/versions/1`)).body, 404, 'PROGRAMME_NOT_PUBLISHED');
    await expect(t.booted.app.get(ProgrammeReleasesService).find(stage.eventId)).rejects.toMatchObject({ status: 404, code: 'PROGRAMME_NOT_PUBLISHED' });

    const draft = await t.http.get(`${programmeUrl()}/draft`).set(bearer(organiser));
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ nextVersion: 1, basedOnVersion: null, changelog: { fromVersion: null, toVersion: 1, entries: [] }, blockingConflicts: [], mailsToSend: 0 });
    expect(draft.body.snapshot.sessions).toHaveLength(3);
    // drafts are for organisers only
    expect((await t.http.get(`${programmeUrl()}/draft`)).status).toBe(401);
    expect((await t.http.get(`${programmeUrl()}/draft`).set(bearer(helene.token))).status).toBe(403);
    expect((await t.http.get(`${programmeUrl()}/releases`).set(bearer(helene.token))).status).toBe(403);
    expect((await t.http.post(`${programmeUrl()}/releases`).set(bearer(helene.token)).send({})).status).toBe(403);
  });

  it('publishes version 1: the frozen programme with computed times, names as typed, nobody mailed', async () => {
    const res = await publish('Première version du programme');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, note: 'Première version du programme', changelog: { fromVersion: null, toVersion: 1, entries: [] }, speakersNotified: 0 });
    expect(Date.parse(res.body.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await programmeMails(t)).toEqual([]);

    const got = await t.http.get(programmeUrl()).buffer(true);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toMatch(/^application\/json/);
    expect(got.headers['cache-control']).toBe('public, max-age=60');
    expect(got.headers.etag).toBe(res.body.etag);
    const text = got.text;
    // the ETag is a strong validator: the hash of exactly the bytes served
    expect(got.headers.etag).toBe(`"${createHash('sha256').update(text, 'utf8').digest('base64url')}"`);
    const body = JSON.parse(text) as ProgrammeSnapshot;
    v1 = { etag: got.headers.etag, text, body };
    expect(body).toMatchObject({ format: 1, version: 1, note: 'Première version du programme', days: ['2030-02-06', '2030-02-07'] });
    expect(body.event).toMatchObject({ id: stage.eventId, nameFr: 'Villes et territoires numériques', timeZone: 'Europe/Paris' });
    expect(body.sessions.map((s) => s.id)).toEqual([ids.s1, ids.s2, ids.s3]);
    expect(body.sessions[0]).toMatchObject({ localStart: '2030-02-06T09:00:00+01:00', startsAt: '2030-02-06T08:00:00.000Z', day: '2030-02-06', kindLabelFr: 'Séance plénière', sequence: 0 });
    const [t1, t2] = body.sessions[0].talks;
    expect([t1.id, t1.localStart, t1.localEnd, t1.durationMinutes]).toEqual([ids.t1, '2030-02-06T09:00:00+01:00', '2030-02-06T09:20:00+01:00', 20]);
    expect([t2.id, t2.localStart, t2.localEnd]).toEqual([ids.t2, '2030-02-06T09:20:00+01:00', '2030-02-06T09:40:00+01:00']);
    expect(t2.speakers).toEqual([{ id: lukasz.id, name: 'Łukasz Wróbel', firstName: 'Łukasz', lastName: 'Wróbel', affiliation: 'Uniwersytet Wrocławski' }]);
    expect(body.sessions[1].talks[0]).toMatchObject({ titleEn: 'Smart cities in Denmark', language: 'en', speakers: [{ name: 'Zoë Ørsted' }], proposalState: 'confirmed', typeName: 'Communication' });
    expect(body.sessions[2].talks.map((x) => x.speakers[0].name)).toEqual(['Jean-Noël L’Hôte', 'Jean-Noël L’Hôte']);
    expect(body.rooms.map((r) => r.name)).toEqual(['Amphithéâtre Marie Curie', 'Salle Émile Durkheim']);
    expect(body.venues).toEqual([{ id: stage.venueId, name: 'Campus Michel-Ange du CNRS', streetAddress: '3 rue Michel-Ange', postalCode: '75016', city: 'Paris', countryCode: 'FR' }]);
    // published programmes carry no private data
    expect(text).not.toContain('@example.org');

    const viaService = await t.booted.app.get(ProgrammeReleasesService).find(stage.eventId);
    expect(viaService).toMatchObject({ version: 1, etag: v1.etag });
    expect(viaService.publishedAt).toEqual(aDate());
    expect(viaService.snapshot).toEqual(body);
  });

  it('answers If-None-Match with 304 and no body: the tag, a list, the weak form, *; another tag gets the body', async () => {
    for (const header of [v1.etag, `"nope", ${v1.etag}`, `W/${v1.etag}`, '*']) {
      const res = await t.http.get(programmeUrl()).set('If-None-Match', header);
      expect([header, res.status]).toEqual([header, 304]);
      expect(res.text ?? '').toBe('');
      expect(res.headers.etag).toBe(v1.etag);
      expect(res.headers['cache-control']).toBe('public, max-age=60');
    }
    const other = await t.http.get(programmeUrl()).set('If-None-Match', '"something-else"');
    expect(other.status).toBe(200);
    expect(other.text).toBe(v1.text);
    const numbered = await t.http.get(`${programmeUrl()}/versions/1`).set('If-None-Match', v1.etag);
    expect(numbered.status).toBe(304);
    expect(numbered.headers['cache-control']).toMatch(/^public, max-age=\d+, immutable$/);
  });

  it('keeps the draft away from the public: after edits, anonymous and speakers still read version 1', async () => {
    // Łukasz's talk goes to the workshop (after Zoë's), Tuesday's session moves to the afternoon
    const moved = await t.http.patch(`/api/talks/${ids.t2}`).set(bearer(organiser)).send({ sessionId: ids.s2 });
    expect(moved.status).toBe(200);
    const later = await t.http.patch(`/api/sessions/${ids.s3}`).set(bearer(organiser)).send({ startsAt: '2030-02-07T14:00', endsAt: '2030-02-07T15:30' });
    expect(later.status).toBe(200);
    for (const token of [null, helene.token, lukasz.token]) {
      const req = t.http.get(programmeUrl());
      const res = await (token ? req.set(bearer(token)) : req);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(v1.etag);
      expect(res.text).toBe(v1.text);
      expect((await (token ? t.http.get(`${programmeUrl()}/draft`).set(bearer(token)) : t.http.get(`${programmeUrl()}/draft`))).status).toBe(token ? 403 : 401);
    }
    const draft = await t.http.get(`${programmeUrl()}/draft`).set(bearer(organiser));
    // the mails publication will send, counted before publishing (2: see the next test, which sends them)
    expect(draft.body).toMatchObject({ nextVersion: 2, basedOnVersion: 1, mailsToSend: 2 });
    expect(draft.body.changelog.entries.map((e: { id: string; change: string }) => `${e.id}:${e.change}`)).toEqual([
      `${ids.t2}:moved`,
      `${ids.s3}:moved`,
      `${ids.t4}:moved`,
      `${ids.t5}:moved`,
    ]);
  });

  it('publishes version 2: the changelog names the moves, each moved speaker gets one mail listing their changes, nobody else', async () => {
    const res = await publish();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 2, note: null, speakersNotified: 2 });
    const entries = res.body.changelog.entries as Array<Record<string, unknown>>;
    expect(res.body.changelog).toMatchObject({ fromVersion: 1, toVersion: 2 });
    expect(entries.map((e) => `${e.item}:${e.id}:${e.change}`)).toEqual([`talk:${ids.t2}:moved`, `session:${ids.s3}:moved`, `talk:${ids.t4}:moved`, `talk:${ids.t5}:moved`]);
    expect(entries[0]).toMatchObject({
      titleFr: 'Gouverner les réseaux urbains',
      speakers: [{ id: lukasz.id, name: 'Łukasz Wróbel' }],
      before: { localStart: '2030-02-06T09:20:00+01:00', roomId: stage.roomA, roomName: 'Amphithéâtre Marie Curie', sessionId: ids.s1 },
      after: { localStart: '2030-02-06T09:50:00+01:00', localEnd: '2030-02-06T10:10:00+01:00', roomId: stage.roomB, roomName: 'Salle Émile Durkheim', sessionId: ids.s2 },
    });
    expect(entries[1]).toMatchObject({ titleFr: 'Séance du mardi', before: { localStart: '2030-02-07T09:00:00+01:00' }, after: { localStart: '2030-02-07T14:00:00+01:00' } });

    const mails = await programmeMails(t);
    expect(mails.map((m) => m.to_address).sort()).toEqual([jean.email, lukasz.email].sort());
    const toLukasz = mails.find((m) => m.to_address === lukasz.email)!;
    expect(toLukasz.locale).toBe('fr');
    expect(toLukasz.subject).toBe('Programme de « Villes et territoires numériques » : vos interventions changent (version 2)');
    expect(toLukasz.text_body).toContain('Bonjour Łukasz,');
    expect(toLukasz.text_body).toContain(
      '- Votre communication « Gouverner les réseaux urbains » est déplacée : mercredi 6 février 2030, 09:20–09:40, Amphithéâtre Marie Curie (Campus Michel-Ange du CNRS) → mercredi 6 février 2030, 09:50–10:10, Salle Émile Durkheim (Campus Michel-Ange du CNRS)',
    );
    // the link opens the public programme page (its latest version), which a person can read
    const link = /https:\/\/colloque\.example\.org(\/programme\/pub[0-9a-f]{8})\s/.exec(toLukasz.text_body)?.[1];
    expect(link).toBeDefined();
    const page = await t.http.get(link as string);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const toJean = mails.find((m) => m.to_address === jean.email)!;
    expect(toJean.text_body.match(/^- /gm)).toHaveLength(2);
    expect(toJean.text_body).toContain('« Le Label Ville Internet, 1999–2012 » est déplacée : jeudi 7 février 2030, 09:00–09:20');
    expect(toJean.text_body).toContain('« Les territoires ruraux connectés » est déplacée : jeudi 7 février 2030, 09:20–09:40');

    const got = await t.http.get(programmeUrl());
    expect(got.status).toBe(200);
    expect(got.headers.etag).not.toBe(v1.etag);
    v2 = { etag: got.headers.etag, text: got.text, body: JSON.parse(got.text) };
    expect(v2.body.version).toBe(2);
    // the old tag no longer matches the latest version
    expect((await t.http.get(programmeUrl()).set('If-None-Match', v1.etag)).status).toBe(200);
    expect((await t.http.get(programmeUrl()).set('If-None-Match', v2.etag)).status).toBe(304);
  });

  it('keeps older versions readable and unchanged, and the ids of untouched items across versions; sequences count changes', async () => {
    const old = await t.http.get(`${programmeUrl()}/versions/1`);
    expect(old.status).toBe(200);
    expect(old.text).toBe(v1.text);
    expect(old.headers.etag).toBe(v1.etag);
    expect((await t.http.get(`${programmeUrl()}/versions/2`)).text).toBe(v2.text);
    expect((await t.booted.app.get(ProgrammeReleasesService).find(stage.eventId, 1)).snapshot).toEqual(v1.body);

    expect(v2.body.sessions.map((s) => s.id)).toEqual([ids.s1, ids.s2, ids.s3]);
    const before = new Map(talksOf(v1.body).map((x) => [x.id, x]));
    const after = new Map(talksOf(v2.body).map((x) => [x.id, x]));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(after.get(ids.t1)).toEqual(before.get(ids.t1));
    expect(after.get(ids.t3)).toEqual(before.get(ids.t3));
    expect(after.get(ids.t2)).toMatchObject({ sessionId: ids.s2, sequence: 1 });
    expect(v2.body.sessions.map((s) => s.sequence)).toEqual([0, 0, 1]);
    expect(talksOf(v2.body).map((x) => [x.id, x.sequence])).toEqual([
      [ids.t1, 0],
      [ids.t3, 0],
      [ids.t2, 1],
      [ids.t4, 1],
      [ids.t5, 1],
    ]);

    const list = await t.http.get(`${programmeUrl()}/releases?order=desc`).set(bearer(organiser));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    expect(list.body.items.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(list.body.items[1]).toMatchObject({ note: 'Première version du programme', etag: v1.etag, changelog: { entries: [] } });
    expect(list.body.items[0].changelog.entries).toHaveLength(4);
    expect(list.body.items[0].publishedBy).toMatchObject({ id: expect.any(String) });
    expect((await t.http.get(`${programmeUrl()}/releases?pageSize=1&page=2`).set(bearer(organiser))).body).toMatchObject({ total: 2, items: [{ version: 2 }] });

    const missing = await t.http.get(`${programmeUrl()}/versions/3`);
    expectErrorBody(missing.body, 404, 'NOT_FOUND');
    expect(missing.body.details).toEqual({ latestVersion: 2 });
  });

  it('refuses to publish while a conflict blocks (the list returned, nothing written), publishes once fixed or acknowledged', async () => {
    // Hélène's talk leaves the programme (her proposal becomes "not placed": a warning to acknowledge),
    // Zoë's is retitled, and Łukasz chairs the opening session while he speaks in the workshop (an error)
    expect((await t.http.delete(`/api/talks/${ids.t1}`).set(bearer(organiser))).status).toBeLessThan(300);
    const retitle = await t.http.patch(`/api/submissions/${ids.p3}`).set(bearer(organiser)).send({ titleEn: 'Smart cities in Denmark and Sweden' });
    expect(retitle.status).toBe(200);
    const chair = await t.http.patch(`/api/sessions/${ids.s1}`).set(bearer(organiser)).send({ chairs: [{ userId: lukasz.id }] });
    expect(chair.status).toBe(200);

    const before = await publicationCounts(t);
    const refused = await publish('Ne doit pas passer');
    expect(refused.status).toBe(409);
    expectErrorBody(refused.body, 409, 'PROGRAMME_HAS_BLOCKING_CONFLICTS');
    const codes = (refused.body.details.conflicts as Array<{ code: string }>).map((c) => c.code).sort();
    expect(codes).toEqual(['CHAIR_SPEAKING_ELSEWHERE', 'PROPOSAL_NOT_PLACED']);
    expect(await publicationCounts(t)).toEqual(before);
    expect((await t.http.get(programmeUrl())).headers.etag).toBe(v2.etag);

    // fix the error; the warning still blocks
    expect((await t.http.patch(`/api/sessions/${ids.s1}`).set(bearer(organiser)).send({ chairs: [] })).status).toBe(200);
    const still = await publish();
    expect(still.status).toBe(409);
    const warnings = still.body.details.conflicts as Array<{ code: string; key: string }>;
    expect(warnings.map((c) => c.code)).toEqual(['PROPOSAL_NOT_PLACED']);
    const draft = await t.http.get(`${programmeUrl()}/draft`).set(bearer(organiser));
    expect(draft.body.blockingConflicts.map((c: { key: string }) => c.key)).toEqual([warnings[0].key]);
    expect(draft.body.mailsToSend).toBe(2);
    const ack = await t.http.post(`${programmeUrl()}/conflicts/acknowledgements`).set(bearer(organiser)).send({ keys: [warnings[0].key] });
    expect(ack.status).toBe(200);
    expect(await publicationCounts(t)).toEqual(before);

    const done = await publish('Version 3 : une communication retirée');
    expect(done.status).toBe(201);
    expect(done.body.version).toBe(3);
    // the chair came and went between two releases: no change of chairs
    expect(done.body.changelog.entries.map((e: { id: string; change: string }) => `${e.id}:${e.change}`)).toEqual([`${ids.t1}:removed`, `${ids.t3}:retitled`]);
    const mails = (await programmeMails(t)).slice(2);
    expect(mails.map((m) => [m.to_address, m.locale]).sort()).toEqual([[helene.email, 'fr'], [zoe.email, 'en']].sort());
    const toHelene = mails.find((m) => m.to_address === helene.email)!;
    expect(toHelene.text_body).toContain('- Votre communication « La ville numérique en question » est retirée du programme (elle était prévue le mercredi 6 février 2030, 09:00–09:20, Amphithéâtre Marie Curie');
    expect(toHelene.text_body).toContain('Message du comité d\'organisation :\nVersion 3 : une communication retirée');
    const toZoe = mails.find((m) => m.to_address === zoe.email)!;
    expect(toZoe.subject).toBe('“Digital cities and territories” programme: changes to your talks (version 3)');
    expect(toZoe.text_body).toContain('Dear Zoë,');
    expect(toZoe.text_body).toContain('- Your talk “Smart cities in Denmark” is now entitled “Smart cities in Denmark and Sweden”');
  });

  it('two publications at once take turns: consecutive versions, none lost', async () => {
    const [a, b] = await Promise.all([publish('A'), publish('B')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.version, b.body.version].sort()).toEqual([4, 5]);
    const latest = await t.http.get(programmeUrl());
    expect(JSON.parse(latest.text).version).toBe(5);
  });
});
