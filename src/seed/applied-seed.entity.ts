import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One reference-data item that was loaded once. Seeding skips every key found here, so an
 * item an organiser changed or deleted is never written again.
 */
@Entity('applied_seeds')
export class AppliedSeed {
  @PrimaryColumn({ type: 'varchar', length: 120, primaryKeyConstraintName: 'PK_applied_seeds' })
  key!: string;

  @CreateDateColumn({ name: 'applied_at', type: 'timestamptz' })
  appliedAt!: Date;
}
