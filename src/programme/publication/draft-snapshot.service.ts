import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { notFound } from '../../common/errors/domain-error.js';
import type { ProgrammeSnapshot } from '../programme-snapshot.js';
import {
  assembleSnapshot,
  type ChairRow,
  type EventRow,
  type OrganisationRow,
  type ReleaseMeta,
  type SessionRow,
  type SpeakerRow,
  type TalkRow,
  type VenueRow,
} from './draft-snapshot.js';

/**
 * Reads the current draft of an event's programme as a ProgrammeSnapshot, in seven queries
 * whatever its size (event, sessions with rooms and tracks, chairs, talks with their proposals,
 * accepted speakers, venues, organisations). A read model over the tables of several
 * capabilities (programme, events, venues, submissions, speakers, organisations), read through
 * the caller's EntityManager so that publication freezes exactly what it checked.
 */
@Injectable()
export class DraftSnapshotService {
  async build(manager: EntityManager, eventId: string, meta: ReleaseMeta): Promise<ProgrammeSnapshot> {
    const [event] = await manager.query<EventRow[]>(
      `SELECT id, slug, name_fr, name_en, theme_fr, theme_en, starts_at, ends_at, all_day, time_zone, website
       FROM events WHERE id = $1`,
      [eventId],
    );
    if (!event) throw notFound('Event');
    const sessions = await manager.query<SessionRow[]>(
      `SELECT s.id, s.kind, s.starts_at, s.ends_at, s.title_fr, s.title_en, s.description_fr, s.description_en,
              s.expected_attendance, s.room_id, r.name AS room_name, r.capacity AS room_capacity, r.venue_id,
              tr.id AS track_id, tr.name_fr AS track_name_fr, tr.name_en AS track_name_en
       FROM sessions s
       JOIN rooms r ON r.id = s.room_id
       LEFT JOIN tracks tr ON tr.id = s.track_id
       WHERE s.event_id = $1`,
      [eventId],
    );
    const chairs = await manager.query<ChairRow[]>(
      `SELECT c.id, c.session_id, c.user_id, c.guest_name, c.guest_affiliation, c.position,
              u.display_name, sp.first_name, sp.last_name, sp.affiliation
       FROM session_chairs c
       JOIN sessions s ON s.id = c.session_id
       LEFT JOIN users u ON u.id = c.user_id
       LEFT JOIN speaker_profiles sp ON sp.user_id = c.user_id
       WHERE s.event_id = $1`,
      [eventId],
    );
    const talks = await manager.query<TalkRow[]>(
      `SELECT t.id, t.session_id, t.submission_id, t.position, t.duration_minutes,
              sub.state, sub.title_fr, sub.title_en, sub.abstract_fr, sub.abstract_en, sub.keywords,
              st.name_fr AS type_name, tr.id AS track_id, tr.name_fr AS track_name_fr, tr.name_en AS track_name_en
       FROM talks t
       JOIN sessions s ON s.id = t.session_id
       JOIN submissions sub ON sub.id = t.submission_id
       LEFT JOIN submission_types st ON st.id = sub.type_id
       LEFT JOIN tracks tr ON tr.id = sub.track_id
       WHERE s.event_id = $1`,
      [eventId],
    );
    const speakers = await manager.query<SpeakerRow[]>(
      `SELECT ss.id, ss.submission_id, ss.user_id, ss.role, ss.position, ss.created_at,
              u.display_name, sp.first_name, sp.last_name, sp.affiliation
       FROM submission_speakers ss
       JOIN talks t ON t.submission_id = ss.submission_id
       JOIN sessions s ON s.id = t.session_id
       LEFT JOIN users u ON u.id = ss.user_id
       LEFT JOIN speaker_profiles sp ON sp.user_id = ss.user_id
       WHERE s.event_id = $1 AND ss.status = 'accepted'`,
      [eventId],
    );
    const venues = await manager.query<VenueRow[]>(
      `SELECT v.id, v.name, v.street_address, v.postcode, v.city, v.country_code
       FROM venues v
       WHERE v.id IN (SELECT ev.venue_id FROM event_venues ev WHERE ev.event_id = $1)
          OR v.id IN (SELECT r.venue_id FROM sessions s JOIN rooms r ON r.id = s.room_id WHERE s.event_id = $1)`,
      [eventId],
    );
    const organisations = await manager.query<OrganisationRow[]>(
      `SELECT o.id, o.name, o.acronym, o.website, eo.role, eo.note, eo.display_order
       FROM event_organisations eo
       JOIN organisations o ON o.id = eo.organisation_id
       WHERE eo.event_id = $1`,
      [eventId],
    );
    return assembleSnapshot({ event, sessions, chairs, talks, speakers, venues, organisations }, meta);
  }
}
