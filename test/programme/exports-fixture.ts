import { DateTime } from 'luxon';
import {
  SNAPSHOT_FORMAT,
  type ProgrammeSnapshot,
  type SnapshotPerson,
  type SnapshotSession,
  type SnapshotTalk,
  type SnapshotTrack,
} from '../../src/programme/programme-snapshot.js';

/**
 * A published programme of the 2012 colloquium, built by hand as the publication would freeze it:
 * two days at the CNRS (3 rue Michel-Ange, 75016 Paris) and the ceremony at Espace Cardin
 * (1 avenue Gabriel, 75008 Paris) on the first evening, speakers and chairs whose names use
 * Latin diacritics, Polish, polytonic Greek and Cyrillic, long titles, one title in English only,
 * a guest chair without an account. The people are invented; the event, venues and organisations
 * are those of the press release.
 */

const ZONE = 'Europe/Paris';

export const IDS = {
  event: '6a0f3c2e-5d1b-4e8a-9c47-0b2d7e9f1a01',
  cnrs: '0c7e2a51-9b3d-4f60-8e21-5a4c3b2d1e02',
  cardin: '1d8f3b62-ac4e-4071-9f32-6b5d4c3e2f03',
  amphi: '2e904c73-bd5f-4182-a043-7c6e5d4f3a04',
  salle: '3fa15d84-ce60-4293-b154-8d7f6e5a4b05',
  salon: '40b26e95-df71-43a4-8265-9e807f6b5c06',
  trackGov: '51c37fa6-e082-44b5-9376-af918a7c6d07',
  trackKnow: '62d480b7-f193-45c6-a487-b0a29b8d7e08',
  opening: '73e591c8-02a4-46d7-b598-c1b3ac9e8f09',
  coffee1: '84f6a2d9-13b5-47e8-86a9-d2c4bdaf9a10',
  workshop: '9507b3ea-24c6-48f9-97ba-e3d5cebaab11',
  roundTable: 'a618c4fb-35d7-490a-a8cb-f4e6dfcbbc12',
  ceremony: 'b729d50c-46e8-4a1b-b9dc-05f7e0dccd13',
  keynote: 'c83ae61d-57f9-4b2c-8aed-160801edde14',
  coffee2: 'd94bf72e-680a-4c3d-9bfe-271912fe0f15',
  closing: 'ea5c083f-791b-4d4e-8c0f-382a230f1016',
  talkWrobel: 'fb6d1940-8a2c-4e5f-9d10-493b34102117',
  talkAristotelis: '0c7e2a51-9b3d-4f60-8e21-5a4c45213218',
  talkIvanov: '1d8f3b62-ac4e-4071-9f32-6b5d56324319',
  talkDupre: '2e904c73-bd5f-4182-a043-7c6e67435420',
  talkObrien: '3fa15d84-ce60-4293-b154-8d7f78546521',
  talkKeynote: '40b26e95-df71-43a4-8265-9e8089657622',
  helene: '51c37fa6-e082-44b5-9376-af919a768723',
  lukasz: '62d480b7-f193-45c6-a487-b0a2ab879824',
  aristotelis: '73e591c8-02a4-46d7-b598-c1b3bc98a925',
  dmitri: '84f6a2d9-13b5-47e8-86a9-d2c4cda9ba26',
  zoe: '9507b3ea-24c6-48f9-97ba-e3d5debacb27',
  guestChair: 'a618c4fb-35d7-490a-a8cb-f4e6efcbdc28',
} as const;

/** Every person's display name, as the PDF must print it. */
export const NAMES = {
  helene: 'Hélène Dupré',
  lukasz: 'Łukasz Wróbel',
  aristotelis: 'Ἀριστοτέλης Παπαδόπουλος',
  dmitri: 'Дмитрий Иванов',
  zoe: "Zoë O'Brien-Müller",
  guestChair: 'François-Xavier Lefèvre-Ñúñez',
} as const;

const person = (id: string, firstName: string, lastName: string, affiliation: string | null): SnapshotPerson => ({
  id,
  name: `${firstName} ${lastName}`,
  firstName,
  lastName,
  affiliation,
});

const people = {
  helene: person(IDS.helene, 'Hélène', 'Dupré', 'Université Toulouse Le Mirail'),
  lukasz: person(IDS.lukasz, 'Łukasz', 'Wróbel', 'Uniwersytet Wrocławski'),
  aristotelis: person(IDS.aristotelis, 'Ἀριστοτέλης', 'Παπαδόπουλος', 'Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών'),
  dmitri: person(IDS.dmitri, 'Дмитрий', 'Иванов', 'Московский государственный университет'),
  zoe: person(IDS.zoe, 'Zoë', "O'Brien-Müller", 'Trinity College Dublin'),
  guestChair: person(`guest:${IDS.guestChair}`, 'François-Xavier', 'Lefèvre-Ñúñez', 'Association des Villes Internet'),
};

