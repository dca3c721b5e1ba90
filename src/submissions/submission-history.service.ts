import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import { pageOffset, toPage, type Page, type PageQueryDto } from '../common/pagination/page-query.dto.js';
import { SpeakersService } from '../speakers/speakers.service.js';
import { UsersService } from '../users/users.service.js';
import type { HistoryEntryResponse } from './dto/history-entry.response.js';
import type { RevisionResponse } from './dto/revision.response.js';
import { fullName } from './submission-mail.js';
import { SubmissionRecordsService } from './submission-records.service.js';
import { SubmissionRevision } from './submission-revision.entity.js';
import type { SubmissionState, SubmissionAction } from './submission-state.js';
import { SubmissionTransition } from './submission-transition.entity.js';
import { actorRoleOf } from './submission-transitions.js';

/**
 * What happened to a proposal: its moves (to its speakers and organisers) and the edits made after
 * acceptance (to organisers). Speakers see who acted only as "organisation" or "speaker".
 */
@Injectable()
export class SubmissionHistoryService {
  constructor(
    @InjectRepository(SubmissionTransition) private readonly transitions: Repository<SubmissionTransition>,
    @InjectRepository(SubmissionRevision) private readonly revisions: Repository<SubmissionRevision>,
    private readonly records: SubmissionRecordsService,
    private readonly speakers: SpeakersService,
    private readonly users: UsersService,
  ) {}

  async history(id: string, caller: RequestUser, query: PageQueryDto): Promise<Page<HistoryEntryResponse>> {
    const { capacities } = await this.records.loadVisible(id, caller);
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    // By insertion order: ids are taken under the proposal's row lock, so they follow the order in
    // which moves happened even when two transactions started in the other order.
    const [rows, total] = await this.transitions.findAndCount({
      where: { submissionId: id },
      order: { id: direction },
      skip: pageOffset(query),
      take: query.pageSize,
    });
    const names = capacities.includes('organiser') ? await this.namesOf(rows.map((r) => r.actorId)) : new Map<string, string>();
    return toPage(
      rows.map((r) => ({
        action: r.action as SubmissionAction,
        fromState: r.fromState as SubmissionState,
        toState: r.toState as SubmissionState,
        note: r.note,
        at: r.at.toISOString(),
        actor: { role: actorRoleOf(r.action), name: r.actorId ? (names.get(r.actorId) ?? null) : null },
      })),
      total,
      query,
    );
  }

  /** Edits made after acceptance, for organisers (the route is theirs alone). */
  async revisionsOf(id: string, caller: RequestUser, query: PageQueryDto): Promise<Page<RevisionResponse>> {
    await this.records.loadVisible(id, caller);
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const [rows, total] = await this.revisions.findAndCount({
      where: { submissionId: id },
      order: { id: direction },
      skip: pageOffset(query),
      take: query.pageSize,
    });
    const names = await this.namesOf(rows.map((r) => r.actorId));
    return toPage(
      rows.map((r) => ({
        at: r.at.toISOString(),
        state: r.state as SubmissionState,
        actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
        changes: r.changes,
      })),
      total,
      query,
    );
  }

  /** Names of the people who acted: speakers by their profile, staff by display name or email. */
  private async namesOf(ids: (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => id !== null))];
    const names = new Map<string, string>();
    for (const [id, speaker] of await this.speakers.summaries(unique)) names.set(id, fullName(speaker));
    for (const id of unique.filter((u) => !names.has(u))) {
      const user = await this.users.get(id).catch(() => null);
      if (user) names.set(id, user.displayName ?? user.email);
    }
    return names;
  }
}
