/**
 * Times as the event's people read and type them: always in the event's zone (Europe/Paris),
 * whatever the browser's zone, written the way people write them (« lundi 6 février 2012, 18 h 00 »).
 * Pure functions over Intl (the browser's ICU data): no time-zone library in the bundle.
 */
import type { Language } from '../i18n/language';

export const EVENT_ZONE = 'Europe/Paris';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

type Parts = Record<'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute', string>;

function parts(instant: Date, language: Language, zone: string): Parts {
  const format = new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const out: Partial<Parts> = {};
  for (const p of format.formatToParts(instant)) {
    if (p.type in { weekday: 1, day: 1, month: 1, year: 1, hour: 1, minute: 1 }) out[p.type as keyof Parts] = p.value;
  }
  return out as Parts;
}

function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** « lundi 6 février 2012 » / « Monday 6 February 2012 ». */
export function formatDate(value: string | Date, language: Language, zone = EVENT_ZONE): string {
  const p = parts(toDate(value), language, zone);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** « 18 h 00 » / « 18:00 ». */
export function formatTime(value: string | Date, language: Language, zone = EVENT_ZONE): string {
  const p = parts(toDate(value), language, zone);
  return language === 'fr' ? `${p.hour} h ${p.minute}` : `${p.hour}:${p.minute}`;
}

/** « lundi 6 février 2012, 18 h 00 » / « Monday 6 February 2012, 18:00 ». */
export function formatDateTime(value: string | Date, language: Language, zone = EVENT_ZONE): string {
  return `${formatDate(value, language, zone)}, ${formatTime(value, language, zone)}`;
}

/** « 18 h 00 – 21 h 00 » on one day, otherwise both ends in full. */
export function formatRange(start: string | Date, end: string | Date, language: Language, zone = EVENT_ZONE): string {
  if (formatDate(start, language, zone) === formatDate(end, language, zone)) {
    return `${formatDateTime(start, language, zone)} – ${formatTime(end, language, zone)}`;
  }
  return `${formatDateTime(start, language, zone)} – ${formatDateTime(end, language, zone)}`;
}

/** The wall-clock reading of an instant in the zone, as `YYYY-MM-DDTHH:mm` (a datetime-local input's value). */
export function toZoneLocalInput(value: string | Date, zone = EVENT_ZONE): string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const p: Record<string, string> = {};
  for (const part of format.formatToParts(toDate(value))) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Offset of the zone from UTC at an instant, in minutes (Paris: +60 in winter, +120 in summer). */
export function zoneOffsetMinutes(instant: Date, zone = EVENT_ZONE): number {
  const local = toZoneLocalInput(instant, zone);
  const asUtc = Date.parse(`${local}:00Z`);
  const floored = Math.floor(instant.getTime() / 60000) * 60000;
  return Math.round((asUtc - floored) / 60000);
}

/**
 * The instant a person means by a wall-clock time typed in the zone (`YYYY-MM-DDTHH:mm`), as an ISO
 * string with the zone's offset (`2012-02-06T18:00:00+01:00`). A time skipped by the spring change is
 * read with the offset before it; a repeated autumn time is its first occurrence. Null when malformed.
 */
export function fromZoneLocalInput(local: string, zone = EVENT_ZONE): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const wallAsUtc = Date.parse(`${local}:00Z`);
  if (Number.isNaN(wallAsUtc)) return null;
  let offset = zoneOffsetMinutes(new Date(wallAsUtc), zone);
  offset = zoneOffsetMinutes(new Date(wallAsUtc - offset * 60000), zone);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}:00${sign}${hh}:${mm}`;
}

/** « dans 3 jours » / « in 3 days », « il y a 2 heures » / « 2 hours ago », counted from now. */
export function formatRelative(value: string | Date, language: Language, now: Date = new Date()): string {
  const seconds = (toDate(value).getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86400), 'day');
}
