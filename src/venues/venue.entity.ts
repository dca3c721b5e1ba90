import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A place where the event happens (the CNRS site, Espace Cardin). */
@Entity('venues')
@Check('CHK_venues_latitude', `"latitude" IS NULL OR ("latitude" BETWEEN -90 AND 90)`)
@Check('CHK_venues_longitude', `"longitude" IS NULL OR ("longitude" BETWEEN -180 AND 180)`)
@Check('CHK_venues_coordinates_pair', `("latitude" IS NULL) = ("longitude" IS NULL)`)
export class Venue {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'street_address', type: 'varchar', length: 300 })
  streetAddress!: string;

  @Column({ type: 'varchar', length: 20 })
  postcode!: string;

  @Column({ type: 'varchar', length: 120 })
  city!: string;

  @Column({ name: 'country_code', type: 'char', length: 2, default: 'FR' })
  countryCode!: string;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  /** IANA time zone in which opening hours are entered and shown. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'Europe/Paris' })
  timeZone!: string;

  @Column({ name: 'accessibility_notes', type: 'text', nullable: true })
  accessibilityNotes!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
