import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, DomainError, notFound, validationFailed } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { EventResponse } from '../events/dto/event.response.js';
import { EventsService } from '../events/events.service.js';
import { MailService } from '../mail/mail.service.js';
import { AdmissionsService, type AdmissionView } from './admissions.service.js';
import type { RegistrationCreateDto, RegistrationFieldsDto } from './dto/registration-create.dto.js';
import type { RegistrationUpdateDto } from './dto/registration-update.dto.js';
import type { RegistrationParticipantResponse, RegistrationResponse } from './dto/registration.response.js';
import { canonicalJson, seal, sha256, unseal } from './idempotency.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

interface ParticipantRow {
  id: string;
  event_id: string;
  first_name: string;
  last_name: string;
  email: string;
  affiliation: string | null;
  town: string | null;
  categories: string[];
  days: string[];
  dietary_needs: string | null;
  accessibility_needs: string | null;
  consent_public_list: boolean;
  consent_photo: boolean;
  status: string;
}

const PARTICIPANT_COLUMNS = `id, event_id, first_name, last_name, email, affiliation, town, categories, days::text[] AS days, dietary_needs,
  accessibility_needs, consent_public_list, consent_photo, status`;

function toParticipant(r: ParticipantRow): RegistrationParticipantResponse {
  return {
    id: r.id,
    eventId: r.event_id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    affiliation: r.affiliation,
    town: r.town,
    categories: r.categories,
    days: r.days,
    dietaryNeeds: r.dietary_needs,
    accessibilityNeeds: r.accessibility_needs,
    consentPublicList: r.consent_public_list,
    consentPhoto: r.consent_photo,
    status: r.status,
  };
}

/** The answer of a registration: its status and body (replayed as it was for a retried Idempotency-Key). */
export interface RegistrationResult {
  status: number;
  body: RegistrationResponse;
}

