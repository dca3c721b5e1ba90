import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, LessThan, Repository } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { CLOCK, type Clock } from '../common/time/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { LoginFailure } from './login-failure.entity.js';
import { decideLoginAttempt, PAIR_MEMORY_SECONDS, type LoginHistory, type ThrottlePolicy } from './login-throttle.js';

/** Advisory lock classes (two-key form): one lock per account email, one per client address. */
const ACCOUNT_LOCK_CLASS = 0x4c474e41; // 'LGNA'
const ADDRESS_LOCK_CLASS = 0x4c474e49; // 'LGNI'

/**
 * The failed logins of the window, counted atomically before a password is checked. Each attempt
 * takes the lock of its account, then of its address (always in that order: no deadlock), reads the
 * history, and if the policy lets it through records itself as a failure at once, before the
 * password is checked; a success then clears its pair. So parallel attempts, on one instance or
 * several on one PostgreSQL, take turns and each sees the ones before it.
 */
@Injectable()
export class LoginThrottleService {
  private readonly policy: ThrottlePolicy;

  constructor(
    @InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.policy = {
      maxFailuresPerPair: config.loginMaxFailuresPerPair,
      firstDelaySeconds: config.loginDelaySeconds,
      maxFailuresPerAccount: config.loginMaxFailuresPerAccount,
      maxFailuresPerAddress: config.loginMaxFailuresPerAddress,
      windowSeconds: config.loginFailureWindowMinutes * 60,
      pairMemorySeconds: Math.max(PAIR_MEMORY_SECONDS, config.loginFailureWindowMinutes * 60),
    };
  }

  /** Counts this attempt as a failure in advance, or refuses it with 429 and Retry-After. */
  async reserveAttempt(email: string, address: string): Promise<void> {
    const now = this.clock.now();
    const decision = await this.failures.manager.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ACCOUNT_LOCK_CLASS, email]);
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADDRESS_LOCK_CLASS, address]);
      const decided = decideLoginAttempt(await this.history(manager, email, address, now), this.policy, now);
      if (decided.allowed) await manager.insert(LoginFailure, { email, address, failedAt: now });
      return decided;
    });
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds;
      throw new DomainError(
        429,
        'TOO_MANY_REQUESTS',
        `Too many failed logins; try again in ${seconds} second${seconds === 1 ? '' : 's'}`,
        { retryAfterSeconds: seconds },
        { 'Retry-After': String(seconds) },
      );
    }
  }

  /** A successful login clears the failures of its (account, address) pair, the reserved one included. */
  async clearPair(email: string, address: string): Promise<void> {
    await this.failures.delete({ email, address });
  }

  /**
   * Forgets every failed login of an account (all addresses), in the caller's transaction: once its
   * owner has set a new password through a reset link, the guesses at the old one mean nothing.
   */
  async clearAccount(email: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(LoginFailure).delete({ email });
  }

  /** Failures older than a pair's memory (and so than the window) count for nothing any more. */
  async forgetExpired(): Promise<void> {
    await this.failures.delete({ failedAt: LessThan(this.before(this.clock.now(), this.policy.pairMemorySeconds)) });
  }

  private before(now: Date, seconds: number): Date {
    return new Date(now.getTime() - seconds * 1000);
  }

  private async history(manager: EntityManager, email: string, address: string, now: Date): Promise<LoginHistory> {
    const [row]: Array<{ pair_failures: number; pair_last: Date | null; account_ceiling: Date | null; address_ceiling: Date | null }> =
      await manager.query(
        `SELECT
           (SELECT count(*)::int FROM login_failures WHERE email = $1 AND address = $2 AND failed_at > $6) AS pair_failures,
           (SELECT max(failed_at) FROM login_failures WHERE email = $1 AND address = $2 AND failed_at > $6) AS pair_last,
           (SELECT failed_at FROM login_failures WHERE email = $1 AND failed_at > $3
             ORDER BY failed_at DESC OFFSET $4 LIMIT 1) AS account_ceiling,
           (SELECT failed_at FROM login_failures WHERE address = $2 AND failed_at > $3
             ORDER BY failed_at DESC OFFSET $5 LIMIT 1) AS address_ceiling`,
        [
          email,
          address,
          this.before(now, this.policy.windowSeconds),
          this.policy.maxFailuresPerAccount - 1,
          this.policy.maxFailuresPerAddress - 1,
          this.before(now, this.policy.pairMemorySeconds),
        ],
      );
    const date = (v: Date | string | null) => (v === null ? null : new Date(v));
    return {
      pairFailures: row.pair_failures,
      pairLastFailureAt: date(row.pair_last),
      accountCeilingFailureAt: date(row.account_ceiling),
      addressCeilingFailureAt: date(row.address_ceiling),
    };
  }
}
