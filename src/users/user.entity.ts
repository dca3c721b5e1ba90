import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { Role } from '../common/auth/role.js';

/** An account. Emails are stored lower-cased so that uniqueness is case-insensitive. */
@Entity('users')
@Unique('UQ_users_email', ['email'])
@Check('CHK_users_email_lower', `"email" = lower("email")`)
@Check('CHK_users_roles', `cardinality("roles") > 0 AND "roles" <@ ARRAY['organiser','reception','speaker']::text[]`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200, nullable: true })
  displayName!: string | null;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
