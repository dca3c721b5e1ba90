import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, notFound, validationFailed } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { MailService } from '../mail/mail.service.js';
import { AdmissionsService, type AdmissionView } from './admissions.service.js';
import type { RegistrationUpdateDto } from './dto/registration-update.dto.js';
import type { RegistrationResponse } from './dto/registration.response.js';
import { sha256 } from './idempotency.js';
import { daysError, readRegistrationContext, requireContext, resolvePartRefs, unknownPartsError } from './registration-context.js';
import { REGISTRATION_COLUMNS, registrationLink, toRegistrationParticipant, type RegistrationRow } from './registration-view.js';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The personal link (`/api/registrations/:token`): view, change, cancel, revoke. The token is
 * looked up by its SHA-256 (an unknown, malformed or revoked one is 404); a change locks the
 * participant's row and runs in one transaction with its seats (AdmissionsService).
 */
@Injectable()
export class RegistrationLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly admissions: AdmissionsService,
    private readonly mail: MailService,
  ) {}

  async get(token: string): Promise<RegistrationResponse> {
    return this.dataSource.transaction(async (m) => this.view(m, (await this.holder(m, token, false)).id));
  }

  async update(token: string, dto: RegistrationUpdateDto): Promise<RegistrationResponse> {
    return this.dataSource.transaction(async (m) => {
      const me = await this.holder(m, token, true);
      const context = requireContext(await readRegistrationContext(m, me.event_id, [...(dto.dropParts ?? []), ...(dto.addParts ?? [])]));
      const invalid = daysError(dto.days, context);
      if (invalid) throw invalid;
      if (me.status !== 'registered') throw conflict('This registration is cancelled', undefined, 'REGISTRATION_CANCELLED');
      const set: string[] = [];
      const values: unknown[] = [me.id];
      const put = (column: string, value: unknown, cast = '') => {
        values.push(value);
        set.push(`${column} = $${values.length}${cast}`);
      };
      if (dto.firstName !== undefined) put('first_name', dto.firstName);
      if (dto.lastName !== undefined) put('last_name', dto.lastName);
      if (dto.affiliation !== undefined) put('affiliation', dto.affiliation ?? null);
      if (dto.town !== undefined) {
        if (!dto.town && me.categories.includes('city-representative')) throw validationFailed('A city representative gives their town', { field: 'town' });
        put('town', dto.town ?? null);
      }
      if (dto.days !== undefined) put('days', dto.days ?? [], '::date[]');
      if (dto.dietaryNeeds !== undefined) put('dietary_needs', dto.dietaryNeeds ?? null);
      if (dto.accessibilityNeeds !== undefined) put('accessibility_needs', dto.accessibilityNeeds ?? null);
      if (dto.consentPublicList !== undefined) put('consent_public_list', dto.consentPublicList);
      if (dto.consentPhoto !== undefined) put('consent_photo', dto.consentPhoto);
      if (set.length) await m.query(`UPDATE participants SET ${set.join(', ')}, updated_at = now() WHERE id = $1`, values);
      if (context.unknownParts.length) throw unknownPartsError(context.unknownParts);
      const drop = resolvePartRefs(dto.dropParts ?? [], context.parts).partIds;
      const add = resolvePartRefs(dto.addParts ?? [], context.parts).partIds;
      if (add.some((id) => drop.includes(id))) throw validationFailed('A part cannot be both added and dropped', { field: 'addParts' });
      for (const partId of [...drop].sort()) await this.admissions.releaseSeat(m, partId, me.id);
      await this.admissions.requestSeats(m, me.id, add);
      return this.view(m, me.id);
    });
  }

  /** Cancels the registration: every seat is released, and waiting people promoted. */
  async cancel(token: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const me = await this.holder(m, token, true);
      if (me.status === 'cancelled') return;
      await m.query(`UPDATE participants SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1`, [me.id]);
      await this.admissions.releaseAll(m, me.id);
    });
  }

  /** Replaces the token: the old link stops working, the new one is mailed to the registration's address only. */
  async revoke(token: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const me = await this.holder(m, token, true);
      const fresh = randomBytes(32).toString('base64url');
      await m.query(`UPDATE participants SET access_token_hash = $2, updated_at = now() WHERE id = $1`, [me.id, sha256(fresh)]);
      const names: { name_fr: string }[] = await m.query(`SELECT name_fr FROM events WHERE id = $1`, [me.event_id]);
      const view = await this.view(m, me.id);
      await this.mail.enqueue(m, {
        to: me.email,
        toName: `${me.first_name} ${me.last_name}`,
        template: 'registration-confirmed',
        data: {
          firstName: me.first_name,
          eventName: names[0]?.name_fr ?? '',
          link: registrationLink(this.config.publicUrl, fresh),
          admissions: view.admissions.map((a) => admissionLine(a, 'fr')),
        },
      });
    });
  }

  /** The participant holding this token (404 for an unknown, malformed or revoked one); locked when it will change. */
  private async holder(m: EntityManager, token: string, lock: boolean): Promise<RegistrationRow> {
    if (!TOKEN.test(token)) throw notFound('Registration');
    const rows: RegistrationRow[] = await m.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM participants WHERE access_token_hash = $1 AND anonymised_at IS NULL ${lock ? 'FOR UPDATE' : ''}`,
      [sha256(token)],
    );
    if (!rows[0]) throw notFound('Registration');
    return rows[0];
  }

  private async view(m: EntityManager, participantId: string): Promise<RegistrationResponse> {
    const rows: RegistrationRow[] = await m.query(`SELECT ${REGISTRATION_COLUMNS} FROM participants WHERE id = $1`, [participantId]);
    const admissions: AdmissionView[] = await this.admissions.admissionsOf(m, participantId);
    return { participant: toRegistrationParticipant(rows[0]), admissions };
  }
}

function admissionLine(a: AdmissionView, locale: 'fr' | 'en'): string {
  const name = locale === 'en' && a.nameEn ? a.nameEn : a.nameFr;
  const fr = { admitted: 'place confirmée', waiting: `liste d'attente (position ${a.position})`, requested: 'demande transmise aux organisateurs', cancelled: 'annulée' };
  const en = { admitted: 'seat confirmed', waiting: `waiting list (position ${a.position})`, requested: 'request sent to the organisers', cancelled: 'cancelled' };
  return locale === 'en' ? `${name}: ${en[a.status]}` : `${name} : ${fr[a.status]}`;
}