const tracks: Record<'gov' | 'know', SnapshotTrack> = {
  gov: { id: IDS.trackGov, nameFr: 'Gouvernance locale et e-démocratie', nameEn: 'Local governance and e-democracy' },
  know: { id: IDS.trackKnow, nameFr: 'Société de la connaissance', nameEn: 'Knowledge society' },
};

export const LONG_TITLE_FR =
  'Des territoires numériques aux communautés de connaissance : comment les collectivités locales françaises, polonaises, ' +
  'grecques et russes réinventent l’action publique à l’ère de l’Internet participatif (1995–2012), entre fracture numérique, ' +
  'démocratie électronique et coopération intercommunale';

export const ENGLISH_ONLY_TITLE = 'Digital public services in Russian municipalities: from e-government portals to citizen participation';

/** Instants of a local wall-clock time in Paris, as the snapshot writes them. */
function when(day: string, hhmm: string): { utc: string; local: string } {
  const local = DateTime.fromISO(`${day}T${hhmm}`, { zone: ZONE });
  return { utc: local.toUTC().toISO() as string, local: local.toISO({ suppressMilliseconds: true }) as string };
}

const KIND_LABELS: Record<string, [string, string]> = {
  plenary: ['Séance plénière', 'Plenary session'],
  workshop: ['Atelier', 'Workshop'],
  'round-table': ['Table ronde', 'Round table'],
  keynote: ['Conférence invitée', 'Keynote'],
  break: ['Pause', 'Break'],
  reception: ['Cocktail', 'Reception'],
  ceremony: ['Cérémonie', 'Ceremony'],
};

interface TalkSpec {
  id: string;
  minutes: number;
  titleFr: string | null;
  titleEn: string | null;
  speakers: SnapshotPerson[];
  track?: SnapshotTrack | null;
  abstractFr?: string | null;
  abstractEn?: string | null;
  state?: string;
}

interface SessionSpec {
  id: string;
  kind: string;
  day: string;
  from: string;
  to: string;
  room: string;
  venue: string;
  titleFr: string | null;
  titleEn: string | null;
  descriptionFr?: string | null;
  descriptionEn?: string | null;
  track?: SnapshotTrack | null;
  chairs?: SnapshotPerson[];
  expectedAttendance?: number | null;
  talks?: TalkSpec[];
}

function session(spec: SessionSpec): SnapshotSession {
  const start = when(spec.day, spec.from);
  const end = when(spec.day, spec.to);
  let cursor = DateTime.fromISO(start.utc, { zone: 'UTC' });
  const talks: SnapshotTalk[] = (spec.talks ?? []).map((t, position) => {
    const talkStart = cursor;
    const talkEnd = cursor.plus({ minutes: t.minutes });
    cursor = talkEnd;
    return {
      id: t.id,
      submissionId: t.id.replace(/^.{8}/, '5ab00000'),
      position,
      startsAt: talkStart.toISO() as string,
      endsAt: talkEnd.toISO() as string,
      localStart: talkStart.setZone(ZONE).toISO({ suppressMilliseconds: true }) as string,
      localEnd: talkEnd.setZone(ZONE).toISO({ suppressMilliseconds: true }) as string,
      durationMinutes: t.minutes,
      titleFr: t.titleFr,
      titleEn: t.titleEn,
      abstractFr: t.abstractFr ?? null,
      abstractEn: t.abstractEn ?? null,
      language: t.titleFr ? 'fr' : 'en',
      keywords: [],
      typeName: 'Communication',
      track: t.track ?? spec.track ?? null,
      speakers: t.speakers,
      proposalState: t.state ?? 'confirmed',
      sequence: 0,
    };
  });
  const [kindLabelFr, kindLabelEn] = KIND_LABELS[spec.kind];
  return {
    id: spec.id,
    kind: spec.kind,
    kindLabelFr,
    kindLabelEn,
    startsAt: start.utc,
    endsAt: end.utc,
    localStart: start.local,
    localEnd: end.local,
    day: spec.day,
    titleFr: spec.titleFr,
    titleEn: spec.titleEn,
    descriptionFr: spec.descriptionFr ?? null,
    descriptionEn: spec.descriptionEn ?? null,
    track: spec.track ?? null,
    roomId: spec.room,
    venueId: spec.venue,
    chairs: spec.chairs ?? [],
    expectedAttendance: spec.expectedAttendance ?? null,
    talks,
    sequence: 0,
  };
}

