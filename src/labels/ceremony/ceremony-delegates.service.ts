import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { conflict, DomainError, notFound } from '../../common/errors/domain-error.js';
import { isViolation } from '../../common/errors/postgres-error.js';
import { pageOffset, toPage, type Page, type PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { MailService } from '../../mail/mail.service.js';
import { AdmissionsService, type AdmissionView } from '../../participants/admissions.service.js';
import { canonicalJson, sha256 } from '../../participants/idempotency.js';
import { contactTokenHash, newContactToken } from './contact-token.js';
import { CeremonyYearReader, type CeremonyTown, type CeremonyYear } from './ceremony-year.reader.js';
import { delegateLimitReached, MAX_DELEGATES_PER_TOWN } from './delegate-rules.js';
import type { DelegateResponse } from './dto/delegate.response.js';
import type { RegisterDelegateDto } from './dto/register-delegate.dto.js';

const EMAIL_UNIQUE = 'UQ_participants_event_email';

interface DelegateRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  affiliation: string | null;
  town: string | null;
  town_insee: string;
  source: string;
  admission: 'admitted' | 'waiting' | 'requested' | null;
  waiting_position: number | null;
  present: boolean;
}

/** The delegates of one town at the ceremony: $1 event, $2 ceremony part (may be NULL), $3 INSEE code. */
const DELEGATES_FROM = `FROM participants p
  LEFT JOIN part_admissions a ON a.participant_id = p.id AND a.part_id = $2::uuid AND a.status <> 'cancelled'
  WHERE p.event_id = $1 AND p.town_insee = $3 AND p.status = 'registered' AND 'city-representative' = ANY(p.categories)`;

const DELEGATE_COLUMNS = `p.id, p.first_name, p.last_name, p.email, p.affiliation, p.town, p.town_insee, p.source, a.status AS admission,
  CASE WHEN a.status = 'waiting' THEN
    (SELECT count(*)::int FROM part_admissions w WHERE w.part_id = a.part_id AND w.status = 'waiting' AND w.queue_no <= a.queue_no) END AS waiting_position,
  EXISTS (SELECT 1 FROM check_ins c WHERE c.participant_id = p.id AND c.part_id = $2::uuid) AS present`;

function toDelegate(r: DelegateRow, fallbackTown: string): DelegateResponse {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    affiliation: r.affiliation,
    town: r.town ?? fallbackTown,
    townInsee: r.town_insee,
    admission: r.admission,
    waitingPosition: r.waiting_position === null ? null : Number(r.waiting_position),
    present: r.present,
    source: r.source,
  };
}

const ADMISSION_FR: Record<string, string> = { admitted: 'place confirmée', waiting: 'liste d’attente', requested: 'demande transmise aux organisateurs' };
const ADMISSION_EN: Record<string, string> = { admitted: 'seat confirmed', waiting: 'waiting list', requested: 'request sent to the organisers' };

function admissionLine(a: AdmissionView, language: 'fr' | 'en'): string {
  const name = language === 'en' && a.nameEn ? a.nameEn : a.nameFr;
  const status = (language === 'en' ? ADMISSION_EN : ADMISSION_FR)[a.status] ?? a.status;
  const position = a.status === 'waiting' && a.position !== null ? (language === 'en' ? ` (position ${a.position})` : ` (position ${a.position})`) : '';
  return `${name} : ${status}${position}`;
}

/** Who registers a delegate: an organiser, or the town's contact through their personal link. */
export type DelegateRegistrar = { kind: 'organiser' } | { kind: 'contact'; tokenHash: string };

/** An Idempotency-Key sent with a registration, and the body it came with (as received). */
export interface IdempotentRequest {
  key: string;
  rawBody: unknown;
}

/**
 * Delegates of labelled towns: participants of the ceremony's event (category city-representative,
 * the town's name of the label's year and its INSEE code) with a seat at the ceremony part. One
 * transaction writes the participant, the seat (AdmissionsService, under the part's row lock:
 * admitted while seats remain, else the waiting list), the delegate's personal link (only its
 * SHA-256, the self-registration's link) and the confirmation mail. The label is the invitation:
 * the seat is asked for as organisers ask, whatever the part's admission rule. A contact registers
 * at most MAX_DELEGATES_PER_TOWN delegates, counted under the town's label row lock, and only while
 * the event's registration is open; organisers are bound by neither.
 */
