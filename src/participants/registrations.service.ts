import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, DomainError, notFound, validationFailed } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { MailService, type OutgoingMail } from '../mail/mail.service.js';
import { AdmissionsService } from './admissions.service.js';
import type { RegistrationCreateDto } from './dto/registration-create.dto.js';
import type { RegistrationResponse } from './dto/registration.response.js';
import { GroupCommit } from './group-commit.js';
import { claimKeys, insertParticipants, readStoredAnswers, releaseKeys, storeAnswers, type PendingRegistration, type StoredAnswer } from './registration-writes.js';
import { canonicalJson, seal, sha256, unseal } from './idempotency.js';
import { daysError, readRegistrationContext, requireContext, unknownPartsError, type RegistrationContext } from './registration-context.js';
import {
  alreadyRegistered,
  registrationLink,
  toRegistrationParticipant,
  type RegistrationResult,
  type RegistrationRow,
} from './registration-view.js';

export type { RegistrationResult } from './registration-view.js';

/** The most registrations written in one transaction. */
const MAX_BATCH = 200;

/** A batch that is written one request at a time by design (closed registration, unknown parts: each request gets its own error). */
class EachAlone extends Error {}

/**
 * Public self-registration, written by group commit. A request is checked (its DTO, and a town for
 * a city representative) and queued without reading anything: the event, whether registration is
 * open and the parts are read once per batch, in its transaction (registration-context.ts).
 * Requests for the same event and parts that arrive while a batch is written go together into the
 * next (GroupCommit): one transaction of set-based statements writes the participants, their
 * confirmation mails, the Idempotency-Keys and their stored answers, and places everyone in the
 * parts under each part's lock (AdmissionsService.placeNewcomers). Should anything in it fail, the
 * transaction is rolled back and the requests are written one at a time (writeAlone), each under a
 * savepoint of its own, so each gets the answer it would have had alone. The personal link's token
 * is shown once; only its SHA-256 is kept (and, for a retried key, a copy sealed with that key).
 * The personal link's routes are RegistrationLinkService's.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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

  register(eventId: string, dto: RegistrationCreateDto, rawBody: unknown, idempotencyKey: string | null): Promise<RegistrationResult> {
    if (dto.category === 'city-representative' && !dto.town) throw validationFailed('A city representative gives their town', { field: 'town' });
    const event = eventId.toLowerCase();
    const partRefs = [...new Set(dto.parts ?? [])].sort();
    const token = randomBytes(32).toString('base64url');
    return new Promise<RegistrationResult>((resolve, reject) => {
      const request: PendingRegistration = {
        eventId: event,
        dto,
        partRefs,
        idempotencyKey,
        keyHash: idempotencyKey === null ? null : sha256(idempotencyKey),
        requestHash: idempotencyKey === null ? null : sha256(canonicalJson(rawBody)),
        token,
        tokenHash: sha256(token),
        answer: null,
        resolve,
        reject,
      };
      this.batches.add(`${event}|${partRefs.join(',')}`, request);
    });
  }

  /** Batches written, the requests in them, the largest, and the requests waiting for a batch (tests, bench). */
  batchStats(): { batches: number; requests: number; largest: number; queued: number; writtenAlone: number } {
    return { ...this.batches.stats(), writtenAlone: this.writtenAlone };
  }

  /**
   * One batch of registrations for the same event and parts. The fast way: one transaction of
   * set-based statements for all of them. Should anything in it fail (or the COMMIT), nothing of it
   * is written, and each request is then written alone, in arrival order, under a savepoint of its
   * own in a second transaction, exactly as a lone registration is: its error (404, 409, 422…) is
   * its own answer and undoes only what it wrote. A failure of that second transaction answers
   * every request with that error.
   */
  private async writeBatch(batch: PendingRegistration[]): Promise<void> {
    const { eventId } = batch[0];
    const scope = `registrations:${eventId}`;
    try {
      await this.dataSource.transaction(async (m) => {
        for (const r of batch) r.answer = null;
        await this.writeTogether(m, scope, batch);
      });
      return;
    } catch (error) {
      this.writtenAlone += 1;
      if (!(error instanceof EachAlone)) this.logger.warn(`a batch of ${batch.length} registrations is written one by one: ${(error as Error)?.message ?? error}`);
      for (const r of batch) r.answer = null;
    }
    await this.dataSource.transaction(async (m) => {
      const context = await readRegistrationContext(m, eventId, batch[0].partRefs);
      for (const r of batch) {
        await m.query('SAVEPOINT one');
        try {
          r.answer = { ok: await this.writeAlone(m, scope, context, r) };
          await m.query('RELEASE SAVEPOINT one');
        } catch (error) {
          await m.query('ROLLBACK TO SAVEPOINT one');
          r.answer = { error };
        }
      }
    });
  }

  /** The batch in set-based statements; throws (and the transaction is rolled back) on anything unexpected. */
  private async writeTogether(m: EntityManager, scope: string, batch: PendingRegistration[]): Promise<void> {
    const context = await readRegistrationContext(m, batch[0].eventId, batch[0].partRefs);
    if (!context) {
      for (const r of batch) r.answer = { error: notFound('Event') };
      return;
    }
    if (!context.open || context.unknownParts.length) throw new EachAlone();
    // days outside the event are refused before the key is looked at, as the DTO's own checks are
    const checked: PendingRegistration[] = [];
    for (const r of batch) {
      const invalid = daysError(r.dto.days, context);
      if (invalid) r.answer = { error: invalid };
      else checked.push(r);
    }
    // the keys: claimed in one statement; a key already held (by a committed registration, or one being written, which this waits for) is replayed
    const keyed = checked.filter((r) => r.keyHash !== null);
    const claimed = await claimKeys(m, scope, keyed);
    const fresh: PendingRegistration[] = [];
    const retried: PendingRegistration[] = [];
    for (const r of checked) (r.keyHash !== null && !claimed.has(r.keyHash) ? retried : fresh).push(r);
    // the keys already held: their stored answers read in one statement for the whole batch
    if (retried.length) {
      const stored = await readStoredAnswers(m, scope, retried.map((r) => r.keyHash!));
      for (const r of retried) {
        try {
          r.answer = { ok: this.replayed(r, stored.get(r.keyHash!)) };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          r.answer = { error };
        }
      }
    }
    if (!fresh.length) return;
    // the participants in one statement, in arrival order: an email already registered (or earlier in this batch) is not inserted
    const inserted = await insertParticipants(m, context.eventId, fresh);
    const byTokenHash = new Map(inserted.map((row) => [row.access_token_hash, row]));
    const written: { r: PendingRegistration; row: RegistrationRow }[] = [];
    const unclaim: string[] = [];
    for (const r of fresh) {
      const row = byTokenHash.get(r.tokenHash);
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
    await releaseKeys(m, scope, unclaim);
    if (!written.length) return;
    // the mails before the seats: the parts' locks are the last step, held as briefly as possible
    await this.mail.enqueueAll(
      m,
      written.map(({ r }) => this.confirmationMail(r, context)),
    );
    const places = await this.admissions.placeNewcomers(
      m,
      context.eventId,
      written.map((w) => w.row.id),
      context.partIds,
    );
    const stored: { key: string; response: string }[] = [];
    written.forEach(({ r, row }, i) => {
      const body: RegistrationResponse = { participant: toRegistrationParticipant(row), admissions: places[i] };
      if (r.keyHash !== null) stored.push({ key: r.keyHash, response: JSON.stringify({ ...body, sealedToken: seal(r.token, r.idempotencyKey!) }) });
      r.answer = { ok: { status: 201, body: { ...body, token: r.token, link: this.linkFor(r.token) } } };
    });
    await storeAnswers(m, scope, stored);
  }

  /** One registration alone, as it was always written: checks, key, participant, mail, places, stored answer. */
  private async writeAlone(m: EntityManager, scope: string, found: RegistrationContext | null, r: PendingRegistration): Promise<RegistrationResult> {
    const context = requireContext(found);
    const { dto, idempotencyKey, keyHash, token } = r;
    const invalid = daysError(dto.days, context);
    if (invalid) throw invalid;
    if (keyHash !== null) {
      const claimed = await claimKeys(m, scope, [r]);
      if (!claimed.size) return this.replay(m, scope, r);
    }
    if (!context.open) throw conflict('Registration for this event is closed', undefined, 'REGISTRATION_CLOSED');
    if (context.unknownParts.length) throw unknownPartsError(context.unknownParts);
    const inserted = await insertParticipants(m, context.eventId, [r]);
    if (!inserted[0]) throw alreadyRegistered();
    await this.mail.enqueue(m, this.confirmationMail(r, context));
    const admissions = await this.admissions.placeInParts(m, inserted[0].id, context.partIds);
    const body: RegistrationResponse = { participant: toRegistrationParticipant(inserted[0]), admissions };
    if (keyHash !== null) await storeAnswers(m, scope, [{ key: keyHash, response: JSON.stringify({ ...body, sealedToken: seal(token, idempotencyKey!) }) }]);
    return { status: 201, body: { ...body, token, link: this.linkFor(token) } };
  }

  private confirmationMail(r: PendingRegistration, context: RegistrationContext): OutgoingMail {
    const { dto } = r;
    return {
      to: dto.email.trim().toLowerCase(),
      toName: `${dto.firstName} ${dto.lastName}`,
      template: 'registration-confirmed',
      locale: dto.language ?? 'fr',
      data: { firstName: dto.firstName, eventName: dto.language === 'en' && context.nameEn ? context.nameEn : context.nameFr, link: this.linkFor(r.token) },
    };
  }

  private linkFor(token: string): string {
    return registrationLink(this.config.publicUrl, token);
  }

  /** The stored answer of a key already held (one request: the lone path). */
  private async replay(m: EntityManager, scope: string, r: PendingRegistration): Promise<RegistrationResult> {
    const stored = await readStoredAnswers(m, scope, [r.keyHash!]);
    return this.replayed(r, stored.get(r.keyHash!));
  }

  /** A retried key's answer from what is stored: 422 for another body, 409 while the first request is still being written. */
  private replayed(r: PendingRegistration, stored: StoredAnswer | undefined): RegistrationResult {
    if (!stored || stored.request_hash !== r.requestHash) {
      throw new DomainError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request body');
    }
    if (stored.status_code === null || !stored.response) throw conflict('The first request with this Idempotency-Key is still in progress', undefined, 'IDEMPOTENCY_KEY_IN_PROGRESS');
    const { sealedToken, ...body } = stored.response;
    const token = unseal(sealedToken, r.idempotencyKey!);
    return { status: stored.status_code, body: { ...body, token, link: this.linkFor(token) } };
  }
}
