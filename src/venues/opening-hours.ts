import { DomainError } from '../common/errors/domain-error.js';
import { localDateAndTime, localTime } from '../common/time/zoned-time.js';

/** A venue's hours on one date as people enter and read them: wall-clock times in the venue's zone. */
export interface OpeningDay {
  date: string;
  opens: string;
  closes: string;
}

/** The same hours as stored: the local date and two UTC instants. */
export interface OpeningSpan {
  date: string;
  opensAt: Date;
  closesAt: Date;
}

/** One field's problems, in the shape of the validation errors of the API. */
export interface FieldProblem {
  field: string;
  errors: string[];
}

/** At most one entry per day of a (leap) year. */
export const MAX_OPENING_DAYS = 366;

/** What breaks the rules in a list of opening days: closing not after opening, a date given twice. */
export function openingHoursProblems(days: readonly OpeningDay[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const firstIndexOfDate = new Map<string, number>();
  days.forEach((day, i) => {
    if (day.closes <= day.opens) {
      problems.push({ field: `openingHours[${i}].closes`, errors: [`On ${day.date} the venue must close after it opens (${day.opens})`] });
    }
    const first = firstIndexOfDate.get(day.date);
    if (first === undefined) firstIndexOfDate.set(day.date, i);
    else problems.push({ field: `openingHours[${i}].date`, errors: [`${day.date} is already given in openingHours[${first}]`] });
  });
  return problems;
}

/**
 * Turns opening days entered in `zone` into UTC spans, sorted by date.
 * A broken rule is a 422; a wall-clock time the clock skips that day (DST) is a 400.
 */
export function toOpeningSpans(days: readonly OpeningDay[], zone: string): OpeningSpan[] {
  const problems = openingHoursProblems(days);
  if (problems.length) throw new DomainError(422, 'VALIDATION_FAILED', 'The opening hours are not valid', { errors: problems });
  return days
    .map((day, i) => ({
      date: day.date,
      opensAt: localDateAndTime(day.date, day.opens, zone, `openingHours[${i}].opens`),
      closesAt: localDateAndTime(day.date, day.closes, zone, `openingHours[${i}].closes`),
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** A stored span as people read it in `zone`. */
export function toOpeningDay(span: OpeningSpan, zone: string): OpeningDay {
  return { date: span.date, opens: localTime(span.opensAt, zone), closes: localTime(span.closesAt, zone) };
}

/** The same wall-clock hours in another zone: what a venue keeps when its time zone is corrected. */
export function rezoneOpeningSpans(spans: readonly OpeningSpan[], from: string, to: string): OpeningSpan[] {
  return toOpeningSpans(
    spans.map((span) => toOpeningDay(span, from)),
    to,
  );
}
