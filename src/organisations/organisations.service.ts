import { ChangeFeedService } from '../change-feed/change-feed.service.js';
import type { KeptReads } from '../change-feed/kept-reads.js';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository, type SelectQueryBuilder } from 'typeorm';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import { violatedConstraint } from '../common/errors/postgres-error.js';
import type { CreateOrganisationDto } from './dto/create-organisation.dto.js';
import type { ListOrganisationsQuery, OrganisationSort } from './dto/list-organisations.query.js';
import { OrganisationResponse } from './dto/organisation.response.js';
import type { UpdateOrganisationDto } from './dto/update-organisation.dto.js';
import { EventOrganisation } from './event-organisation.entity.js';
import { OrganisationLogo } from './organisation-logo.entity.js';
import { Organisation } from './organisation.entity.js';

const SORT_COLUMNS: Record<OrganisationSort, string> = {
  name: 'lower(o.name)',
  acronym: 'lower(o.acronym)',
  createdAt: 'o.created_at',
};

/** Event ids named in the answer when an organisation cannot be deleted. */
const MAX_LISTED_EVENTS = 20;

/** Escapes LIKE wildcards so that a search for "50%" finds "50%", not everything. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(EventOrganisation) private readonly eventRoles: Repository<EventOrganisation>,
    feed: ChangeFeedService,
  ) {
    this.publicOrganisations = feed.cache('public organisations', ['organisations', 'organisation_logos']);
  }

  /** The public reads (GET /api/organisations…), kept until an organisation or a logo changes (src/change-feed). */
  private readonly publicOrganisations: KeptReads<string, Page<OrganisationResponse> | OrganisationResponse>;

  /** GET /api/organisations: kept per query. */
  listPublic(query: ListOrganisationsQuery): Promise<Page<OrganisationResponse>> {
    return this.publicOrganisations.get(`list:${JSON.stringify(query)}`, () => this.list(query)) as Promise<Page<OrganisationResponse>>;
  }

  /** GET /api/organisations/:id: kept per organisation (a 404 is not kept). */
  getPublic(id: string): Promise<OrganisationResponse> {
    return this.publicOrganisations.get(`organisation:${id.toLowerCase()}`, () => this.get(id)) as Promise<OrganisationResponse>;
  }

  async create(dto: CreateOrganisationDto): Promise<OrganisationResponse> {
    await this.assertNameFree(dto.name);
    const organisation = this.organisations.create({
      name: dto.name,
      acronym: dto.acronym ?? null,
      kind: dto.kind,
      website: dto.website ?? null,
      description: dto.description ?? null,
    });
    return OrganisationResponse.from(await this.save(organisation), null);
  }

  /** A page of organisations, filtered by kind and by a text in the name or acronym. */
  async list(query: ListOrganisationsQuery): Promise<Page<OrganisationResponse>> {
    const qb = this.organisations.createQueryBuilder('o');
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.q) {
      const like = containsPattern(query.q);
      qb.andWhere(new Brackets((w) => w.where('lower(o.name) LIKE :like', { like }).orWhere('lower(o.acronym) LIKE :like', { like })));
    }
    const total = await qb.getCount();
    withLogoHash(qb)
      .orderBy(SORT_COLUMNS[query.sort], query.order === 'desc' ? 'DESC' : 'ASC', 'NULLS LAST')
      .addOrderBy('o.id', 'ASC')
      .offset(pageOffset(query))
      .limit(query.pageSize);
    const { entities, raw } = await qb.getRawAndEntities<{ o_id: string; logo_sha256: string | null }>();
    const logoHash = new Map(raw.map((row) => [row.o_id, row.logo_sha256]));
    return toPage(
      entities.map((o) => OrganisationResponse.from(o, logoHash.get(o.id) ?? null)),
      total,
      query,
    );
  }

  async get(id: string): Promise<OrganisationResponse> {
    const { organisation, logoSha256 } = await this.loadWithLogoHash(id);
    return OrganisationResponse.from(organisation, logoSha256);
  }

  async update(id: string, dto: UpdateOrganisationDto): Promise<OrganisationResponse> {
    const { organisation, logoSha256 } = await this.loadWithLogoHash(id);
    if (dto.name !== undefined && dto.name !== organisation.name) await this.assertNameFree(dto.name, id);
    if (dto.name !== undefined) organisation.name = dto.name;
    if (dto.kind !== undefined) organisation.kind = dto.kind;
    if (dto.acronym !== undefined) organisation.acronym = dto.acronym;
    if (dto.website !== undefined) organisation.website = dto.website;
    if (dto.description !== undefined) organisation.description = dto.description;
    return OrganisationResponse.from(await this.save(organisation), logoSha256);
  }

  /** Deletes an organisation and its logo; refused (409) while it holds a role on an event. */
  async remove(id: string): Promise<void> {
    const organisation = await this.load(id);
    await this.assertHoldsNoRole(organisation);
    try {
      await this.organisations.delete({ id });
    } catch (error) {
      if (violatedConstraint(error) === 'FK_event_organisations_organisation') await this.assertHoldsNoRole(organisation);
      throw error;
    }
  }

  /** Throws 404 NOT_FOUND when there is no such organisation. */
  async assertExists(id: string): Promise<void> {
    if (!(await this.organisations.existsBy({ id }))) throw notFound('Organisation');
  }

  /** Whether the organisation exists (for callers that answer a missing one differently). */
  exists(id: string): Promise<boolean> {
    return this.organisations.existsBy({ id });
  }

  /** Names are unique regardless of case and surrounding spaces ("CNRS" and "cnrs" are one organisation). */
  private async assertNameFree(name: string, exceptId?: string): Promise<void> {
    const qb = this.organisations.createQueryBuilder('o').where('lower(o.name) = lower(:name)', { name });
    if (exceptId) qb.andWhere('o.id <> :exceptId', { exceptId });
    const existing = await qb.getOne();
    if (existing) throw this.nameTaken(existing.name, existing.id);
  }

  private async assertHoldsNoRole(organisation: Organisation): Promise<void> {
    const [roles, count] = await this.eventRoles.findAndCount({
      select: { eventId: true },
      where: { organisationId: organisation.id },
      order: { eventId: 'ASC' },
      take: MAX_LISTED_EVENTS,
    });
    if (count === 0) return;
    throw conflict(
      `"${organisation.name}" still holds ${count} role${count > 1 ? 's' : ''} on events; remove ${count > 1 ? 'them' : 'it'} first (DELETE /api/events/{eventId}/organisations/{roleId})`,
      { roleCount: count, eventIds: [...new Set(roles.map((r) => r.eventId))] },
      'ORGANISATION_IN_USE',
    );
  }

  private nameTaken(name: string, existingId?: string): Error {
    return conflict(`An organisation named "${name}" already exists`, existingId ? { organisationId: existingId } : undefined, 'ORGANISATION_NAME_TAKEN');
  }

  private async save(organisation: Organisation): Promise<Organisation> {
    try {
      return await this.organisations.save(organisation);
    } catch (error) {
      if (violatedConstraint(error) === 'UQ_organisations_name_lower') throw this.nameTaken(organisation.name);
      throw error;
    }
  }

  private async load(id: string): Promise<Organisation> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw notFound('Organisation');
    return organisation;
  }

  private async loadWithLogoHash(id: string): Promise<{ organisation: Organisation; logoSha256: string | null }> {
    const qb = withLogoHash(this.organisations.createQueryBuilder('o').where('o.id = :id', { id }));
    const { entities, raw } = await qb.getRawAndEntities<{ logo_sha256: string | null }>();
    if (!entities[0]) throw notFound('Organisation');
    return { organisation: entities[0], logoSha256: raw[0]?.logo_sha256 ?? null };
  }
}

/** Adds the logo's hash (only the hash, never the bytes) to a query on organisations `o`. */
function withLogoHash(qb: SelectQueryBuilder<Organisation>): SelectQueryBuilder<Organisation> {
  return qb.leftJoin(OrganisationLogo, 'l', 'l.organisation_id = o.id').addSelect('l.sha256', 'logo_sha256');
}
