import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrganisationKind } from './organisation-kind.js';

/** An institution, association, ministry, company or project that takes part in events. */
@Entity('organisations')
// Names are unique whatever their case: an expression index (lower(name)), written in the migration,
// which the schema generator is told to leave alone.
@Index('UQ_organisations_name_lower', { synchronize: false })
@Check(
  'CHK_organisations_kind',
  `"kind" IN ('institution','university','research-institute','research-project','association','ministry','public-agency','local-authority','company','media','other')`,
)
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  acronym!: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind!: OrganisationKind;

  @Column({ type: 'varchar', length: 500, nullable: true })
  website!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
