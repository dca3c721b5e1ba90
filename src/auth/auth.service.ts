import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { ChangeFeedService } from '../change-feed/change-feed.service.js';
import type { KeptReads } from '../change-feed/kept-reads.js';
import type { RequestUser } from '../common/auth/access.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { decoyHash, verifyPassword } from '../users/password.js';
import { normaliseEmail, UsersService } from '../users/users.service.js';
import { AuthToken } from './auth-token.entity.js';
import type { LoginResponse } from './dto/login.response.js';
import { LoginThrottleService } from './login-throttle.service.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A live token's caller, as kept in memory, with the token's end. */
interface KeptCaller {
  user: RequestUser;
  expiresAt: Date;
}

@Injectable()
export class AuthService {
  /**
   * Live tokens' callers by token hash: forgotten whenever a token is revoked or an account changes
   * (disabled, roles), on any instance (src/change-feed); unknown tokens are never kept.
   */
  private readonly callers: KeptReads<string, KeptCaller | null>;

  constructor(
    @InjectRepository(AuthToken) private readonly tokens: Repository<AuthToken>,
    private readonly throttle: LoginThrottleService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly feed: ChangeFeedService,
  ) {
    this.callers = feed.cache('callers by token', ['auth_tokens', 'users'], 50_000);
  }

  /**
   * Unknown email, wrong password and disabled account all get the same 401 after the same work.
   * The attempt is counted before the password is checked, atomically (LoginThrottleService), so
   * a burst of guesses cannot pass the limits; a refused one gets 429 and Retry-After at once.
   */
  async login(emailInput: string, password: string, addressInput: string): Promise<LoginResponse> {
    const email = normaliseEmail(emailInput).slice(0, 254);
    const address = addressInput.slice(0, 64);
    await this.throttle.reserveAttempt(email, address);
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash(this.config.passwordHashCost)));
    if (!user || !ok || user.disabledAt) {
      await this.throttle.forgetExpired();
      throw new DomainError(401, 'UNAUTHENTICATED', 'Wrong email or password');
    }
    await this.throttle.clearPair(email, address);
    return this.issueToken(user.id, user.email, user.roles);
  }

  /** Issues a token for an account that has just proved who it is (login, or sign-up later). */
  async issueToken(userId: string, email: string, roles: RequestUser['roles']): Promise<LoginResponse> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.tokenTtlMinutes * 60_000);
    await this.tokens.insert({ userId, tokenHash: hashToken(token), expiresAt, revokedAt: null });
    return { accessToken: token, expiresAt: expiresAt.toISOString(), user: { id: userId, email, roles } };
  }

  /** The caller behind a bearer token, or null when it is unknown, expired, revoked or disabled. */
  async authenticate(token: string): Promise<RequestUser | null> {
    if (token.length < 20 || token.length > 100) return null;
    const hash = hashToken(token);
    const kept = await this.callers.get(hash, () => this.readCaller(hash), (caller) => caller !== null);
    if (!kept || kept.expiresAt.getTime() <= Date.now()) return null;
    return kept.user;
  }

  /** The caller behind a token hash from the database (two indexed reads), or null. */
  private async readCaller(tokenHash: string): Promise<KeptCaller | null> {
    const row = await this.tokens.findOne({
      where: { tokenHash, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    if (!row) return null;
    const user = await this.users.findActiveById(row.userId);
    if (!user) return null;
    return { user: { id: user.id, email: user.email, roles: user.roles, tokenId: row.id }, expiresAt: row.expiresAt };
  }

  /** Revokes every live access token of an account (a new password ends all its sessions), in the caller's transaction. */
  async revokeAllTokens(userId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(AuthToken).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async logout(tokenId: string): Promise<void> {
    await this.tokens.update({ id: tokenId, revokedAt: IsNull() }, { revokedAt: new Date() });
    // this instance refuses the token at once (the others when the notification reaches them)
    this.feed.changed('auth_tokens');
  }
}
