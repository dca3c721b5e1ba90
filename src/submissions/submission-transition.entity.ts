import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity.js';
import { Submission } from './submission.entity.js';

/** One move of a proposal from a state to another: who, when, from, to, and the note given. */
@Entity('submission_transitions')
@Index('IDX_submission_transitions_submission', ['submissionId', 'at'])
export class SubmissionTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId!: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'FK_submission_transitions_submission' })
  submission?: Submission;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_submission_transitions_actor' })
  actor?: User | null;

  @Column({ type: 'varchar', length: 20 })
  action!: string;

  @Column({ name: 'from_state', type: 'varchar', length: 20 })
  fromState!: string;

  @Column({ name: 'to_state', type: 'varchar', length: 20 })
  toState!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
