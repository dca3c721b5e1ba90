import { resolve } from 'node:path';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { MailLocale, MailTemplate } from './mail-template.js';
import { MailTemplates } from './mail-templates.js';
import { insertOutboxRows, type OutboxRow } from './outbox-rows.js';

/** One mail to send: who to, which template in which language, and the data the template prints. */
export interface OutgoingMail {
  to: string;
  toName?: string | null;
  template: MailTemplate;
  /** Default 'fr'. */
  locale?: MailLocale;
  /** The keys the template takes: see templates/mail/README.md. */
  data: Record<string, unknown>;
}

/** Where the templates are read from at start-up: templates/mail under the directory the server runs in. */
export function mailTemplatesDir(): string {
  return resolve(process.cwd(), 'templates', 'mail');
}

const MAX_ADDRESS_LENGTH = 254;
const MAX_NAME_LENGTH = 300;
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+$/;

/**
 * Queues e-mails in the outbox. The message is rendered and written through the caller's
 * EntityManager, so it is committed (or rolled back) with the change it tells about; the
 * OutboxWorker delivers it afterwards.
 */
@Injectable()
export class MailService implements OnModuleInit {
  private templates: MailTemplates | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Reads every template once at start-up; a missing or malformed one stops the start with its file name. */
  onModuleInit(): void {
    this.templates = MailTemplates.load(mailTemplatesDir());
  }

  /**
   * Renders `mail.template` in `mail.locale` (default French) and inserts one outbox row through
   * `manager`: call it with the EntityManager of the transaction that makes the change. An unknown
   * template, a variable missing from `data` or an unusable address throws (a programming error).
   */
  async enqueue(manager: EntityManager, mail: OutgoingMail): Promise<void> {
    await insertOutboxRows(manager, [this.render(mail)]);
  }

  /**
   * As enqueue for several mails, in ONE statement whatever their number (all rendered first: one
   * that cannot be rendered throws and writes none). The rows go as one array a column through
   * `unnest`, so a batch of 200 confirmation mails is 6 bound parameters and no entity handling.
   */
  async enqueueAll(manager: EntityManager, mails: readonly OutgoingMail[]): Promise<void> {
    if (!mails.length) return;
    await insertOutboxRows(
      manager,
      mails.map((mail) => this.render(mail)),
    );
  }

  private render(mail: OutgoingMail): OutboxRow {
    if (!this.templates) throw new Error('MailService used before the application was initialised');
    const locale = mail.locale ?? 'fr';
    const { subject, text } = this.templates.render(mail.template, locale, mail.data);
    const toAddress = mail.to.trim();
    if (toAddress.length > MAX_ADDRESS_LENGTH || !ADDRESS.test(toAddress)) throw new Error(`Cannot send mail "${mail.template}" to "${mail.to}": not an e-mail address`);
    const toName = mail.toName?.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH) || null;
    return { toAddress, toName, template: mail.template, locale, subject, textBody: text };
  }

  /** An absolute address in the back-office for a mail's `link`, from PUBLIC_URL: linkTo('/submissions/42'). */
  linkTo(path: string): string {
    return `${this.config.publicUrl}/${path.replace(/^\/+/, '')}`;
  }
}
