import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Event } from '../events/event.entity.js';

/** Per event: whether self-registration is open, and until when participants' personal data are kept. */
@Entity('participant_settings')
export class ParticipantSettings {
  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'PK_participant_settings' })
  eventId!: string;

  @OneToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_participant_settings_event' })
  event?: Event;

  @Column({ name: 'registration_open', type: 'boolean', default: true })
  registrationOpen!: boolean;

  /** After this date organisers may anonymise the event's participants (keeping the counts). */
  @Column({ name: 'retention_until', type: 'date', nullable: true })
  retentionUntil!: string | null;

  @Column({ name: 'public_list', type: 'boolean', default: false })
  publicList!: boolean;
}
