import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { OrganisationKind } from './organisation-kind.js';

/** An institution, association, ministry, company or project that takes part in events. */
@Entity('organisations')
@Unique('UQ_organisations_name', ['name'])
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