@Injectable()
export class CeremonyDelegatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: CeremonyYearReader,
    private readonly admissions: AdmissionsService,
    private readonly mail: MailService,
  ) {}

  /**
   * With an Idempotency-Key (the contact's route), the key is claimed in the same transaction once the
   * link is checked: a retry with the same key and body gets the first answer again and writes
   * nothing (a concurrent retry waits on the key's row, then reads it), the same key with another
   * body is 422 IDEMPOTENCY_KEY_REUSED, and a refused request leaves no key behind (rolled back). The
   * key is stored as its SHA-256, per town and year; the answer holds no secret.
   */
  async register(year: number, insee: string, registrar: DelegateRegistrar, dto: RegisterDelegateDto, idempotent?: IdempotentRequest): Promise<DelegateResponse> {
    const email = dto.email.trim().toLowerCase();
    const byOrganiser = registrar.kind === 'organiser';
    try {
      return await this.dataSource.transaction(async (m) => {
        // the town's label row is locked first: two registrations for one town take turns (the limit is counted under it)
        const town =
          registrar.kind === 'contact'
            ? await this.reader.townByContactToken(m, year, insee, registrar.tokenHash, true)
            : await this.reader.town(m, year, insee, true);
        const scope = `label-delegates:${year}:${town.insee}`;
        const keyHash = idempotent ? sha256(idempotent.key) : null;
        const requestHash = idempotent ? sha256(canonicalJson(idempotent.rawBody)) : null;
        if (keyHash !== null) {
          const claimed: unknown[] = await m.query(
            `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
            [scope, keyHash, requestHash],
          );
          if (!claimed.length) return this.replay(m, scope, keyHash, requestHash!);
        }
        const ceremony = await this.reader.year(m, year);
        const { eventId, partId } = this.reader.requireEvent(ceremony);
        if (!byOrganiser) {
          await this.assertRegistrationOpen(m, eventId);
          const count = await this.countDelegates(m, eventId, insee);
          if (delegateLimitReached(count, byOrganiser)) {
            throw conflict(
              `${town.townName} already has ${MAX_DELEGATES_PER_TOWN} delegates: ask the organisers for more`,
              { max: MAX_DELEGATES_PER_TOWN },
              'DELEGATE_LIMIT_REACHED',
            );
          }
        }
        // the delegate's own personal link, as the participants' self-registration gives one (same kind of token, only its SHA-256 kept)
        const personalToken = newContactToken();
        const [row] = await m.query<Array<{ id: string }>>(
          `INSERT INTO participants (event_id, email, first_name, last_name, affiliation, town, town_insee, categories, days, source, access_token_hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, ARRAY['city-representative']::text[],
                   ARRAY[(SELECT (e.starts_at AT TIME ZONE e.time_zone)::date FROM events e WHERE e.id = $1)]::date[], $8, $9)
           RETURNING id`,
          [eventId, email, dto.firstName, dto.lastName, dto.affiliation ?? null, town.townName, town.insee, byOrganiser ? 'organiser' : 'self', contactTokenHash(personalToken)],
        );
        const places = await this.admissions.placeInParts(m, row.id, [partId], { byOrganiser: true });
        const language = dto.language ?? 'fr';
        await this.mail.enqueue(m, {
          to: email,
          toName: `${dto.firstName} ${dto.lastName}`,
          template: 'registration-confirmed',
          locale: language,
          data: {
            firstName: dto.firstName,
            eventName: ceremony.eventNameFr ?? '',
            link: this.mail.linkTo(`/api/registrations/${personalToken}`),
            admissions: places.map((a) => admissionLine(a, language)),
          },
        });
        const answer = await this.readOne(m, ceremony, town, row.id);
        if (keyHash !== null) {
          await m.query(`UPDATE idempotency_keys SET status_code = 201, response = $3 WHERE scope = $1 AND key = $2`, [scope, keyHash, JSON.stringify(answer)]);
        }
        return answer;
      });
    } catch (error) {
      if (isViolation(error, '23505', EMAIL_UNIQUE)) throw conflict('Another participant of this event has this email', { email }, 'EMAIL_TAKEN');
      throw error;
    }
  }

  /** The town's delegates for organisers, by last and first name, paginated. */
  async list(year: number, insee: string, query: PageQueryDto): Promise<Page<DelegateResponse>> {
    const m = this.dataSource.manager;
    const town = await this.reader.town(m, year, insee);
    const ceremony = await this.reader.year(m, year);
    if (!ceremony.eventId) return toPage([], 0, query);
    const dir = query.order === 'desc' ? 'DESC' : 'ASC';
    const params = [ceremony.eventId, ceremony.partId, insee];
    const [{ n }] = await m.query<Array<{ n: number }>>(`SELECT count(*)::int AS n ${DELEGATES_FROM}`, params);
    const rows: DelegateRow[] = await m.query(
      `SELECT ${DELEGATE_COLUMNS} ${DELEGATES_FROM}
       ORDER BY lower(p.last_name) ${dir}, lower(p.first_name) ${dir}, p.id ${dir} LIMIT $4 OFFSET $5`,
      [...params, query.pageSize, pageOffset(query)],
    );
    return toPage(rows.map((r) => toDelegate(r, town.townName)), n, query);
  }

  /** Every delegate of the town (a contact's view: at most a handful), by last and first name. */
  async all(m: EntityManager, ceremony: CeremonyYear, town: CeremonyTown): Promise<DelegateResponse[]> {
    if (!ceremony.eventId) return [];
    const rows: DelegateRow[] = await m.query(
      `SELECT ${DELEGATE_COLUMNS} ${DELEGATES_FROM} ORDER BY lower(p.last_name), lower(p.first_name), p.id LIMIT 200`,
      [ceremony.eventId, ceremony.partId, town.insee],
    );
    return rows.map((r) => toDelegate(r, town.townName));
  }

  /**
   * The contact withdraws one of their town's delegates: the registration is cancelled and the seat
   * goes to the head of the waiting list (mailed), in one transaction. Someone who is not a delegate
   * of this town is 404, as a missing one.
   */
  async withdraw(year: number, insee: string, tokenHash: string, participantId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const town = await this.reader.townByContactToken(m, year, insee, tokenHash, true);
      const ceremony = await this.reader.year(m, year);
      if (!ceremony.eventId) throw notFound('Delegate');
      const rows = await m.query<Array<{ id: string }>>(
        `SELECT p.id FROM participants p WHERE p.id = $1 AND p.event_id = $2 AND p.town_insee = $3 AND p.status = 'registered'
           AND 'city-representative' = ANY(p.categories) FOR UPDATE`,
        [participantId, ceremony.eventId, town.insee],
      );
      if (!rows[0]) throw notFound('Delegate');
      await m.query(`UPDATE participants SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1`, [participantId]);
      await this.admissions.releaseAll(m, participantId);
    });
  }

  /** The stored first answer for this key (201), or 422 when the key came with another body. */
  private async replay(m: EntityManager, scope: string, keyHash: string, requestHash: string): Promise<DelegateResponse> {
    const [row] = await m.query<Array<{ request_hash: string; status_code: number | null; response: DelegateResponse | null }>>(
      `SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, keyHash],
    );
    if (!row || row.request_hash !== requestHash) {
      throw new DomainError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request: use a new key for a new delegate');
    }
    if (row.status_code !== 201 || !row.response) throw new Error('an Idempotency-Key was claimed without its answer');
    return row.response;
  }

  private async readOne(m: EntityManager, ceremony: CeremonyYear, town: CeremonyTown, participantId: string): Promise<DelegateResponse> {
    const rows: DelegateRow[] = await m.query(`SELECT ${DELEGATE_COLUMNS} ${DELEGATES_FROM} AND p.id = $4`, [ceremony.eventId, ceremony.partId, town.insee, participantId]);
    if (!rows[0]) throw new Error(`delegate ${participantId} not found after it was written`);
    return toDelegate(rows[0], town.townName);
  }

  private async countDelegates(m: EntityManager, eventId: string, insee: string): Promise<number> {
    const [{ n }] = await m.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM participants p WHERE p.event_id = $1 AND p.town_insee = $2 AND p.status = 'registered' AND 'city-representative' = ANY(p.categories)`,
      [eventId, insee],
    );
    return n;
  }

  /** The event's registration switch (participant settings; open when never set). */
  private async assertRegistrationOpen(m: EntityManager, eventId: string): Promise<void> {
    const [row] = await m.query<Array<{ open: boolean }>>(
      `SELECT coalesce((SELECT s.registration_open FROM participant_settings s WHERE s.event_id = $1), true) AS open`,
      [eventId],
    );
    if (!row.open) throw new DomainError(409, 'REGISTRATION_CLOSED', 'Registration for the ceremony is closed: ask the organisers', undefined);
  }
}
