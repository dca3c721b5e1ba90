import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiPublic } from '../http/api-docs.js';
import type { Role } from './role.js';

/** Who is calling, as established by the auth guard from the bearer token. */
export interface RequestUser {
  id: string;
  email: string;
  roles: Role[];
  tokenId: string;
}

export const IS_PUBLIC = 'access:public';
export const REQUIRED_ROLES = 'access:roles';

/** Anyone may call this route, with or without a token (the OpenAPI document says `security: []`). */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiPublic());

/** Only callers holding one of these roles may call this route (any signed-in user when none is given). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The signed-in caller (undefined on a public route called without a token). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestUser | undefined => {
  return ctx.switchToHttp().getRequest<{ user?: RequestUser }>().user;
});
