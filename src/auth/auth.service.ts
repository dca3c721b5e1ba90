import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import type { RequestUser } from '../common/auth/access.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { decoyHash, verifyPassword } from '../users/password.js';
import { normaliseEmail, UsersService } from '../users/users.service.js';
import { AuthToken } from './auth-token.entity.js';
import type { LoginResponse } from './dto/login.response.js';
import { LoginFailure } from './login-failure.entity.js';
import { isThrottled } from './login-throttle.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(AuthToken) private readonly tokens: Repository<AuthToken>,
    @InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Unknown email, wrong password and disabled account all get the same 401 after the same work.
   * Too many recent failures for the account or the address get 429 before any check.
   */
  async login(emailInput: string, password: string, address: string): Promise<LoginResponse> {
    const email = normaliseEmail(emailInput).slice(0, 254);
    await this.refuseIfThrottled(email, address);
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !ok || user.disabledAt) {
      await this.failures.insert({ email, address: address.slice(0, 64) });
      throw new DomainError(401, 'UNAUTHENTICATED', 'Wrong email or password');
    }
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
    const row = await this.tokens.findOne({
      where: { tokenHash: hashToken(token), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    if (!row) return null;
    const user = await this.users.findActiveById(row.userId);
    if (!user) return null;
    return { id: user.id, email: user.email, roles: user.roles, tokenId: row.id };
  }

  async logout(tokenId: string): Promise<void> {
    await this.tokens.update({ id: tokenId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async refuseIfThrottled(email: string, address: string): Promise<void> {
    const since = new Date(Date.now() - this.config.loginFailureWindowMinutes * 60_000);
    await this.failures.delete({ failedAt: LessThan(new Date(Date.now() - 24 * 3600_000)) });
    const [forAccount, forAddress] = await Promise.all([
      this.failures.countBy({ email, failedAt: MoreThan(since) }),
      this.failures.countBy({ address, failedAt: MoreThan(since) }),
    ]);
    const limits = { maxPerAccount: this.config.loginMaxFailuresPerAccount, maxPerAddress: this.config.loginMaxFailuresPerAddress };
    if (isThrottled({ forAccount, forAddress }, limits)) {
      throw new DomainError(429, 'TOO_MANY_REQUESTS', `Too many failed logins; try again in ${this.config.loginFailureWindowMinutes} minutes`);
    }
  }
}
