import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SubmissionType } from '../cfp/submission-type.entity.js';
import { Track } from '../cfp/track.entity.js';
import { Event } from '../events/event.entity.js';
import { User } from '../users/user.entity.js';
import type { SubmissionState } from './submission-state.js';

/** A talk proposal: title and abstract in French and/or English (at least one language complete). */
@Entity('submissions')
@Index('IDX_submissions_event_state', ['eventId', 'state'])
@Check('CHK_submissions_state', `"state" IN ('draft','submitted','accepted','rejected','confirmed','withdrawn','cancelled')`)
@Check(
  'CHK_submissions_language',
  `("title_fr" IS NOT NULL AND "abstract_fr" IS NOT NULL) OR ("title_en" IS NOT NULL AND "abstract_en" IS NOT NULL)`,
)
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_submissions_event' })
  event?: Event;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  state!: SubmissionState;

  @Column({ name: 'type_id', type: 'uuid' })
  typeId!: string;

  @ManyToOne(() => SubmissionType, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'type_id', foreignKeyConstraintName: 'FK_submissions_type' })
  type?: SubmissionType;

  @Column({ name: 'track_id', type: 'uuid', nullable: true })
  trackId!: string | null;

  @ManyToOne(() => Track, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'track_id', foreignKeyConstraintName: 'FK_submissions_track' })
  track?: Track | null;

  @Column({ name: 'title_fr', type: 'varchar', length: 300, nullable: true })
  titleFr!: string | null;

  @Column({ name: 'title_en', type: 'varchar', length: 300, nullable: true })
  titleEn!: string | null;

  @Column({ name: 'abstract_fr', type: 'text', nullable: true })
  abstractFr!: string | null;

  @Column({ name: 'abstract_en', type: 'text', nullable: true })
  abstractEn!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords!: string[];

  /** Minutes, when an organiser sets a length other than the type's default. */
  @Column({ name: 'duration_minutes', type: 'integer', nullable: true })
  durationMinutes!: number | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_submissions_created_by' })
  creator?: User | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
