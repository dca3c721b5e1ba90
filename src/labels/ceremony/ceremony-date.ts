import { DateTime } from 'luxon';

/**
 * The ceremony's date as printed on a certificate: the local date in the event's zone, in French,
 * « 6 février 2012 », with the French ordinal for the first of the month (« 1er mars 2012 »).
 */
export function frenchCeremonyDate(instant: Date, zone: string): string {
  const local = DateTime.fromJSDate(instant, { zone }).setLocale('fr');
  const day = local.day === 1 ? '1er' : String(local.day);
  return `${day} ${local.toFormat('LLLL yyyy')}`;
}

/** The same instant as the API shows times: in the event's zone with its offset (2012-02-06T18:00:00+01:00). */
export function zonedIso(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true }) ?? instant.toISOString();
}
