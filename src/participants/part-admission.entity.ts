import { Check, Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { EventPart } from './event-part.entity.js';
import { Participant } from './participant.entity.js';

/** Which seats a place counts in: the public capacity, or the programme's (speakers and chairs, outside it). */
export const ADMISSION_QUOTAS = ['public', 'programme'] as const;
export type AdmissionQuota = (typeof ADMISSION_QUOTAS)[number];

/**
 * A participant's place in a part: admitted (holds one of its seats), waiting (queue order:
 * `queue_no`, first come first served), requested (on-request parts, until an organiser admits),
 * cancelled. One row per participant and part. `quota` says which seats it counts in: `public`
 * (the part's capacity: `event_parts.admitted_count` counts exactly the admitted public places),
 * or `programme`, a speaker's or chair's place outside the capacity, which is only ever admitted
 * or cancelled (CHK_part_admissions_quota: it never waits, so it never stands in anyone's queue).
 */
@Entity('part_admissions')
@Unique('UQ_part_admissions_participant', ['partId', 'participantId'])
@Index('IDX_part_admissions_queue', ['partId', 'status', 'queueNo'])
@Index('IDX_part_admissions_participant', ['participantId'])
@Check('CHK_part_admissions_status', `"status" IN ('admitted','waiting','requested','cancelled')`)
@Check('CHK_part_admissions_quota', `"quota" = 'public' OR ("quota" = 'programme' AND "status" IN ('admitted','cancelled'))`)
export class PartAdmission {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'part_id', type: 'uuid' })
  partId!: string;

  @ManyToOne(() => EventPart, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'part_id', foreignKeyConstraintName: 'FK_part_admissions_part' })
  part?: EventPart;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'FK_part_admissions_participant' })
  participant?: Participant;

  @Column({ type: 'varchar', length: 20 })
  status!: 'admitted' | 'waiting' | 'requested' | 'cancelled';

  /** Arrival order: the waiting list is served by increasing queue_no. */
  @Column({ name: 'queue_no', type: 'bigint' })
  @Generated('increment')
  queueNo!: string;

  @Column({ type: 'varchar', length: 20, default: 'public' })
  quota!: AdmissionQuota;

  @Column({ name: 'admitted_at', type: 'timestamptz', nullable: true })
  admittedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
