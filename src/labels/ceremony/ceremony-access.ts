import type { Role } from '../../common/auth/role.js';
import { canSeeLevels } from '../label-embargo.js';

/**
 * Who may read a document showing levels (the running order, the certificates), pure: whoever may
 * see levels under the labels' embargo rule (canSeeLevels: organisers always, others once revealed)
 * and is staff — organisers, or reception once revealed (the master of ceremonies' desk prints them
 * on the evening). Nobody else, ever: the running order names the delegates (personal data).
 */
export function mayReadCeremonyDocuments(roles: readonly Role[], revealed: boolean): boolean {
  const staff = roles.includes('organiser') || roles.includes('reception');
  return staff && canSeeLevels(roles, revealed);
}
