import type { AdmissionStatus } from './admission-rules.js';

/** A participant's place in one part, as the registration and the organisers see it. */
export interface AdmissionView {
  partId: string;
  code: string;
  nameFr: string;
  nameEn: string | null;
  status: AdmissionStatus;
  /** Waiting only: 1 for the head of the queue. */
  position: number | null;
}

/**
 * Places in the order admissionsOf reads them: the parts' display order, then code (codes are
 * [a-z0-9-], compared bytewise as COLLATE "C" does), without the display order.
 */
export function inDisplayOrder(places: Array<AdmissionView & { displayOrder: number }>): AdmissionView[] {
  return [...places]
    .sort((a, b) => a.displayOrder - b.displayOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map(({ displayOrder: _order, ...view }) => view);
}
