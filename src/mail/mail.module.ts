import { Module } from '@nestjs/common';
import { MailSender } from './mail.sender.js';
import { MailService } from './mail.service.js';
import { OutboxWorker } from './outbox.worker.js';

/**
 * Mail through an outbox: MailService.enqueue writes a message in the caller's transaction, the
 * OutboxWorker delivers it (SMTP_URL, or .eml files under OUTBOX_DIR). Depends only on config and
 * the database, so any capability can import it.
 */
@Module({
  providers: [MailService, MailSender, OutboxWorker],
  exports: [MailService],
})
export class MailModule {}
