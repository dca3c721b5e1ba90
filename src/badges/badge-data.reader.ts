import type { EntityManager } from 'typeorm';
import type { LabelForm, ParticipantCategory } from '../participants/participant-category.js';
import { eventDatesLabel, type BadgePerson } from './badge-fields.js';
import { BADGE_CATEGORY_SQL, badgeFilterSql, type BadgeFilter } from './badge-filter.js';
import type { BadgeEventAssets, BadgeLogo } from './badge-renderer.js';

export interface BadgeEventRow extends BadgeEventAssets {
  kind: string;
}

interface PersonRow {
  id: string;
  first_name: string;
  last_name: string;
  affiliation: string | null;
  town: string | null;
  badge_token: string;
  category: ParticipantCategory | null;
  label_form: LabelForm;
  ribbons: string[];
  status: string;
  anonymised_at: Date | null;
  event_id: string;
}

const PERSON_COLUMNS = `p.id, p.event_id, p.first_name, p.last_name, p.affiliation, p.town, p.badge_token, p.status, p.anonymised_at, p.label_form,
  ${BADGE_CATEGORY_SQL} AS category,
  ARRAY(SELECT ep.badge_ribbon FROM part_admissions ra JOIN event_parts ep ON ep.id = ra.part_id
        WHERE ra.participant_id = p.id AND ra.status = 'admitted' AND ep.badge_ribbon IS NOT NULL
        ORDER BY ep.display_order, ep.code) AS ribbons`;

const toPerson = (r: PersonRow): BadgePerson => ({
  participantId: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  affiliation: r.affiliation,
  town: r.town,
  category: r.category,
  labelForm: r.label_form,
  token: r.badge_token,
  ribbons: r.ribbons ?? [],
});

/**
 * The reads badges need, as plain SQL over the participants, parts, events and organisations
 * tables (read only; those modules own them). Each takes the manager to run on, so that it can
 * be the print job's transaction.
 */
export const BadgeDataReader = {
  /** The event with its dates as a badge shows them and the logos of its co-organisers, patron and supporters; null if none. */
  async event(manager: EntityManager, eventId: string): Promise<BadgeEventRow | null> {
    const [e] = await manager.query(`SELECT id, kind, name_fr, starts_at, ends_at, all_day, time_zone FROM events WHERE id = $1`, [eventId]);
    if (!e) return null;
    const logos: { organisation_id: string; role: BadgeLogo['role']; content: Buffer }[] = await manager.query(
      `SELECT eo.organisation_id, eo.role, l.content FROM event_organisations eo JOIN organisation_logos l ON l.organisation_id = eo.organisation_id
       WHERE eo.event_id = $1 AND eo.role IN ('patron', 'co-organiser', 'supporter')
       ORDER BY CASE eo.role WHEN 'patron' THEN 0 WHEN 'co-organiser' THEN 1 ELSE 2 END, eo.display_order, eo.organisation_id`,
      [eventId],
    );
    return {
      id: e.id,
      kind: e.kind,
      name: e.name_fr,
      dates: eventDatesLabel(new Date(e.starts_at), new Date(e.ends_at), e.all_day, e.time_zone),
      logos: logos.map((l) => ({ organisationId: l.organisation_id, role: l.role, bytes: l.content })),
    };
  },

  /** One participant as a badge shows them, with their event, status and whether anonymised; null if none. */
  async person(manager: EntityManager, participantId: string): Promise<{ person: BadgePerson; eventId: string; status: string; anonymised: boolean } | null> {
    const [row]: PersonRow[] = await manager.query(`SELECT ${PERSON_COLUMNS} FROM participants p WHERE p.id = $1`, [participantId]);
    return row ? { person: toPerson(row), eventId: row.event_id, status: row.status, anonymised: row.anonymised_at !== null } : null;
  },

  /** The participants a filter selects, sorted by last name then first name with accents and case ignored. */
  async people(manager: EntityManager, eventId: string, filter: BadgeFilter): Promise<BadgePerson[]> {
    const { where, params } = badgeFilterSql(eventId, filter);
    const rows: PersonRow[] = await manager.query(
      `SELECT ${PERSON_COLUMNS} FROM participants p WHERE ${where}
       ORDER BY unaccent(lower(p.last_name)), unaccent(lower(p.first_name)), p.last_name, p.first_name, p.id`,
      params,
    );
    return rows.map(toPerson);
  },

  /**
   * The badges of a print job in PDF order with each person as they are now (a cancelled or
   * anonymised participant comes back as `person: null`: their slot stays empty).
   */
  async jobPeople(manager: EntityManager, jobId: string): Promise<{ template: string; page: number; backPage: number | null; slot: number; participantId: string; person: BadgePerson | null }[]> {
    const rows: (PersonRow & { template: string; page: number; back_page: number | null; slot: number })[] = await manager.query(
      `SELECT i.template, i.page, i.back_page, i.slot, ${PERSON_COLUMNS}
       FROM badge_print_job_items i JOIN participants p ON p.id = i.participant_id WHERE i.job_id = $1 ORDER BY i.position`,
      [jobId],
    );
    return rows.map((r) => ({
      template: r.template,
      page: r.page,
      backPage: r.back_page,
      slot: r.slot,
      participantId: r.id,
      person: r.status === 'registered' && r.anonymised_at === null ? toPerson(r) : null,
    }));
  },

  /** Of these ids, those that are not registered participants of the event (for a clear 422). */
  async missing(manager: EntityManager, eventId: string, ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT i.id::text AS id FROM unnest($2::uuid[]) AS i(id)
       WHERE NOT EXISTS (SELECT 1 FROM participants p WHERE p.id = i.id AND p.event_id = $1 AND p.status = 'registered' AND p.anonymised_at IS NULL)`,
      [eventId, ids],
    );
    return rows.map((r) => r.id);
  },

  /** Organisers' template per category at the event. */
  async choices(manager: EntityManager, eventId: string): Promise<Map<string, string>> {
    const rows: { category: string; template: string }[] = await manager.query(`SELECT category, template FROM badge_template_choices WHERE event_id = $1`, [eventId]);
    return new Map(rows.map((r) => [r.category, r.template]));
  },
};
