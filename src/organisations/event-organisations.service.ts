import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { conflict, notFound, validationFailed } from '../common/errors/domain-error.js';
import type { Page } from '../common/pagination/page-query.dto.js';
import { EventsService } from '../events/events.service.js';
import { violatedConstraint } from '../common/errors/postgres-error.js';
import type { CreateEventOrganisationDto } from './dto/create-event-organisation.dto.js';
import { EventOrganisationResponse, type EventOrganisationRow } from './dto/event-organisation.response.js';
import type { ListEventOrganisationsQuery } from './dto/list-event-organisations.query.js';
import type { UpdateEventOrganisationDto } from './dto/update-event-organisation.dto.js';
import { EventOrganisation } from './event-organisation.entity.js';
import { EVENT_ROLES, type EventRole } from './organisation-kind.js';
import { OrganisationLogo } from './organisation-logo.entity.js';
import { OrganisationsService } from './organisations.service.js';
import type { PutRoleOrderDto } from './dto/put-role-order.dto.js';
import { roleOrderMismatch } from './role-order.js';

/** Roles rank as listed in EVENT_ROLES: co-organisers first, media last. */
const ROLE_RANK = `CASE r.role ${EVENT_ROLES.map((role, rank) => `WHEN '${role}' THEN ${rank}`).join(' ')} END`;

@Injectable()
export class EventOrganisationsService {
  constructor(
    @InjectRepository(EventOrganisation) private readonly roles: Repository<EventOrganisation>,
    private readonly events: EventsService,
    private readonly organisations: OrganisationsService,
  ) {}

