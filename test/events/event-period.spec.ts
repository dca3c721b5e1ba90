import { DomainError } from '../../src/common/errors/domain-error.js';
import { periodDates, resolvePeriod } from '../../src/events/event-period.js';

describe('resolvePeriod (pure)', () => {
  it('reads wall-clock times in Europe/Paris: 18:00 on 6 February 2012 is 17:00 UTC', () => {
    const p = resolvePeriod({ startsAt: '2012-02-06T18:00', endsAt: '2012-02-06T21:00' }, null);
    expect(p.startsAt.toISOString()).toBe('2012-02-06T17:00:00.000Z');
    expect(p.endsAt.toISOString()).toBe('2012-02-06T20:00:00.000Z');
    expect(p.allDay).toBe(false);
    expect(p.timeZone).toBe('Europe/Paris');
  });

  it('uses CEST in summer (UTC+2)', () => {
    const p = resolvePeriod({ startsAt: '2012-07-06T18:00', endsAt: '2012-07-06T21:00' }, null);
    expect(p.startsAt.toISOString()).toBe('2012-07-06T16:00:00.000Z');
  });

  it('keeps an explicit offset as typed', () => {
    const p = resolvePeriod({ startsAt: '2012-02-06T17:00:00Z', endsAt: '2012-02-06T21:00:00+01:00' }, null);
    expect(p.startsAt.toISOString()).toBe('2012-02-06T17:00:00.000Z');
    expect(p.endsAt.toISOString()).toBe('2012-02-06T20:00:00.000Z');
  });

  it('makes an all-day event from local midnight to the midnight after its last day', () => {
    const p = resolvePeriod({ startDate: '2012-02-06', endDate: '2012-02-07' }, null);
    expect(p.allDay).toBe(true);
    expect(p.startsAt.toISOString()).toBe('2012-02-05T23:00:00.000Z');
    expect(p.endsAt.toISOString()).toBe('2012-02-07T23:00:00.000Z');
    expect(periodDates(p)).toEqual({ startDate: '2012-02-06', endDate: '2012-02-07' });
  });

  it('refuses a time that does not exist on the day clocks go forward', () => {
    expect(() => resolvePeriod({ startsAt: '2012-03-25T02:30', endsAt: '2012-03-25T05:00' }, null)).toThrow(DomainError);
  });

  it('refuses an end before the start, mixed forms, unknown zones and missing times', () => {
    const bad = [
      { startsAt: '2012-02-06T21:00', endsAt: '2012-02-06T18:00' },
      { startDate: '2012-02-07', endDate: '2012-02-06' },
      { startsAt: '2012-02-06T18:00', endDate: '2012-02-07' },
      { startsAt: '2012-02-06T18:00', endsAt: '2012-02-06T21:00', timeZone: 'Mars/Olympus' },
      { startsAt: '2012-02-06T18:00' },
      {},
      { startsAt: '6 février 2012', endsAt: '2012-02-06T21:00' },
      { startDate: '2012-02-30', endDate: '2012-03-01' },
    ];
    for (const input of bad) expect(() => resolvePeriod(input, null)).toThrow(DomainError);
  });

  it('keeps the wall-clock times when only the time zone is corrected', () => {
    const current = resolvePeriod({ startsAt: '2012-02-06T18:00', endsAt: '2012-02-06T21:00', timeZone: 'UTC' }, null);
    const moved = resolvePeriod({ timeZone: 'Europe/Paris' }, current);
    expect(moved.startsAt.toISOString()).toBe('2012-02-06T17:00:00.000Z');
    expect(moved.timeZone).toBe('Europe/Paris');
  });

  it('changes only the given half on update', () => {
    const current = resolvePeriod({ startsAt: '2012-02-06T18:00', endsAt: '2012-02-06T21:00' }, null);
    const later = resolvePeriod({ endsAt: '2012-02-06T22:30' }, current);
    expect(later.startsAt.toISOString()).toBe('2012-02-06T17:00:00.000Z');
    expect(later.endsAt.toISOString()).toBe('2012-02-06T21:30:00.000Z');
    expect(resolvePeriod({}, current)).toBe(current);
  });
});
