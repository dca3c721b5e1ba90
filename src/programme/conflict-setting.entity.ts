import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Event } from '../events/event.entity.js';
import type { ConflictCode, ConflictSeverity } from './conflict-types.js';

/** An organiser's severity for one conflict code in one event (the default applies otherwise). */
@Entity('programme_conflict_settings')
@Check('CHK_programme_conflict_settings_severity', `"severity" IN ('error','warning','ignore')`)
export class ConflictSetting {
  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'PK_programme_conflict_settings' })
  eventId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'PK_programme_conflict_settings' })
  code!: ConflictCode;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_programme_conflict_settings_event' })
  event?: Event;

  @Column({ type: 'varchar', length: 10 })
  severity!: ConflictSeverity;
}
