/** Kinds of organisation, and the roles an organisation can hold on an event. */
export const ORGANISATION_KINDS = [
  'institution',
  'university',
  'research-institute',
  'research-project',
  'association',
  'ministry',
  'public-agency',
  'local-authority',
  'company',
  'media',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const EVENT_ROLES = ['co-organiser', 'patron', 'supporter', 'sponsor', 'partner', 'media'] as const;
export type EventRole = (typeof EVENT_ROLES)[number];
