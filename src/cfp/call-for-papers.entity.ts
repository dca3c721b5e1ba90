import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Event } from '../events/event.entity.js';

/** The call for papers of an event: its window (UTC instants), accepted languages, abstract length. */
@Entity('calls_for_papers')
@Check('CHK_calls_for_papers_window', `"closes_at" > "opens_at"`)
@Check('CHK_calls_for_papers_languages', `cardinality("languages") > 0 AND "languages" <@ ARRAY['fr','en']::text[]`)
@Check('CHK_calls_for_papers_abstract', `"max_abstract_length" BETWEEN 100 AND 20000`)
export class CallForPapers {
  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'PK_calls_for_papers' })
  eventId!: string;

  @OneToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_calls_for_papers_event' })
  event?: Event;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt!: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;

  @Column({ type: 'text', array: true })
  languages!: ('fr' | 'en')[];

  @Column({ name: 'max_abstract_length', type: 'integer', default: 3000 })
  maxAbstractLength!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