  /** The organisations of an event with their roles, in display order, in one query. */
  async list(eventId: string, query: ListEventOrganisationsQuery): Promise<Page<EventOrganisationResponse>> {
    await this.events.assertExists(eventId);
    const qb = this.selectRoles().where('r.event_id = :eventId', { eventId });
    if (query.role) qb.andWhere('r.role = :role', { role: query.role });
    const total = await qb.getCount();
    const rows = await qb
      .orderBy(ROLE_RANK, 'ASC')
      .addOrderBy('r.display_order', 'ASC')
      .addOrderBy('lower(o.name)', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawMany<EventOrganisationRow>();
    return { items: rows.map(EventOrganisationResponse.from), page: query.page, pageSize: query.pageSize, total };
  }

  /**
   * The logos of the organisations holding a role on the event: organisation id → the logo's
   * SHA-256, in one query and without the bytes (the public programme pages show them).
   */
  async logoVersions(eventId: string): Promise<Map<string, string>> {
    const rows = await this.roles.manager.query<Array<{ organisation_id: string; sha256: string }>>(
      `SELECT DISTINCT l.organisation_id, l.sha256 FROM event_organisations r
       JOIN organisation_logos l ON l.organisation_id = r.organisation_id
       WHERE r.event_id = $1 ORDER BY l.organisation_id`,
      [eventId],
    );
    return new Map(rows.map((r) => [r.organisation_id, r.sha256]));
  }

  async add(eventId: string, dto: CreateEventOrganisationDto): Promise<EventOrganisationResponse> {
    await this.events.assertExists(eventId);
    if (!(await this.organisations.exists(dto.organisationId))) throw this.unknownOrganisation(dto.organisationId);
    const role = this.roles.create({
      eventId,
      organisationId: dto.organisationId,
      role: dto.role,
      sponsorTier: dto.sponsorTier ?? null,
      displayOrder: dto.displayOrder ?? 0,
      note: dto.note ?? null,
    });
    assertTierFitsRole(role);
    await this.assertRoleFree(role);
    const saved = await this.save(role);
    return this.get(eventId, saved.id);
  }

  async update(eventId: string, roleId: string, dto: UpdateEventOrganisationDto): Promise<EventOrganisationResponse> {
    const role = await this.load(eventId, roleId);
    const previousRole = role.role;
    if (dto.role !== undefined) role.role = dto.role;
    if (dto.sponsorTier !== undefined) role.sponsorTier = dto.sponsorTier;
    if (dto.displayOrder !== undefined) role.displayOrder = dto.displayOrder;
    if (dto.note !== undefined) role.note = dto.note;
    assertTierFitsRole(role);
    if (role.role !== previousRole) await this.assertRoleFree(role);
    await this.save(role);
    return this.get(eventId, roleId);
  }

  /**
   * Puts the organisations holding one role in a new display order (0, 1, 2…), in one transaction
   * with the event's roles of that kind locked: a list that is not exactly those roles is a 409
   * and changes nothing. Answers the roles of that kind in their new order.
   */
  async reorder(eventId: string, dto: PutRoleOrderDto): Promise<EventOrganisationResponse[]> {
    await this.events.assertExists(eventId);
    await this.roles.manager.transaction(async (manager) => {
      const current = await manager
        .createQueryBuilder(EventOrganisation, 'r')
        .select('r.id')
        .where('r.event_id = :eventId AND r.role = :role', { eventId, role: dto.role })
        .setLock('pessimistic_write')
        .getMany();
      const mismatch = roleOrderMismatch(
        current.map((r) => r.id),
        dto.roleIds,
      );
      if (mismatch) {
        throw conflict(`roleIds must list every ${dto.role} of this event once, and nothing else`, { role: dto.role, ...mismatch }, 'ROLE_ORDER_STALE');
      }
      await manager.query(
        `UPDATE event_organisations r SET display_order = o.position - 1
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position)
         WHERE r.id = o.id AND r.event_id = $2`,
        [dto.roleIds, eventId],
      );
    });
    const rows = await this.selectRoles()
      .where('r.event_id = :eventId AND r.role = :role', { eventId, role: dto.role })
      .orderBy('r.display_order', 'ASC')
      .addOrderBy('lower(o.name)', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getRawMany<EventOrganisationRow>();
    return rows.map(EventOrganisationResponse.from);
  }

  async remove(eventId: string, roleId: string): Promise<void> {
    await this.events.assertExists(eventId);
    const { affected } = await this.roles.delete({ id: roleId, eventId });
    if (!affected) throw notFound('Organisation role on this event');
  }

  private async get(eventId: string, roleId: string): Promise<EventOrganisationResponse> {
    const row = await this.selectRoles().where('r.id = :roleId AND r.event_id = :eventId', { roleId, eventId }).getRawOne<EventOrganisationRow>();
    if (!row) throw notFound('Organisation role on this event');
    return EventOrganisationResponse.from(row);
  }

  /** A role of this event; one of another event is as missing as one that does not exist. */
  private async load(eventId: string, roleId: string): Promise<EventOrganisation> {
    await this.events.assertExists(eventId);
    const role = await this.roles.findOneBy({ id: roleId, eventId });
    if (!role) throw notFound('Organisation role on this event');
    return role;
  }

  /** An organisation holds a given role on an event once. */
  private async assertRoleFree(role: EventOrganisation): Promise<void> {
    const taken = await this.roles.existsBy({ eventId: role.eventId, organisationId: role.organisationId, role: role.role });
    if (taken) throw this.roleTaken(role.role);
  }

  private async save(role: EventOrganisation): Promise<EventOrganisation> {
    try {
      return await this.roles.save(role);
    } catch (error) {
      const constraint = violatedConstraint(error);
      if (constraint === 'UQ_event_organisations_role') throw this.roleTaken(role.role);
      if (constraint === 'FK_event_organisations_organisation') throw this.unknownOrganisation(role.organisationId);
      if (constraint === 'FK_event_organisations_event') throw notFound('Event');
      throw error;
    }
  }

  private roleTaken(role: EventRole): Error {
    return conflict(`This organisation is already ${role} of this event`, { role }, 'ROLE_ALREADY_HELD');
  }

  private unknownOrganisation(organisationId: string): Error {
    return validationFailed(`There is no organisation with the id ${organisationId}`, { organisationId });
  }

  /** The role joined with its organisation and the hash of the organisation's logo. */
  private selectRoles() {
    return this.roles
      .createQueryBuilder('r')
      .innerJoin('r.organisation', 'o')
      .leftJoin(OrganisationLogo, 'l', 'l.organisation_id = o.id')
      .select('r.id', 'id')
      .addSelect('r.event_id', 'eventId')
      .addSelect('r.role', 'role')
      .addSelect('r.sponsor_tier', 'sponsorTier')
      .addSelect('r.display_order', 'displayOrder')
      .addSelect('r.note', 'note')
      .addSelect('o.id', 'organisationId')
      .addSelect('o.name', 'organisationName')
      .addSelect('o.acronym', 'organisationAcronym')
      .addSelect('o.kind', 'organisationKind')
      .addSelect('o.website', 'organisationWebsite')
      .addSelect('l.sha256', 'logoSha256');
  }
}

/** A sponsor tier only makes sense for a sponsor (the database checks it too). */
function assertTierFitsRole(role: EventOrganisation): void {
  if (role.sponsorTier !== null && role.role !== 'sponsor') {
    throw validationFailed(`sponsorTier is only for the role sponsor, not ${role.role}; send sponsorTier: null to clear it`, {
      errors: [{ field: 'sponsorTier', errors: ['sponsorTier is only allowed when role is sponsor'] }],
    });
  }
}
