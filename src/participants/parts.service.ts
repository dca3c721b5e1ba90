import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, conflict, notFound, validationFailed } from '../common/errors/domain-error.js';
import { isViolation } from '../common/errors/postgres-error.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import { EventsService } from '../events/events.service.js';
import { capacityFits } from './admission-rules.js';
import { AdmissionsService } from './admissions.service.js';
import type { AdmissionResponse } from './dto/admission.response.js';
import type { PartAdmissionsQuery } from './dto/part-admissions.query.js';
import type { PartCreateDto } from './dto/part-create.dto.js';
import type { PartUpdateDto } from './dto/part-update.dto.js';
import type { PartResponse } from './dto/part.response.js';
import { EventPart } from './event-part.entity.js';
import type { AdmissionQuota } from './part-admission.entity.js';

const PART_COLUMNS = `p.id, p.event_id, p.code, p.name_fr, p.name_en, p.kind, p.admission, p.day::text AS day, p.session_id, p.capacity,
  p.admitted_count, p.badge_ribbon, p.display_order,
  (SELECT count(*) FROM part_admissions w WHERE w.part_id = p.id AND w.status = 'waiting')::int AS waiting,
  (SELECT count(*) FROM part_admissions r WHERE r.part_id = p.id AND r.status = 'requested')::int AS requested,
  (SELECT count(*) FROM part_admissions s WHERE s.part_id = p.id AND s.status = 'admitted' AND s.quota = 'programme')::int AS programme`;

interface PartRow {
  id: string;
  event_id: string;
  code: string;
  name_fr: string;
  name_en: string | null;
  kind: string;
  admission: string;
  day: string | null;
  session_id: string | null;
  capacity: number | null;
  admitted_count: number;
  badge_ribbon: string | null;
  display_order: number;
  waiting: number;
  requested: number;
  programme: number;
}

interface AdmissionRow {
  participant_id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  status: string;
  quota: string;
  position: number | null;
  admitted_at: Date | null;
  created_at: Date;
}

function toAdmission(r: AdmissionRow): AdmissionResponse {
  return {
    participantId: r.participant_id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    status: r.status,
    quota: r.quota,
    position: r.position,
    admittedAt: r.admitted_at ? new Date(r.admitted_at).toISOString() : null,
    requestedAt: new Date(r.created_at).toISOString(),
  };
}

function toResponse(r: PartRow): PartResponse {
  return {
    id: r.id,
    eventId: r.event_id,
    code: r.code,
    nameFr: r.name_fr,
    nameEn: r.name_en,
    kind: r.kind,
    admission: r.admission,
    day: r.day,
    sessionId: r.session_id,
    capacity: r.capacity,
    admitted: r.admitted_count,
    programme: r.programme,
    waiting: r.waiting,
    requested: r.requested,
    seatsLeft: r.capacity === null ? null : r.capacity - r.admitted_count,
    badgeRibbon: r.badge_ribbon,
    displayOrder: r.display_order,
  };
}

const REQUIRED = ['code', 'nameFr', 'kind', 'admission', 'displayOrder'] as const;

/**
 * The organisers' side of parts: create, list with their counts, change (a capacity below the seats
 * given is refused; a larger one admits waiting people in queue order), delete while nobody holds a
 * place, and admit or cancel someone by hand. Seats themselves go through AdmissionsService.
 */
