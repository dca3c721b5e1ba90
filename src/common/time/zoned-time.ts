import { DateTime, IANAZone } from 'luxon';
import { DomainError } from '../errors/domain-error.js';

/** True for an IANA zone name that the runtime knows (Europe/Paris, America/Montreal…). */
export function isValidTimeZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length <= 64 && IANAZone.isValidZone(zone);
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function invalid(field: string, message: string): DomainError {
  return new DomainError(400, 'VALIDATION_FAILED', message, { errors: [{ field, errors: [message] }] });
}

/**
 * Reads a date-time typed by a person. With an offset or Z it is an instant; without one it is
 * a wall-clock time in `zone`. A wall-clock time that does not exist (skipped by a DST change)
 * is refused rather than silently shifted.
 */
export function parseZonedDateTime(input: string, zone: string, field: string): Date {
  if (OFFSET_DATE_TIME.test(input)) {
    const dt = DateTime.fromISO(input, { setZone: true });
    if (!dt.isValid) throw invalid(field, `${field} is not a valid date-time`);
    return dt.toJSDate();
  }
  if (!LOCAL_DATE_TIME.test(input)) {
    throw invalid(field, `${field} must look like 2012-02-06T18:00 (time in ${zone}) or carry an offset`);
  }
  const dt = DateTime.fromISO(input, { zone });
  if (!dt.isValid) throw invalid(field, `${field} is not a valid date-time`);
  const roundTrip = dt.toFormat(input.length === 16 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss");
  if (!input.startsWith(roundTrip)) throw invalid(field, `${field}: ${input} does not exist in ${zone} (clock change)`);
  return dt.toJSDate();
}

/** Local midnight starting `date` (YYYY-MM-DD) in `zone`. */
export function startOfLocalDay(date: string, zone: string, field: string): Date {
  if (!LOCAL_DATE.test(date)) throw invalid(field, `${field} must be a date like 2012-02-06`);
  const dt = DateTime.fromISO(date, { zone });
  if (!dt.isValid) throw invalid(field, `${field} is not a valid date`);
  return dt.startOf('day').toJSDate();
}

/** The instant of `time` (HH:mm) on local `date` in `zone`. */
export function localDateAndTime(date: string, time: string, zone: string, field: string): Date {
  if (!LOCAL_TIME.test(time)) throw invalid(field, `${field} must be a time like 09:30`);
  return parseZonedDateTime(`${date}T${time}`, zone, field);
}

/** An instant written in `zone` with its offset, e.g. 2012-02-06T18:00:00+01:00. */
export function formatInZone(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true }) as string;
}

/** The local calendar date (YYYY-MM-DD) of an instant in `zone`. */
export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() as string;
}

/** The local wall-clock time (HH:mm) of an instant in `zone`. */
export function localTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');
}

/** The next local calendar day after `date`. */
export function nextLocalDate(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).plus({ days: 1 }).toISODate() as string;
}

/** Wall-clock text of an instant in `zone`, without offset (2012-02-06T18:00:00). */
export function wallClock(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}
