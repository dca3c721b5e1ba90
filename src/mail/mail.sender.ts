import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import nodemailer, { type SendMailOptions, type StreamSentMessageInfo, type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

/** What the sender needs of an outbox row. */
export interface DeliverableMessage {
  id: string;
  toAddress: string;
  toName: string | null;
  subject: string;
  textBody: string;
  createdAt: Date;
}

/** SMTP timeouts well inside the outbox worker's lease, so a stuck server cannot hold a claim for long. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/** The .eml file of a message: `<created-at>-<id>.eml` (20120206T170000.000Z-<uuid>.eml: sorts by time, no colons). */
export function emlFileName(message: Pick<DeliverableMessage, 'id' | 'createdAt'>): string {
  return `${message.createdAt.toISOString().replace(/[-:]/g, '')}-${message.id}.eml`;
}

/**
 * Hands one rendered message to the world: by SMTP to SMTP_URL (nodemailer), or, without SMTP_URL,
 * as an RFC 5322 .eml file under OUTBOX_DIR, composed by nodemailer so that headers are encoded
 * correctly. `send` resolves once the message is accepted (or written) and rejects otherwise.
 */
@Injectable()
export class MailSender implements OnModuleInit, OnApplicationShutdown {
  private smtp: Transporter | null = null;
  private eml: Transporter<StreamSentMessageInfo> | null = null;
  private readonly messageIdDomain: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.messageIdDomain = /@([^\s<>@]+?)>?\s*$/.exec(config.mailFrom)?.[1] ?? 'localhost';
  }

  onModuleInit(): void {
    if (this.config.smtpUrl) this.smtp = nodemailer.createTransport({ url: this.config.smtpUrl, ...SMTP_TIMEOUTS });
    else this.eml = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
    this.eml?.close();
  }

  /** Where mail goes, for the log (no credentials). */
  describe(): string {
    if (!this.config.smtpUrl) return `.eml files in ${this.config.outboxDir}`;
    const url = new URL(this.config.smtpUrl);
    return `SMTP ${url.protocol}//${url.host}`;
  }

  async send(message: DeliverableMessage): Promise<void> {
    const mail: SendMailOptions = {
      from: this.config.mailFrom,
      to: message.toName ? { name: message.toName, address: message.toAddress } : message.toAddress,
      subject: message.subject,
      text: message.textBody,
      // The same Message-ID on every attempt, so a receiver can tell a repeated delivery.
      messageId: `<${message.id}@${this.messageIdDomain}>`,
      // RFC 3834: a notification, so that vacation responders do not answer it.
      headers: { 'Auto-Submitted': 'auto-generated' },
    };
    if (this.smtp) {
      await this.smtp.sendMail(mail);
      return;
    }
    if (!this.eml) throw new Error('MailSender used before the application was initialised');
    const info = await this.eml.sendMail(mail);
    await mkdir(this.config.outboxDir, { recursive: true });
    const file = join(this.config.outboxDir, emlFileName(message));
    // Written under a temporary name and renamed, so a reader never sees half a message.
    const partial = `${file}.${process.pid}.part`;
    try {
      await writeFile(partial, info.message as Buffer);
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true }).catch(() => undefined);
      throw error;
    }
  }
}
