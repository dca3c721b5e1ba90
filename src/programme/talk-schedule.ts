/**
 * Talks follow one another from their session's start, in position order: a talk's times are computed
 * from the durations of the talks before it, never stored. Pure functions over plain data.
 */

const MINUTE = 60_000;

export interface TalkSlot {
  position: number;
  durationMinutes: number;
}

export interface TimedSlot<T extends TalkSlot> {
  talk: T;
  startsAt: Date;
  endsAt: Date;
}

/** Each talk with its start and end, in position order (ties keep their given order). */
export function scheduleTalks<T extends TalkSlot>(sessionStartsAt: Date, talks: readonly T[]): TimedSlot<T>[] {
  const ordered = [...talks].sort((a, b) => a.position - b.position);
  let cursor = sessionStartsAt.getTime();
  return ordered.map((talk) => {
    const startsAt = new Date(cursor);
    cursor += talk.durationMinutes * MINUTE;
    return { talk, startsAt, endsAt: new Date(cursor) };
  });
}

/** Total minutes of a session's talks. */
export function talksMinutes(talks: readonly Pick<TalkSlot, 'durationMinutes'>[]): number {
  return talks.reduce((sum, t) => sum + t.durationMinutes, 0);
}

/** Minutes between two instants (may be fractional). */
export function minutesBetween(startsAt: Date, endsAt: Date): number {
  return (endsAt.getTime() - startsAt.getTime()) / MINUTE;
}

/** True when talks of `totalMinutes` fit between the session's start and end. */
export function talksFit(totalMinutes: number, session: { startsAt: Date; endsAt: Date }): boolean {
  return totalMinutes <= minutesBetween(session.startsAt, session.endsAt);
}

/**
 * The new order of a session's talks when `movedId` goes to `position` (clamped to the list);
 * `movedId` absent from `ids` is inserted (a talk coming from another session). Returns ids in order.
 */
export function reorder(ids: readonly string[], movedId: string, position: number | undefined): string[] {
  const rest = ids.filter((id) => id !== movedId);
  const at = position === undefined ? (ids.includes(movedId) ? ids.indexOf(movedId) : rest.length) : Math.max(0, Math.min(position, rest.length));
  return [...rest.slice(0, at), movedId, ...rest.slice(at)];
}
