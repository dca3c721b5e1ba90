import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Venue } from './venue.entity.js';

/** A room (salle, amphithéâtre) of a venue. */
@Entity('rooms')
@Unique('UQ_rooms_venue_name', ['venueId', 'name'])
@Check('CHK_rooms_capacity', `"capacity" > 0`)
export class Room {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'venue_id', type: 'uuid' })
  venueId!: string;

  @ManyToOne(() => Venue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'FK_rooms_venue' })
  venue?: Venue;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'integer' })
  capacity!: number;

  @Column({ type: 'varchar', length: 50, nullable: true })
  floor!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  equipment!: string[];

  @Column({ name: 'accessibility_notes', type: 'text', nullable: true })
  accessibilityNotes!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
