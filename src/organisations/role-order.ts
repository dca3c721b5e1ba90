/**
 * A new display order for the organisations holding one role on an event must name exactly the
 * roles there are, each once: a list made from a stale page (a role added or removed meanwhile)
 * is refused rather than half applied.
 */
export interface RoleOrderMismatch {
  /** Roles of this kind on the event that the new order leaves out. */
  missingRoleIds: string[];
  /** Ids in the new order that are not roles of this kind on the event. */
  unknownRoleIds: string[];
}

/** What differs between the roles there are and the ids of a new order, or null when they match. */
export function roleOrderMismatch(current: readonly string[], wanted: readonly string[]): RoleOrderMismatch | null {
  const have = new Set(current);
  const want = new Set(wanted);
  const missingRoleIds = current.filter((id) => !want.has(id));
  const unknownRoleIds = wanted.filter((id) => !have.has(id));
  return missingRoleIds.length || unknownRoleIds.length ? { missingRoleIds, unknownRoleIds } : null;
}
