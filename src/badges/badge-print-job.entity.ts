import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Event } from '../events/event.entity.js';
import { User } from '../users/user.entity.js';

export const PRINT_JOB_STATES = ['pending', 'delivered', 'failed'] as const;
export type PrintJobState = (typeof PRINT_JOB_STATES)[number];

/**
 * A print job: the badges a filter selected when it was created (its items, fixed then), printed
 * as one PDF. `pending` until a download of its PDF finished whole, then `delivered`; `failed` when
 * the operator says the whole job did not come out. While `reserved_until` is in the future (just
 * after creation and while its PDF streams) its people are not offered by « not yet printed ».
 */
@Entity('badge_print_jobs')
@Index('IDX_badge_print_jobs_event', ['eventId', 'createdAt'])
@Check('CHK_badge_print_jobs_state', `"state" IN ('pending','delivered','failed')`)
@Check('CHK_badge_print_jobs_delivered', `"state" <> 'delivered' OR "delivered_at" IS NOT NULL`)
@Check('CHK_badge_print_jobs_failed', `("state" = 'failed') = ("failed_at" IS NOT NULL)`)
@Check('CHK_badge_print_jobs_counts', `"badges" > 0 AND "pages" >= 1 AND "deliveries" >= 0`)
@Check('CHK_badge_print_jobs_template', `"template" IS NULL OR "template" ~ '^[a-z0-9-]{1,60}$'`)
export class BadgePrintJob {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_badge_print_jobs' })
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_badge_print_jobs_event' })
  event?: Event;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_badge_print_jobs_user' })
  creator?: User | null;

  /** The filter as given (with `all`), kept to show what the job was asked for. */
  @Column({ type: 'jsonb' })
  filter!: Record<string, unknown>;

  /** The template asked for; NULL: each category's chosen one (the items say which). */
  @Column({ type: 'varchar', length: 60, nullable: true })
  template!: string | null;

  /** Why badges already printed are printed again (kept on each reprint of the log). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  state!: PrintJobState;

  @Column({ type: 'integer' })
  badges!: number;

  @Column({ type: 'integer' })
  pages!: number;

  /** Downloads of its PDF that finished whole. */
  @Column({ type: 'integer', default: 0 })
  deliveries!: number;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'reserved_until', type: 'timestamptz', nullable: true })
  reservedUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
