import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One reference-data item, claimed before it is loaded. Seeding skips every key found here, so
 * an item an organiser changed or deleted is never written again, and two instances starting
 * together cannot both load it (the key is the primary key).
 */
@Entity('applied_seeds')
export class AppliedSeed {
  @PrimaryColumn({ type: 'varchar', length: 120, primaryKeyConstraintName: 'PK_applied_seeds' })
  key!: string;

  /** The id of what was created, so that later items can refer to it. */
  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId!: string | null;

  @CreateDateColumn({ name: 'applied_at', type: 'timestamptz' })
  appliedAt!: Date;
}
