import { assembleSnapshot, UNNAMED, type DraftRows } from '../../src/programme/publication/draft-snapshot.js';

/** The snapshot assembly (pure): talk times, orders, people, days, organisations. */

const at = (iso: string) => new Date(iso);

function rows(over: Partial<DraftRows> = {}): DraftRows {
  return {
    event: {
      id: 'ev',
      slug: 'vtn2012',
      name_fr: 'Villes et territoires numériques',
      name_en: null,
      theme_fr: null,
      theme_en: null,
      starts_at: at('2012-02-05T23:00:00Z'),
      ends_at: at('2012-02-07T23:00:00Z'),
      all_day: true,
      time_zone: 'Europe/Paris',
      website: null,
    },
    sessions: [],
    chairs: [],
    talks: [],
    speakers: [],
    venues: [{ id: 'cnrs', name: 'CNRS', street_address: '3 rue Michel-Ange', postcode: '75016', city: 'Paris', country_code: 'FR' }],
    organisations: [],
    ...over,
  };
}

const sessionRow = (id: string, start: string, end: string, room: string, roomName: string) => ({
  id,
  kind: 'plenary',
  starts_at: at(start),
  ends_at: at(end),
  title_fr: `Séance ${id}`,
  title_en: null,
  description_fr: null,
  description_en: null,
  expected_attendance: null,
  room_id: room,
  room_name: roomName,
  room_capacity: 100,
  venue_id: 'cnrs',
  track_id: null,
  track_name_fr: null,
  track_name_en: null,
});

const talkRow = (id: string, session: string, position: number, minutes: number) => ({
  id,
  session_id: session,
  submission_id: `sub-${id}`,
  position,
  duration_minutes: minutes,
  state: 'confirmed',
  title_fr: `Titre ${id}`,
  title_en: null,
  abstract_fr: null,
  abstract_en: null,
  keywords: null,
  type_name: 'Communication',
  track_id: null,
  track_name_fr: null,
  track_name_en: null,
});

const META = { version: 3, publishedAt: at('2012-01-20T10:00:00Z'), note: 'Note' };

