import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One e-mail to send, written in the same transaction as the change it tells about. The outbox
 * worker delivers it (SMTP_URL, or an .eml file under DATA_DIR/outbox) and retries failures with
 * back-off: a message is never deleted, only marked sent.
 */
@Entity('outbox_messages')
@Index('IDX_outbox_messages_due', ['sentAt', 'nextAttemptAt'])
@Check('CHK_outbox_messages_locale', `"locale" IN ('fr','en')`)
@Check('CHK_outbox_messages_attempts', `"attempts" >= 0`)
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress!: string;

  @Column({ name: 'to_name', type: 'varchar', length: 300, nullable: true })
  toName!: string | null;

  /** The template it was rendered from (e.g. submission-received), for tests and support. */
  @Column({ type: 'varchar', length: 100 })
  template!: string;

  @Column({ type: 'char', length: 2 })
  locale!: 'fr' | 'en';

  @Column({ type: 'varchar', length: 500 })
  subject!: string;

  @Column({ name: 'text_body', type: 'text' })
  textBody!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
