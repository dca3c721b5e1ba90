import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { notFound } from '../common/errors/domain-error.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import { normaliseEmail, UsersService } from '../users/users.service.js';
import type { ListSpeakersQuery, SpeakerSort } from './dto/list-speakers.query.js';
import { SpeakerProfileResponse } from './dto/speaker-profile.response.js';
import type { UpdateSpeakerProfileDto } from './dto/update-speaker-profile.dto.js';
import { displayNameOf } from './person-name.js';
import { SpeakerProfile } from './speaker-profile.entity.js';
import { containsPattern, MAX_SEARCH_LENGTH, searchCondition } from './speaker-search.js';
import type { SpeakerSummary } from './speaker-summary.js';
import { UnavailabilitiesService } from './unavailabilities.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The most user ids matchingUserIds returns. */
export const MAX_MATCHING_SPEAKERS = 1000;

const SORT_EXPRESSIONS: Record<SpeakerSort, string[]> = {
  lastName: ['unaccent(lower(p.last_name))', 'unaccent(lower(p.first_name))'],
  firstName: ['unaccent(lower(p.first_name))', 'unaccent(lower(p.last_name))'],
  createdAt: ['p.created_at'],
};

const PROFILE_FIELDS = ['firstName', 'lastName', 'affiliation', 'countryCode', 'orcid', 'bioFr', 'bioEn'] as const;

/**
 * Speakers' profiles: one's own (read, change), the organisers' directory, and what other modules
 * ask about speakers. A speaker is an account holding the speaker role with a profile.
 */
@Injectable()
export class SpeakersService {
  constructor(
    @InjectRepository(SpeakerProfile) private readonly profiles: Repository<SpeakerProfile>,
    private readonly unavailabilities: UnavailabilitiesService,
    private readonly users: UsersService,
  ) {}

  /** A speaker's profile (their own, or any for organisers); 404 for anyone who is not a speaker. */
  async get(userId: string): Promise<SpeakerProfileResponse> {
    const profile = await this.speakers().andWhere('p.user_id = :userId', { userId }).getOne();
    if (!profile) throw notFound('Speaker');
    return toResponse(profile);
  }

  /** Changes one's own profile: only the fields sent; null clears an optional one. */
  async update(userId: string, dto: UpdateSpeakerProfileDto): Promise<SpeakerProfileResponse> {
    const changes: Partial<SpeakerProfile> = {};
    for (const field of PROFILE_FIELDS) if (dto[field] !== undefined) Object.assign(changes, { [field]: dto[field] });
    const current = await this.profiles.findOneBy({ userId });
    if (!current) throw notFound('Speaker');
    if (Object.keys(changes).length) {
      await this.profiles.manager.transaction(async (manager) => {
        await manager.update(SpeakerProfile, { userId }, changes);
        if (changes.firstName !== undefined || changes.lastName !== undefined) {
          const renamed = { ...current, ...changes };
          await this.users.rename(userId, displayNameOf(renamed.firstName, renamed.lastName), manager);
        }
      });
    }
    return this.get(userId);
  }

  /** Organisers' directory: searched without regard to accents or case, sorted, paginated. */
  async list(query: ListSpeakersQuery): Promise<Page<SpeakerProfileResponse>> {
    const qb = this.matching(query.q);
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    SORT_EXPRESSIONS[query.sort].forEach((expression, i) => (i === 0 ? qb.orderBy(expression, direction) : qb.addOrderBy(expression, direction)));
    qb.addOrderBy('p.user_id', 'ASC');
    const [rows, total] = await Promise.all([qb.clone().offset(pageOffset(query)).limit(query.pageSize).getMany(), qb.getCount()]);
    return toPage(rows.map(toResponse), total, query);
  }

  /** Summaries of these speakers, by user id, in one query; ids that are not speakers are left out. */
  async summaries(userIds: string[]): Promise<Map<string, SpeakerSummary>> {
    const ids = [...new Set(userIds)].filter((id) => UUID.test(id));
    if (ids.length === 0) return new Map();
    const rows = await this.speakers().andWhere('p.user_id = ANY(:ids)', { ids }).getMany();
    return new Map(rows.map((p) => [p.userId, toSummary(p)]));
  }

  /** The speaker holding this email (any case), or null. */
  async findSpeakerByEmail(email: string): Promise<SpeakerSummary | null> {
    const profile = await this.speakers().andWhere('u.email = :email', { email: normaliseEmail(email) }).getOne();
    return profile ? toSummary(profile) : null;
  }

  /** Ids of the speakers the directory search would find for `q` (at most 1000, by last name). */
  async matchingUserIds(q: string): Promise<string[]> {
    const rows = await this.matching(q)
      .select('p.user_id', 'userId')
      .orderBy('unaccent(lower(p.last_name))', 'ASC')
      .addOrderBy('p.user_id', 'ASC')
      .limit(MAX_MATCHING_SPEAKERS)
      .getRawMany<{ userId: string }>();
    return rows.map((r) => r.userId);
  }

  /** Every speaker's unavailabilities for an event, in UTC, by start (for the programme). */
  unavailabilitiesForEvent(eventId: string): Promise<{ userId: string; startsAt: Date; endsAt: Date }[]> {
    return this.unavailabilities.forEvent(eventId);
  }

  /** Profiles of accounts holding the speaker role, with the account's email. */
  private speakers(): SelectQueryBuilder<SpeakerProfile> {
    return this.profiles.createQueryBuilder('p').innerJoin('p.user', 'u').addSelect(['u.id', 'u.email']).where(`'speaker' = ANY(u.roles)`);
  }

  private matching(q: string | undefined): SelectQueryBuilder<SpeakerProfile> {
    const qb = this.speakers();
    const pattern = q === undefined ? null : containsPattern(q.slice(0, MAX_SEARCH_LENGTH));
    if (pattern) qb.andWhere(searchCondition('p', 'u', 'pattern'), { pattern });
    return qb;
  }
}

function toResponse(profile: SpeakerProfile): SpeakerProfileResponse {
  return SpeakerProfileResponse.from(profile, profile.user?.email ?? '');
}

function toSummary(profile: SpeakerProfile): SpeakerSummary {
  return {
    userId: profile.userId,
    firstName: profile.firstName,
    lastName: profile.lastName,
    affiliation: profile.affiliation,
    countryCode: profile.countryCode,
    email: profile.user?.email ?? '',
  };
}
