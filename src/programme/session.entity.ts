import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Track } from '../cfp/track.entity.js';
import { Event } from '../events/event.entity.js';
import { Room } from '../venues/room.entity.js';
import type { SessionKind } from './session-kind.js';

/**
 * A block of the programme in one room: plenary, workshop, round table, keynote, break, reception or
 * the ceremony. Its talks (talks table) follow one another from starts_at in their order.
 * A room never holds two sessions at once: EXC_sessions_room_time (btree_gist) refuses an overlapping
 * row with SQLSTATE 23P01, whatever the concurrency; the API answers 409 ROOM_OCCUPIED.
 */
@Entity('sessions')
@Index('IDX_sessions_event_start', ['eventId', 'startsAt'])
@Exclusion('EXC_sessions_room_time', `USING gist ("room_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)`)
@Check('CHK_sessions_period', `"ends_at" > "starts_at"`)
@Check('CHK_sessions_kind', `"kind" IN ('plenary','workshop','round-table','keynote','break','reception','ceremony')`)
@Check('CHK_sessions_title', `"title_fr" IS NOT NULL OR "title_en" IS NOT NULL`)
@Check('CHK_sessions_version', `"version" >= 1`)
@Check('CHK_sessions_attendance', `"expected_attendance" IS NULL OR "expected_attendance" >= 0`)
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_sessions_event' })
  event?: Event;

  /** A room with sessions cannot be deleted (ON DELETE RESTRICT → 409). */
  @Column({ name: 'room_id', type: 'uuid' })
  roomId!: string;

  @ManyToOne(() => Room, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'room_id', foreignKeyConstraintName: 'FK_sessions_room' })
  room?: Room;

  @Column({ type: 'varchar', length: 20 })
  kind!: SessionKind;

  @Column({ name: 'track_id', type: 'uuid', nullable: true })
  trackId!: string | null;

  @ManyToOne(() => Track, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'track_id', foreignKeyConstraintName: 'FK_sessions_track' })
  track?: Track | null;

  @Column({ name: 'title_fr', type: 'varchar', length: 300, nullable: true })
  titleFr!: string | null;

  @Column({ name: 'title_en', type: 'varchar', length: 300, nullable: true })
  titleEn!: string | null;

  @Column({ name: 'description_fr', type: 'text', nullable: true })
  descriptionFr!: string | null;

  @Column({ name: 'description_en', type: 'text', nullable: true })
  descriptionEn!: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'expected_attendance', type: 'integer', nullable: true })
  expectedAttendance!: number | null;

  /** Raised by every change of the session or of its talks and chairs; its ETag is `"<version>"` (If-Match → 412 when stale). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
