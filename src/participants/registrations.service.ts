import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, DomainError, notFound, validationFailed } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { EventResponse } from '../events/dto/event.response.js';
import { EventsService } from '../events/events.service.js';
import { MailService, type OutgoingMail } from '../mail/mail.service.js';
import { AdmissionsService, type AdmissionView } from './admissions.service.js';
import type { RegistrationCreateDto, RegistrationFieldsDto } from './dto/registration-create.dto.js';
import type { RegistrationUpdateDto } from './dto/registration-update.dto.js';
import type { RegistrationParticipantResponse, RegistrationResponse } from './dto/registration.response.js';
import { canonicalJson, seal, sha256, unseal } from './idempotency.js';
import { GroupCommit } from './group-commit.js';

/** The most registrations written in one transaction. */
const MAX_BATCH = 200;

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

const alreadyRegistered = () =>
  conflict(
    'This email address is already registered for this event: use the personal link mailed to it to view or change that registration',
    undefined,
    'ALREADY_REGISTERED',
  );

/** A batch that is written one request at a time by design (closed registration, unknown parts: each request gets its own error). */
class EachAlone extends Error {}

/** A registration waiting for its batch, and the answer the batch gave it. */
interface PendingRegistration {
  event: EventResponse;
  dto: RegistrationCreateDto;
  /** The parts asked for, as ids; null when they could not be resolved (`invalid` is then the error to answer). */
  partIds: string[] | null;
  invalid: unknown;
  idempotencyKey: string | null;
  keyHash: string | null;
  requestHash: string;
  /** The personal link's token, drawn once for the request. */
  token: string;
  answer: { ok: RegistrationResult } | { error: unknown } | null;
  resolve(result: RegistrationResult): void;
  reject(error: unknown): void;
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
  ) {
    this.batches = new GroupCommit<PendingRegistration>({
      maxSize: MAX_BATCH,
      // two requests with the same Idempotency-Key never share a batch: the later one waits for the next and replays the first's answer
      conflicts: (a, b) => a.keyHash !== null && a.keyHash === b.keyHash,
      write: (batch) => this.writeBatch(batch),
      settle: (r, failure) => {
        if (failure !== undefined) r.reject(failure);
        else if (r.answer === null) r.reject(new Error('registration batch gave no answer'));
        else if ('ok' in r.answer) r.resolve(r.answer.ok);
        else r.reject(r.answer.error);
      },
    });
  }

  private readonly batches: GroupCommit<PendingRegistration>;
  /** Batches that could not be written together, then written one request at a time. */
  private writtenAlone = 0;
  private readonly logger = new Logger(RegistrationsService.name);

  async register(eventId: string, dto: RegistrationCreateDto, rawBody: unknown, idempotencyKey: string | null): Promise<RegistrationResult> {
    const event = await this.events.get(eventId);
    this.checkFields(dto, event);
    if (dto.category === 'city-representative' && !dto.town) throw validationFailed('A city representative gives their town', { field: 'town' });
    let partIds: string[] | null = null;
    let invalid: unknown = null;
    try {
      partIds = await this.resolveParts(this.dataSource.manager, eventId, dto.parts ?? []);
    } catch (error) {
      // answered after the Idempotency-Key is looked at, as when the parts were resolved in the transaction: a retry gets its first answer
      invalid = error;
    }
    return new Promise<RegistrationResult>((resolve, reject) => {
      const request: PendingRegistration = {
        event,
        dto,
        partIds,
        invalid,
        idempotencyKey,
        keyHash: idempotencyKey === null ? null : sha256(idempotencyKey),
        requestHash: sha256(canonicalJson(rawBody)),
        token: randomBytes(32).toString('base64url'),
        answer: null,
        resolve,
        reject,
      };
      this.batches.add(`${eventId}|${partIds === null ? '!' : [...partIds].sort().join(',')}`, request);
    });
  }

  /** Batches written, the requests in them, the largest, and the requests waiting for a batch (tests, bench). */
  batchStats(): { batches: number; requests: number; largest: number; queued: number; writtenAlone: number } {
    return { ...this.batches.stats(), writtenAlone: this.writtenAlone };
  }

  /**
   * One batch of registrations for the same event and parts, in one transaction. The fast way:
   * set-based statements for all of them (keys claimed, participants inserted, mails written, each
   * part locked once and every place written in arrival order, stored answers), under a savepoint.
   * Should anything in it fail, the savepoint is rolled back and each request is then written alone,
   * in arrival order, under a savepoint of its own, exactly as a lone registration is: its error
   * (409, 422…) is its own answer and undoes only what it wrote. A failure of the transaction
   * itself (COMMIT) answers every request with that error; nothing of it is written.
   */
  private async writeBatch(batch: PendingRegistration[]): Promise<void> {
    const { event } = batch[0];
    const scope = `registrations:${event.id}`;
    await this.dataSource.transaction(async (m) => {
      for (const r of batch) r.answer = null;
      await m.query('SAVEPOINT batch');
      try {
        await this.writeTogether(m, scope, batch);
        await m.query('RELEASE SAVEPOINT batch');
        return;
      } catch (error) {
        await m.query('ROLLBACK TO SAVEPOINT batch');
        this.writtenAlone += 1;
        if (!(error instanceof EachAlone)) this.logger.warn(`a batch of ${batch.length} registrations is written one by one: ${(error as Error)?.message ?? error}`);
        for (const r of batch) r.answer = null;
      }
      for (const r of batch) {
        await m.query('SAVEPOINT one');
        try {
          r.answer = { ok: await this.writeAlone(m, scope, r) };
          await m.query('RELEASE SAVEPOINT one');
        } catch (error) {
          await m.query('ROLLBACK TO SAVEPOINT one');
          r.answer = { error };
        }
      }
    });
  }

  /** The batch in set-based statements; throws (and the caller rolls back) on anything unexpected. */
  private async writeTogether(m: EntityManager, scope: string, batch: PendingRegistration[]): Promise<void> {
    const { event } = batch[0];
    if (batch.some((r) => r.partIds === null)) throw new EachAlone();
    const open: { registration_open: boolean }[] = await m.query(`SELECT registration_open FROM participant_settings WHERE event_id = $1`, [event.id]);
    if (open[0] && !open[0].registration_open) throw new EachAlone();
    // the keys: claimed in one statement; a key already held (by a committed registration, or one being written, which this waits for) is replayed
    const keyed = batch.filter((r) => r.keyHash !== null);
    const claimed = new Set<string>();
    if (keyed.length) {
      const rows: { key: string }[] = await m.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash) SELECT $1, x.key, x.hash FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS x(key, hash, ord) ORDER BY x.ord
         ON CONFLICT DO NOTHING RETURNING key`,
        [scope, keyed.map((r) => r.keyHash), keyed.map((r) => r.requestHash)],
      );
      for (const row of rows) claimed.add(row.key);
    }
    const fresh: PendingRegistration[] = [];
    for (const r of batch) {
      if (r.keyHash !== null && !claimed.has(r.keyHash)) {
        try {
          r.answer = { ok: await this.replay(m, scope, r.keyHash, r.requestHash, r.idempotencyKey!) };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          r.answer = { error };
        }
      } else fresh.push(r);
    }
    // the participants in one statement, in arrival order: an email already registered (or earlier in this batch) is not inserted
    const inserted: (ParticipantRow & { access_token_hash: string })[] = fresh.length
      ? await m.query(
          `INSERT INTO participants (event_id, email, first_name, last_name, affiliation, town, categories, days, dietary_needs, accessibility_needs,
                                     consent_public_list, consent_photo, status, source, access_token_hash)
           SELECT $1, x.email, x.first_name, x.last_name, x.affiliation, x.town, ARRAY[x.category], string_to_array(x.days, ',')::date[], x.dietary,
                  x.accessibility, x.consent_list, x.consent_photo, 'registered', 'self', x.token_hash
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::boolean[], $12::boolean[], $13::text[])
                WITH ORDINALITY AS x(email, first_name, last_name, affiliation, town, category, days, dietary, accessibility, consent_list, consent_photo, token_hash, ord)
           ORDER BY x.ord
           ON CONFLICT ON CONSTRAINT "UQ_participants_event_email" DO NOTHING RETURNING ${PARTICIPANT_COLUMNS}, access_token_hash`,
          [
            event.id,
            fresh.map((r) => r.dto.email.trim().toLowerCase()),
            fresh.map((r) => r.dto.firstName),
            fresh.map((r) => r.dto.lastName),
            fresh.map((r) => r.dto.affiliation ?? null),
            fresh.map((r) => r.dto.town ?? null),
            fresh.map((r) => r.dto.category),
            fresh.map((r) => (r.dto.days ?? []).join(',')),
            fresh.map((r) => r.dto.dietaryNeeds ?? null),
            fresh.map((r) => r.dto.accessibilityNeeds ?? null),
            fresh.map((r) => r.dto.consentPublicList ?? false),
            fresh.map((r) => r.dto.consentPhoto ?? false),
            fresh.map((r) => sha256(r.token)),
          ],
        )
      : [];
    const byTokenHash = new Map(inserted.map((row) => [row.access_token_hash, row]));
    const written: { r: PendingRegistration; row: ParticipantRow }[] = [];
    const unclaim: string[] = [];
    for (const r of fresh) {
      const row = byTokenHash.get(sha256(r.token));
      if (row) {
        const { access_token_hash: _hash, ...participant } = row;
        written.push({ r, row: participant });
        continue;
      }
      r.answer = { error: alreadyRegistered() };
      if (r.keyHash !== null) unclaim.push(r.keyHash);
    }
    if (written.length !== inserted.length) throw new Error('participants inserted that no request asked for');
    // a refused request leaves no key behind, as its rolled-back transaction did
    if (unclaim.length) await m.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = ANY($2::text[])`, [scope, unclaim]);
    if (!written.length) return;
    // the mails before the seats: the parts' locks are the last step, held as briefly as possible
    await this.mail.enqueueAll(
      m,
      written.map(({ r }) => this.confirmationMail(r)),
    );
    const places = await this.admissions.placeNewcomers(
      m,
      event.id,
      written.map((w) => w.row.id),
      batch[0].partIds!,
    );
    const stored: { key: string; response: string }[] = [];
    written.forEach(({ r, row }, i) => {
      const body: RegistrationResponse = { participant: toParticipant(row), admissions: places[i] };
      if (r.keyHash !== null) stored.push({ key: r.keyHash, response: JSON.stringify({ ...body, sealedToken: seal(r.token, r.idempotencyKey!) }) });
      r.answer = { ok: { status: 201, body: { ...body, token: r.token, link: this.linkFor(r.token) } } };
    });
    if (stored.length) {
      await m.query(
        `UPDATE idempotency_keys k SET status_code = 201, response = x.response::jsonb FROM unnest($2::text[], $3::text[]) AS x(key, response) WHERE k.scope = $1 AND k.key = x.key`,
        [scope, stored.map((s) => s.key), stored.map((s) => s.response)],
      );
    }
  }

  /** One registration alone, as it was always written: key, participant, mail, places, stored answer. */
  private async writeAlone(m: EntityManager, scope: string, r: PendingRegistration): Promise<RegistrationResult> {
    const { event, dto, idempotencyKey, keyHash, requestHash, token } = r;
    if (keyHash !== null) {
      const claimed: unknown[] = await m.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
        [scope, keyHash, requestHash],
      );
      if (!claimed.length) return this.replay(m, scope, keyHash, requestHash, idempotencyKey!);
    }
    const open: { registration_open: boolean }[] = await m.query(`SELECT registration_open FROM participant_settings WHERE event_id = $1`, [event.id]);
    if (open[0] && !open[0].registration_open) throw conflict('Registration for this event is closed', undefined, 'REGISTRATION_CLOSED');
    if (r.partIds === null) throw r.invalid;
    const email = dto.email.trim().toLowerCase();
    const inserted: ParticipantRow[] = await m.query(
      `INSERT INTO participants (event_id, email, first_name, last_name, affiliation, town, categories, days, dietary_needs, accessibility_needs,
                                 consent_public_list, consent_photo, status, source, access_token_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::date[], $9, $10, $11, $12, 'registered', 'self', $13)
       ON CONFLICT ON CONSTRAINT "UQ_participants_event_email" DO NOTHING RETURNING ${PARTICIPANT_COLUMNS}`,
      [
        event.id, email, dto.firstName, dto.lastName, dto.affiliation ?? null, dto.town ?? null, [dto.category], dto.days ?? [],
        dto.dietaryNeeds ?? null, dto.accessibilityNeeds ?? null, dto.consentPublicList ?? false, dto.consentPhoto ?? false, sha256(token),
      ],
    );
    if (!inserted[0]) throw alreadyRegistered();
    await this.mail.enqueue(m, this.confirmationMail(r));
    const admissions = await this.admissions.placeInParts(m, inserted[0].id, r.partIds);
    const body: RegistrationResponse = { participant: toParticipant(inserted[0]), admissions };
    if (keyHash !== null) {
      await m.query(`UPDATE idempotency_keys SET status_code = 201, response = $3 WHERE scope = $1 AND key = $2`, [
        scope,
        keyHash,
        JSON.stringify({ ...body, sealedToken: seal(token, idempotencyKey!) }),
      ]);
    }
    return { status: 201, body: { ...body, token, link: this.linkFor(token) } };
  }

  private confirmationMail(r: PendingRegistration): OutgoingMail {
    const { dto, event } = r;
    return {
      to: dto.email.trim().toLowerCase(),
      toName: `${dto.firstName} ${dto.lastName}`,
      template: 'registration-confirmed',
      locale: dto.language ?? 'fr',
      data: { firstName: dto.firstName, eventName: dto.language === 'en' && event.nameEn ? event.nameEn : event.nameFr, link: this.linkFor(r.token) },
    };
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
