import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One failed login, kept for the throttling window (per account email and per client address). */
@Entity('login_failures')
@Index('IDX_login_failures_email', ['email', 'failedAt'])
@Index('IDX_login_failures_address', ['address', 'failedAt'])
export class LoginFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 64 })
  address!: string;

  @Column({ name: 'failed_at', type: 'timestamptz', default: () => 'now()' })
  failedAt!: Date;
}
