/**
 * What a session or a talk names, read on the caller's transaction: the event (zone, period, the
 * venues of it and of its linked events), a room's venue, a track, accounts, a proposal. These are
 * the tables of the capabilities below (events, venues, cfp, users, submissions), read through plain
 * queries rather than their services because the reads must run on the transaction's connection:
 * the embedded engine has a single connection, and a service's own query would wait for it forever.
 */
import type { EntityManager } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { formatInZone } from '../common/time/zoned-time.js';

export interface ProgrammeEvent {
  id: string;
  slug: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  /** Venues of the event, of its parent and of its children (the colloquium and its ceremony). */
  venueIds: Set<string>;
}

/** The event with the venues of its family; 404 NOT_FOUND when there is none. */
export async function loadProgrammeEvent(em: EntityManager, eventId: string): Promise<ProgrammeEvent> {
  const [row] = await em.query<Array<{ id: string; slug: string; time_zone: string; starts_at: Date; ends_at: Date; venue_ids: string[] }>>(
    `SELECT e.id, e.slug, e.time_zone, e.starts_at, e.ends_at,
            ARRAY(SELECT DISTINCT ev.venue_id FROM event_venues ev JOIN events f ON f.id = ev.event_id
                  WHERE f.id = e.id OR f.parent_event_id = e.id OR f.id = e.parent_event_id) AS venue_ids
     FROM events e WHERE e.id = $1`,
    [eventId],
  );
  if (!row) throw notFound('Event');
  return { id: row.id, slug: row.slug, timeZone: row.time_zone, startsAt: row.starts_at, endsAt: row.ends_at, venueIds: new Set(row.venue_ids) };
}

/** 422 unless the room exists and belongs to a venue of the event or of a linked event. */
export async function assertRoomOfEvent(em: EntityManager, roomId: string, event: ProgrammeEvent): Promise<void> {
  const [room] = await em.query<Array<{ venue_id: string; name: string; venue_name: string }>>(
    `SELECT r.venue_id, r.name, v.name AS venue_name FROM rooms r JOIN venues v ON v.id = r.venue_id WHERE r.id = $1`,
    [roomId],
  );
  if (!room) throw new DomainError(422, 'ROOM_NOT_FOUND', 'roomId does not name a room', { roomId });
  if (!event.venueIds.has(room.venue_id)) {
    throw new DomainError(
      422,
      'ROOM_NOT_IN_EVENT',
      `The room "${room.name}" (${room.venue_name}) is not at a venue of this event or of an event linked to it`,
      { roomId, venueId: room.venue_id },
    );
  }
}

/** 422 unless the track belongs to the event. */
export async function assertTrackOfEvent(em: EntityManager, trackId: string, eventId: string): Promise<void> {
  const [track] = await em.query<Array<{ event_id: string }>>(`SELECT event_id FROM tracks WHERE id = $1`, [trackId]);
  if (!track || track.event_id !== eventId) {
    throw new DomainError(422, 'TRACK_NOT_IN_EVENT', 'trackId does not name a track of this event', { trackId });
  }
}

/** Account ids of the given ids and emails: `missing` lists what names no account. */
export async function findAccounts(em: EntityManager, ids: string[], emails: string[]): Promise<{ byId: Set<string>; byEmail: Map<string, string> }> {
  if (ids.length === 0 && emails.length === 0) return { byId: new Set(), byEmail: new Map() };
  const rows = await em.query<Array<{ id: string; email: string }>>(
    `SELECT id, email FROM users WHERE id = ANY($1::uuid[]) OR email = ANY($2::text[])`,
    [ids, emails.map((e) => e.toLowerCase())],
  );
  return { byId: new Set(rows.map((r) => r.id)), byEmail: new Map(rows.map((r) => [r.email, r.id])) };
}

export interface PlaceableProposal {
  id: string;
  eventId: string;
  state: string;
  title: string | null;
  /** The proposal's own length, else its type's default. */
  defaultMinutes: number;
}

/** The proposal (row locked FOR SHARE, so that its state cannot change until commit); 422 when there is none. */
export async function loadProposal(em: EntityManager, submissionId: string): Promise<PlaceableProposal> {
  const [row] = await em.query<Array<{ id: string; event_id: string; state: string; title: string | null; minutes: number }>>(
    `SELECT s.id, s.event_id, s.state, coalesce(s.title_fr, s.title_en) AS title, coalesce(s.duration_minutes, t.default_minutes) AS minutes
     FROM submissions s JOIN submission_types t ON t.id = s.type_id WHERE s.id = $1 FOR SHARE OF s`,
    [submissionId],
  );
  if (!row) throw new DomainError(422, 'PROPOSAL_NOT_FOUND', 'submissionId does not name a proposal', { submissionId });
  return { id: row.id, eventId: row.event_id, state: row.state, title: row.title, defaultMinutes: Number(row.minutes) };
}

/** The session that holds `roomId` during part of the period (other than `exceptId`), for a 409 ROOM_OCCUPIED. */
export async function occupyingSession(
  em: EntityManager,
  roomId: string,
  period: { startsAt: Date; endsAt: Date },
  exceptId: string | null,
): Promise<{ id: string; title: string | null; starts_at: Date; ends_at: Date; time_zone: string } | null> {
  const [row] = await em.query<Array<{ id: string; title: string | null; starts_at: Date; ends_at: Date; time_zone: string }>>(
    `SELECT s.id, coalesce(s.title_fr, s.title_en) AS title, s.starts_at, s.ends_at, e.time_zone
     FROM sessions s JOIN events e ON e.id = s.event_id
     WHERE s.room_id = $1 AND tstzrange(s.starts_at, s.ends_at, '[)') && tstzrange($2, $3, '[)') AND ($4::uuid IS NULL OR s.id <> $4)
     ORDER BY s.starts_at LIMIT 1`,
    [roomId, period.startsAt, period.endsAt, exceptId],
  );
  return row ?? null;
}

/** The 409 ROOM_OCCUPIED answer naming the other session (or a generic one when it is gone already). */
export function roomOccupied(other: Awaited<ReturnType<typeof occupyingSession>>): DomainError {
  if (!other) return new DomainError(409, 'ROOM_OCCUPIED', 'The room holds another session at that time');
  const from = formatInZone(other.starts_at, other.time_zone);
  const to = formatInZone(other.ends_at, other.time_zone);
  return new DomainError(409, 'ROOM_OCCUPIED', `The room holds the session "${other.title ?? other.id}" from ${from} to ${to}`, {
    session: { id: other.id, title: other.title, startsAt: from, endsAt: to, startsAtUtc: other.starts_at.toISOString(), endsAtUtc: other.ends_at.toISOString() },
  });
}
