import { Check, Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../users/user.entity.js';

/**
 * A researcher's profile, one per speaker account: names as typed (any script), affiliation,
 * country, ORCID iD, bios and an optional photo (PNG or JPEG, content-checked).
 */
@Entity('speaker_profiles')
@Check('CHK_speaker_profiles_orcid', `"orcid" IS NULL OR "orcid" ~ '^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$'`)
@Check('CHK_speaker_profiles_country', `"country_code" ~ '^[A-Z]{2}$'`)
@Check('CHK_speaker_profiles_photo', `("photo" IS NULL) = ("photo_media_type" IS NULL)`)
@Check('CHK_speaker_profiles_photo_type', `"photo_media_type" IS NULL OR "photo_media_type" IN ('image/png','image/jpeg')`)
export class SpeakerProfile {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_speaker_profiles' })
  userId!: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_speaker_profiles_user' })
  user?: User;

  @Column({ name: 'first_name', type: 'varchar', length: 200 })
  firstName!: string;

  @Column({ name: 'last_name', type: 'varchar', length: 200 })
  lastName!: string;

  @Column({ type: 'varchar', length: 300 })
  affiliation!: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Column({ type: 'varchar', length: 19, nullable: true })
  orcid!: string | null;

  @Column({ name: 'bio_fr', type: 'text', nullable: true })
  bioFr!: string | null;

  @Column({ name: 'bio_en', type: 'text', nullable: true })
  bioEn!: string | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  photo!: Buffer | null;

  @Column({ name: 'photo_media_type', type: 'varchar', length: 40, nullable: true })
  photoMediaType!: string | null;

  @Column({ name: 'photo_sha256', type: 'char', length: 64, nullable: true })
  photoSha256!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
