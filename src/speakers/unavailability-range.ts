/** A period between two instants. */
export interface Period {
  startsAt: Date;
  endsAt: Date;
}

export type RangeProblem = 'ends-before-start' | 'outside-event';

/**
 * Why a speaker's unavailability cannot be recorded for an event, or null: it must end after it
 * starts and lie within the event (touching its start or end is fine).
 */
export function unavailabilityProblem(range: Period, event: Period): RangeProblem | null {
  if (range.endsAt.getTime() <= range.startsAt.getTime()) return 'ends-before-start';
  if (range.startsAt.getTime() < event.startsAt.getTime() || range.endsAt.getTime() > event.endsAt.getTime()) return 'outside-event';
  return null;
}
