import { DomainError } from '../common/errors/domain-error.js';
import {
  isValidTimeZone,
  localDate,
  nextLocalDate,
  parseZonedDateTime,
  startOfLocalDay,
  wallClock,
} from '../common/time/zoned-time.js';

/** When an event happens, as stored: UTC instants, and whether it spans whole days. */
export interface EventPeriod {
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  timeZone: string;
}

/** What a person typed: either start/end date-times, or first/last dates for an all-day event. */
export interface PeriodInput {
  startsAt?: string;
  endsAt?: string;
  startDate?: string;
  endDate?: string;
  timeZone?: string;
}

function fail(message: string, fields: string[]): never {
  throw new DomainError(422, 'VALIDATION_FAILED', message, { errors: fields.map((field) => ({ field, errors: [message] })) });
}

/** The local first and last day of a period (the last day is inclusive). */
export function periodDates(period: EventPeriod): { startDate: string; endDate: string } {
  const startDate = localDate(period.startsAt, period.timeZone);
  const lastInstant = period.allDay ? new Date(period.endsAt.getTime() - 1) : period.endsAt;
  return { startDate, endDate: localDate(lastInstant, period.timeZone) };
}

/**
 * Resolves a new period from what was typed, starting from the current one (null on creation).
 * - startsAt/endsAt (wall-clock in the event's zone, or with an offset) make a timed event;
 * - startDate/endDate (YYYY-MM-DD, both inclusive) make an all-day event;
 * - the two forms cannot be mixed; on update a missing half is taken from the current period;
 * - a zone change alone keeps the wall-clock times (the organiser is correcting the zone).
 */
export function resolvePeriod(input: PeriodInput, current: EventPeriod | null): EventPeriod {
  const timeZone = input.timeZone ?? current?.timeZone ?? 'Europe/Paris';
  if (!isValidTimeZone(timeZone)) fail(`Unknown time zone "${timeZone}" (use an IANA name such as Europe/Paris)`, ['timeZone']);
  const timed = input.startsAt !== undefined || input.endsAt !== undefined;
  const daily = input.startDate !== undefined || input.endDate !== undefined;
  if (timed && daily) fail('Give either startsAt/endsAt or startDate/endDate, not both', ['startsAt', 'startDate']);

  let period: EventPeriod;
  if (daily || (!timed && current?.allDay && input.timeZone !== undefined)) {
    const currentDates = current?.allDay ? periodDates(current) : null;
    const startDate = input.startDate ?? currentDates?.startDate;
    const endDate = input.endDate ?? currentDates?.endDate ?? startDate;
    if (!startDate || !endDate) fail('startDate is required', ['startDate']);
    period = {
      startsAt: startOfLocalDay(startDate, timeZone, 'startDate'),
      endsAt: startOfLocalDay(nextLocalDate(endDate, timeZone), timeZone, 'endDate'),
      allDay: true,
      timeZone,
    };
    if (endDate < startDate) fail('endDate must be on or after startDate', ['endDate']);
  } else if (timed || (current && input.timeZone !== undefined)) {
    const keep = (instant: Date | undefined) =>
      instant && current ? wallClock(instant, current.timeZone) : undefined;
    const startsAt = input.startsAt ?? (current && !current.allDay ? keep(current.startsAt) : undefined);
    const endsAt = input.endsAt ?? (current && !current.allDay ? keep(current.endsAt) : undefined);
    if (!startsAt) fail('startsAt is required', ['startsAt']);
    if (!endsAt) fail('endsAt is required', ['endsAt']);
    period = {
      startsAt: parseZonedDateTime(startsAt, timeZone, 'startsAt'),
      endsAt: parseZonedDateTime(endsAt, timeZone, 'endsAt'),
      allDay: false,
      timeZone,
    };
  } else if (current) {
    return current;
  } else {
    fail('Give startsAt and endsAt, or startDate and endDate for an all-day event', ['startsAt', 'startDate']);
  }
  if (period.endsAt.getTime() <= period.startsAt.getTime()) fail('The event must end after it starts', ['endsAt']);
  return period;
}
