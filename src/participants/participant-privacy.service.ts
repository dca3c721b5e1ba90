import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { AdmissionsService } from './admissions.service.js';
import type { ParticipantsAnonymisedResponse } from './dto/participants-anonymised.response.js';
import { affectedCount } from './participant-sql.js';

/** What a participant's personal link finds (SHA-256 of the token = participants.access_token_hash). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Everything stored about one participant, as they download it. */
export interface ParticipantData {
  exportedAt: string;
  event: { id: string; slug: string; nameFr: string };
  participant: Record<string, unknown>;
  admissions: Array<Record<string, unknown>>;
}

/** The personal data which anonymising replaces or clears (kept: categories, roles, days, town, consents off, status, counts). */
const ANONYMISE_SET = `first_name = 'Anonyme', last_name = 'Anonyme', email = 'anonyme-' || lower(id::text) || '@anonymised.invalid',
  affiliation = NULL, dietary_needs = NULL, accessibility_needs = NULL, consent_public_list = false, consent_photo = false,
  user_id = NULL, guest_name = NULL, guest_key = NULL, access_token_hash = NULL, anonymised_at = now(), updated_at = now()`;

/**
 * Personal data: a participant's download of their data and erasure through their personal link,
 * and the organisers' anonymisation of a whole event once its retention date has passed. An
 * anonymised participant keeps its row, categories, days, status and admissions, so every count
 * stays right; names, email, affiliation, needs, consents, account link, token and a programme guest's name and key go.
 */
@Injectable()
export class ParticipantPrivacyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly admissions: AdmissionsService,
  ) {}

  async dataOf(token: string): Promise<ParticipantData> {
    const [p] = await this.dataSource.query<Array<Record<string, unknown> & { id: string; event_id: string }>>(
      `SELECT p.id, p.event_id, p.user_id, p.email, p.guest_name, p.first_name, p.last_name, p.affiliation, p.town, p.town_insee, p.categories,
              p.programme_roles, p.days::text[] AS days, p.dietary_needs, p.accessibility_needs, p.consent_public_list,
              p.consent_photo, p.status, p.source, p.cancelled_at, p.created_at, p.updated_at,
              e.slug AS event_slug, e.name_fr AS event_name_fr
       FROM participants p JOIN events e ON e.id = p.event_id
       WHERE p.access_token_hash = $1 AND p.anonymised_at IS NULL`,
      [tokenHash(token)],
    );
    if (!p) throw notFound('Registration');
    const admissions = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT ep.id AS part_id, ep.code, ep.name_fr, ep.name_en, a.status, a.admitted_at, a.cancelled_at, a.created_at
       FROM part_admissions a JOIN event_parts ep ON ep.id = a.part_id
       WHERE a.participant_id = $1 ORDER BY ep.display_order, ep.code`,
      [p.id],
    );
    return {
      exportedAt: new Date().toISOString(),
      event: { id: p.event_id, slug: p.event_slug as string, nameFr: p.event_name_fr as string },
      participant: {
        id: p.id,
        userId: p.user_id,
        email: p.email,
        guestName: p.guest_name,
        firstName: p.first_name,
        lastName: p.last_name,
        affiliation: p.affiliation,
        town: p.town,
        townInsee: p.town_insee,
        categories: p.categories,
        programmeRoles: p.programme_roles,
        days: p.days,
        dietaryNeeds: p.dietary_needs,
        accessibilityNeeds: p.accessibility_needs,
        consentPublicList: p.consent_public_list,
        consentPhoto: p.consent_photo,
        status: p.status,
        source: p.source,
        cancelledAt: p.cancelled_at,
        createdAt: p.created_at,
        updatedAt: p.updated_at,
      },
      admissions: admissions.map((a) => ({
        partId: a.part_id,
        partCode: a.code,
        partNameFr: a.name_fr,
        partNameEn: a.name_en,
        status: a.status,
        admittedAt: a.admitted_at,
        cancelledAt: a.cancelled_at,
        createdAt: a.created_at,
      })),
    };
  }

  /** Erasure asked through the personal link: seats released (waiting lists move up), then the record anonymised and the link revoked. */
  async erase(token: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<Array<{ id: string }>>(
        `SELECT id FROM participants WHERE access_token_hash = $1 AND anonymised_at IS NULL FOR UPDATE`,
        [tokenHash(token)],
      );
      if (!row) throw notFound('Registration');
      await this.admissions.releaseAll(manager, row.id);
      await manager.query(`UPDATE participants SET ${ANONYMISE_SET} WHERE id = $1`, [row.id]);
    });
  }

  /** Every participant of the event, once the retention date has passed (409 before); running it again changes nothing. */
  async anonymiseEvent(eventId: string): Promise<ParticipantsAnonymisedResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertRetentionPassed(manager, eventId);
      const result = await manager.query(`UPDATE participants SET ${ANONYMISE_SET} WHERE event_id = $1 AND anonymised_at IS NULL`, [eventId]);
      const [{ n }] = await manager.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM participants WHERE event_id = $1`, [eventId]);
      return { anonymised: affectedCount(result), total: n };
    });
  }

  private async assertRetentionPassed(manager: EntityManager, eventId: string): Promise<void> {
    const [row] = await manager.query<Array<{ retention_until: string | null; today: string }>>(
      `SELECT s.retention_until::text AS retention_until, (now() AT TIME ZONE e.time_zone)::date::text AS today
       FROM events e LEFT JOIN participant_settings s ON s.event_id = e.id WHERE e.id = $1`,
      [eventId],
    );
    if (!row) throw notFound('Event');
    if (row.retention_until === null || row.today <= row.retention_until) {
      throw new DomainError(
        409,
        'RETENTION_NOT_REACHED',
        row.retention_until === null
          ? 'No retention date is set for this event’s participants (PUT …/participant-settings)'
          : `Participants’ data are kept until ${row.retention_until}: anonymise them after that date`,
        { retentionUntil: row.retention_until, today: row.today },
      );
    }
  }
}
