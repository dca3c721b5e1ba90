import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { CLOCK, type Clock } from '../../common/time/clock.js';
import type { MailLocale } from '../../mail/mail-template.js';
import { MailService } from '../../mail/mail.service.js';
import { normaliseEmail, UsersService } from '../../users/users.service.js';
import { AuthService } from '../auth.service.js';
import { LoginThrottleService } from '../login-throttle.service.js';
import type { PasswordResetAccepted } from './dto/password-reset-accepted.response.js';
import {
  decideResetRequest,
  isResetTokenUsable,
  MAX_REQUESTS_PER_ADDRESS,
  REQUEST_MEMORY_MINUTES,
  RESET_TOKEN_TTL_MINUTES,
  WINDOW_MINUTES,
  type ResetRequestHistory,
} from './password-reset-policy.js';
import { PasswordResetRequest } from './password-reset-request.entity.js';
import { PasswordResetToken } from './password-reset-token.entity.js';

/** Advisory lock classes (two-key form): one lock per requested email, one per client address. */
const EMAIL_LOCK_CLASS = 0x50575245; // 'PWRE'
const ADDRESS_LOCK_CLASS = 0x50575249; // 'PWRI'

/** The token of a link: 32 random bytes (256 bits), base64url, 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const RESET_ACCEPTED: PasswordResetAccepted = Object.freeze({
  message: 'If an account uses this address, a link to choose a new password has been sent to it; it is valid for one hour.',
});

const invalidToken = () =>
  new DomainError(400, 'RESET_TOKEN_INVALID', 'This password-reset link is unknown, already used or expired: ask for a new one');

/**
 * « Forgotten password »: a request mails a single-use link valid one hour to an enabled account,
 * and the link's token sets a new password, ending every session of the account.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottleService,
    private readonly mail: MailService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Answers every accepted request the same way, after the same work: the limits are read under the
   * email's and the address's locks, the request is recorded, a token is drawn and hashed. Only for
   * an enabled account under its mail limit are the token row and the mail (outbox) written too,
   * in the same transaction. Over the address's limit: 429 with Retry-After.
   */
  async request(emailInput: string, language: MailLocale | undefined, addressInput: string): Promise<PasswordResetAccepted> {
    const email = normaliseEmail(emailInput).slice(0, 254);
    const address = addressInput.slice(0, 64);
    const token = randomBytes(32).toString('base64url');
    const tokenHash = hashToken(token);
    const now = this.clock.now();
    const refusedFor = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [EMAIL_LOCK_CLASS, email]);
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADDRESS_LOCK_CLASS, address]);
      const decision = decideResetRequest(await this.history(manager, email, address, now), now);
      if (decision.kind === 'refused') return decision.retryAfterSeconds;
      const user = await this.users.findByEmail(email, manager);
      const mailed = decision.mayMail && user !== null && user.disabledAt === null;
      await manager.insert(PasswordResetRequest, { email, address, requestedAt: now, mailed });
      await manager.query('DELETE FROM password_reset_requests WHERE requested_at < $1', [minutesBefore(now, REQUEST_MEMORY_MINUTES)]);
      if (mailed) {
        await manager.insert(PasswordResetToken, {
          userId: user.id,
          tokenHash,
          createdAt: now,
          expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MINUTES * 60_000),
          usedAt: null,
        });
        await this.mail.enqueue(manager, {
          to: user.email,
          toName: user.displayName,
          template: 'password-reset',
          locale: language ?? 'fr',
          data: { displayName: user.displayName ?? undefined, link: this.mail.linkTo(`/app/reset-password?token=${token}`) },
        });
      } else {
        // the two round trips the mailed path spends on its inserts, so that its answer takes about as long
        await manager.query('SELECT 1 FROM password_reset_tokens WHERE token_hash = $1', [tokenHash]);
        await manager.query('SELECT 1 FROM outbox_messages WHERE id = gen_random_uuid()');
      }
      return null;
    });
    if (refusedFor !== null) {
      throw new DomainError(
        429,
        'TOO_MANY_REQUESTS',
        `Too many password-reset requests from this address; try again in ${refusedFor} second${refusedFor === 1 ? '' : 's'}`,
        { retryAfterSeconds: refusedFor },
        { 'Retry-After': String(refusedFor) },
      );
    }
    return RESET_ACCEPTED;
  }

  /**
   * Sets a new password with a link's token, in one transaction: the token row is locked (two
   * uses at once: the second waits, then finds it used), the password replaced, every link of the
   * account spent, every access token revoked and the account's failed logins forgotten. An
   * unknown, used or expired token, or one of a disabled account, is 400 RESET_TOKEN_INVALID.
   */
  async confirm(token: string, password: string): Promise<void> {
    // hashed first, outside the transaction: no lock is held during scrypt
    const passwordHash = await this.users.hashPassword(password);
    if (!TOKEN_SHAPE.test(token)) throw invalidToken();
    await this.dataSource.transaction(async (manager) => {
      const tokens = manager.getRepository(PasswordResetToken);
      const row = await tokens.findOne({ where: { tokenHash: hashToken(token) }, lock: { mode: 'pessimistic_write' } });
      const now = this.clock.now();
      if (!row || !isResetTokenUsable(row, now)) throw invalidToken();
      const user = await this.users.findActiveForUpdate(row.userId, manager);
      if (!user) throw invalidToken();
      await this.users.setPasswordHash(user.id, passwordHash, manager);
      await tokens.update({ userId: user.id, usedAt: IsNull() }, { usedAt: now });
      await this.auth.revokeAllTokens(user.id, manager);
      await this.throttle.clearAccount(user.email, manager);
    });
  }

  private async history(manager: EntityManager, email: string, address: string, now: Date): Promise<ResetRequestHistory> {
    const [row]: Array<{ account_mails: number; address_ceiling: Date | string | null }> = await manager.query(
      `SELECT
         (SELECT count(*)::int FROM password_reset_requests WHERE email = $1 AND mailed AND requested_at > $3) AS account_mails,
         (SELECT requested_at FROM password_reset_requests WHERE address = $2 AND requested_at > $3
           ORDER BY requested_at DESC OFFSET $4 LIMIT 1) AS address_ceiling`,
      [email, address, minutesBefore(now, WINDOW_MINUTES), MAX_REQUESTS_PER_ADDRESS - 1],
    );
    return {
      accountMails: row.account_mails,
      addressCeilingAt: row.address_ceiling === null ? null : new Date(row.address_ceiling),
    };
  }
}

function minutesBefore(now: Date, minutes: number): Date {
  return new Date(now.getTime() - minutes * 60_000);
}
