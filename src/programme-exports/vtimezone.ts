import { DateTime, IANAZone } from 'luxon';

/** One change of UTC offset in a zone: the instant, and the offsets (minutes) before and after. */
interface OffsetChange {
  at: DateTime;
  from: number;
  to: number;
}

/** ±HHMM (±HHMMSS when the offset has seconds), as RFC 5545 writes UTC offsets. */
function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const mins = Math.floor(abs % 60);
  const secs = Math.round((abs * 60) % 60);
  return `${sign}${String(hours).padStart(2, '0')}${String(mins).padStart(2, '0')}${secs ? String(secs).padStart(2, '0') : ''}`;
}

/** Local wall-clock time as RFC 5545 writes it, without zone (20120325T020000). */
function wallClock(instant: DateTime, offsetMinutes: number): string {
  return instant.setZone('UTC').plus({ minutes: offsetMinutes }).toFormat("yyyyLLdd'T'HHmmss");
}

/** The offset changes of `zone` in [from, to), found day by day then narrowed to the minute. */
function offsetChanges(zone: IANAZone, from: DateTime, to: DateTime): OffsetChange[] {
  const changes: OffsetChange[] = [];
  let cursor = from;
  while (cursor < to) {
    const next = DateTime.min(cursor.plus({ days: 1 }), to);
    const before = zone.offset(cursor.toMillis());
    const after = zone.offset(next.toMillis());
    if (before !== after) {
      let low = cursor.toMillis();
      let high = next.toMillis();
      while (high - low > 60_000) {
        const middle = low + Math.floor((high - low) / 120_000) * 60_000;
        if (zone.offset(middle) === before) low = middle;
        else high = middle;
      }
      changes.push({ at: DateTime.fromMillis(high, { zone: 'UTC' }), from: before, to: after });
    }
    cursor = next;
  }
  return changes;
}

/**
 * A VTIMEZONE for `zoneName` that is exact for every instant in [from, to): one observance from
 * the start of the range, then one per offset change the zone's rules (the runtime's IANA
 * database, through luxon) make in it, each written out rather than as an RRULE, so that a
 * reader needs no time-zone database of its own. DAYLIGHT when the zone observes summer time
 * after the change, STANDARD otherwise.
 */
export function vtimezone(zoneName: string, from: Date, to: Date): string {
  const zone = IANAZone.create(zoneName);
  if (!zone.isValid) throw new Error(`Unknown time zone ${zoneName}`);
  const start = DateTime.fromJSDate(from, { zone: 'UTC' });
  const end = DateTime.fromJSDate(to, { zone: 'UTC' });
  const isDaylight = (instant: DateTime) => instant.setZone(zone).isInDST;
  const name = (instant: DateTime) => instant.setZone(zone).toFormat('ZZZZ', { locale: 'en-GB' });
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zoneName}`, `X-LIC-LOCATION:${zoneName}`];
  const observance = (instant: DateTime, fromOffset: number, toOffset: number) => {
    const kind = isDaylight(instant) ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${wallClock(instant, fromOffset)}`,
      `TZOFFSETFROM:${utcOffset(fromOffset)}`,
      `TZOFFSETTO:${utcOffset(toOffset)}`,
      `TZNAME:${name(instant)}`,
      `END:${kind}`,
    );
  };
  const initial = zone.offset(start.toMillis());
  observance(start, initial, initial);
  for (const change of offsetChanges(zone, start, end)) observance(change.at, change.from, change.to);
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** The whole local years holding [from, to]: the range a programme's VTIMEZONE covers. */
export function yearsAround(from: Date, to: Date, zoneName: string): { from: Date; to: Date } {
  const first = DateTime.fromJSDate(from, { zone: zoneName }).startOf('year');
  const afterLast = DateTime.fromJSDate(to, { zone: zoneName }).startOf('year').plus({ years: 1 });
  return { from: first.toJSDate(), to: afterLast.toJSDate() };
}
