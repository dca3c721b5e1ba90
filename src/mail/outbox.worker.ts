import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { MailSender, type DeliverableMessage } from './mail.sender.js';
import { retryDelayMs } from './retry-delay.js';

/**
 * How long a claimed message is reserved for the instance that claimed it. Should that instance
 * die mid-send, the message becomes due again after the lease. A batch stops sending (and gives
 * its remaining claims back) after half of it, so the lease never runs out under a live sender.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** Longest last_error kept. */
const MAX_ERROR_LENGTH = 2000;

interface ClaimedRow {
  id: string;
  to_address: string;
  to_name: string | null;
  subject: string;
  text_body: string;
  attempts: number;
  created_at: Date;
}

interface ClaimedMessage extends DeliverableMessage {
  /** Attempts including this one. */
  attempts: number;
}

function describeError(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  const prefix = [e?.code, e?.responseCode].filter((part) => typeof part === 'string' || typeof part === 'number').join(' ');
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const text = prefix ? `${prefix}: ${message}` : message;
  return text.length <= MAX_ERROR_LENGTH ? text : `${text.slice(0, MAX_ERROR_LENGTH - 1)}…`;
}

/**
 * Delivers the outbox. Every OUTBOX_POLL_MS (0 turns the timer off) it claims the due messages,
 * oldest first, in a short transaction (`FOR UPDATE SKIP LOCKED`: two instances never claim the
 * same message; the claim moves next_attempt_at a lease ahead and counts the attempt), then sends
 * each one and marks it sent. A failure keeps the message with its error and the time of the next
 * attempt (back-off: 30 s doubling up to 1 h); nothing is ever deleted. Delivery is at least once:
 * a crash between sending and marking sends the message again after the lease.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: MailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.outboxPollMs <= 0) return;
    this.logger.log(`delivering mail every ${this.config.outboxPollMs} ms to ${this.sender.describe()}`);
    this.schedule();
  }

  /**
   * Stops the timer and waits for the run in progress (which gives back the claims it has not
   * sent yet). This runs before any onApplicationShutdown hook, so the database and the SMTP
   * transport are still open while the last run finishes.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /**
   * Sends up to `limit` due messages and returns how many were delivered. Runs never overlap in
   * one process: a call made during a run waits for it to end first.
   */
  async deliverDue(limit = 50): Promise<number> {
    while (this.running) await this.running.catch(() => undefined);
    const run = this.deliverBatch(limit);
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = null;
    }
  }

  /** The next run starts `outboxPollMs` after the previous one ended; the timer does not keep the process alive. */
  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), this.config.outboxPollMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    try {
      await this.deliverDue();
    } catch (error) {
      this.logger.error(`outbox run failed: ${describeError(error)}`);
    } finally {
      this.schedule();
    }
  }

  private async deliverBatch(limit: number): Promise<number> {
    if (this.stopped) return 0;
    const claimed = await this.claimDue(limit);
    const claimedAt = Date.now();
    let delivered = 0;
    for (const [i, message] of claimed.entries()) {
      if (this.stopped || Date.now() - claimedAt > CLAIM_LEASE_MS / 2) {
        await this.release(claimed.slice(i));
        break;
      }
      try {
        await this.sender.send(message);
      } catch (error) {
        await this.recordFailure(message, error);
        continue;
      }
      await this.markSent(message);
      delivered++;
    }
    return delivered;
  }

  /** Claims the due messages, oldest first, skipping those another instance holds. */
  private async claimDue(limit: number): Promise<ClaimedMessage[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows: ClaimedRow[] = await manager.query(
        `SELECT id, to_address, to_name, subject, text_body, attempts, created_at
           FROM outbox_messages
          WHERE sent_at IS NULL AND next_attempt_at <= now()
          ORDER BY created_at, id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return [];
      await manager.query(
        `UPDATE outbox_messages SET attempts = attempts + 1, next_attempt_at = now() + $2::double precision * interval '1 millisecond' WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.id), CLAIM_LEASE_MS],
      );
      return rows.map((r) => ({
        id: r.id,
        toAddress: r.to_address,
        toName: r.to_name,
        subject: r.subject,
        textBody: r.text_body,
        createdAt: new Date(r.created_at),
        attempts: r.attempts + 1,
      }));
    });
  }

  private async markSent(message: ClaimedMessage): Promise<void> {
    await this.dataSource.query(`UPDATE outbox_messages SET sent_at = now() WHERE id = $1`, [message.id]);
  }

  private async recordFailure(message: ClaimedMessage, error: unknown): Promise<void> {
    const delay = retryDelayMs(message.attempts);
    const reason = describeError(error);
    await this.dataSource.query(
      `UPDATE outbox_messages SET last_error = $2, next_attempt_at = now() + $3::double precision * interval '1 millisecond' WHERE id = $1`,
      [message.id, reason, delay],
    );
    this.logger.warn(`mail ${message.id} not delivered (attempt ${message.attempts}, next in ${Math.round(delay / 1000)} s): ${reason}`);
  }

  /** Gives back claims not attempted (shutdown, or a batch that ran too long): due now, attempt not counted. */
  private async release(messages: ClaimedMessage[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_messages SET attempts = attempts - 1, next_attempt_at = now() WHERE id = ANY($1::uuid[]) AND sent_at IS NULL`,
      [messages.map((m) => m.id)],
    );
  }
}
