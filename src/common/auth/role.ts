/** The roles an account can hold. An account may hold several (for example speaker and organiser). */
export const ROLES = ['organiser', 'reception', 'speaker'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an organiser may give through /api/users (speakers register themselves). */
export const STAFF_ROLES = ['organiser', 'reception'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
