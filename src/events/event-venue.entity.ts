import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Venue } from '../venues/venue.entity.js';
import { Event } from './event.entity.js';

/** A venue used by an event. A venue in use cannot be deleted (ON DELETE RESTRICT). */
@Entity('event_venues')
export class EventVenue {
  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'PK_event_venues' })
  eventId!: string;

  @PrimaryColumn({ name: 'venue_id', type: 'uuid', primaryKeyConstraintName: 'PK_event_venues' })
  venueId!: string;

  @ManyToOne(() => Event, (event) => event.venueLinks, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_venues_event' })
  event?: Event;

  @ManyToOne(() => Venue, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'FK_event_venues_venue' })
  venue?: Venue;
}
