import { createHash } from 'node:crypto';
import { MailTemplates } from '../../src/mail/mail-templates.js';
import { mailTemplatesDir } from '../../src/mail/mail.service.js';
import { diffProgrammes, type ChangelogEntry } from '../../src/programme/publication/programme-changelog.js';
import { canonicalJson, ifNoneMatchMatches, strongEtag } from '../../src/programme/publication/programme-etag.js';
import { describeChange, speakerNotices, type MailChange } from '../../src/programme/publication/release-mail.js';
import type { ProgrammeSnapshot, SnapshotPerson, SnapshotSession, SnapshotTalk } from '../../src/programme/programme-snapshot.js';

/** Unit tests of the pure parts of publication: the changelog rule by rule, sequences, mails, ETags. */

const person = (id: string, name: string): SnapshotPerson => ({ id, name, firstName: null, lastName: null, affiliation: null });
const HELENE = person('u-helene', 'Hélène Dupré');
const LUKASZ = person('u-lukasz', 'Łukasz Kowalski');
const ZOE = person('u-zoe', 'Zoë Ørsted');

function talk(id: string, start: string, end: string, speakers: SnapshotPerson[], extra: Partial<SnapshotTalk> = {}): SnapshotTalk {
  return {
    id,
    submissionId: `sub-${id}`,
    position: 0,
    startsAt: start,
    endsAt: end,
    localStart: start,
    localEnd: end,
    durationMinutes: 20,
    titleFr: `Titre ${id}`,
    titleEn: null,
    abstractFr: 'Résumé',
    abstractEn: null,
    language: 'fr',
    keywords: [],
    typeName: 'Communication',
    track: null,
    speakers,
    proposalState: 'confirmed',
    sequence: 0,
    ...extra,
  };
}

function session(id: string, start: string, end: string, talks: SnapshotTalk[], extra: Partial<SnapshotSession> = {}): SnapshotSession {
  return {
    id,
    kind: 'plenary',
    kindLabelFr: 'Séance plénière',
    kindLabelEn: 'Plenary session',
    startsAt: start,
    endsAt: end,
    localStart: start,
    localEnd: end,
    day: start.slice(0, 10),
    titleFr: `Séance ${id}`,
    titleEn: null,
    descriptionFr: null,
    descriptionEn: null,
    track: null,
    roomId: 'amphi',
    venueId: 'cnrs',
    chairs: [],
    expectedAttendance: null,
    talks,
    sequence: 0,
    ...extra,
  };
}

function programme(version: number, sessions: SnapshotSession[]): ProgrammeSnapshot {
  return {
    format: 1,
    version,
    publishedAt: '2012-01-20T10:00:00.000Z',
    note: null,
    event: {
      id: 'ev',
      slug: 'vtn2012',
      nameFr: 'Villes et territoires numériques',
      nameEn: null,
      themeFr: null,
      themeEn: null,
      startsAt: '2012-02-05T23:00:00.000Z',
      endsAt: '2012-02-07T23:00:00.000Z',
      timeZone: 'Europe/Paris',
      website: null,
    },
    days: ['2012-02-06', '2012-02-07'],
    venues: [
      { id: 'cnrs', name: 'CNRS', streetAddress: '3 rue Michel-Ange', postalCode: '75016', city: 'Paris', countryCode: 'FR' },
      { id: 'cardin', name: 'Espace Cardin', streetAddress: '1 avenue Gabriel', postalCode: '75008', city: 'Paris', countryCode: 'FR' },
    ],
    rooms: [
      { id: 'amphi', name: 'Amphithéâtre', venueId: 'cnrs', capacity: 200 },
      { id: 'salle-2', name: 'Salle 2', venueId: 'cnrs', capacity: 40 },
      { id: 'grand', name: 'Grand espace', venueId: 'cardin', capacity: 600 },
    ],
    sessions,
    organisations: [],
  };
}

const T = (hhmm: string, day = '06') => `2012-02-${day}T${hhmm}:00.000Z`;

/** v1: one session with two talks (Hélène then Łukasz) and one with Zoë's talk. */
function base(version = 1): ProgrammeSnapshot {
  return programme(version, [
    session('s1', T('08:00'), T('09:30'), [talk('t1', T('08:00'), T('08:20'), [HELENE]), talk('t2', T('08:20'), T('08:40'), [LUKASZ], { position: 1 })]),
    session('s2', T('10:00'), T('11:30'), [talk('t3', T('10:00'), T('10:20'), [ZOE])], { roomId: 'salle-2' }),
  ]);
}