describe('assembleSnapshot', () => {
  it('computes each talk’s times from its session’s start and the durations before it, in position order', () => {
    const snapshot = assembleSnapshot(
      rows({
        sessions: [sessionRow('s1', '2012-02-06T08:00:00Z', '2012-02-06T10:00:00Z', 'amphi', 'Amphithéâtre')],
        talks: [talkRow('c', 's1', 2, 15), talkRow('a', 's1', 0, 20), talkRow('b', 's1', 1, 30)],
      }),
      META,
    );
    expect(snapshot.sessions[0].talks.map((t) => [t.id, t.localStart, t.localEnd])).toEqual([
      ['a', '2012-02-06T09:00:00+01:00', '2012-02-06T09:20:00+01:00'],
      ['b', '2012-02-06T09:20:00+01:00', '2012-02-06T09:50:00+01:00'],
      ['c', '2012-02-06T09:50:00+01:00', '2012-02-06T10:05:00+01:00'],
    ]);
    expect(snapshot.sessions[0].talks[2]).toMatchObject({ startsAt: '2012-02-06T08:50:00.000Z', endsAt: '2012-02-06T09:05:00.000Z', keywords: [], language: 'fr', sequence: 0 });
    expect(snapshot).toMatchObject({ format: 1, version: 3, publishedAt: '2012-01-20T10:00:00.000Z', note: 'Note', days: ['2012-02-06', '2012-02-07'] });
  });

  it('orders sessions by start, then room name (code points, not collation), then id', () => {
    const snapshot = assembleSnapshot(
      rows({
        sessions: [
          sessionRow('z', '2012-02-06T08:00:00Z', '2012-02-06T09:00:00Z', 'r2', 'Salle b'),
          sessionRow('y', '2012-02-06T08:00:00Z', '2012-02-06T09:00:00Z', 'r1', 'Salle B'),
          sessionRow('x', '2012-02-06T07:00:00Z', '2012-02-06T08:00:00Z', 'r2', 'Salle b'),
        ],
      }),
      META,
    );
    expect(snapshot.sessions.map((s) => s.id)).toEqual(['x', 'y', 'z']);
    expect(snapshot.rooms.map((r) => r.name)).toEqual(['Salle B', 'Salle b']);
  });

  it('names people as typed: speaker profiles, main speaker first; guests as guest:<id>; accounts without a name as N. N.', () => {
    const person = { display_name: null, first_name: null, last_name: null, affiliation: null };
    const snapshot = assembleSnapshot(
      rows({
        sessions: [sessionRow('s1', '2012-02-06T08:00:00Z', '2012-02-06T10:00:00Z', 'amphi', 'Amphithéâtre')],
        talks: [talkRow('a', 's1', 0, 20)],
        speakers: [
          { ...person, id: 'ss2', submission_id: 'sub-a', user_id: 'u-co', role: 'co', position: 1, created_at: at('2011-01-01'), first_name: 'Дмитрий', last_name: 'Иванов', affiliation: 'МГУ' },
          { ...person, id: 'ss1', submission_id: 'sub-a', user_id: 'u-main', role: 'main', position: 0, created_at: at('2011-01-02'), first_name: 'Ἀριστοτέλης', last_name: 'Παπαδόπουλος' },
        ],
        chairs: [
          { ...person, id: 'c2', session_id: 's1', user_id: 'u-staff', guest_name: null, guest_affiliation: null, position: 1 },
          { ...person, id: 'c1', session_id: 's1', user_id: null, guest_name: 'François-Xavier Lefèvre-Ñúñez', guest_affiliation: 'Villes Internet', position: 0 },
          { ...person, id: 'c3', session_id: 's1', user_id: 'u-org', guest_name: null, guest_affiliation: null, position: 2, display_name: 'Marie Organisatrice' },
        ],
      }),
      META,
    );
    expect(snapshot.sessions[0].talks[0].speakers).toEqual([
      { id: 'u-main', name: 'Ἀριστοτέλης Παπαδόπουλος', firstName: 'Ἀριστοτέλης', lastName: 'Παπαδόπουλος', affiliation: null },
      { id: 'u-co', name: 'Дмитрий Иванов', firstName: 'Дмитрий', lastName: 'Иванов', affiliation: 'МГУ' },
    ]);
    expect(snapshot.sessions[0].chairs).toEqual([
      { id: 'guest:c1', name: 'François-Xavier Lefèvre-Ñúñez', firstName: null, lastName: null, affiliation: 'Villes Internet' },
      { id: 'u-staff', name: UNNAMED, firstName: null, lastName: null, affiliation: null },
      { id: 'u-org', name: 'Marie Organisatrice', firstName: null, lastName: null, affiliation: null },
    ]);
  });

  it('lists organisations by role (co-organisers first), then rank, then name; the days of a timed event', () => {
    const org = (id: string, role: string, order: number, name: string) => ({ id, name, acronym: null, website: null, role, note: null, display_order: order });
    const snapshot = assembleSnapshot(
      rows({
        event: { ...rows().event, all_day: false, starts_at: at('2012-02-06T17:00:00Z'), ends_at: at('2012-02-06T20:00:00Z') },
        organisations: [org('1', 'sponsor', 0, 'Orange'), org('2', 'co-organiser', 1, 'CNRS'), org('3', 'co-organiser', 0, 'Villes Internet'), org('4', 'patron', 0, 'Ministère de la Ville'), org('5', 'co-organiser', 1, 'Agence')],
      }),
      META,
    );
    expect(snapshot.organisations.map((o) => o.name)).toEqual(['Villes Internet', 'Agence', 'CNRS', 'Ministère de la Ville', 'Orange']);
    expect(snapshot.days).toEqual(['2012-02-06']);
  });
});
