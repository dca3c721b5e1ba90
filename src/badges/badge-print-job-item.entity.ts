import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { Participant } from '../participants/participant.entity.js';
import { BadgePrintJob } from './badge-print-job.entity.js';

/**
 * One badge of a print job, fixed when the job is created: whose, with which template, and where
 * it lands in the PDF (`page` of its front, `back_page` when the template has a back, `slot` on
 * the sheet, 1-based in reading order), so that « pages 3 and 4 failed » names the people.
 */
@Entity('badge_print_job_items')
@Unique('UQ_badge_print_job_items_participant', ['jobId', 'participantId'])
@Index('IDX_badge_print_job_items_participant', ['participantId'])
@Check('CHK_badge_print_job_items_place', `"position" >= 0 AND "page" >= 1 AND "slot" >= 1 AND ("back_page" IS NULL OR "back_page" = "page" + 1)`)
export class BadgePrintJobItem {
  @PrimaryColumn({ name: 'job_id', type: 'uuid', primaryKeyConstraintName: 'PK_badge_print_job_items' })
  jobId!: string;

  @ManyToOne(() => BadgePrintJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'FK_badge_print_job_items_job' })
  job?: BadgePrintJob;

  /** Order in the PDF, from 0. */
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_badge_print_job_items' })
  position!: number;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'FK_badge_print_job_items_participant' })
  participant?: Participant;

  @Column({ type: 'varchar', length: 60 })
  template!: string;

  @Column({ type: 'integer' })
  page!: number;

  @Column({ name: 'back_page', type: 'integer', nullable: true })
  backPage!: number | null;

  @Column({ type: 'integer' })
  slot!: number;

  /** Set when the operator said this badge did not come out (back in « not yet printed »). */
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;
}
