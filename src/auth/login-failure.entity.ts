import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One failed login (or one attempt in progress: each is recorded before its password is checked,
 * and a success deletes its pair's rows), kept for the throttling window. Indexed per account, per
 * (account, address) pair and per address, as LoginThrottleService counts them.
 */
@Entity('login_failures')
@Index('IDX_login_failures_email', ['email', 'failedAt'])
@Index('IDX_login_failures_pair', ['email', 'address', 'failedAt'])
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
