import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../common/errors/domain-error.js';
import type { ConflictCode, ConflictSeverity, ProgrammeInput, ProgrammeTalk } from './conflict-types.js';
import { unplacedProposals } from './session-conflicts.js';
import { scheduleTalks } from './talk-schedule.js';

/** The person id of a chair without an account. */
export const guestPersonId = (chairId: string) => `guest:${chairId}`;

/** An event's draft programme as the conflict engine reads it, with what the service adds around it. */
export interface LoadedProgramme {
  eventId: string;
  timeZone: string;
  input: ProgrammeInput;
  severities: Partial<Record<ConflictCode, ConflictSeverity>>;
  acknowledgedKeys: Set<string>;
  /** Set for a load restricted to a change's neighbourhood (see ChangeScope): who and what it covers. */
  covered?: CoveredScope;
  /** What a session or talk change leaves as it is (zone, severities, acknowledgements, venues, travel): read once per change. */
  fixed: FixedParts;
}

/** The parts of the input that no session or talk change writes, reusable within one change's transaction. */
export interface FixedParts {
  timeZone: string;
  settings: Array<{ code: ConflictCode; severity: ConflictSeverity }>;
  acks: Array<{ conflict_key: string }>;
  venues: VenueRow[];
  travel: TravelRow[];
}

/**
 * What one change can affect: the sessions it writes (`sessionIds`), and the proposals it may place
 * or unplace (`proposalIds`). A scoped load reads those sessions, everyone who chairs or speaks in
 * them (plus `personIds`, e.g. the people of the same sessions before the change), every other
 * commitment of those people, and only the proposals named or placed in those sessions.
 */
export interface ChangeScope {
  sessionIds: string[];
  personIds?: Iterable<string>;
  proposalIds?: Iterable<string>;
}

/** What a scoped load read completely: the conflicts of these people, sessions and proposals are exact. */
export interface CoveredScope {
  sessionIds: Set<string>;
  personIds: Set<string>;
  proposalIds: Set<string>;
}

interface EventRow {
  time_zone: string;
}
interface SessionRow {
  id: string;
  room_id: string;
  venue_id: string;
  starts_at: Date;
  ends_at: Date;
  kind: string;
  expected_attendance: number | null;
  title: string | null;
}
interface ChairRow {
  id: string;
  session_id: string;
  user_id: string | null;
  guest_name: string | null;
}
interface TalkRow {
  id: string;
  session_id: string;
  position: number;
  duration_minutes: number;
  submission_id: string;
  tentative: boolean;
  state: string;
  title: string | null;
  speaker_ids: string[];
}
interface RoomRow {
  id: string;
  venue_id: string;
  capacity: number | null;
}
interface VenueRow {
  id: string;
  name: string;
  opens_at: Date | null;
  closes_at: Date | null;
}
interface TravelRow {
  venue_a_id: string;
  venue_b_id: string;
  minutes: number;
}
interface UnavailabilityRow {
  user_id: string;
  starts_at: Date;
  ends_at: Date;
}
interface ProposalRow {
  id: string;
  state: string;
  title: string | null;
  speaker_ids: string[];
}
interface PersonRow {
  id: string;
  name: string;
}

/**
 * Reads an event's draft programme from the database in a constant number of queries, whatever its
 * size: the event, settings and acknowledgements, sessions (with their rooms' venues), chairs, talks
 * (with their proposals' state and accepted speakers), rooms, venues with openings, travel times,
 * unavailabilities, accepted proposals with no talk, and people's names. Reads the tables of the
 * capabilities below (venues, speakers, submissions) through joins, as the organisers' lists do, so
 * that it runs on the caller's transaction (PGlite has one connection: a second one would wait).
 */
/**
 * Runs the queries one after the other: they share the caller's transaction, that is one connection,
 * where queries sent together would only queue (and pg deprecates sending them while one runs).
 */
async function inSequence<T extends unknown[]>(...queries: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as T;
}