/**
 * Public self-registration and the personal link. A registration writes the participant, their
 * admissions (AdmissionsService, under each part's lock), the confirmation mail and, with an
 * Idempotency-Key, the stored answer, all in one transaction. The personal link's token is shown
 * once; only its SHA-256 is kept (and, for a retried key, a copy sealed with that key).
 */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: EventsService,
    private readonly admissions: AdmissionsService,
    private readonly mail: MailService,
  ) {}

  async register(eventId: string, dto: RegistrationCreateDto, rawBody: unknown, idempotencyKey: string | null): Promise<RegistrationResult> {
    const event = await this.events.get(eventId);
    this.checkFields(dto, event);
    if (dto.category === 'city-representative' && !dto.town) throw validationFailed('A city representative gives their town', { field: 'town' });
    const scope = `registrations:${eventId}`;
    const requestHash = sha256(canonicalJson(rawBody));
    return this.dataSource.transaction(async (m) => {
      if (idempotencyKey !== null) {
        const keyHash = sha256(idempotencyKey);
        const claimed: unknown[] = await m.query(
          `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
          [scope, keyHash, requestHash],
        );
        if (!claimed.length) return this.replay(m, scope, keyHash, requestHash, idempotencyKey);
      }
      const open: { registration_open: boolean }[] = await m.query(`SELECT registration_open FROM participant_settings WHERE event_id = $1`, [eventId]);
      if (open[0] && !open[0].registration_open) throw conflict('Registration for this event is closed', undefined, 'REGISTRATION_CLOSED');
      const partIds = await this.resolveParts(m, eventId, dto.parts ?? []);
      const token = randomBytes(32).toString('base64url');
      const email = dto.email.trim().toLowerCase();
      const inserted: ParticipantRow[] = await m.query(
        `INSERT INTO participants (event_id, email, first_name, last_name, affiliation, town, categories, days, dietary_needs, accessibility_needs,
                                   consent_public_list, consent_photo, status, source, access_token_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::date[], $9, $10, $11, $12, 'registered', 'self', $13)
         ON CONFLICT ON CONSTRAINT "UQ_participants_event_email" DO NOTHING RETURNING ${PARTICIPANT_COLUMNS}`,
        [
          eventId, email, dto.firstName, dto.lastName, dto.affiliation ?? null, dto.town ?? null, [dto.category], dto.days ?? [],
          dto.dietaryNeeds ?? null, dto.accessibilityNeeds ?? null, dto.consentPublicList ?? false, dto.consentPhoto ?? false, sha256(token),
        ],
      );
      if (!inserted[0]) {
        throw conflict(
          'This email address is already registered for this event: use the personal link mailed to it to view or change that registration',
          undefined,
          'ALREADY_REGISTERED',
        );
      }
      const participantId = inserted[0].id;
      const link = this.linkFor(token);
      // the mail is written before the parts are locked: the seats are the last step, held as briefly as possible
      await this.mail.enqueue(m, {
        to: email,
        toName: `${dto.firstName} ${dto.lastName}`,
        template: 'registration-confirmed',
        locale: dto.language ?? 'fr',
        data: { firstName: dto.firstName, eventName: dto.language === 'en' && event.nameEn ? event.nameEn : event.nameFr, link },
      });
      // the seats last, and nothing read again after them: the answer is the inserted row and the places as written under
      // each part's lock, so a part's lock is held for its own statement and the COMMIT only
      const admissions = await this.admissions.placeInParts(m, participantId, partIds);
      const body: RegistrationResponse = { participant: toParticipant(inserted[0]), admissions };
      if (idempotencyKey !== null) {
        await m.query(`UPDATE idempotency_keys SET status_code = 201, response = $3 WHERE scope = $1 AND key = $2`, [
          scope,
          sha256(idempotencyKey),
          JSON.stringify({ ...body, sealedToken: seal(token, idempotencyKey) }),
        ]);
      }
      return { status: 201, body: { ...body, token, link } };
    });
  }

  async get(token: string): Promise<RegistrationResponse> {
    return this.dataSource.transaction(async (m) => this.view(m, (await this.holder(m, token, false)).id));
  }

  async update(token: string, dto: RegistrationUpdateDto): Promise<RegistrationResponse> {
    // the event is read before the transaction (through its own service and connection)
    const before = await this.holder(this.dataSource.manager, token, false);
    this.checkFields(dto, await this.events.get(before.event_id));
    return this.dataSource.transaction(async (m) => {
      const me = await this.holder(m, token, true);
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
      const drop = await this.resolveParts(m, me.event_id, dto.dropParts ?? []);
      const add = await this.resolveParts(m, me.event_id, dto.addParts ?? []);
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
        data: { firstName: me.first_name, eventName: names[0]?.name_fr ?? '', link: this.linkFor(fresh), admissions: view.admissions.map((a) => admissionLine(a, 'fr')) },
      });
    });
  }

  private linkFor(token: string): string {
    return `${this.config.publicUrl}/api/registrations/${token}`;
  }

  /** The participant holding this token (404 for an unknown, malformed or revoked one); locked when it will change. */
  private async holder(m: EntityManager, token: string, lock: boolean): Promise<ParticipantRow> {
    if (!TOKEN.test(token)) throw notFound('Registration');
    const rows: ParticipantRow[] = await m.query(
      `SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE access_token_hash = $1 AND anonymised_at IS NULL ${lock ? 'FOR UPDATE' : ''}`,
      [sha256(token)],
    );
    if (!rows[0]) throw notFound('Registration');
    return rows[0];
  }

  private async view(m: EntityManager, participantId: string): Promise<RegistrationResponse> {
    const rows: ParticipantRow[] = await m.query(`SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE id = $1`, [participantId]);
    const admissions: AdmissionView[] = await this.admissions.admissionsOf(m, participantId);
    return { participant: toParticipant(rows[0]), admissions };
  }

  private async replay(m: EntityManager, scope: string, keyHash: string, requestHash: string, idempotencyKey: string): Promise<RegistrationResult> {
    const rows: { request_hash: string; status_code: number | null; response: (RegistrationResponse & { sealedToken: string }) | null }[] = await m.query(
      `SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, keyHash],
    );
    const stored = rows[0];
    if (!stored || stored.request_hash !== requestHash) {
      throw new DomainError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request body');
    }
    if (stored.status_code === null || !stored.response) throw conflict('The first request with this Idempotency-Key is still in progress', undefined, 'IDEMPOTENCY_KEY_IN_PROGRESS');
    const { sealedToken, ...body } = stored.response;
    const token = unseal(sealedToken, idempotencyKey);
    return { status: stored.status_code, body: { ...body, token, link: this.linkFor(token) } };
  }

  /** Part codes or ids of the event, as ids; an unknown one is 422. */
  private async resolveParts(m: EntityManager, eventId: string, refs: string[]): Promise<string[]> {
    if (!refs.length) return [];
    const ids = refs.filter((r) => UUID.test(r));
    const codes = refs.filter((r) => !UUID.test(r));
    const rows: { id: string; code: string }[] = await m.query(
      `SELECT id, code FROM event_parts WHERE event_id = $1 AND (id = ANY($2::uuid[]) OR code = ANY($3::text[]))`,
      [eventId, ids, codes],
    );
    const unknown = refs.filter((r) => !rows.some((p) => p.id === r || p.code === r));
    if (unknown.length) throw validationFailed('Unknown parts of this event', { field: 'parts', unknown });
    return [...new Set(rows.map((r) => r.id))];
  }

  private checkFields(dto: RegistrationFieldsDto, event: EventResponse): void {
    const outside = (dto.days ?? []).filter((d) => d < event.startDate || d > event.endDate);
    if (outside.length) throw validationFailed(`days must be within the event (${event.startDate} to ${event.endDate})`, { field: 'days', outside });
  }
}

function admissionLine(a: AdmissionView, locale: 'fr' | 'en'): string {
  const name = locale === 'en' && a.nameEn ? a.nameEn : a.nameFr;
  const fr = { admitted: 'place confirmée', waiting: `liste d'attente (position ${a.position})`, requested: 'demande transmise aux organisateurs', cancelled: 'annulée' };
  const en = { admitted: 'seat confirmed', waiting: `waiting list (position ${a.position})`, requested: 'request sent to the organisers', cancelled: 'cancelled' };
  return locale === 'en' ? `${name}: ${en[a.status]}` : `${name} : ${fr[a.status]}`;
}
