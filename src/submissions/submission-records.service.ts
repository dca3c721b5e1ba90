import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import { notFound } from '../common/errors/domain-error.js';
import { capacitiesOf } from './submission-access.js';
import { SubmissionSpeaker } from './submission-speaker.entity.js';
import type { Capacity } from './submission-transitions.js';
import { Submission } from './submission.entity.js';

/** A proposal the caller may see, with its signers and the capacities the caller holds on it. */
export interface VisibleSubmission {
  submission: Submission;
  signers: SubmissionSpeaker[];
  capacities: Capacity[];
}

/**
 * Loads proposals and their signers, and decides who sees them: a proposal the caller neither
 * signs (as main speaker, or as a co-speaker who accepted) nor organises is 404, exactly like a
 * missing one, so that ids cannot be probed.
 */
@Injectable()
export class SubmissionRecordsService {
  constructor(
    @InjectRepository(Submission) private readonly submissions: Repository<Submission>,
    @InjectRepository(SubmissionSpeaker) private readonly signers: Repository<SubmissionSpeaker>,
  ) {}

  async loadVisible(id: string, caller: RequestUser): Promise<VisibleSubmission> {
    const [submission, signers] = await Promise.all([this.submissions.findOneBy({ id }), this.signersOf(id)]);
    if (!submission) throw notFound('Submission');
    const capacities = capacitiesOf(caller, signers);
    if (capacities.length === 0) throw notFound('Submission');
    return { submission, signers, capacities };
  }

  /** A proposal whoever asks (for checks that come before visibility); 404 when missing. */
  async loadSubmission(id: string): Promise<Submission> {
    const submission = await this.submissions.findOneBy({ id });
    if (!submission) throw notFound('Submission');
    return submission;
  }

  /** The signers of a proposal: the main speaker first, then co-speakers in the order given. */
  signersOf(submissionId: string, manager?: EntityManager): Promise<SubmissionSpeaker[]> {
    const repository = manager ? manager.getRepository(SubmissionSpeaker) : this.signers;
    return repository.find({ where: { submissionId }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  /** The signers of several proposals in one query, by proposal id. */
  async signersOfMany(submissionIds: string[]): Promise<Map<string, SubmissionSpeaker[]>> {
    const out = new Map<string, SubmissionSpeaker[]>(submissionIds.map((id) => [id, []]));
    if (submissionIds.length === 0) return out;
    const rows = await this.signers.find({ where: { submissionId: In(submissionIds) }, order: { position: 'ASC', createdAt: 'ASC' } });
    for (const row of rows) out.get(row.submissionId)?.push(row);
    return out;
  }

  /**
   * Reads a proposal inside `manager`'s transaction and locks its row (SELECT … FOR UPDATE) until
   * the transaction ends, so that two changes of one proposal take turns and the second sees the first.
   */
  async lock(manager: EntityManager, id: string): Promise<Submission> {
    const submission = await manager.getRepository(Submission).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
    if (!submission) throw notFound('Submission');
    return submission;
  }
}
