import { formatInZone, localDate, nextLocalDate } from '../../common/time/zoned-time.js';
import { periodDates } from '../../events/event-period.js';
import { EVENT_ROLES } from '../../organisations/organisation-kind.js';
import {
  SNAPSHOT_FORMAT,
  type ProgrammeSnapshot,
  type SnapshotOrganisation,
  type SnapshotPerson,
  type SnapshotRoom,
  type SnapshotSession,
  type SnapshotTalk,
  type SnapshotTrack,
  type SnapshotVenue,
} from '../programme-snapshot.js';
import { SESSION_KIND_LABELS, type SessionKind } from '../session-kind.js';

/**
 * Turns the rows of the draft programme (as the snapshot queries return them, snake_case) into a
 * ProgrammeSnapshot: talk times from the session's start and the durations before them, times in
 * the event's zone, lists in a deterministic order (code-point comparison, never the database's
 * collation, so that two engines give the same JSON). Pure: no database, no clock.
 */

export interface EventRow {
  id: string;
  slug: string;
  name_fr: string;
  name_en: string | null;
  theme_fr: string | null;
  theme_en: string | null;
  starts_at: Date;
  ends_at: Date;
  all_day: boolean;
  time_zone: string;
  website: string | null;
}

export interface SessionRow {
  id: string;
  kind: string;
  starts_at: Date;
  ends_at: Date;
  title_fr: string | null;
  title_en: string | null;
  description_fr: string | null;
  description_en: string | null;
  expected_attendance: number | null;
  room_id: string;
  room_name: string;
  room_capacity: number | null;
  venue_id: string;
  track_id: string | null;
  track_name_fr: string | null;
  track_name_en: string | null;
}

/** A person's names as the database holds them: a speaker profile, an account's display name, or a guest. */
interface PersonColumns {
  user_id: string | null;
  display_name: string | null;
  first_name: string | null;
  last_name: string | null;
  affiliation: string | null;
}

export interface ChairRow extends PersonColumns {
  id: string;
  session_id: string;
  guest_name: string | null;
  guest_affiliation: string | null;
  position: number;
}

export interface TalkRow {
  id: string;
  session_id: string;
  submission_id: string;
  position: number;
  duration_minutes: number;
  state: string;
  title_fr: string | null;
  title_en: string | null;
  abstract_fr: string | null;
  abstract_en: string | null;
  keywords: string[] | null;
  type_name: string | null;
  track_id: string | null;
  track_name_fr: string | null;
  track_name_en: string | null;
}

export interface SpeakerRow extends PersonColumns {
  id: string;
  submission_id: string;
  role: 'main' | 'co';
  position: number;
  created_at: Date;
}

export interface VenueRow {
  id: string;
  name: string;
  street_address: string;
  postcode: string;
  city: string;
  country_code: string;
}

export interface OrganisationRow {
  id: string;
  name: string;
  acronym: string | null;
  website: string | null;
  role: string;
  note: string | null;
  display_order: number;
}

export interface DraftRows {
  event: EventRow;
  sessions: SessionRow[];
  chairs: ChairRow[];
  talks: TalkRow[];
  speakers: SpeakerRow[];
  venues: VenueRow[];
  organisations: OrganisationRow[];
}

export interface ReleaseMeta {
  version: number;
  publishedAt: Date;
  note: string | null;
}

/** Placeholder for a person whose account carries no name (« nomen nescio »). */
export const UNNAMED = 'N. N.';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

function personOf(row: PersonColumns, fallbackId: string): SnapshotPerson {
  if (row.first_name !== null || row.last_name !== null) {
    const firstName = row.first_name ?? null;
    const lastName = row.last_name ?? null;
    const name = [firstName, lastName].filter((p) => p && p.trim()).join(' ') || row.display_name || UNNAMED;
    return { id: row.user_id ?? fallbackId, name, firstName, lastName, affiliation: row.affiliation ?? null };
  }
  return { id: row.user_id ?? fallbackId, name: row.display_name?.trim() || UNNAMED, firstName: null, lastName: null, affiliation: null };
}

function chairOf(row: ChairRow): SnapshotPerson {
  if (row.user_id === null) {
    return { id: `guest:${row.id}`, name: row.guest_name ?? UNNAMED, firstName: null, lastName: null, affiliation: row.guest_affiliation ?? null };
  }
  return personOf(row, row.user_id);
}

function trackOf(id: string | null, nameFr: string | null, nameEn: string | null): SnapshotTrack | null {
  return id === null ? null : { id, nameFr: nameFr ?? '', nameEn: nameEn ?? null };
}

function kindLabels(kind: string): { fr: string; en: string } {
  return SESSION_KIND_LABELS[kind as SessionKind] ?? { fr: kind, en: kind };
}

/** Every local date from the event's first day to its last. */
function eventDays(event: EventRow): string[] {
  const { startDate, endDate } = periodDates({ startsAt: event.starts_at, endsAt: event.ends_at, allDay: event.all_day, timeZone: event.time_zone });
  const days: string[] = [];
  for (let day = startDate; day <= endDate && days.length < 3660; day = nextLocalDate(day, event.time_zone)) days.push(day);
  return days;
}

const ROLE_RANK = new Map<string, number>(EVENT_ROLES.map((role, i) => [role, i]));

