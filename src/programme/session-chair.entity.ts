import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../users/user.entity.js';
import { Session } from './session.entity.js';

/** A chair (président de séance) of a session: a person with an account, or a named guest without one. */
@Entity('session_chairs')
@Unique('UQ_session_chairs_user', ['sessionId', 'userId'])
@Index('IDX_session_chairs_user', ['userId'])
@Check('CHK_session_chairs_who', `("user_id" IS NULL) <> ("guest_name" IS NULL)`)
export class SessionChair {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_session_chairs_session' })
  session?: Session;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_session_chairs_user' })
  user?: User | null;

  /** A guest's name as typed, when the chair has no account. */
  @Column({ name: 'guest_name', type: 'varchar', length: 200, nullable: true })
  guestName!: string | null;

  @Column({ name: 'guest_affiliation', type: 'varchar', length: 300, nullable: true })
  guestAffiliation!: string | null;

  @Column({ type: 'integer', default: 0 })
  position!: number;
}
