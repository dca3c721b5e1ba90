import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { EventKind } from './event-kind.js';

/**
 * An event: the colloquium, or the award ceremony linked to it (parent_event_id).
 * starts_at/ends_at are UTC instants; time_zone is how people enter and read them.
 * An all-day event starts at local midnight of its first day and ends at local midnight after its last.
 */
@Entity('events')
@Unique('UQ_events_slug', ['slug'])
@Check('CHK_events_period', `"ends_at" > "starts_at"`)
@Check('CHK_events_slug', `"slug" ~ '^[a-z0-9]{2,40}$'`)
@Check('CHK_events_kind', `"kind" IN ('colloquium','ceremony','conference','workshop','other')`)
@Check('CHK_events_not_own_parent', `"parent_event_id" IS NULL OR "parent_event_id" <> "id"`)
export class Event {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Short lower-case acronym without hyphens, used in exports (for example vtn2012). */
  @Column({ type: 'varchar', length: 40 })
  slug!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: EventKind;

  @Column({ name: 'parent_event_id', type: 'uuid', nullable: true })
  parentEventId!: string | null;

  @ManyToOne(() => Event, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_event_id', foreignKeyConstraintName: 'FK_events_parent' })
  parentEvent?: Event | null;

  @Column({ name: 'name_fr', type: 'varchar', length: 300 })
  nameFr!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 300, nullable: true })
  nameEn!: string | null;

  @Column({ name: 'theme_fr', type: 'text', nullable: true })
  themeFr!: string | null;

  @Column({ name: 'theme_en', type: 'text', nullable: true })
  themeEn!: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'all_day', type: 'boolean', default: false })
  allDay!: boolean;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'Europe/Paris' })
  timeZone!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  website!: string | null;

  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone!: string | null;

  /**
   * The venues used (event_venues rows), loaded only when a query asks for them. Named by string
   * and typed structurally so that the two entity files do not import each other.
   */
  @OneToMany('EventVenue', 'event')
  venueLinks?: { eventId: string; venueId: string }[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
