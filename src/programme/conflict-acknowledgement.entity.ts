import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Event } from '../events/event.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A warning an organiser has seen and accepted: publication is refused while a conflict of severity
 * `warning` is not acknowledged. Keyed by the conflict's stable key, so it survives recomputation
 * and lapses by itself when the conflict changes (another key).
 */
@Entity('programme_conflict_acknowledgements')
export class ConflictAcknowledgement {
  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'PK_programme_conflict_acknowledgements' })
  eventId!: string;

  @PrimaryColumn({ name: 'conflict_key', type: 'varchar', length: 2000, primaryKeyConstraintName: 'PK_programme_conflict_acknowledgements' })
  conflictKey!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_programme_conflict_acknowledgements_event' })
  event?: Event;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'acknowledged_by', foreignKeyConstraintName: 'FK_programme_conflict_acknowledgements_by' })
  acknowledger?: User | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', default: () => 'now()' })
  acknowledgedAt!: Date;
}
