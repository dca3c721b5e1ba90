import type { Capacity } from './submission-transitions.js';

/** What the access rules need to know of a signer of a proposal. */
export interface SignerLike {
  userId: string | null;
  email: string;
  role: 'main' | 'co';
  status: 'invited' | 'accepted' | 'declined';
}

/** What the access rules need to know of the caller. */
export interface CallerLike {
  id: string;
  email: string;
  roles: readonly string[];
}

/**
 * The capacities in which `caller` acts on a proposal signed by `signers`: organiser (any
 * proposal), speaker (one they sign and, for a co-speaker, whose invitation they accepted).
 * Empty: the proposal does not exist for this caller (404, exactly like a missing id).
 */
export function capacitiesOf(caller: CallerLike, signers: readonly SignerLike[]): Capacity[] {
  const out: Capacity[] = [];
  if (signers.some((s) => s.userId === caller.id && s.status === 'accepted')) out.push('speaker');
  if (caller.roles.includes('organiser')) out.push('organiser');
  return out;
}

/** True when the caller is the proposal's main speaker. */
export function isMainSpeaker(caller: CallerLike, signers: readonly SignerLike[]): boolean {
  return signers.some((s) => s.role === 'main' && s.userId === caller.id);
}

/**
 * The invitation of this proposal that the caller may answer: a co-speaker still invited, under
 * the caller's account or, for someone invited before signing up, under the caller's email.
 */
export function pendingInvitationFor<T extends SignerLike>(caller: CallerLike, signers: readonly T[]): T | null {
  const email = caller.email.toLowerCase();
  return signers.find((s) => s.role === 'co' && s.status === 'invited' && (s.userId === caller.id || s.email === email)) ?? null;
}
