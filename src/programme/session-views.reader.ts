import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { formatInZone, localDate } from '../common/time/zoned-time.js';
import type { SessionChairResponse, SessionResponse, TalkResponse, TalkSpeakerResponse } from './dto/session.response.js';
import { guestPersonId } from './programme-input.loader.js';
import { SESSION_KIND_LABELS, type SessionKind } from './session-kind.js';
import { minutesBetween, scheduleTalks, talksMinutes } from './talk-schedule.js';

interface SessionRow {
  id: string;
  event_id: string;
  kind: SessionKind;
  title_fr: string | null;
  title_en: string | null;
  description_fr: string | null;
  description_en: string | null;
  starts_at: Date;
  ends_at: Date;
  expected_attendance: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  time_zone: string;
  room_id: string;
  room_name: string;
  room_capacity: number;
  venue_id: string;
  venue_name: string;
  venue_street: string;
  venue_city: string;
  track_id: string | null;
  track_name_fr: string | null;
  track_name_en: string | null;
}

interface ChairRow {
  id: string;
  session_id: string;
  user_id: string | null;
  guest_name: string | null;
  guest_affiliation: string | null;
  user_name: string | null;
  user_affiliation: string | null;
}

interface TalkRow {
  id: string;
  session_id: string;
  submission_id: string;
  position: number;
  duration_minutes: number;
  version: number;
  tentative: boolean;
  state: string;
  title_fr: string | null;
  title_en: string | null;
  speakers: TalkSpeakerResponse[];
}

/** A person's display name: the speaker profile's names, else the account's display name, else its email. */
export const PERSON_NAME_SQL = (profile: string, user: string) =>
  `coalesce(nullif(concat_ws(' ', ${profile}.first_name, ${profile}.last_name), ''), ${user}.display_name, ${user}.email)`;

/**
 * Sessions as the API shows them, in three queries whatever their number: the sessions with their
 * room, venue, track and event zone; their chairs with names; their talks with their proposals'
 * titles, states and accepted speakers. Talk times are computed (talk-schedule.ts). Runs on the
 * caller's manager, so inside a transaction it sees the transaction's changes.
 */
@Injectable()
export class SessionViewsReader {
  async read(manager: EntityManager, ids: readonly string[]): Promise<SessionResponse[]> {
    if (ids.length === 0) return [];
    const list = [...ids];
    const sessions = await manager.query<SessionRow[]>(
      `SELECT s.id, s.event_id, s.kind, s.title_fr, s.title_en, s.description_fr, s.description_en, s.starts_at, s.ends_at,
              s.expected_attendance, s.version, s.created_at, s.updated_at, e.time_zone,
              r.id AS room_id, r.name AS room_name, r.capacity AS room_capacity,
              v.id AS venue_id, v.name AS venue_name, v.street_address AS venue_street, v.city AS venue_city,
              tr.id AS track_id, tr.name_fr AS track_name_fr, tr.name_en AS track_name_en
       FROM sessions s JOIN events e ON e.id = s.event_id JOIN rooms r ON r.id = s.room_id JOIN venues v ON v.id = r.venue_id
       LEFT JOIN tracks tr ON tr.id = s.track_id
       WHERE s.id = ANY($1::uuid[])`,
      [list],
    );
    const chairs = await manager.query<ChairRow[]>(
      `SELECT c.id, c.session_id, c.user_id, c.guest_name, c.guest_affiliation,
              ${PERSON_NAME_SQL('sp', 'u')} AS user_name, sp.affiliation AS user_affiliation
       FROM session_chairs c LEFT JOIN users u ON u.id = c.user_id LEFT JOIN speaker_profiles sp ON sp.user_id = c.user_id
       WHERE c.session_id = ANY($1::uuid[]) ORDER BY c.session_id, c.position, c.id`,
      [list],
    );
    const talks = await manager.query<TalkRow[]>(
      `SELECT t.id, t.session_id, t.submission_id, t.position, t.duration_minutes, t.version, t.tentative, sub.state, sub.title_fr, sub.title_en,
              coalesce(json_agg(json_build_object('userId', ss.user_id, 'name', coalesce(nullif(concat_ws(' ', sp.first_name, sp.last_name), ''), ss.email))
                                ORDER BY ss.role DESC, ss.position, ss.created_at) FILTER (WHERE ss.user_id IS NOT NULL), '[]'::json) AS speakers
       FROM talks t JOIN submissions sub ON sub.id = t.submission_id
       LEFT JOIN submission_speakers ss ON ss.submission_id = sub.id AND ss.status = 'accepted'
       LEFT JOIN speaker_profiles sp ON sp.user_id = ss.user_id
       WHERE t.session_id = ANY($1::uuid[]) GROUP BY t.id, sub.id ORDER BY t.session_id, t.position`,
      [list],
    );
    const byId = new Map(sessions.map((s) => [s.id, s]));
    return list.flatMap((id) => {
      const s = byId.get(id);
      if (!s) return [];
      return [toResponse(s, chairs.filter((c) => c.session_id === id), talks.filter((t) => t.session_id === id))];
    });
  }

