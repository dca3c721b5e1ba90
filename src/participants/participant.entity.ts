import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Event } from '../events/event.entity.js';
import { User } from '../users/user.entity.js';
import type { LabelForm } from './participant-category.js';
import type { ParticipantSource } from './participant-fields.js';

/**
 * One person at one event (whoever comes: researcher, speaker, chair, press, élu…), once: the email
 * is unique per event, stored lower-case. The one exception is a guest chair of the published
 * programme (a name typed on a session, no account): source `programme`, no email until an
 * organiser adds one, and `guest_key` (the name without case, accents or extra spaces) unique per
 * event, so a guest chairing several sessions is one participant; and a walk-in registered at the
 * reception desk (source `desk`), whose email is optional. `categories` are set by organisers, the registration or an
 * import; `programme_roles` (speaker, chair) follow the latest published programme and nothing else,
 * so that a cancelled talk takes « speaker » off the badge without touching what organisers set.
 * `access_token_hash` is the SHA-256 of the personal link's token (view, change, cancel); NULL when
 * revoked. An anonymised participant keeps its row (the counts) without personal data.
 */
@Entity('participants')
@Unique('UQ_participants_event_email', ['eventId', 'email'])
@Unique('UQ_participants_access_token', ['accessTokenHash'])
@Unique('UQ_participants_event_guest_key', ['eventId', 'guestKey'])
@Unique('UQ_participants_badge_token', ['badgeToken'])
@Index('IDX_participants_user', ['userId'])
@Check('CHK_participants_email_lower', `"email" = lower("email")`)
@Check('CHK_participants_email_or_guest', `"email" IS NOT NULL OR ("source" = 'programme' AND "guest_key" IS NOT NULL) OR "source" = 'desk'`)
@Check('CHK_participants_status', `"status" IN ('registered','cancelled')`)
@Check('CHK_participants_label_form', `"label_form" IN ('neutral','feminine','masculine')`)
@Check('CHK_participants_source', `"source" IN ('self','organiser','import','programme','desk')`)
@Check(
  'CHK_participants_categories',
  `"categories" <@ ARRAY['organiser','speaker','chair','press','city-representative','sponsor-representative','staff','researcher','guest']::text[]`,
)
@Check('CHK_participants_programme_roles', `"programme_roles" <@ ARRAY['speaker','chair']::text[]`)
@Check('CHK_participants_town_insee', `"town_insee" IS NULL OR "town_insee" ~ '^[0-9][0-9AB][0-9]{3}$'`)
export class Participant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_participants_event' })
  event?: Event;

  /** The account, for speakers, chairs and staff who have one. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_participants_user' })
  user?: User | null;

  /** NULL only for a programme guest until an organiser adds one, or a desk walk-in (CHK_participants_email_or_guest). */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /**
   * A guest chair of the published programme: the name as the programme typed it (first and last
   * names are a guess from it), and its key (guestKey in programme-sync.ts) that the sync matches on.
   * Kept when an organiser adds an email, so the next sync finds the same record.
   */
  @Column({ name: 'guest_name', type: 'varchar', length: 200, nullable: true })
  guestName!: string | null;

  @Column({ name: 'guest_key', type: 'varchar', length: 200, nullable: true })
  guestKey!: string | null;

  @Column({ name: 'first_name', type: 'varchar', length: 200 })
  firstName!: string;

  @Column({ name: 'last_name', type: 'varchar', length: 200 })
  lastName!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  affiliation!: string | null;

  /** City representatives: the town's name as shown (the label's year), and its INSEE code. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  town!: string | null;

  @Column({ name: 'town_insee', type: 'varchar', length: 5, nullable: true })
  townInsee!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories!: string[];

  @Column({ name: 'programme_roles', type: 'text', array: true, default: () => "'{}'" })
  programmeRoles!: string[];

  /** The local dates the person attends. */
  @Column({ type: 'date', array: true, default: () => "'{}'" })
  days!: string[];

  /** Organisers only. */
  @Column({ name: 'dietary_needs', type: 'text', nullable: true })
  dietaryNeeds!: string | null;

  /** Organisers only. */
  @Column({ name: 'accessibility_needs', type: 'text', nullable: true })
  accessibilityNeeds!: string | null;

  /** The form of role words on the badge in French (« Présidente / Président / Présidence de séance »). */
  @Column({ name: 'label_form', type: 'varchar', length: 10, default: 'neutral' })
  labelForm!: LabelForm;

  @Column({ name: 'consent_public_list', type: 'boolean', default: false })
  consentPublicList!: boolean;

  @Column({ name: 'consent_photo', type: 'boolean', default: false })
  consentPhoto!: boolean;

  @Column({ type: 'varchar', length: 20, default: 'registered' })
  status!: 'registered' | 'cancelled';

  @Column({ type: 'varchar', length: 20 })
  source!: ParticipantSource;

  @Column({ name: 'access_token_hash', type: 'char', length: 64, nullable: true })
  accessTokenHash!: string | null;

  /**
   * The badge's QR code: an opaque random token (256 bits from two v4 UUIDs, 122 random bits
   * each, base64url, 43 characters; the SQL function `badge_token()`), no personal data in it.
   * Every participant has one from the moment the row exists, whoever wrote it; rotating it
   * (a lost badge) invalidates the old one.
   */
  @Column({ name: 'badge_token', type: 'varchar', length: 43, default: () => 'badge_token()' })
  badgeToken!: string;

  @Column({ name: 'badge_token_rotated_at', type: 'timestamptz', nullable: true })
  badgeTokenRotatedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true })
  anonymisedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
