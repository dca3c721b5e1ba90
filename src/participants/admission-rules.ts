/**
 * The admission rules of a part, as pure functions on plain data (no database, no HTTP): what a
 * request for a seat gives, and how many waiting people a freed or added seat lets in.
 */
export type AdmissionRule = 'open' | 'sign-up' | 'invitation' | 'on-request';
export type AdmissionStatus = 'admitted' | 'waiting' | 'requested' | 'cancelled';
export type AdmissionOutcome = 'admitted' | 'waiting' | 'requested';

export interface PartSeats {
  admission: AdmissionRule;
  /** null: no limit. */
  capacity: number | null;
  admittedCount: number;
}

/** A request the rule refuses: only organisers admit to a part by invitation. */
export interface AdmissionRefusal {
  refused: 'INVITATION_ONLY';
}

export function seatsLeft(part: Pick<PartSeats, 'capacity' | 'admittedCount'>): number {
  return part.capacity === null ? Number.POSITIVE_INFINITY : Math.max(0, part.capacity - part.admittedCount);
}

/**
 * What asking for a seat gives, for someone who holds no live admission in the part yet (or whose
 * admission is waiting or requested, when an organiser admits them).
 * - open, sign-up: admitted while seats remain, else waiting (first come, first served);
 * - on-request: requested, until an organiser admits;
 * - invitation: refused unless an organiser admits;
 * - an organiser admits whatever the rule while seats remain, else puts the person on the waiting list:
 *   capacity is never exceeded, not even by an organiser.
 */
export function admissionFor(part: PartSeats, byOrganiser: boolean): AdmissionOutcome | AdmissionRefusal {
  const free = seatsLeft(part) > 0;
  if (byOrganiser) return free ? 'admitted' : 'waiting';
  switch (part.admission) {
    case 'open':
    case 'sign-up':
      return free ? 'admitted' : 'waiting';
    case 'on-request':
      return 'requested';
    case 'invitation':
      return { refused: 'INVITATION_ONLY' };
  }
}

/**
 * What a new request does to an admission the person already holds: null keeps it as it is
 * (asking twice changes nothing, and keeps one's place in the queue), otherwise the new status.
 */
export function nextStatus(current: AdmissionStatus | null, part: PartSeats, byOrganiser: boolean): AdmissionOutcome | AdmissionRefusal | null {
  if (current === 'admitted') return null;
  if (current === 'waiting' || current === 'requested') {
    if (!byOrganiser) return null;
    const decided = admissionFor(part, true);
    return decided === current ? null : decided;
  }
  return admissionFor(part, byOrganiser);
}

/** How many people at the head of the waiting list a part can admit now. */
export function promotable(part: Pick<PartSeats, 'capacity' | 'admittedCount'>, waiting: number): number {
  return Math.min(waiting, seatsLeft(part));
}

/** Whether a new capacity fits the seats already given (null: no limit). */
export function capacityFits(capacity: number | null, admittedCount: number): boolean {
  return capacity === null || capacity >= admittedCount;
}
