import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Event } from '../events/event.entity.js';
import { Participant } from '../participants/participant.entity.js';
import { User } from '../users/user.entity.js';

/**
 * One badge printed: who printed it, when, with which template, whether it was the first print or a
 * reprint (with the reason given). A print job of many badges writes one row per badge with one
 * `batch_id`, the job's id. A job's rows are written only once its PDF was delivered whole. When the
 * operator says a badge did not come out, its row keeps the fact (`failed_at`, `failure_reason`).
 * "Not yet printed" is a participant without any row here that has not failed.
 */
@Entity('badge_prints')
@Index('IDX_badge_prints_participant', ['participantId', 'printedAt'])
@Index('IDX_badge_prints_event', ['eventId', 'printedAt'])
@Index('IDX_badge_prints_batch', ['batchId'])
export class BadgePrint {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_badge_prints_event' })
  event?: Event;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'FK_badge_prints_participant' })
  participant?: Participant;

  @Column({ name: 'printed_by', type: 'uuid', nullable: true })
  printedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'printed_by', foreignKeyConstraintName: 'FK_badge_prints_user' })
  printer?: User | null;

  /** The template's name (its file under templates/badges/, without `.json`). */
  @Column({ type: 'varchar', length: 60 })
  template!: string;

  @Column({ type: 'boolean', default: false })
  reprint!: boolean;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The print job (many badges in one PDF) this badge was part of; NULL for a single badge. */
  @Column({ name: 'batch_id', type: 'uuid', nullable: true })
  batchId!: string | null;

  /** Set when the operator said this badge did not come out of the printer. */
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @CreateDateColumn({ name: 'printed_at', type: 'timestamptz' })
  printedAt!: Date;
}