const kinds = (entries: ChangelogEntry[]) => entries.map((e) => `${e.item}:${e.id}:${e.change}`);

describe('diffProgrammes: the changelog between two versions', () => {
  it('a first version has an empty changelog and every sequence at 0', () => {
    const next = base();
    next.sessions[0].sequence = 5;
    const { changelog, snapshot } = diffProgrammes(null, next);
    expect(changelog).toEqual({ fromVersion: null, toVersion: 1, entries: [] });
    expect(snapshot.sessions.map((s) => s.sequence)).toEqual([0, 0]);
    expect(snapshot.sessions.flatMap((s) => s.talks.map((t) => t.sequence))).toEqual([0, 0, 0]);
  });

  it('nothing changed: no entries, sequences kept as they were', () => {
    const previous = base();
    previous.sessions[0].sequence = 2;
    previous.sessions[0].talks[1].sequence = 3;
    const { changelog, snapshot } = diffProgrammes(previous, base(2));
    expect(changelog).toEqual({ fromVersion: 1, toVersion: 2, entries: [] });
    expect(snapshot.sessions[0].sequence).toBe(2);
    expect(snapshot.sessions[0].talks[1].sequence).toBe(3);
  });

  it('a session added, with its talk; a session removed, with its talk', () => {
    const previous = base();
    const next = base(2);
    next.sessions.push(session('s3', T('13:00', '07'), T('14:00', '07'), [talk('t4', T('13:00', '07'), T('13:20', '07'), [HELENE])], { roomId: 'grand', venueId: 'cardin' }));
    next.sessions.splice(1, 1);
    const { changelog, snapshot } = diffProgrammes(previous, next);
    expect(kinds(changelog.entries)).toEqual(['session:s2:removed', 'talk:t3:removed', 'session:s3:added', 'talk:t4:added']);
    const removed = changelog.entries[1];
    expect(removed.change === 'removed' && removed.before).toMatchObject({ startsAt: T('10:00'), roomId: 'salle-2', roomName: 'Salle 2', venueName: 'CNRS', sessionId: 's2' });
    expect(removed.speakers).toEqual([{ id: 'u-zoe', name: 'Zoë Ørsted' }]);
    const added = changelog.entries[3];
    expect(added.change === 'added' && added.after).toMatchObject({ roomName: 'Grand espace', venueName: 'Espace Cardin', sessionId: 's3' });
    expect(added.before).toBeNull();
    expect(snapshot.sessions.find((s) => s.id === 's3')?.sequence).toBe(0);
  });

  it('a session moved in time: the session and each of its talks moved, with before and after', () => {
    const previous = base();
    const next = programme(2, [
      previous.sessions[0],
      session('s2', T('14:00'), T('15:30'), [talk('t3', T('14:00'), T('14:20'), [ZOE])], { roomId: 'salle-2' }),
    ]);
    const { changelog } = diffProgrammes(previous, next);
    expect(kinds(changelog.entries)).toEqual(['session:s2:moved', 'talk:t3:moved']);
    const moved = changelog.entries[1];
    expect(moved.change === 'moved' && [moved.before.startsAt, moved.after.startsAt]).toEqual([T('10:00'), T('14:00')]);
    expect(moved.titleFr).toBe('Titre t3');
  });

  it('a session moved to another room at the same time is moved; a new description alone is not a change', () => {
    const previous = base();
    const next = base(2);
    next.sessions[1] = { ...next.sessions[1], roomId: 'amphi', descriptionFr: 'Nouvelle description' };
    const { changelog } = diffProgrammes(previous, next);
    expect(kinds(changelog.entries)).toEqual(['session:s2:moved', 'talk:t3:moved']);
    const entry = changelog.entries[0];
    expect(entry.change === 'moved' && [entry.before.roomName, entry.after.roomName]).toEqual(['Salle 2', 'Amphithéâtre']);
  });

  it('a session resized (new end only) is moved', () => {
    const next = base(2);
    next.sessions[0] = { ...next.sessions[0], endsAt: T('10:00') };
    expect(kinds(diffProgrammes(base(), next).changelog.entries)).toEqual(['session:s1:moved']);
  });

  it('a session retitled in either language', () => {
    const next = base(2);
    next.sessions[0] = { ...next.sessions[0], titleEn: 'Opening session' };
    const { changelog } = diffProgrammes(base(), next);
    expect(changelog.entries).toEqual([
      expect.objectContaining({ item: 'session', id: 's1', change: 'retitled', before: { titleFr: 'Séance s1', titleEn: null }, after: { titleFr: 'Séance s1', titleEn: 'Opening session' } }),
    ]);
  });

  it('chairs changed (added, removed, reordered); a chair whose name is corrected is no change', () => {
    const previous = base();
    previous.sessions[0].chairs = [HELENE];
    const renamed = base(2);
    renamed.sessions[0].chairs = [{ ...HELENE, name: 'Hélène Dupré-Martin' }];
    expect(diffProgrammes(previous, renamed).changelog.entries).toEqual([]);
    const next = base(2);
    next.sessions[0].chairs = [LUKASZ, HELENE];
    const { changelog } = diffProgrammes(previous, next);
    expect(changelog.entries).toEqual([
      expect.objectContaining({ id: 's1', change: 'chairs-changed', before: { people: [{ id: 'u-helene', name: 'Hélène Dupré' }] }, after: { people: [{ id: 'u-lukasz', name: 'Łukasz Kowalski' }, { id: 'u-helene', name: 'Hélène Dupré' }] } }),
    ]);
  });

  it('a talk removed from a session: removed, and the talks after it move up (moved)', () => {
    const previous = base();
    const next = base(2);
    next.sessions[0].talks = [talk('t2', T('08:00'), T('08:20'), [LUKASZ])];
    const { changelog, snapshot } = diffProgrammes(previous, next);
    expect(kinds(changelog.entries)).toEqual(['talk:t1:removed', 'talk:t2:moved']);
    expect(snapshot.sessions[0].talks[0].sequence).toBe(1);
    expect(snapshot.sessions[0].sequence).toBe(0);
  });

  it('a talk moved to another session (time and room)', () => {
    const previous = base();
    const next = base(2);
    const [t1, t2] = next.sessions[0].talks;
    next.sessions[0].talks = [t1];
    next.sessions[1].talks.push(talk('t2', T('10:20'), T('10:40'), [LUKASZ], { position: 1 }));
    expect(t2.id).toBe('t2');
    const { changelog } = diffProgrammes(previous, next);
    expect(kinds(changelog.entries)).toEqual(['talk:t2:moved']);
    const entry = changelog.entries[0];
    expect(entry.change === 'moved' && entry.before).toMatchObject({ sessionId: 's1', roomName: 'Amphithéâtre', startsAt: T('08:20') });
    expect(entry.change === 'moved' && entry.after).toMatchObject({ sessionId: 's2', roomName: 'Salle 2', startsAt: T('10:20') });
    expect(entry.sessionId).toBe('s2');
  });

  it('a talk retitled', () => {
    const next = base(2);
    next.sessions[1].talks[0] = { ...next.sessions[1].talks[0], titleFr: 'La ville intelligente' };
    const { changelog } = diffProgrammes(base(), next);
    expect(changelog.entries).toEqual([
      expect.objectContaining({ item: 'talk', id: 't3', change: 'retitled', before: { titleFr: 'Titre t3', titleEn: null }, after: { titleFr: 'La ville intelligente', titleEn: null } }),
    ]);
  });

  it('a talk whose speakers changed (co-speaker added); a new abstract alone is no change', () => {
    const next = base(2);
    next.sessions[1].talks[0] = { ...next.sessions[1].talks[0], speakers: [ZOE, HELENE] };
    next.sessions[0].talks[0] = { ...next.sessions[0].talks[0], abstractFr: 'Autre résumé', keywords: ['x'] };
    const { changelog } = diffProgrammes(base(), next);
    expect(changelog.entries).toEqual([
      expect.objectContaining({ id: 't3', change: 'speakers-changed', before: { people: [{ id: 'u-zoe', name: 'Zoë Ørsted' }] }, after: { people: [{ id: 'u-zoe', name: 'Zoë Ørsted' }, { id: 'u-helene', name: 'Hélène Dupré' }] } }),
    ]);
  });

  it('several changes of one item: one entry each, one sequence step for the item', () => {
    const previous = base();
    previous.sessions[1].talks[0].sequence = 4;
    const next = base(2);
    next.sessions[1].talks[0] = { ...next.sessions[1].talks[0], startsAt: T('10:30'), endsAt: T('10:50'), titleFr: 'Autre', speakers: [LUKASZ] };
    const { changelog, snapshot } = diffProgrammes(previous, next);
    expect(kinds(changelog.entries)).toEqual(['talk:t3:moved', 'talk:t3:retitled', 'talk:t3:speakers-changed']);
    expect(snapshot.sessions[1].talks[0].sequence).toBe(5);
  });

  it('sequences: +1 for each changed item, kept for the others, 0 for new ones; inputs untouched', () => {
    const previous = base();
    previous.sessions.forEach((s) => {
      s.sequence = 1;
      s.talks.forEach((t) => (t.sequence = 2));
    });
    const next = base(2);
    next.sessions[0].titleFr = 'Ouverture';
    next.sessions[1].talks.push(talk('t9', T('10:20'), T('10:40'), [HELENE], { position: 1 }));
    const before = JSON.stringify([previous, next]);
    const { snapshot } = diffProgrammes(previous, next);
    expect(JSON.stringify([previous, next])).toBe(before);
    expect(snapshot.sessions.map((s) => [s.id, s.sequence])).toEqual([['s1', 2], ['s2', 1]]);
    expect(snapshot.sessions.flatMap((s) => s.talks.map((t) => [t.id, t.sequence]))).toEqual([['t1', 2], ['t2', 2], ['t3', 2], ['t9', 0]]);
  });

  it('is deterministic: same input, same JSON, whatever the order of the lists compared', () => {
    const previous = base();
    const next = base(2);
    next.sessions.reverse();
    next.sessions[0].startsAt = T('10:15');
    next.sessions[1].titleFr = 'Autre';
    const a = diffProgrammes(previous, next);
    const b = diffProgrammes({ ...previous, sessions: [...previous.sessions].reverse() }, next);
    expect(JSON.stringify(a.changelog)).toBe(JSON.stringify(b.changelog));
  });
});

