import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Event } from '../events/event.entity.js';

/**
 * The template organisers chose for a category's badges at an event (the badge's category is the
 * participant's most significant one). A category without a row uses the event's default template.
 */
@Entity('badge_template_choices')
@Check('CHK_badge_template_choices_template', `"template" ~ '^[a-z0-9-]{1,60}$'`)
export class BadgeTemplateChoice {
  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'PK_badge_template_choices' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_badge_template_choices_event' })
  event?: Event;

  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'PK_badge_template_choices' })
  category!: string;

  @Column({ type: 'varchar', length: 60 })
  template!: string;
}
