import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity.js';
import { Submission } from './submission.entity.js';

/** What an edit changed on a proposal (field → {from, to}), so organisers see corrections made after acceptance. */
@Entity('submission_revisions')
@Index('IDX_submission_revisions_submission', ['submissionId', 'at'])
export class SubmissionRevision {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId!: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'FK_submission_revisions_submission' })
  submission?: Submission;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_submission_revisions_actor' })
  actor?: User | null;

  /** The state the proposal was in when edited. */
  @Column({ type: 'varchar', length: 20 })
  state!: string;

  @Column({ type: 'jsonb' })
  changes!: Record<string, { from: unknown; to: unknown }>;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
