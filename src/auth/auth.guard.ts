import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { IS_PUBLIC, REQUIRED_ROLES, type RequestUser } from '../common/auth/access.js';
import type { Role } from '../common/auth/role.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AuthService } from './auth.service.js';

/**
 * The one global guard: every route needs a valid bearer token unless marked @Public();
 * @Roles(...) narrows it further (403). On a public route a valid token still identifies the caller.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & { user?: RequestUser }>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const header = request.headers.authorization;
    const token = typeof header === 'string' && /^Bearer [A-Za-z0-9_-]+$/.test(header) ? header.slice(7) : null;
    const user = token ? await this.auth.authenticate(token) : null;
    if (user) request.user = user;
    if (isPublic) return true;
    if (!user) {
      throw new DomainError(401, 'UNAUTHENTICATED', header ? 'The access token is invalid, expired or revoked' : 'Sign in first: send Authorization: Bearer <token>');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !roles.some((r) => user.roles.includes(r))) {
      throw new DomainError(403, 'FORBIDDEN', `This needs the role ${roles.join(' or ')}`);
    }
    return true;
  }
}
