import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Submission } from '../submissions/submission.entity.js';
import { Session } from './session.entity.js';

/**
 * An accepted or confirmed proposal placed in a session (or, tentatively, one still under review). Talks follow one another from the session's
 * start in `position` order; a talk's times are computed, not stored. A proposal is placed once.
 * Positions are unique per session, checked at commit (deferred) so that a reorder can swap them.
 */
@Entity('talks')
@Unique('UQ_talks_submission', ['submissionId'])
@Unique('UQ_talks_session_position', ['sessionId', 'position'], { deferrable: 'INITIALLY DEFERRED' })
@Check('CHK_talks_position', `"position" >= 0`)
@Check('CHK_talks_version', `"version" >= 1`)
@Check('CHK_talks_duration', `"duration_minutes" BETWEEN 1 AND 1440`)
export class Talk {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_talks_session' })
  session?: Session;

  /** A placed proposal cannot be deleted (ON DELETE RESTRICT → 409): remove the talk first. */
  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId!: string;

  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'FK_talks_submission' })
  submission?: Submission;

  @Column({ type: 'integer' })
  position!: number;

  /** Minutes: the proposal's type default (or the proposal's own) unless an organiser changes it. */
  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes!: number;

  /** Raised by every change of the talk (position, length, session); its ETag is `"<version>"` (If-Match → 412 when stale). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /**
   * Placed to see whether the programme fits while the proposal is still under review (« provisoire »):
   * a proposal in review is placed only so (placementProblem, session-rules.ts); accepting it clears the
   * flag in the same transaction (TentativeTalksService). A blocking conflict (TALK_TENTATIVE) until then.
   */
  @Column({ type: 'boolean', default: false })
  tentative!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
