import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { LabelYear } from './label-year.entity.js';

/**
 * A town's label for a year: 1 to 5 « @ », once per town and year (UQ_label_awards_town_year). The
 * town is its INSEE code, checked against the official list of communes; `town_name` is its name in
 * the label's year, `departement` derived from the code, `region` the region as it was that year
 * (before the 2016 merger for 2012). `contact_email` and `contact_token_hash` (SHA-256 of the
 * town contact's personal link, NULL when none or revoked) let the town's contact register delegates.
 */
@Entity('label_awards')
@Unique('UQ_label_awards_town_year', ['year', 'insee'])
@Unique('UQ_label_awards_contact_token', ['contactTokenHash'])
@Index('IDX_label_awards_insee', ['insee'])
@Check('CHK_label_awards_level', `"level" BETWEEN 1 AND 5`)
@Check('CHK_label_awards_insee', `"insee" ~ '^[0-9][0-9AB][0-9]{3}$'`)
@Check('CHK_label_awards_contact_email', `"contact_email" IS NULL OR "contact_email" = lower("contact_email")`)
export class LabelAward {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'integer' })
  year!: number;

  @ManyToOne(() => LabelYear, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'year', referencedColumnName: 'year', foreignKeyConstraintName: 'FK_label_awards_year' })
  labelYear?: LabelYear;

  @Column({ type: 'varchar', length: 5 })
  insee!: string;

  @Column({ name: 'town_name', type: 'varchar', length: 200 })
  townName!: string;

  @Column({ type: 'varchar', length: 3 })
  departement!: string;

  @Column({ type: 'varchar', length: 80 })
  region!: string;

  @Column({ type: 'smallint' })
  level!: number;

  @Column({ name: 'first_participation', type: 'boolean', default: false })
  firstParticipation!: boolean;

  @Column({ name: 'population_band', type: 'varchar', length: 40, nullable: true })
  populationBand!: string | null;

  @Column({ type: 'text', nullable: true })
  comments!: string | null;

  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'contact_token_hash', type: 'char', length: 64, nullable: true })
  contactTokenHash!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
