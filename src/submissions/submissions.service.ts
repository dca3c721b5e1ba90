import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import type { ListMySubmissionsQuery } from './dto/list-my-submissions.query.js';
import type { SubmissionResponse } from './dto/submission.response.js';
import { SubmissionRecordsService } from './submission-records.service.js';
import { SubmissionSpeaker } from './submission-speaker.entity.js';
import { SubmissionViewsService } from './submission-views.service.js';
import { Submission } from './submission.entity.js';

/**
 * Reading proposals, and what other modules ask about them: whether someone signs one (a reviewer
 * may not review a proposal they co-sign).
 */
@Injectable()
export class SubmissionsService {
  constructor(
    @InjectRepository(Submission) private readonly submissions: Repository<Submission>,
    @InjectRepository(SubmissionSpeaker) private readonly signers: Repository<SubmissionSpeaker>,
    private readonly records: SubmissionRecordsService,
    private readonly views: SubmissionViewsService,
  ) {}

  /** One proposal as the caller may see it; 404 when it is missing or not theirs to see. */
  get(id: string, caller: RequestUser): Promise<SubmissionResponse> {
    return this.views.one(id, caller);
  }

  /** The proposals the caller signs (as main speaker, or as a co-speaker who accepted), paginated. */
  async listMine(caller: RequestUser, query: ListMySubmissionsQuery): Promise<Page<SubmissionResponse>> {
    const qb = this.submissions
      .createQueryBuilder('s')
      .where(
        `EXISTS (SELECT 1 FROM submission_speakers ss WHERE ss.submission_id = s.id AND ss.user_id = :me AND ss.status = 'accepted')`,
        { me: caller.id },
      );
    if (query.eventId) qb.andWhere('s.event_id = :eventId', { eventId: query.eventId });
    if (query.state) qb.andWhere('s.state = :state', { state: query.state });
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    qb.orderBy(query.sort === 'updatedAt' ? 's.updated_at' : 's.created_at', direction).addOrderBy('s.id', 'ASC');
    const [rows, total] = await qb.skip(pageOffset(query)).take(query.pageSize).getManyAndCount();
    return toPage(await this.views.many(rows, caller), total, query);
  }

  /** True when the user signs the proposal (main speaker, or co-speaker invited or accepted). */
  async signs(submissionId: string, userId: string): Promise<boolean> {
    return this.signers.exists({ where: [{ submissionId, userId, status: 'accepted' }, { submissionId, userId, status: 'invited' }] });
  }

  /** Throws 404 when there is no such proposal. */
  async assertExists(id: string): Promise<void> {
    await this.records.loadSubmission(id);
  }
}
