import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Venue } from './venue.entity.js';

/** When a venue is open on one date (in the venue's time zone), stored as UTC instants. */
@Entity('venue_openings')
@Unique('UQ_venue_openings_venue_date', ['venueId', 'date'])
@Check('CHK_venue_openings_order', `"closes_at" > "opens_at"`)
export class VenueOpening {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'venue_id', type: 'uuid' })
  venueId!: string;

  @ManyToOne(() => Venue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'FK_venue_openings_venue' })
  venue?: Venue;

  /** The local calendar date (YYYY-MM-DD). */
  @Column({ type: 'date' })
  date!: string;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt!: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;
}
