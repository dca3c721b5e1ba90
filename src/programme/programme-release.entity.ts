import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Event } from '../events/event.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A published version of an event's programme: a frozen snapshot (what the public and the exports
 * read) and the changelog against the version before. Versions count 1, 2, 3… per event.
 */
@Entity('programme_releases')
@Unique('UQ_programme_releases_version', ['eventId', 'version'])
@Check('CHK_programme_releases_version', `"version" >= 1`)
export class ProgrammeRelease {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_programme_releases_event' })
  event?: Event;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by', foreignKeyConstraintName: 'FK_programme_releases_published_by' })
  publisher?: User | null;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt!: Date;

  /** The published programme as the public reads it (see programme-snapshot.ts). */
  @Column({ type: 'jsonb' })
  snapshot!: unknown;

  /** What changed since the version before (see programme-changelog.ts); empty for version 1. */
  @Column({ type: 'jsonb' })
  changelog!: unknown;

  /** Strong validator of the snapshot, served as the ETag of every representation of this version. */
  @Column({ type: 'varchar', length: 64 })
  etag!: string;
}
