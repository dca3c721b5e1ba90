import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { conflict, DomainError, notFound, validationFailed } from '../common/errors/domain-error.js';
import { isViolation } from '../common/errors/postgres-error.js';
import { EventsService } from '../events/events.service.js';
import { AdmissionsService } from './admissions.service.js';
import type { CreateParticipantDto } from './dto/create-participant.dto.js';
import type { ParticipantResponse } from './dto/participant.response.js';
import type { UpdateParticipantDto } from './dto/update-participant.dto.js';
import { canonicalSet, daysOutside, normaliseEmail } from './participant-fields.js';
import { admissionsJoin, participantColumns, toDetail, type ParticipantRow } from './participant-row.js';
import { Participant } from './participant.entity.js';

const EMAIL_UNIQUE = 'UQ_participants_event_email';

function emailTaken(email: string): DomainError {
  return conflict('Another participant of this event has this email', { email }, 'EMAIL_TAKEN');
}

/**
 * Organisers create, edit and cancel participants. Each change is one transaction: the row and
 * the seats (through AdmissionsService, which locks each part's counter), so a move between parts
 * releases one seat and asks for the other, or does neither. Emails are unique per event whatever
 * their case (UQ_participants_event_email on the lower-cased email): a duplicate is 409 EMAIL_TAKEN.
 */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly admissions: AdmissionsService,
  ) {}

  async create(eventId: string, dto: CreateParticipantDto): Promise<ParticipantResponse> {
    await this.assertDaysInEvent(eventId, dto.days);
    const email = normaliseEmail(dto.email);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [row] = await manager.query<Array<{ id: string }>>(
          `INSERT INTO participants (event_id, email, first_name, last_name, affiliation, town, town_insee, categories, days,
                                     dietary_needs, accessibility_needs, consent_public_list, consent_photo, source, label_form)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9::date[], $10, $11, $12, $13, 'organiser', $14)
           RETURNING id`,
          [
            eventId,
            email,
            dto.firstName,
            dto.lastName,
            dto.affiliation ?? null,
            dto.town ?? null,
            dto.townInsee ?? null,
            canonicalSet(dto.categories ?? []),
            canonicalSet(dto.days ?? []),
            dto.dietaryNeeds ?? null,
            dto.accessibilityNeeds ?? null,
            dto.consentPublicList ?? false,
            dto.consentPhoto ?? false,
            dto.labelForm ?? 'neutral',
          ],
        );
        if (dto.partIds?.length) await this.admissions.requestSeats(manager, row.id, dto.partIds, { byOrganiser: true });
        return toDetail(await this.read(manager, row.id), true);
      });
    } catch (error) {
      if (isViolation(error, '23505', EMAIL_UNIQUE)) throw emailTaken(email);
      throw error;
    }
  }

  async get(id: string, withNeeds: boolean): Promise<ParticipantResponse> {
    return toDetail(await this.read(this.dataSource.manager, id), withNeeds);
  }

  async update(id: string, dto: UpdateParticipantDto): Promise<ParticipantResponse> {
    // an email can be added or changed, never taken away (a programme guest's included)
    if (dto.email === null) throw validationFailed('email cannot be removed: give another address', { email: null });
    const current = await this.read(this.dataSource.manager, id);
    await this.assertDaysInEvent(current.event_id, dto.days);
    const email = dto.email === undefined ? undefined : normaliseEmail(dto.email);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const locked = await this.lock(manager, id);
        if (locked.anonymised_at) throw conflict('This participant has been anonymised', { participantId: id }, 'PARTICIPANT_ANONYMISED');
        const patch: Partial<Participant> = {};
        if (email !== undefined) patch.email = email;
        if (dto.firstName !== undefined) patch.firstName = dto.firstName;
        if (dto.lastName !== undefined) patch.lastName = dto.lastName;
        if (dto.affiliation !== undefined) patch.affiliation = dto.affiliation;
        if (dto.town !== undefined) patch.town = dto.town;
        if (dto.townInsee !== undefined) patch.townInsee = dto.townInsee;
        if (dto.categories !== undefined) patch.categories = canonicalSet(dto.categories);
        if (dto.days !== undefined) patch.days = canonicalSet(dto.days);
        if (dto.dietaryNeeds !== undefined) patch.dietaryNeeds = dto.dietaryNeeds;
        if (dto.accessibilityNeeds !== undefined) patch.accessibilityNeeds = dto.accessibilityNeeds;
        if (dto.consentPublicList !== undefined) patch.consentPublicList = dto.consentPublicList;
        if (dto.consentPhoto !== undefined) patch.consentPhoto = dto.consentPhoto;
        if (dto.labelForm !== undefined) patch.labelForm = dto.labelForm;
        if (dto.registered === true && locked.status === 'cancelled') {
          patch.status = 'registered';
          patch.cancelledAt = null;
        } else if (dto.registered === false && locked.status === 'registered') {
          patch.status = 'cancelled';
          patch.cancelledAt = new Date();
        }
        if (Object.keys(patch).length) await manager.getRepository(Participant).update({ id }, patch);
        if (patch.status === 'cancelled') await this.admissions.releaseAll(manager, id);
        if (dto.partIds !== undefined) await this.moveBetweenParts(manager, id, dto.partIds);
        return toDetail(await this.read(manager, id), true);
      });
    } catch (error) {
      if (isViolation(error, '23505', EMAIL_UNIQUE)) throw emailTaken(email ?? '');
      throw error;
    }
  }

  /** Cancels the registration and every seat (the waiting lists move up); cancelling twice changes nothing. */
  async cancel(id: string): Promise<ParticipantResponse> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.lock(manager, id);
      if (locked.status !== 'cancelled') {
        await manager.query(`UPDATE participants SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1`, [id]);
        await this.admissions.releaseAll(manager, id);
      }
      return toDetail(await this.read(manager, id), true);
    });
  }

  /** `wanted` is the whole set of parts: seats in the others are released first, then the new ones asked for. */
  private async moveBetweenParts(manager: EntityManager, id: string, wanted: string[]): Promise<void> {
    const held = (
      await manager.query<Array<{ part_id: string }>>(`SELECT part_id FROM part_admissions WHERE participant_id = $1 AND status <> 'cancelled'`, [id])
    ).map((r) => r.part_id);
    const want = new Set(wanted.map((p) => p.toLowerCase()));
    for (const partId of held.filter((p) => !want.has(p)).sort()) await this.admissions.releaseSeat(manager, partId, id);
    const added = [...want].filter((p) => !held.includes(p));
    if (!added.length) return;
    await this.admissions.requestSeats(manager, id, added, { byOrganiser: true });
  }

  private async lock(manager: EntityManager, id: string): Promise<{ status: string; anonymised_at: Date | null }> {
    const [row] = await manager.query<Array<{ status: string; anonymised_at: Date | null }>>(
      `SELECT status, anonymised_at FROM participants WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw notFound('Participant');
    return row;
  }

  private async read(manager: EntityManager, id: string): Promise<ParticipantRow> {
    const [row] = await manager.query<ParticipantRow[]>(`SELECT ${participantColumns('p')} FROM participants p ${admissionsJoin('p')} WHERE p.id = $1`, [id]);
    if (!row) throw notFound('Participant');
    return row;
  }

  private async assertDaysInEvent(eventId: string, days: string[] | undefined): Promise<void> {
    const event = await this.events.get(eventId);
    const outside = daysOutside(days ?? [], event.startDate, event.endDate);
    if (outside.length) {
      throw new DomainError(422, 'DAY_OUTSIDE_EVENT', `These days are outside the event (${event.startDate} to ${event.endDate})`, { days: outside });
    }
  }
}