  async readOne(manager: EntityManager, id: string): Promise<SessionResponse | null> {
    const [one] = await this.read(manager, [id]);
    return one ?? null;
  }
}

function toResponse(s: SessionRow, chairs: ChairRow[], talks: TalkRow[]): SessionResponse {
  const zone = s.time_zone;
  const timed = scheduleTalks(s.starts_at, talks.map((t) => ({ ...t, durationMinutes: t.duration_minutes })));
  return {
    id: s.id,
    eventId: s.event_id,
    kind: s.kind,
    kindLabelFr: SESSION_KIND_LABELS[s.kind]?.fr ?? s.kind,
    kindLabelEn: SESSION_KIND_LABELS[s.kind]?.en ?? s.kind,
    titleFr: s.title_fr,
    titleEn: s.title_en,
    descriptionFr: s.description_fr,
    descriptionEn: s.description_en,
    track: s.track_id ? { id: s.track_id, nameFr: s.track_name_fr ?? '', nameEn: s.track_name_en } : null,
    timeZone: zone,
    startsAt: formatInZone(s.starts_at, zone),
    endsAt: formatInZone(s.ends_at, zone),
    startsAtUtc: s.starts_at.toISOString(),
    endsAtUtc: s.ends_at.toISOString(),
    day: localDate(s.starts_at, zone),
    durationMinutes: Math.round(minutesBetween(s.starts_at, s.ends_at)),
    talksMinutes: talksMinutes(timed.map((t) => t.talk)),
    expectedAttendance: s.expected_attendance,
    version: s.version,
    room: { id: s.room_id, name: s.room_name, capacity: s.room_capacity },
    venue: { id: s.venue_id, name: s.venue_name, streetAddress: s.venue_street, city: s.venue_city },
    chairs: chairs.map(toChair),
    talks: timed.map(({ talk, startsAt, endsAt }) => toTalk(talk, startsAt, endsAt, zone)),
    createdAt: s.created_at.toISOString(),
    updatedAt: s.updated_at.toISOString(),
  };
}

function toChair(c: ChairRow): SessionChairResponse {
  const guest = c.user_id === null;
  return {
    id: c.id,
    userId: c.user_id,
    personId: c.user_id ?? guestPersonId(c.id),
    name: (guest ? c.guest_name : c.user_name) ?? '',
    affiliation: guest ? c.guest_affiliation : c.user_affiliation,
    guest,
  };
}

function toTalk(t: TalkRow, startsAt: Date, endsAt: Date, zone: string): TalkResponse {
  return {
    id: t.id,
    sessionId: t.session_id,
    submissionId: t.submission_id,
    position: t.position,
    durationMinutes: t.duration_minutes,
    version: t.version,
    startsAt: formatInZone(startsAt, zone),
    endsAt: formatInZone(endsAt, zone),
    startsAtUtc: startsAt.toISOString(),
    endsAtUtc: endsAt.toISOString(),
    titleFr: t.title_fr,
    titleEn: t.title_en,
    proposalState: t.state,
    tentative: t.tentative,
    speakers: t.speakers,
  };
}