describe('speakerNotices and describeChange: one mail per speaker whose talks move, are removed or retitled', () => {
  it('groups every change of one speaker in one notice, leaves untouched speakers and mere speaker changes out', () => {
    const previous = programme(1, [
      session('s1', T('08:00'), T('09:30'), [talk('t1', T('08:00'), T('08:20'), [HELENE]), talk('t2', T('08:20'), T('08:40'), [HELENE], { position: 1 })]),
      session('s2', T('10:00'), T('11:30'), [talk('t3', T('10:00'), T('10:20'), [ZOE]), talk('t4', T('10:20'), T('10:40'), [LUKASZ], { position: 1 })], { roomId: 'salle-2' }),
    ]);
    const next = programme(2, [
      session('s1', T('13:00'), T('14:30'), [talk('t1', T('13:00'), T('13:20'), [HELENE]), talk('t2', T('13:20'), T('13:40'), [HELENE], { position: 1, titleFr: 'Nouveau titre' })]),
      session('s2', T('10:00'), T('11:30'), [talk('t3', T('10:00'), T('10:20'), [ZOE, LUKASZ]), talk('t4', T('10:20'), T('10:40'), [LUKASZ], { position: 1 })], { roomId: 'salle-2' }),
    ]);
    const { changelog } = diffProgrammes(previous, next);
    const notices = speakerNotices(previous, next, changelog);
    expect(notices.map((n) => [n.personId, n.changes.map((c) => `${c.id}:${c.change}`)])).toEqual([['u-helene', ['t1:moved', 't2:moved', 't2:retitled']]]);
    expect(notices[0].locale).toBe('fr');
  });

  it('tells the former speakers of a removed talk, not someone just added to a moved one; English-only talks get English mail', () => {
    const previous = programme(1, [session('s1', T('08:00'), T('09:30'), [talk('t1', T('08:00'), T('08:20'), [ZOE], { titleFr: null, titleEn: 'Smart cities' }), talk('t2', T('08:20'), T('08:40'), [LUKASZ], { position: 1 })])]);
    const next = programme(2, [session('s1', T('08:00'), T('09:30'), [talk('t2', T('08:00'), T('08:20'), [LUKASZ, HELENE])])]);
    const { changelog } = diffProgrammes(previous, next);
    const notices = speakerNotices(previous, next, changelog);
    expect(notices.map((n) => [n.personId, n.locale, n.changes.map((c) => `${c.id}:${c.change}`)])).toEqual([
      ['u-lukasz', 'fr', ['t2:moved']],
      ['u-zoe', 'en', ['t1:removed']],
    ]);
  });

  it('describes each change in the event’s zone, in French and English', () => {
    const previous = base();
    const next = base(2);
    next.sessions[0].talks = [next.sessions[0].talks[0]];
    next.sessions[1].talks.push(talk('t2', T('10:20'), T('10:40'), [LUKASZ], { position: 1 }));
    next.sessions[1].talks[0] = { ...next.sessions[1].talks[0], titleFr: 'La ville intelligente' };
    const { changelog } = diffProgrammes(previous, next);
    const moved = changelog.entries.find((e) => e.id === 't2') as MailChange;
    const retitled = changelog.entries.find((e) => e.id === 't3') as MailChange;
    expect(describeChange(moved, 'fr', 'Europe/Paris')).toBe(
      'Votre communication « Titre t2 » est déplacée : lundi 6 février 2012, 09:20–09:40, Amphithéâtre (CNRS) → lundi 6 février 2012, 11:20–11:40, Salle 2 (CNRS)',
    );
    expect(describeChange(moved, 'en', 'Europe/Paris')).toBe(
      'Your talk “Titre t2” has moved: Monday 6 February 2012, 09:20–09:40, Amphithéâtre (CNRS) → Monday 6 February 2012, 11:20–11:40, Salle 2 (CNRS)',
    );
    expect(describeChange(retitled, 'fr', 'Europe/Paris')).toBe('Votre communication « Titre t3 » s’intitule désormais « La ville intelligente »');
    const removed = diffProgrammes(previous, programme(2, [previous.sessions[0]])).changelog.entries.find((e) => e.id === 't3') as MailChange;
    expect(describeChange(removed, 'fr', 'Europe/Paris')).toBe(
      'Votre communication « Titre t3 » est retirée du programme (elle était prévue le lundi 6 février 2012, 11:00–11:20, Salle 2 (CNRS))',
    );
  });

  it('renders the programme-changed mail with every change on its own line, and the note only when there is one', () => {
    const templates = MailTemplates.load(mailTemplatesDir());
    const data = { firstName: 'Hélène', eventName: 'Villes et territoires numériques', version: 2, link: 'http://localhost/api/events/x/programme', changes: ['Première ligne', 'Seconde ligne'] };
    const fr = templates.render('programme-changed', 'fr', data);
    expect(fr.subject).toBe('Programme de « Villes et territoires numériques » : vos interventions changent (version 2)');
    expect(fr.text).toContain('Elle modifie vos interventions :\n- Première ligne\n- Seconde ligne\n\nLe programme à jour :');
    expect(fr.text).not.toContain('Message du comité');
    const en = templates.render('programme-changed', 'en', { ...data, note: 'Room change on Tuesday.' });
    expect(en.text).toContain('- Première ligne\n- Seconde ligne\n\nA message from the organising committee:\nRoom change on Tuesday.\n');
    expect(() => templates.render('programme-changed', 'fr', { ...data, version: undefined })).toThrow('needs "version"');
  });
});

