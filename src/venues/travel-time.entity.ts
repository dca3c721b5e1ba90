import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Venue } from './venue.entity.js';

/**
 * Minutes needed to go between two venues, the same both ways: each pair is stored once,
 * with the smaller id first (a CHECK keeps it so).
 */
@Entity('venue_travel_times')
@Check('CHK_venue_travel_times_order', `"venue_a_id" < "venue_b_id"`)
@Check('CHK_venue_travel_times_some', `"walking_minutes" IS NOT NULL OR "transit_minutes" IS NOT NULL`)
@Check('CHK_venue_travel_times_walking', `"walking_minutes" IS NULL OR "walking_minutes" >= 0`)
@Check('CHK_venue_travel_times_transit', `"transit_minutes" IS NULL OR "transit_minutes" >= 0`)
export class TravelTime {
  @PrimaryColumn({ name: 'venue_a_id', type: 'uuid', primaryKeyConstraintName: 'PK_venue_travel_times' })
  venueAId!: string;

  @PrimaryColumn({ name: 'venue_b_id', type: 'uuid', primaryKeyConstraintName: 'PK_venue_travel_times' })
  venueBId!: string;

  @ManyToOne(() => Venue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'venue_a_id', foreignKeyConstraintName: 'FK_venue_travel_times_a' })
  venueA?: Venue;

  @ManyToOne(() => Venue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'venue_b_id', foreignKeyConstraintName: 'FK_venue_travel_times_b' })
  venueB?: Venue;

  @Column({ name: 'walking_minutes', type: 'integer', nullable: true })
  walkingMinutes!: number | null;

  @Column({ name: 'transit_minutes', type: 'integer', nullable: true })
  transitMinutes!: number | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
