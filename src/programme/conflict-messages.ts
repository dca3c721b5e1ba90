import { DateTime } from 'luxon';

/** Bilingual text of a conflict: every conflict names its times in the event's time zone. */
export interface BilingualMessage {
  fr: string;
  en: string;
}

function local(d: Date, zone: string, locale: 'fr' | 'en'): DateTime {
  return DateTime.fromJSDate(d, { zone }).setLocale(locale === 'fr' ? 'fr-FR' : 'en-GB');
}

/**
 * Formatted ranges, memoised: a programme has few distinct slots, and luxon's formatting (tens of
 * microseconds) would otherwise dominate the detection. Bounded: cleared past 50,000 entries.
 */
const memo = new Map<string, string>();

/** "lun. 6 févr. 2012 18:00–19:00" / "Mon 6 Feb 2012 18:00–19:00" (end day added when it differs). */
export function formatRange(start: Date, end: Date, zone: string, locale: 'fr' | 'en'): string {
  const key = `${start.getTime()}|${end.getTime()}|${zone}|${locale}`;
  let text = memo.get(key);
  if (text === undefined) {
    if (memo.size >= 50_000) memo.clear();
    text = formatRangeUncached(start, end, zone, locale);
    memo.set(key, text);
  }
  return text;
}

function formatRangeUncached(start: Date, end: Date, zone: string, locale: 'fr' | 'en'): string {
  const s = local(start, zone, locale);
  const e = local(end, zone, locale);
  const day = (t: DateTime) => t.toFormat('ccc d LLL yyyy');
  const sameDay = s.toISODate() === e.toISODate();
  return sameDay ? `${day(s)} ${s.toFormat('HH:mm')}–${e.toFormat('HH:mm')}` : `${day(s)} ${s.toFormat('HH:mm')} – ${day(e)} ${e.toFormat('HH:mm')}`;
}

export function formatTime(d: Date, zone: string, locale: 'fr' | 'en'): string {
  return local(d, zone, locale).toFormat('ccc d LLL yyyy HH:mm');
}
