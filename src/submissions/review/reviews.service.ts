import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { RequestUser } from '../../common/auth/access.js';
import { conflict, DomainError, notFound } from '../../common/errors/domain-error.js';
import { pageOffset, toPage, type Page, type PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { Review } from '../review.entity.js';
import { SubmissionSpeaker } from '../submission-speaker.entity.js';
import { Submission } from '../submission.entity.js';
import type { PutReviewDto } from './dto/put-review.dto.js';
import type { ReviewResponse } from './dto/review.response.js';

/** Reviews are written and removed only while the proposal waits for a decision. */
const REVIEWABLE_STATE = 'submitted';

function toResponse(review: Review): ReviewResponse {
  const reviewer = review.reviewer;
  if (!reviewer) throw new Error('review loaded without its reviewer');
  return {
    id: review.id,
    submissionId: review.submissionId,
    reviewer: { id: reviewer.id, name: reviewer.displayName ?? reviewer.email, email: reviewer.email },
    score: review.score,
    comment: review.comment,
    createdAt: review.createdAt.toISOString(),
    updatedAt: review.updatedAt.toISOString(),
  };
}

/**
 * Organisers' reviews of proposals: one per reviewer and proposal (a unique constraint backs it),
 * replaced by a new PUT, written only while the proposal is submitted and never by one of its
 * signers. Speakers never reach these routes.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectRepository(Review) private readonly reviews: Repository<Review>,
    @InjectRepository(Submission) private readonly submissions: Repository<Submission>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Creates or replaces the caller's review; `created` tells which. */
  async put(submissionId: string, reviewer: RequestUser, dto: PutReviewDto): Promise<{ created: boolean; review: ReviewResponse }> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.lockReviewable(manager, submissionId, reviewer);
      const reviews = manager.getRepository(Review);
      const existing = await reviews.findOne({ select: { id: true }, where: { submissionId, reviewerId: reviewer.id } });
      await reviews
        .createQueryBuilder()
        .insert()
        .values({ submissionId, reviewerId: reviewer.id, score: dto.score, comment: dto.comment ?? null })
        .orUpdate(['score', 'comment', 'updated_at'], ['submission_id', 'reviewer_id'])
        .execute();
      return existing?.id ?? null;
    });
    return { created: id === null, review: await this.mine(submissionId, reviewer.id) };
  }

  /** Removes the caller's review (404 when they have none). */
  async remove(submissionId: string, reviewer: RequestUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockReviewable(manager, submissionId, reviewer);
      const result = await manager.getRepository(Review).delete({ submissionId, reviewerId: reviewer.id });
      if (!result.affected) throw notFound('Review', { reason: 'You have not reviewed this proposal' });
    });
  }

  /** The reviews of a proposal with their reviewers, oldest first. */
  async list(submissionId: string, query: PageQueryDto): Promise<Page<ReviewResponse>> {
    if (!(await this.submissions.existsBy({ id: submissionId }))) throw notFound('Submission');
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const [rows, total] = await this.withReviewer()
      .where('r.submission_id = :submissionId', { submissionId })
      .orderBy('r.created_at', direction)
      .addOrderBy('r.id', 'ASC')
      .skip(pageOffset(query))
      .take(query.pageSize)
      .getManyAndCount();
    return toPage(rows.map(toResponse), total, query);
  }

  private async mine(submissionId: string, reviewerId: string): Promise<ReviewResponse> {
    const review = await this.withReviewer()
      .where('r.submission_id = :submissionId AND r.reviewer_id = :reviewerId', { submissionId, reviewerId })
      .getOne();
    if (!review) throw notFound('Review');
    return toResponse(review);
  }

  /** Reviews with the reviewer's id, email and display name only (never the rest of the account). */
  private withReviewer() {
    return this.reviews
      .createQueryBuilder('r')
      .innerJoin('r.reviewer', 'u')
      .addSelect(['u.id', 'u.email', 'u.displayName']);
  }

  /**
   * Loads the proposal and locks it against a concurrent transition until the transaction ends:
   * 404 when missing, 403 when the caller signs it, 409 when it is not waiting for a decision.
   */
  private async lockReviewable(manager: EntityManager, submissionId: string, reviewer: RequestUser): Promise<void> {
    const submission = await manager.getRepository(Submission).findOne({
      select: { id: true, state: true },
      where: { id: submissionId },
      lock: { mode: 'pessimistic_read' },
    });
    if (!submission) throw notFound('Submission');
    const signs = await manager.getRepository(SubmissionSpeaker).exists({
      where: [
        { submissionId, userId: reviewer.id },
        { submissionId, email: reviewer.email.toLowerCase() },
      ],
    });
    if (signs) {
      throw new DomainError(403, 'REVIEWER_IS_SIGNER', 'You sign this proposal, so you cannot review it');
    }
    if (submission.state !== REVIEWABLE_STATE) {
      throw conflict(
        `Only a submitted proposal can be reviewed; this one is ${submission.state}`,
        { state: submission.state, reviewableStates: [REVIEWABLE_STATE] },
        'SUBMISSION_NOT_REVIEWABLE',
      );
    }
  }
}
