import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../users/user.entity.js';
import { Submission } from './submission.entity.js';

/**
 * A person who signs a proposal: the main speaker, or a co-speaker invited by email. A co-speaker
 * with no account yet has user_id NULL until they sign up; one sees the proposal once they accept.
 */
@Entity('submission_speakers')
@Unique('UQ_submission_speakers_email', ['submissionId', 'email'])
@Index('IDX_submission_speakers_user', ['userId'])
@Check('CHK_submission_speakers_role', `"role" IN ('main','co')`)
@Check('CHK_submission_speakers_status', `"status" IN ('invited','accepted','declined')`)
@Check('CHK_submission_speakers_email_lower', `"email" = lower("email")`)
export class SubmissionSpeaker {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId!: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'FK_submission_speakers_submission' })
  submission?: Submission;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_submission_speakers_user' })
  user?: User | null;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 10 })
  role!: 'main' | 'co';

  @Column({ type: 'varchar', length: 10 })
  status!: 'invited' | 'accepted' | 'declined';

  @Column({ type: 'integer', default: 0 })
  position!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
