import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, notFound } from '../../common/errors/domain-error.js';
import { LabelEmbargoService, type LabelEmbargoState } from '../label-embargo.service.js';

/** A labelled town of a year, as the ceremony needs it (the level is for the embargo-aware callers only). */
export interface CeremonyTown {
  id: string;
  year: number;
  insee: string;
  townName: string;
  departement: string;
  region: string;
  level: number;
  firstParticipation: boolean;
  contactEmail: string | null;
}

/** A label year with its ceremony: the event, the part that seats people at it, and the embargo. */
export interface CeremonyYear {
  year: number;
  eventId: string | null;
  eventNameFr: string | null;
  eventSlug: string | null;
  timeZone: string;
  /** The ceremony session's start, else the event's (what the certificate dates). */
  ceremonyStart: Date | null;
  /** The event part of kind « ceremony » (the one of the ceremony session when several). */
  partId: string | null;
  embargo: LabelEmbargoState;
  /** The levels are public now (LabelEmbargoService, against the CLOCK). */
  revealed: boolean;
}

interface YearRow {
  name_fr: string | null;
  slug: string | null;
  time_zone: string | null;
  part_id: string | null;
}

interface TownRow {
  id: string;
  year: number;
  insee: string;
  town_name: string;
  departement: string;
  region: string;
  level: number;
  first_participation: boolean;
  contact_email: string | null;
}

export const TOWN_COLUMNS = `a.id, a.year, a.insee, a.town_name, a.departement, a.region, a.level, a.first_participation, a.contact_email`;

export function toTown(r: TownRow): CeremonyTown {
  return {
    id: r.id,
    year: Number(r.year),
    insee: r.insee,
    townName: r.town_name,
    departement: r.departement,
    region: r.region,
    level: Number(r.level),
    firstParticipation: r.first_participation,
    contactEmail: r.contact_email,
  };
}

/**
 * Reads the label tables for the ceremony: the year, its event, its ceremony part (event_parts, kind
 * « ceremony »), the embargo (LabelsModule's LabelEmbargoService), and the labelled towns. Plain
 * reads through the caller's EntityManager, so that a transaction reads on its own connection (the
 * embedded engine has only one). It writes nothing.
 */
@Injectable()
export class CeremonyYearReader {
  constructor(private readonly embargo: LabelEmbargoService) {}

  /** The year (404 when it does not exist) with its ceremony and where its embargo stands now. */
  async year(manager: EntityManager, year: number): Promise<CeremonyYear> {
    const embargo = await this.embargo.get(year, manager);
    const rows: YearRow[] = await manager.query(
      `SELECT e.name_fr, e.slug,
              (SELECT p.id FROM event_parts p WHERE p.event_id = y.event_id AND p.kind = 'ceremony'
               ORDER BY (p.session_id IS NOT NULL AND p.session_id = y.ceremony_session_id) DESC, p.display_order, p.code LIMIT 1) AS part_id
       FROM label_years y LEFT JOIN events e ON e.id = y.event_id
       WHERE y.year = $1`,
      [year],
    );
    const r = rows[0];
    if (!r) throw notFound('Label year', { year });
    return {
      year: embargo.year,
      eventId: embargo.eventId,
      eventNameFr: r.name_fr,
      eventSlug: r.slug,
      timeZone: embargo.timeZone,
      ceremonyStart: embargo.sessionStartsAt ?? embargo.eventStartsAt,
      partId: r.part_id,
      embargo,
      revealed: embargo.revealed,
    };
  }

  /** The year's ceremony event, or 409 when the year has none yet (nobody can be seated). */
  requireEvent(year: CeremonyYear): { eventId: string; partId: string } {
    if (!year.eventId) throw new DomainError(409, 'CEREMONY_NOT_SET', `The label year ${year.year} has no ceremony event yet`, { year: year.year });
    if (!year.partId) {
      throw new DomainError(409, 'CEREMONY_PART_MISSING', `The ceremony of ${year.year} has no part of kind « ceremony » to seat delegates in`, { year: year.year });
    }
    return { eventId: year.eventId, partId: year.partId };
  }

  /** One labelled town of the year (404 when the town has no label that year); locked when `lock`. */
  async town(manager: EntityManager, year: number, insee: string, lock = false): Promise<CeremonyTown> {
    const rows: TownRow[] = await manager.query(
      `SELECT ${TOWN_COLUMNS} FROM label_awards a WHERE a.year = $1 AND a.insee = $2${lock ? ' FOR UPDATE' : ''}`,
      [year, insee],
    );
    if (!rows[0]) throw notFound('Labelled town', { year, insee });
    return toTown(rows[0]);
  }

  /** The town whose contact holds this token hash, for that year and town only (404 otherwise). */
  async townByContactToken(manager: EntityManager, year: number, insee: string, tokenHash: string, lock = false): Promise<CeremonyTown> {
    const rows: TownRow[] = await manager.query(
      `SELECT ${TOWN_COLUMNS} FROM label_awards a WHERE a.contact_token_hash = $1 AND a.year = $2 AND a.insee = $3${lock ? ' FOR UPDATE' : ''}`,
      [tokenHash, year, insee],
    );
    if (!rows[0]) throw notFound('Town contact link');
    return toTown(rows[0]);
  }

  /** Every labelled town of the year. */
  async towns(manager: EntityManager, year: number): Promise<CeremonyTown[]> {
    const rows: TownRow[] = await manager.query(`SELECT ${TOWN_COLUMNS} FROM label_awards a WHERE a.year = $1`, [year]);
    return rows.map(toTown);
  }
}
