import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Event } from '../events/event.entity.js';
import { EventPart } from '../participants/event-part.entity.js';
import { Participant } from '../participants/participant.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A participant checked in to a part of the event on a day (the event's local date). Once per
 * participant, part and day (UQ_check_ins_once: a concurrent double scan inserts one row, the other
 * finds it); a client's nonce is unique per event, so a retried request finds its own row again.
 */
@Entity('check_ins')
@Unique('UQ_check_ins_once', ['participantId', 'partId', 'day'])
@Unique('UQ_check_ins_nonce', ['eventId', 'nonce'])
@Index('IDX_check_ins_stats', ['eventId', 'partId', 'day'])
export class CheckIn {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_check_ins_event' })
  event?: Event;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'FK_check_ins_participant' })
  participant?: Participant;

  @Column({ name: 'part_id', type: 'uuid' })
  partId!: string;

  @ManyToOne(() => EventPart, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'part_id', foreignKeyConstraintName: 'FK_check_ins_part' })
  part?: EventPart;

  /** The event's local date of the check-in. */
  @Column({ type: 'date' })
  day!: string;

  @Column({ name: 'checked_in_by', type: 'uuid', nullable: true })
  checkedInBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'checked_in_by', foreignKeyConstraintName: 'FK_check_ins_user' })
  checker?: User | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  nonce!: string | null;

  @CreateDateColumn({ name: 'checked_in_at', type: 'timestamptz' })
  checkedInAt!: Date;
}