export function assembleSnapshot(rows: DraftRows, meta: ReleaseMeta): ProgrammeSnapshot {
  const zone = rows.event.time_zone;
  const chairsBySession = groupBy(rows.chairs, (c) => c.session_id);
  const talksBySession = groupBy(rows.talks, (t) => t.session_id);
  const speakersBySubmission = groupBy(rows.speakers, (s) => s.submission_id);

  const speakersOf = (submissionId: string): SnapshotPerson[] =>
    [...(speakersBySubmission.get(submissionId) ?? [])]
      .sort((a, b) => (a.role === b.role ? 0 : a.role === 'main' ? -1 : 1) || a.position - b.position || a.created_at.getTime() - b.created_at.getTime() || byText(a.id, b.id))
      .map((s) => personOf(s, `speaker:${s.id}`));

  const sessions: SnapshotSession[] = rows.sessions.map((s) => {
    const labels = kindLabels(s.kind);
    let cursor = s.starts_at.getTime();
    const talks: SnapshotTalk[] = [...(talksBySession.get(s.id) ?? [])]
      .sort((a, b) => a.position - b.position || byText(a.id, b.id))
      .map((t) => {
        const start = new Date(cursor);
        cursor += t.duration_minutes * 60_000;
        const end = new Date(cursor);
        return {
          id: t.id,
          submissionId: t.submission_id,
          position: t.position,
          startsAt: start.toISOString(),
          endsAt: end.toISOString(),
          localStart: formatInZone(start, zone),
          localEnd: formatInZone(end, zone),
          durationMinutes: t.duration_minutes,
          titleFr: t.title_fr,
          titleEn: t.title_en,
          abstractFr: t.abstract_fr,
          abstractEn: t.abstract_en,
          language: t.title_fr ? 'fr' : 'en',
          keywords: [...(t.keywords ?? [])],
          typeName: t.type_name,
          track: trackOf(t.track_id, t.track_name_fr, t.track_name_en),
          speakers: speakersOf(t.submission_id),
          proposalState: t.state,
          sequence: 0,
        };
      });
    const chairs = [...(chairsBySession.get(s.id) ?? [])].sort((a, b) => a.position - b.position || byText(a.id, b.id)).map(chairOf);
    return {
      id: s.id,
      kind: s.kind,
      kindLabelFr: labels.fr,
      kindLabelEn: labels.en,
      startsAt: s.starts_at.toISOString(),
      endsAt: s.ends_at.toISOString(),
      localStart: formatInZone(s.starts_at, zone),
      localEnd: formatInZone(s.ends_at, zone),
      day: localDate(s.starts_at, zone),
      titleFr: s.title_fr,
      titleEn: s.title_en,
      descriptionFr: s.description_fr,
      descriptionEn: s.description_en,
      track: trackOf(s.track_id, s.track_name_fr, s.track_name_en),
      roomId: s.room_id,
      venueId: s.venue_id,
      chairs,
      expectedAttendance: s.expected_attendance,
      talks,
      sequence: 0,
    };
  });
  const roomName = new Map(rows.sessions.map((s) => [s.room_id, s.room_name]));
  sessions.sort((a, b) => byText(a.startsAt, b.startsAt) || byText(roomName.get(a.roomId) ?? '', roomName.get(b.roomId) ?? '') || byText(a.id, b.id));

  const rooms = new Map<string, SnapshotRoom>();
  for (const s of rows.sessions) rooms.set(s.room_id, { id: s.room_id, name: s.room_name, venueId: s.venue_id, capacity: s.room_capacity });
  const venues: SnapshotVenue[] = rows.venues.map((v) => ({
    id: v.id,
    name: v.name,
    streetAddress: v.street_address,
    postalCode: v.postcode,
    city: v.city,
    countryCode: v.country_code.trim(),
  }));
  const venueName = new Map(venues.map((v) => [v.id, v.name]));
  const organisations: SnapshotOrganisation[] = [...rows.organisations]
    .sort((a, b) => (ROLE_RANK.get(a.role) ?? 99) - (ROLE_RANK.get(b.role) ?? 99) || a.display_order - b.display_order || byText(a.name, b.name) || byText(a.id, b.id))
    .map((o) => ({ id: o.id, name: o.name, acronym: o.acronym, website: o.website, role: o.role, roleLabel: o.note }));

  const e = rows.event;
  return {
    format: SNAPSHOT_FORMAT,
    version: meta.version,
    publishedAt: meta.publishedAt.toISOString(),
    note: meta.note,
    event: {
      id: e.id,
      slug: e.slug,
      nameFr: e.name_fr,
      nameEn: e.name_en,
      themeFr: e.theme_fr,
      themeEn: e.theme_en,
      startsAt: e.starts_at.toISOString(),
      endsAt: e.ends_at.toISOString(),
      timeZone: zone,
      website: e.website,
    },
    days: eventDays(e),
    venues: venues.sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id)),
    rooms: [...rooms.values()].sort(
      (a, b) => byText(venueName.get(a.venueId) ?? '', venueName.get(b.venueId) ?? '') || byText(a.venueId, b.venueId) || byText(a.name, b.name) || byText(a.id, b.id),
    ),
    sessions,
    organisations,
  };
}
