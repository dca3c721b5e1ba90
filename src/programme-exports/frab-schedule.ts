import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { ProgrammeSnapshot, SnapshotPerson, SnapshotSession, SnapshotTalk } from '../programme/programme-snapshot.js';
import { inPageLanguage, sessionPagePath, talkPagePath } from '../programme/publication/programme-page-urls.js';
import {
  EXPORT_LABELS,
  eventName,
  eventTheme,
  inLanguage,
  labelled,
  otherLanguageTitle,
  sessionKindLabel,
  sessionTitle,
  talkTitle,
  trackName,
  type ExportLanguage,
} from './export-language.js';
import { personUuid, SnapshotIndex } from './snapshot-places.js';

/**
 * The frab / pentabarf schedule ("schedule.xml", and the schedule JSON of frab and pretalx) as
 * plain data, built once from a snapshot and written out by frab-schedule-xml.ts and
 * frab-schedule-json.ts. The format is flat (a room holds events, an event holds persons), so a
 * session with talks is given as its talks (each says which session it belongs to and who
 * chairs it), and a session without talks (a break, the ceremony, a round table) as one event
 * whose persons are its chairs. GUIDs are the item ids, so they never change between versions.
 */

/** Options every schedule needs beyond the snapshot. */
export interface ScheduleOptions {
  lang: ExportLanguage;
  /** Public address of the back-office (PUBLIC_URL), for the schedule's and the events' URLs. */
  publicUrl: string;
  /** Name and version of the software, for the `generator` element. */
  generator: { name: string; version: string };
}

export interface SchedulePerson {
  guid: string;
  id: number;
  name: string;
}

export interface ScheduleEvent {
  guid: string;
  id: number;
  slug: string;
  url: string;
  /** Local start with offset (2012-02-06T18:00:00+01:00), local end, HH:mm start, HH:mm duration. */
  date: string;
  end: string;
  start: string;
  duration: string;
  room: string;
  title: string;
  subtitle: string;
  /** Never empty: see scheduleTrack. */
  track: string;
  type: string;
  language: 'fr' | 'en';
  abstract: string;
  description: string;
  persons: SchedulePerson[];
}

export interface ScheduleRoom {
  guid: string;
  name: string;
  capacity: number | null;
  events: ScheduleEvent[];
}

export interface ScheduleDay {
  index: number;
  date: string;
  dayStart: string;
  dayEnd: string;
  rooms: ScheduleRoom[];
}

export interface Schedule {
  generator: { name: string; version: string };
  /** Where this document is served. */
  url: string;
  version: string;
  conference: {
    acronym: string;
    title: string;
    description: string | null;
    start: string;
    end: string;
    daysCount: number;
    timeslotDuration: string;
    timeZoneName: string;
    url: string;
    tracks: string[];
    rooms: { guid: string; name: string; capacity: number | null }[];
    /** The venues' names and their cities (« CNRS / Espace Cardin », « Paris »), as pentabarf's `venue` and `city` said them. */
    venue: string | null;
    city: string | null;
  };
  days: ScheduleDay[];
}

/**
 * The conference acronym both schemas accept (XSD: [a-z0-9_-]{4,}; JSON: no hyphen after the
 * first character): the event's slug in lower case without anything else (vtn2012).
 */
export function scheduleAcronym(slug: string): string {
  const acronym = slug.toLowerCase().replace(/[^a-z0-9_]/g, '');
  return acronym.padEnd(4, '_');
}

/** A positive 31-bit number derived from a uuid (the legacy integer `id` both formats require). */
function hashedId(uuid: string): number {
  return (parseInt(createHash('sha256').update(uuid).digest('hex').slice(0, 8), 16) & 0x7fffffff) || 1;
}

/**
 * Integer ids for the events: a hash of each GUID, so that an item keeps its id from one version
 * to the next; on the rare collision inside one document, the later GUID (in sorted order) takes
 * the next free number, so ids stay unique as the XSD requires.
 */
function eventIds(guids: string[]): Map<string, number> {
  const ids = new Map<string, number>();
  const used = new Set<number>();
  for (const guid of [...guids].sort()) {
    let id = hashedId(guid);
    while (used.has(id)) id = (id % 0x7fffffff) + 1;
    used.add(id);
    ids.set(guid, id);
  }
  return ids;
}

/** One event of the schedule: a talk, or a session without talks. */
interface ScheduleEntry {
  session: SnapshotSession;
  talk: SnapshotTalk | null;
}

/** HH:mm of a duration in minutes (03:00 for the ceremony). */
function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function minutesBetween(startUtc: string, endUtc: string): number {
  return Math.round((Date.parse(endUtc) - Date.parse(startUtc)) / 60_000);
}

function localIso(utcIso: string, zone: string): string {
  return DateTime.fromISO(utcIso, { zone: 'UTC' }).setZone(zone).toISO({ suppressMilliseconds: true, includeOffset: true }) as string;
}

function person(p: SnapshotPerson): SchedulePerson {
  const guid = personUuid(p);
  return { guid, id: hashedId(guid), name: p.name };
}

/**
 * The `track` of an event, never empty (schedule apps show an empty one as « No track » and file
 * the event under it): the talk's track, else its session's, else the session's title for a talk
 * (the talks of one session then sit together in the apps' track lists) and the session's kind
 * (« Pause », « Cérémonie ») for a session without talks.
 */
export function scheduleTrack(session: SnapshotSession, talk: SnapshotTalk | null, lang: ExportLanguage): string {
  return trackName(talk?.track ?? session.track, lang) ?? (talk ? sessionTitle(session, lang) : sessionKindLabel(session, lang));
}

