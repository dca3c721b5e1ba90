import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Event } from '../events/event.entity.js';
import { Session } from '../programme/session.entity.js';
import { User } from '../users/user.entity.js';

/**
 * One year of the Label Ville Internet: its ceremony (the event, and the ceremony session whose start
 * ends the embargo on levels), an organiser's explicit reveal time that overrides it (earlier or
 * later), and whether the aggregate figures are published before the reveal.
 * The embargo ends at: reveal_at if set, else the ceremony session's start, else the event's start;
 * with none of them, levels stay secret until an organiser reveals them.
 */
@Entity('label_years')
@Check('CHK_label_years_year', `"year" BETWEEN 1990 AND 2100`)
export class LabelYear {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_label_years' })
  year!: number;

  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId!: string | null;

  @ManyToOne(() => Event, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_label_years_event' })
  event?: Event | null;

  @Column({ name: 'ceremony_session_id', type: 'uuid', nullable: true })
  ceremonySessionId!: string | null;

  @ManyToOne(() => Session, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ceremony_session_id', foreignKeyConstraintName: 'FK_label_years_session' })
  ceremonySession?: Session | null;

  @Column({ name: 'reveal_at', type: 'timestamptz', nullable: true })
  revealAt!: Date | null;

  @Column({ name: 'revealed_by', type: 'uuid', nullable: true })
  revealedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'revealed_by', foreignKeyConstraintName: 'FK_label_years_revealed_by' })
  revealer?: User | null;

  @Column({ name: 'stats_published', type: 'boolean', default: false })
  statsPublished!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
