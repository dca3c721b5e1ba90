import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Event } from '../events/event.entity.js';

/** A kind of proposal an event accepts (communication, poster, table ronde…) and its default length. */
@Entity('submission_types')
@Unique('UQ_submission_types_event_code', ['eventId', 'code'])
@Check('CHK_submission_types_duration', `"default_minutes" BETWEEN 1 AND 600`)
@Check('CHK_submission_types_code', `"code" ~ '^[a-z0-9-]{1,40}$'`)
export class SubmissionType {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_submission_types_event' })
  event?: Event;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ name: 'name_fr', type: 'varchar', length: 200 })
  nameFr!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true })
  nameEn!: string | null;

  @Column({ name: 'default_minutes', type: 'integer' })
  defaultMinutes!: number;
}