const DAY1 = '2012-02-06';
const DAY2 = '2012-02-07';

/** Version 1 of the programme, as published on 1 February 2012 at 10:00 Paris time. */
export function programmeFixture(): ProgrammeSnapshot {
  const sessions = [
    session({
      id: IDS.opening, kind: 'plenary', day: DAY1, from: '09:00', to: '10:30', room: IDS.amphi, venue: IDS.cnrs,
      titleFr: 'Ouverture : le rôle des collectivités locales dans la société de la connaissance',
      titleEn: 'Opening: the role of local authorities in the knowledge society',
      track: tracks.know, chairs: [people.helene, people.guestChair], expectedAttendance: 120,
      talks: [
        { id: IDS.talkWrobel, minutes: 30, titleFr: 'Les villes polonaises face au numérique : l’exemple de Wrocław', titleEn: 'Polish cities and the digital shift: the case of Wrocław', speakers: [people.lukasz], abstractFr: 'Étude de cas sur Wrocław, Łódź et Gdańsk.' },
        { id: IDS.talkAristotelis, minutes: 30, titleFr: LONG_TITLE_FR, titleEn: null, speakers: [people.aristotelis, people.zoe] },
        { id: IDS.talkDupre, minutes: 30, titleFr: 'Le Label Ville Internet, treize ans d’observation des politiques numériques locales', titleEn: 'The Ville Internet label: thirteen years of local digital policies', speakers: [people.helene] },
      ],
    }),
    session({
      id: IDS.coffee1, kind: 'break', day: DAY1, from: '10:30', to: '11:00', room: IDS.amphi, venue: IDS.cnrs,
      titleFr: 'Pause café', titleEn: 'Coffee break',
    }),
    session({
      id: IDS.workshop, kind: 'workshop', day: DAY1, from: '11:00', to: '12:30', room: IDS.salle, venue: IDS.cnrs,
      titleFr: 'Atelier 1 — Démocratie électronique, participation citoyenne et services publics numériques dans les communes et les intercommunalités d’Europe',
      titleEn: 'Workshop 1 — E-democracy, citizen participation and digital public services in European towns',
      track: tracks.gov, chairs: [people.zoe], expectedAttendance: 45,
      talks: [
        { id: IDS.talkIvanov, minutes: 30, titleFr: null, titleEn: ENGLISH_ONLY_TITLE, speakers: [people.dmitri], abstractEn: 'Survey of 120 municipalities.' },
        { id: IDS.talkObrien, minutes: 30, titleFr: 'Participation « en ligne » : mesurer l’engagement des habitants', titleEn: 'Online participation: measuring residents’ engagement', speakers: [people.zoe, people.lukasz], state: 'accepted' },
      ],
    }),
    session({
      id: IDS.roundTable, kind: 'round-table', day: DAY1, from: '14:00', to: '15:30', room: IDS.amphi, venue: IDS.cnrs,
      titleFr: 'Table ronde : chercheurs et élus, quelles coopérations ?', titleEn: null,
      chairs: [people.guestChair], descriptionFr: 'Avec des élus des villes labellisées.',
    }),
    session({
      id: IDS.ceremony, kind: 'ceremony', day: DAY1, from: '18:00', to: '21:00', room: IDS.salon, venue: IDS.cardin,
      titleFr: 'Remise du Label Ville Internet 2012', titleEn: 'Ville Internet Label 2012 award ceremony',
      descriptionFr: 'Sous le parrainage de Maurice Leroy, Ministre de la Ville.', descriptionEn: 'Under the patronage of Maurice Leroy, Minister for Cities.',
      expectedAttendance: 350,
    }),
    session({
      id: IDS.keynote, kind: 'keynote', day: DAY2, from: '09:30', to: '10:30', room: IDS.amphi, venue: IDS.cnrs,
      titleFr: 'Conférence invitée : géographie de la société de l’information', titleEn: 'Keynote: geography of the information society',
      chairs: [people.helene],
      talks: [{ id: IDS.talkKeynote, minutes: 60, titleFr: 'Géographie de la société de l’information', titleEn: 'Geography of the information society', speakers: [people.dmitri] }],
    }),
    session({
      id: IDS.coffee2, kind: 'break', day: DAY2, from: '10:30', to: '11:00', room: IDS.amphi, venue: IDS.cnrs,
      titleFr: 'Pause café', titleEn: 'Coffee break',
    }),
    session({
      id: IDS.closing, kind: 'plenary', day: DAY2, from: '11:30', to: '12:30', room: IDS.amphi, venue: IDS.cnrs,
      titleFr: 'Clôture du colloque', titleEn: 'Closing session', chairs: [people.zoe, people.guestChair],
    }),
  ];
  return {
    format: SNAPSHOT_FORMAT,
    version: 1,
    publishedAt: '2012-02-01T09:00:00.000Z',
    note: 'Première version du programme',
    event: {
      id: IDS.event,
      slug: 'vtn2012',
      nameFr: 'Colloque international « Villes et territoires numériques »',
      nameEn: 'International colloquium “Digital cities and territories”',
      themeFr: 'Société de l’information, société de la connaissance : le rôle des collectivités locales',
      themeEn: 'Information society, knowledge society: the role of local authorities',
      startsAt: '2012-02-05T23:00:00.000Z',
      endsAt: '2012-02-07T23:00:00.000Z',
      timeZone: ZONE,
      website: 'http://www.vtn2012.fr',
    },
    days: [DAY1, DAY2],
    venues: [
      { id: IDS.cnrs, name: 'CNRS', streetAddress: '3 rue Michel-Ange', postalCode: '75016', city: 'Paris', countryCode: 'FR' },
      { id: IDS.cardin, name: 'Espace Cardin', streetAddress: '1 avenue Gabriel', postalCode: '75008', city: 'Paris', countryCode: 'FR' },
    ],
    rooms: [
      { id: IDS.amphi, name: 'Amphithéâtre Marie Curie', venueId: IDS.cnrs, capacity: 250 },
      { id: IDS.salle, name: 'Salle Jean Perrin', venueId: IDS.cnrs, capacity: 60 },
      { id: IDS.salon, name: 'Grand Salon', venueId: IDS.cardin, capacity: 400 },
    ],
    sessions,
    organisations: [
      { id: 'c0000000-0000-4000-8000-000000000001', name: 'Association des Villes Internet', acronym: 'Villes Internet', website: 'http://www.villes-internet.net', role: 'co-organiser', roleLabel: null },
      { id: 'c0000000-0000-4000-8000-000000000002', name: 'Projet KNetworks', acronym: 'KNetworks', website: null, role: 'co-organiser', roleLabel: null },
      { id: 'c0000000-0000-4000-8000-000000000003', name: 'Université Toulouse Le Mirail', acronym: null, website: null, role: 'co-organiser', roleLabel: null },
      { id: 'c0000000-0000-4000-8000-000000000004', name: 'Institut des Sciences de la Communication du CNRS', acronym: 'ISCC', website: null, role: 'co-organiser', roleLabel: null },
      { id: 'c0000000-0000-4000-8000-000000000005', name: 'Ministère de la Ville', acronym: null, website: null, role: 'patron', roleLabel: 'sous le parrainage de Maurice Leroy, Ministre de la Ville' },
      { id: 'c0000000-0000-4000-8000-000000000005', name: 'Ministère de la Ville', acronym: null, website: null, role: 'supporter', roleLabel: null },
      { id: 'c0000000-0000-4000-8000-000000000006', name: 'Mutuelle Nationale Territoriale', acronym: 'MNT', website: null, role: 'supporter', roleLabel: null },
      { id: 'c0000000-0000-4000-8000-000000000007', name: 'Comité Interministériel des Villes', acronym: 'CIV', website: null, role: 'supporter', roleLabel: null },
      { id: 'c0000000-0000-4000-8000-000000000008', name: 'Délégation aux Usages de l’Internet', acronym: 'DUI', website: null, role: 'supporter', roleLabel: null },
      { id: 'c0000000-0000-4000-8000-000000000009', name: 'Commission « Geography of the Information Society »', acronym: null, website: null, role: 'supporter', roleLabel: null },
      { id: 'c0000000-0000-4000-8000-00000000000a', name: 'Agence Universitaire de la Francophonie', acronym: 'AUF', website: null, role: 'supporter', roleLabel: null },
    ],
  };
}

/**
 * Version 2: the same programme where only the second day's coffee break moved (10:30 → 10:45,
 * 15 minutes later), so only its sequence is raised.
 */
export function movedFixture(): ProgrammeSnapshot {
  const snapshot = programmeFixture();
  snapshot.version = 2;
  snapshot.publishedAt = '2012-02-03T16:30:00.000Z';
  snapshot.note = 'Pause du mardi décalée';
  const moved = snapshot.sessions.find((s) => s.id === IDS.coffee2)!;
  const start = when(DAY2, '10:45');
  const end = when(DAY2, '11:15');
  Object.assign(moved, { startsAt: start.utc, endsAt: end.utc, localStart: start.local, localEnd: end.local, sequence: 1 });
  return snapshot;
}

/** The people of the fixture, for tests that look for every name. */
export const ALL_PEOPLE = Object.values(people);
