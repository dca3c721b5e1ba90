import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Organisation } from './organisation.entity.js';

/**
 * An organisation's logo, kept apart from the organisation row so that lists stay light.
 * Stored as PNG or JPEG only: an SVG upload is rasterised to PNG, so no script can survive.
 */
@Entity('organisation_logos')
@Check('CHK_organisation_logos_media_type', `"media_type" IN ('image/png','image/jpeg')`)
@Check('CHK_organisation_logos_size', `"byte_size" > 0 AND "byte_size" <= 2097152`)
export class OrganisationLogo {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid', primaryKeyConstraintName: 'PK_organisation_logos' })
  organisationId!: string;

  @OneToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'FK_organisation_logos_organisation' })
  organisation?: Organisation;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ name: 'media_type', type: 'varchar', length: 40 })
  mediaType!: string;

  /** What was uploaded (image/svg+xml when it was rasterised). */
  @Column({ name: 'uploaded_media_type', type: 'varchar', length: 40 })
  uploadedMediaType!: string;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize!: number;

  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
