import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Event } from '../events/event.entity.js';
import { Session } from '../programme/session.entity.js';

/**
 * A part of the event that needs a seat: a colloquium day, a workshop with sign-up, the ceremony,
 * the reception or dinner. `admitted_count` is the counter every admission updates under the part's
 * row lock (SELECT … FOR UPDATE): CHK_event_parts_capacity makes overbooking impossible even for
 * code that forgets the lock. capacity NULL: no limit.
 * Admission rules: open (registered participants are admitted while seats remain), sign-up (the
 * same, but one registers for it explicitly), invitation (only organisers admit), on-request
 * (people ask, organisers admit).
 */
@Entity('event_parts')
@Unique('UQ_event_parts_code', ['eventId', 'code'])
@Check('CHK_event_parts_kind', `"kind" IN ('day','workshop','ceremony','reception','dinner','other')`)
@Check('CHK_event_parts_admission', `"admission" IN ('open','sign-up','invitation','on-request')`)
@Check('CHK_event_parts_code', `"code" ~ '^[a-z0-9-]{1,40}$'`)
@Check('CHK_event_parts_capacity', `"admitted_count" >= 0 AND ("capacity" IS NULL OR ("capacity" > 0 AND "admitted_count" <= "capacity"))`)
export class EventPart {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_parts_event' })
  event?: Event;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ name: 'name_fr', type: 'varchar', length: 200 })
  nameFr!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true })
  nameEn!: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind!: 'day' | 'workshop' | 'ceremony' | 'reception' | 'dinner' | 'other';

  @Column({ type: 'varchar', length: 20 })
  admission!: 'open' | 'sign-up' | 'invitation' | 'on-request';

  /** A colloquium day: its local date. */
  @Column({ type: 'date', nullable: true })
  day!: string | null;

  /** The programme session it admits to (a workshop, the ceremony), if any. */
  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId!: string | null;

  @ManyToOne(() => Session, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_event_parts_session' })
  session?: Session | null;

  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ name: 'admitted_count', type: 'integer', default: 0 })
  admittedCount!: number;

  /** The ribbon printed on badges of people admitted (e.g. « Cérémonie »). */
  @Column({ name: 'badge_ribbon', type: 'varchar', length: 40, nullable: true })
  badgeRibbon!: string | null;

  @Column({ name: 'display_order', type: 'integer', default: 0 })
  displayOrder!: number;
}