describe('ETags of published versions', () => {
  it('canonical JSON sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }, 3], e: undefined })).toBe('{"a":[{"c":2,"d":1},3],"b":1}');
    expect(canonicalJson({ nom: 'Zoë Ørsted', 名: '東京' })).toBe('{"nom":"Zoë Ørsted","名":"東京"}');
  });

  it('a strong tag is the quoted base64url SHA-256 of the text, within the 64 characters stored', () => {
    const tag = strongEtag('{"a":1}');
    expect(tag).toBe(`"${createHash('sha256').update('{"a":1}').digest('base64url')}"`);
    expect(tag.length).toBeLessThanOrEqual(64);
    expect(strongEtag('{"a":2}')).not.toBe(tag);
  });

  it('If-None-Match: one tag, lists, weak forms and * match; other tags, unquoted or malformed ones do not', () => {
    const tag = '"abc"';
    expect(ifNoneMatchMatches('"abc"', tag)).toBe(true);
    expect(ifNoneMatchMatches('W/"abc"', tag)).toBe(true);
    expect(ifNoneMatchMatches('"x", W/"abc" ,"y"', tag)).toBe(true);
    expect(ifNoneMatchMatches(['"x"', '"abc"'], tag)).toBe(true);
    expect(ifNoneMatchMatches('*', tag)).toBe(true);
    expect(ifNoneMatchMatches('"abd"', tag)).toBe(false);
    expect(ifNoneMatchMatches('abc', tag)).toBe(false);
    expect(ifNoneMatchMatches('', tag)).toBe(false);
    expect(ifNoneMatchMatches(undefined, tag)).toBe(false);
    expect(ifNoneMatchMatches(`${'"x",'.repeat(5000)}"abc"`, tag)).toBe(false);
  });
});