/** Builds the schedule of a published version. Pure: the same snapshot and options give the same schedule. */
export function buildSchedule(snapshot: ProgrammeSnapshot, options: ScheduleOptions): Schedule {
  const { lang } = options;
  const labels = EXPORT_LABELS[lang];
  const zone = snapshot.event.timeZone;
  const index = new SnapshotIndex(snapshot);
  const acronym = scheduleAcronym(snapshot.event.slug);
  const programmeUrl = `${options.publicUrl}/api/events/${snapshot.event.id}/programme`;

  // Room names as the schedule shows them: the room and its venue, since the programme spans two.
  const roomNames = new Map(
    snapshot.rooms.map((room) => {
      const venue = index.venue(room.venueId);
      return [room.id, venue ? `${room.name} (${venue.name})` : room.name];
    }),
  );

  const entries = snapshot.sessions.flatMap((session): ScheduleEntry[] =>
    session.talks.length ? session.talks.map((talk) => ({ session, talk })) : [{ session, talk: null }],
  );
  const ids = eventIds(entries.map((e) => (e.talk ?? e.session).id));

  const sessionContext = (session: SnapshotSession): string => {
    const lines = [labelled(lang, labels.session, `${sessionTitle(session, lang)} (${sessionKindLabel(session, lang)})`)];
    if (session.chairs.length) lines.push(labelled(lang, labels.chairs(session.chairs.length), session.chairs.map((c) => c.name).join(', ')));
    return lines.join('\n');
  };

  const toEvent = ({ session, talk }: ScheduleEntry): ScheduleEvent => {
    const item = talk ?? session;
    const guid = item.id.toLowerCase();
    const minutes = minutesBetween(item.startsAt, item.endsAt);
    const description = talk
      ? [inLanguage(lang, talk.abstractFr, talk.abstractEn), sessionContext(session)]
      : [inLanguage(lang, session.descriptionFr, session.descriptionEn), sessionContext(session)];
    return {
      guid,
      id: ids.get(item.id)!,
      slug: `${acronym}-${guid}`,
      // the page a person reads: the talk's own page, the session's place on the programme page
      url: `${options.publicUrl}${inPageLanguage(talk ? talkPagePath(snapshot.event.slug, talk.id) : sessionPagePath(snapshot.event.slug, session.id), lang)}`,
      date: localIso(item.startsAt, zone),
      end: localIso(item.endsAt, zone),
      start: DateTime.fromISO(item.startsAt, { zone: 'UTC' }).setZone(zone).toFormat('HH:mm'),
      duration: hhmm(minutes),
      room: roomNames.get(session.roomId) ?? session.roomId,
      title: talk ? talkTitle(talk, lang) : sessionTitle(session, lang),
      subtitle: talk ? labelled(lang, labels.session, sessionTitle(session, lang)) : (otherLanguageTitle(lang, session.titleFr, session.titleEn) ?? ''),
      track: scheduleTrack(session, talk, lang),
      type: talk ? (talk.typeName ?? 'talk') : session.kind,
      language: talk ? talk.language : session.titleFr ? 'fr' : 'en',
      abstract: (talk ? inLanguage(lang, talk.abstractFr, talk.abstractEn) : inLanguage(lang, session.descriptionFr, session.descriptionEn)) ?? '',
      description: description.filter((part): part is string => !!part).join('\n\n'),
      persons: (talk ? talk.speakers : session.chairs).map(person),
    };
  };

  const days: ScheduleDay[] = snapshot.days.map((date, i) => {
    const start = DateTime.fromISO(date, { zone });
    const onDay = entries.filter((e) => e.session.day === date);
    const rooms = snapshot.rooms
      .map((room) => ({
        guid: room.id.toLowerCase(),
        name: roomNames.get(room.id)!,
        capacity: room.capacity,
        events: onDay.filter((e) => e.session.roomId === room.id).map(toEvent),
      }))
      .filter((room) => room.events.length > 0);
    return {
      index: i + 1,
      date,
      dayStart: start.toISO({ suppressMilliseconds: true }) as string,
      dayEnd: start.plus({ days: 1 }).toISO({ suppressMilliseconds: true }) as string,
      rooms,
    };
  });

  // every track an event names, in programme order, so that readers colour and list them all
  const tracks = [...new Set(entries.map(({ session, talk }) => scheduleTrack(session, talk, lang)))];
  // the venues the programme uses (all the event's while nothing is scheduled)
  const inUse = snapshot.venues.filter((venue) => snapshot.sessions.some((s) => index.place(s).venue?.id === venue.id));
  const used = inUse.length ? inUse : snapshot.venues;
  const distinct = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))].join(' / ') || null;

  return {
    generator: options.generator,
    url: `${programmeUrl}.xml`,
    version: String(snapshot.version),
    conference: {
      acronym,
      title: eventName(snapshot, lang),
      description: eventTheme(snapshot, lang),
      start: snapshot.days[0] ?? DateTime.fromISO(snapshot.event.startsAt, { zone: 'UTC' }).setZone(zone).toISODate()!,
      end: snapshot.days[snapshot.days.length - 1] ?? DateTime.fromISO(snapshot.event.endsAt, { zone: 'UTC' }).setZone(zone).toISODate()!,
      daysCount: snapshot.days.length,
      timeslotDuration: '00:05',
      timeZoneName: zone,
      url: snapshot.event.website && /^https?:\/\//.test(snapshot.event.website) ? snapshot.event.website : programmeUrl,
      tracks,
      rooms: snapshot.rooms.map((room) => ({ guid: room.id.toLowerCase(), name: roomNames.get(room.id)!, capacity: room.capacity })),
      venue: distinct(used.map((v) => v.name)),
      city: distinct(used.map((v) => v.city)),
    },
    days,
  };
}