@Injectable()
export class ProgrammeInputLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The whole draft programme of the event; with `scope`, only the neighbourhood of a change (the
   * sessions it writes, the commitments of their people, the proposals concerned): a few rows
   * instead of thousands, so that a move answers its warnings without re-reading the programme.
   */
  async load(eventId: string, manager: EntityManager = this.dataSource.manager, scope?: ChangeScope, reuse?: FixedParts): Promise<LoadedProgramme> {
    const q = <T>(sql: string, params: unknown[]) => manager.query<T[]>(sql, params);
    const fixed = reuse ?? (await this.fixedParts(manager, eventId));
    const covered = scope ? await this.cover(manager, eventId, scope) : undefined;
    // $2 in the queries below: the sessions read (all of the event's when not scoped)
    const inSessions = (alias: string) => (covered ? ` AND ${alias} = ANY($2::uuid[])` : '');
    const sessionParams = covered ? [eventId, covered.readSessionIds] : [eventId];
    const [sessions, chairs, talks] = await inSequence(
      () => q<SessionRow>(
        `SELECT s.id, s.room_id, r.venue_id, s.starts_at, s.ends_at, s.kind, s.expected_attendance, coalesce(s.title_fr, s.title_en) AS title
         FROM sessions s JOIN rooms r ON r.id = s.room_id WHERE s.event_id = $1${inSessions('s.id')} ORDER BY s.starts_at, s.id`,
        sessionParams,
      ),
      () => q<ChairRow>(
        `SELECT c.id, c.session_id, c.user_id, c.guest_name FROM session_chairs c JOIN sessions s ON s.id = c.session_id
         WHERE s.event_id = $1${inSessions('s.id')} ORDER BY c.session_id, c.position, c.id`,
        sessionParams,
      ),
      () => q<TalkRow>(
        `SELECT t.id, t.session_id, t.position, t.duration_minutes, t.submission_id, t.tentative, sub.state,
                coalesce(sub.title_fr, sub.title_en) AS title,
                coalesce(array_agg(ss.user_id ORDER BY ss.position, ss.created_at) FILTER (WHERE ss.user_id IS NOT NULL), '{}') AS speaker_ids
         FROM talks t JOIN sessions s ON s.id = t.session_id JOIN submissions sub ON sub.id = t.submission_id
         LEFT JOIN submission_speakers ss ON ss.submission_id = sub.id AND ss.status = 'accepted'
         WHERE s.event_id = $1${inSessions('s.id')} GROUP BY t.id, sub.id ORDER BY t.session_id, t.position`,
        sessionParams,
      ),
    );
    const [rooms, unavailable, proposals] = await inSequence(
      () => q<RoomRow>(`SELECT r.id, r.venue_id, r.capacity FROM rooms r WHERE r.id IN (SELECT room_id FROM sessions s WHERE s.event_id = $1${inSessions('s.id')})`, sessionParams),
      () => q<UnavailabilityRow>(
        `SELECT user_id, starts_at, ends_at FROM speaker_unavailabilities WHERE event_id = $1${covered ? ' AND user_id = ANY($2::uuid[])' : ''} ORDER BY starts_at`,
        covered ? [eventId, [...covered.personIds].filter(isUuid)] : [eventId],
      ),
      () => q<ProposalRow>(
        `SELECT sub.id, sub.state, coalesce(sub.title_fr, sub.title_en) AS title,
                coalesce(array_agg(ss.user_id ORDER BY ss.position, ss.created_at) FILTER (WHERE ss.user_id IS NOT NULL), '{}') AS speaker_ids
         FROM submissions sub LEFT JOIN submission_speakers ss ON ss.submission_id = sub.id AND ss.status = 'accepted'
         WHERE sub.event_id = $1${covered ? ' AND sub.id = ANY($2::uuid[])' : ''} AND sub.state IN ('accepted', 'confirmed') AND NOT EXISTS (SELECT 1 FROM talks t WHERE t.submission_id = sub.id)
         GROUP BY sub.id ORDER BY sub.id`,
        covered ? [eventId, [...covered.proposalIds]] : [eventId],
      ),
    );

    const sessionById = new Map(sessions.map((s) => [s.id, s]));
    const programmeTalks: ProgrammeTalk[] = [];
    const talksBySession = groupBy(talks, (t) => t.session_id);
    for (const [sessionId, list] of talksBySession) {
      const session = sessionById.get(sessionId);
      if (!session) continue;
      for (const { talk, startsAt, endsAt } of scheduleTalks(session.starts_at, list.map((t) => ({ ...t, durationMinutes: t.duration_minutes })))) {
        programmeTalks.push({
          id: talk.id,
          sessionId,
          startsAt,
          endsAt,
          speakerIds: talk.speaker_ids,
          proposalState: talk.state,
          proposalId: talk.submission_id,
          tentative: talk.tentative,
          title: talk.title,
        });
      }
    }
    const chairsBySession = groupBy(chairs, (c) => c.session_id);
    const userIds = new Set<string>();
    for (const c of chairs) if (c.user_id) userIds.add(c.user_id);
    for (const t of talks) for (const id of t.speaker_ids) userIds.add(id);
    for (const p of proposals) for (const id of p.speaker_ids) userIds.add(id);
    for (const u of unavailable) userIds.add(u.user_id);
    const people = userIds.size
      ? await q<PersonRow>(
          `SELECT u.id, coalesce(nullif(concat_ws(' ', sp.first_name, sp.last_name), ''), u.display_name, u.email) AS name
           FROM users u LEFT JOIN speaker_profiles sp ON sp.user_id = u.id WHERE u.id = ANY($1::uuid[])`,
          [[...userIds]],
        )
      : [];

    const venueMap = new Map<string, { id: string; name: string; openings: { opensAt: Date; closesAt: Date }[] }>();
    for (const v of fixed.venues) {
      const venue = venueMap.get(v.id) ?? { id: v.id, name: v.name, openings: [] };
      if (v.opens_at && v.closes_at) venue.openings.push({ opensAt: v.opens_at, closesAt: v.closes_at });
      venueMap.set(v.id, venue);
    }

    const input: ProgrammeInput = {
      sessions: sessions.map((s) => ({
        id: s.id,
        roomId: s.room_id,
        venueId: s.venue_id,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        kind: s.kind,
        chairIds: (chairsBySession.get(s.id) ?? []).map((c) => c.user_id ?? guestPersonId(c.id)),
        expectedAttendance: s.expected_attendance,
        title: s.title,
      })),
      talks: programmeTalks,
      rooms: rooms.map((r) => ({ id: r.id, venueId: r.venue_id, capacity: r.capacity })),
      venues: [...venueMap.values()],
      travelTimes: fixed.travel.map((t) => ({ venueAId: t.venue_a_id, venueBId: t.venue_b_id, minutes: Number(t.minutes) })),
      unavailabilities: unavailable.map((u) => ({ personId: u.user_id, startsAt: u.starts_at, endsAt: u.ends_at })),
      unplacedProposals: unplacedProposals(
        proposals.map((p) => ({ id: p.id, title: p.title, speakerIds: p.speaker_ids, state: p.state })),
        programmeTalks,
      ),
      people: [
        ...people.map((p) => ({ id: p.id, name: p.name })),
        ...chairs.filter((c) => !c.user_id && c.guest_name).map((c) => ({ id: guestPersonId(c.id), name: c.guest_name! })),
      ],
    };
    return {
      eventId,
      timeZone: fixed.timeZone,
      input,
      severities: Object.fromEntries(fixed.settings.map((s) => [s.code, s.severity])),
      acknowledgedKeys: new Set(fixed.acks.map((a) => a.conflict_key)),
      fixed,
      ...(covered ? { covered: { sessionIds: covered.sessionIds, personIds: covered.personIds, proposalIds: covered.proposalIds } } : {}),
    };
  }

  /** The event's zone (404 for an unknown event), severities, acknowledgements, venues with openings and travel times. */
  private async fixedParts(manager: EntityManager, eventId: string): Promise<FixedParts> {
    const q = <T>(sql: string, params: unknown[]) => manager.query<T[]>(sql, params);
    const [event] = await q<EventRow>(`SELECT time_zone FROM events WHERE id = $1`, [eventId]);
    if (!event) throw notFound('Event');
    // The venues that matter: those of the event and its linked events, and those of the rooms in use.
    const venueIds = `(SELECT ev.venue_id FROM event_venues ev JOIN events e ON e.id = ev.event_id
                        WHERE e.id = $1 OR e.parent_event_id = $1 OR e.id = (SELECT parent_event_id FROM events WHERE id = $1)
                       UNION SELECT r.venue_id FROM sessions s JOIN rooms r ON r.id = s.room_id WHERE s.event_id = $1)`;
    const [settings, acks, venues, travel] = await inSequence(
      () => q<{ code: ConflictCode; severity: ConflictSeverity }>(`SELECT code, severity FROM programme_conflict_settings WHERE event_id = $1`, [eventId]),
      () => q<{ conflict_key: string }>(`SELECT conflict_key FROM programme_conflict_acknowledgements WHERE event_id = $1`, [eventId]),
      () => q<VenueRow>(
        `SELECT v.id, v.name, o.opens_at, o.closes_at FROM venues v LEFT JOIN venue_openings o ON o.venue_id = v.id
         WHERE v.id IN ${venueIds} ORDER BY v.id, o.opens_at`,
        [eventId],
      ),
      () => q<TravelRow>(
        `SELECT venue_a_id, venue_b_id, least(coalesce(walking_minutes, transit_minutes), coalesce(transit_minutes, walking_minutes)) AS minutes
         FROM venue_travel_times WHERE venue_a_id IN ${venueIds} AND venue_b_id IN ${venueIds}`,
        [eventId],
      ),
    );
    return { timeZone: event.time_zone, settings, acks, venues, travel };
  }

  /**
   * A change's neighbourhood: its sessions' people now (chairs with an account, accepted speakers of
   * their talks) with those given, the proposals placed in its sessions with those given, and the
   * sessions to read: its own and every session of the event where one of those people chairs or speaks.
   */
  private async cover(manager: EntityManager, eventId: string, scope: ChangeScope): Promise<CoveredScope & { readSessionIds: string[] }> {
    const sessionIds = [...new Set(scope.sessionIds)];
    const [people, placed] = await inSequence(
      () => manager.query<Array<{ id: string }>>(
        `SELECT c.user_id AS id FROM session_chairs c WHERE c.session_id = ANY($1::uuid[]) AND c.user_id IS NOT NULL
         UNION SELECT ss.user_id FROM talks t JOIN submission_speakers ss ON ss.submission_id = t.submission_id AND ss.status = 'accepted'
         WHERE t.session_id = ANY($1::uuid[]) AND ss.user_id IS NOT NULL`,
        [sessionIds],
      ),
      () => manager.query<Array<{ id: string }>>(`SELECT t.submission_id AS id FROM talks t WHERE t.session_id = ANY($1::uuid[])`, [sessionIds]),
    );
    const personIds = new Set([...(scope.personIds ?? []), ...people.map((p) => p.id)]);
    const proposalIds = new Set([...(scope.proposalIds ?? []), ...placed.map((p) => p.id)]);
    const accounts = [...personIds].filter(isUuid);
    const read = await manager.query<Array<{ id: string }>>(
      `SELECT s.id FROM sessions s WHERE s.event_id = $1 AND s.id = ANY($2::uuid[])
       UNION SELECT c.session_id FROM session_chairs c JOIN sessions s ON s.id = c.session_id WHERE s.event_id = $1 AND c.user_id = ANY($3::uuid[])
       UNION SELECT t.session_id FROM talks t JOIN sessions s ON s.id = t.session_id
             JOIN submission_speakers ss ON ss.submission_id = t.submission_id AND ss.status = 'accepted'
             WHERE s.event_id = $1 AND ss.user_id = ANY($3::uuid[])`,
      [eventId, sessionIds, accounts],
    );
    return { sessionIds: new Set(sessionIds), personIds, proposalIds, readSessionIds: read.map((r) => r.id) };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** People with an account (guest chairs are `guest:<chair id>`, and chair one session only). */
const isUuid = (id: string) => UUID.test(id);

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