@Injectable()
export class PartsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly admissions: AdmissionsService,
  ) {}

  async create(eventId: string, dto: PartCreateDto): Promise<PartResponse> {
    await this.events.assertExists(eventId);
    const id = await this.write(async (m) => {
      const part = await m.save(
        m.create(EventPart, {
          eventId,
          code: dto.code,
          nameFr: dto.nameFr,
          nameEn: dto.nameEn ?? null,
          kind: dto.kind,
          admission: dto.admission,
          day: dto.day ?? null,
          sessionId: dto.sessionId ?? null,
          capacity: dto.capacity ?? null,
          admittedCount: 0,
          badgeRibbon: dto.badgeRibbon ?? null,
          displayOrder: dto.displayOrder ?? 0,
        }),
      );
      return part.id;
    });
    return this.get(id);
  }

  async list(eventId: string, query: { page: number; pageSize: number; order: 'asc' | 'desc' }): Promise<Page<PartResponse>> {
    await this.events.assertExists(eventId);
    const dir = query.order === 'desc' ? 'DESC' : 'ASC';
    const rows: (PartRow & { total: number })[] = await this.dataSource.query(
      `SELECT ${PART_COLUMNS}, count(*) OVER ()::int AS total FROM event_parts p WHERE p.event_id = $1
       ORDER BY p.display_order ${dir}, p.code ${dir} LIMIT $2 OFFSET $3`,
      [eventId, query.pageSize, pageOffset(query)],
    );
    const total = rows[0]?.total ?? Number((await this.dataSource.query(`SELECT count(*)::int AS n FROM event_parts WHERE event_id = $1`, [eventId]))[0].n);
    return toPage(rows.map(toResponse), total, query);
  }

  async get(id: string): Promise<PartResponse> {
    const rows: PartRow[] = await this.dataSource.query(`SELECT ${PART_COLUMNS} FROM event_parts p WHERE p.id = $1`, [id]);
    if (!rows[0]) throw notFound('Part', { id });
    return toResponse(rows[0]);
  }

  async update(id: string, dto: PartUpdateDto): Promise<PartResponse> {
    for (const field of REQUIRED) if (dto[field] === null) throw validationFailed(`${field} cannot be cleared`, { field });
    await this.write(async (m) => {
      const locked: { capacity: number | null; admitted_count: number }[] = await m.query(`SELECT capacity, admitted_count FROM event_parts WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked[0]) throw notFound('Part', { id });
      const changes: Partial<EventPart> = {};
      if (dto.code !== undefined) changes.code = dto.code;
      if (dto.nameFr !== undefined) changes.nameFr = dto.nameFr;
      if (dto.nameEn !== undefined) changes.nameEn = dto.nameEn ?? null;
      if (dto.kind !== undefined) changes.kind = dto.kind;
      if (dto.admission !== undefined) changes.admission = dto.admission;
      if (dto.day !== undefined) changes.day = dto.day ?? null;
      if (dto.sessionId !== undefined) changes.sessionId = dto.sessionId ?? null;
      if (dto.badgeRibbon !== undefined) changes.badgeRibbon = dto.badgeRibbon ?? null;
      if (dto.displayOrder !== undefined) changes.displayOrder = dto.displayOrder;
      if (dto.capacity !== undefined) {
        const capacity = dto.capacity ?? null;
        if (!capacityFits(capacity, locked[0].admitted_count)) {
          throw conflict(`${locked[0].admitted_count} people already hold a seat: cancel some before lowering the capacity to ${capacity}`, { admitted: locked[0].admitted_count, capacity }, 'CAPACITY_BELOW_ADMITTED');
        }
        changes.capacity = capacity;
      }
      if (Object.keys(changes).length) await m.update(EventPart, { id }, changes);
      if (dto.capacity !== undefined) await this.admissions.admitWaitingList(m, id);
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.write(async (m) => {
      const rows: { live: number }[] = await m.query(
        `SELECT (SELECT count(*)::int FROM part_admissions a WHERE a.part_id = p.id AND a.status <> 'cancelled') AS live FROM event_parts p WHERE p.id = $1 FOR UPDATE`,
        [id],
      );
      if (!rows[0]) throw notFound('Part', { id });
      if (rows[0].live > 0) throw conflict(`${rows[0].live} people hold or wait for a place in this part: cancel them first`, { live: rows[0].live }, 'PART_IN_USE');
      await m.delete(EventPart, { id });
    });
  }

  async admissionsOf(id: string, query: PartAdmissionsQuery): Promise<Page<AdmissionResponse>> {
    await this.get(id);
    const dir = query.order === 'desc' ? 'DESC' : 'ASC';
    const rows: (AdmissionRow & { total: number })[] =
      await this.dataSource.query(
        `SELECT a.participant_id, pa.first_name, pa.last_name, pa.email, a.status, a.quota, a.admitted_at, a.created_at,
                CASE WHEN a.status = 'waiting' THEN (row_number() OVER (PARTITION BY a.status ORDER BY a.queue_no))::int END AS position,
                count(*) OVER ()::int AS total
         FROM part_admissions a JOIN participants pa ON pa.id = a.participant_id
         WHERE a.part_id = $1 AND ($2::varchar IS NULL OR a.status = $2::varchar)
         ORDER BY a.queue_no ${dir} LIMIT $3 OFFSET $4`,
        [id, query.status ?? null, query.pageSize, pageOffset(query)],
      );
    const total = rows[0]?.total ?? 0;
    return toPage(rows.map(toAdmission), total, query);
  }

  /**
   * An organiser admits a participant of the part's event, whatever the rule: in the public quota
   * (waiting list when full), or a speaker or chair outside the capacity (the programme's quota).
   */
  async admit(id: string, participantId: string, quota: AdmissionQuota = 'public'): Promise<AdmissionResponse> {
    await this.write(async (m) => {
      const person = await this.assertSameEvent(m, id, participantId);
      if (quota === 'public') {
        await this.admissions.requestSeat(m, id, participantId, { byOrganiser: true });
        return;
      }
      if (person.status !== 'registered') throw conflict('This participant’s registration is cancelled', { participantId }, 'PARTICIPANT_CANCELLED');
      if (!person.onProgramme) {
        throw new DomainError(422, 'NOT_ON_PROGRAMME', 'Only a speaker or chair of the published programme is admitted outside the capacity', { participantId });
      }
      await this.admissions.admitProgramme(m, [{ partId: id, participantId }]);
    });
    return this.one(id, participantId);
  }

  /** An organiser cancels a participant's place; a freed seat goes to the head of the waiting list. */
  async cancel(id: string, participantId: string): Promise<void> {
    await this.write(async (m) => {
      await this.assertSameEvent(m, id, participantId);
      const live: unknown[] = await m.query(`SELECT 1 FROM part_admissions WHERE part_id = $1 AND participant_id = $2 AND status <> 'cancelled'`, [id, participantId]);
      if (!live.length) throw notFound('Admission', { partId: id, participantId });
      await this.admissions.releaseSeat(m, id, participantId);
    });
  }

  private async one(id: string, participantId: string): Promise<AdmissionResponse> {
    const rows: AdmissionRow[] =
      await this.dataSource.query(
        `SELECT a.participant_id, pa.first_name, pa.last_name, pa.email, a.status, a.quota, a.admitted_at, a.created_at,
                CASE WHEN a.status = 'waiting' THEN
                  (SELECT count(*)::int FROM part_admissions w WHERE w.part_id = a.part_id AND w.status = 'waiting' AND w.queue_no <= a.queue_no)
                END AS position
         FROM part_admissions a JOIN participants pa ON pa.id = a.participant_id
         WHERE a.part_id = $1 AND a.participant_id = $2`,
        [id, participantId],
      );
    if (!rows[0]) throw notFound('Admission', { partId: id, participantId });
    return toAdmission(rows[0]);
  }

  /** 404 unless both exist in one event; answers the participant's status and whether the published programme names them. */
  private async assertSameEvent(m: EntityManager, partId: string, participantId: string): Promise<{ status: string; onProgramme: boolean }> {
    const rows: { part_event: string | null; participant_event: string | null; status: string | null; on_programme: boolean | null }[] = await m.query(
      `SELECT (SELECT event_id FROM event_parts WHERE id = $1) AS part_event, pa.event_id AS participant_event, pa.status,
              (pa.programme_roles <> '{}' AND pa.anonymised_at IS NULL) AS on_programme
       FROM (SELECT 1) one LEFT JOIN participants pa ON pa.id = $2`,
      [partId, participantId],
    );
    if (!rows[0]?.part_event) throw notFound('Part', { id: partId });
    if (rows[0].participant_event !== rows[0].part_event) throw notFound('Participant', { participantId });
    return { status: rows[0].status ?? '', onProgramme: rows[0].on_programme ?? false };
  }

  /** Runs a write in a transaction; a code taken in the event is 409 PART_CODE_TAKEN. */
  private async write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isViolation(error, '23505', 'UQ_event_parts_code')) throw conflict('Another part of this event has this code', { field: 'code' }, 'PART_CODE_TAKEN');
      throw error;
    }
  }
}
