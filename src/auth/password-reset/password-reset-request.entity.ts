import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One « forgotten password » request, whether or not its email belongs to an account, kept a day
 * for the limits of password-reset-policy.ts: `mailed` says whether it queued a mail (counted per
 * account), every row counts for its client address. No link to users: an unknown email is
 * recorded the same way as a known one.
 */
@Entity('password_reset_requests')
@Index('IDX_password_reset_requests_email', ['email', 'requestedAt'])
@Index('IDX_password_reset_requests_address', ['address', 'requestedAt'])
export class PasswordResetRequest {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 64 })
  address!: string;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  @Column({ type: 'boolean' })
  mailed!: boolean;
}
