import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Event } from '../events/event.entity.js';
import type { EventRole } from './organisation-kind.js';
import { Organisation } from './organisation.entity.js';

/** The role an organisation holds on an event (co-organiser, patron, supporter, sponsor…). */
@Entity('event_organisations')
@Unique('UQ_event_organisations_role', ['eventId', 'organisationId', 'role'])
@Index('IDX_event_organisations_organisation', ['organisationId'])
@Check('CHK_event_organisations_role', `"role" IN ('co-organiser','patron','supporter','sponsor','partner','media')`)
@Check('CHK_event_organisations_tier', `"sponsor_tier" IS NULL OR "role" = 'sponsor'`)
@Check('CHK_event_organisations_order', `"display_order" >= 0`)
export class EventOrganisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_organisations_event' })
  event?: Event;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'FK_event_organisations_organisation' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 20 })
  role!: EventRole;

  @Column({ name: 'sponsor_tier', type: 'varchar', length: 40, nullable: true })
  sponsorTier!: string | null;

  @Column({ name: 'display_order', type: 'integer', default: 0 })
  displayOrder!: number;

  /** How the role is worded for the public, e.g. « sous le parrainage de Maurice Leroy, Ministre de la Ville ». */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
