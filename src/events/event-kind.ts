/** What kind of gathering an event is. */
export const EVENT_KINDS = ['colloquium', 'ceremony', 'conference', 'workshop', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
