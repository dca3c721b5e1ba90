import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a request sent with an `Idempotency-Key` header, per scope (route and event):
 * a retry with the same key and the same body gets that answer again and creates nothing; the same
 * key with another body is refused (422). The row is written in the transaction that does the work,
 * so concurrent retries wait on its primary key and then read the stored answer.
 */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'PK_idempotency_keys' })
  scope!: string;

  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'PK_idempotency_keys' })
  key!: string;

  /** SHA-256 of the request body as received (canonical JSON). */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  response!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
