import { DomainError } from '../../src/common/errors/domain-error.js';
import { openingHoursProblems, rezoneOpeningSpans, toOpeningDay, toOpeningSpans } from '../../src/venues/opening-hours.js';

const PARIS = 'Europe/Paris';

describe('opening hours rules', () => {
  it('accepts distinct dates that close after they open', () => {
    expect(
      openingHoursProblems([
        { date: '2012-02-06', opens: '09:00', closes: '19:00' },
        { date: '2012-02-07', opens: '08:30', closes: '08:31' },
      ]),
    ).toEqual([]);
  });

  it('refuses closing at or before opening, naming the entry', () => {
    const problems = openingHoursProblems([
      { date: '2012-02-06', opens: '09:00', closes: '09:00' },
      { date: '2012-02-07', opens: '19:00', closes: '09:00' },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['openingHours[0].closes', 'openingHours[1].closes']);
  });

  it('refuses a date given twice, pointing at the first one', () => {
    const problems = openingHoursProblems([
      { date: '2012-02-06', opens: '09:00', closes: '12:00' },
      { date: '2012-02-07', opens: '09:00', closes: '12:00' },
      { date: '2012-02-06', opens: '14:00', closes: '18:00' },
    ]);
    expect(problems).toEqual([{ field: 'openingHours[2].date', errors: [expect.stringContaining('openingHours[0]')] }]);
  });
});

describe('opening hours in a time zone', () => {
  it('stores Paris winter hours as UTC instants one hour earlier, sorted by date', () => {
    const spans = toOpeningSpans(
      [
        { date: '2012-02-07', opens: '09:00', closes: '12:00' },
        { date: '2012-02-06', opens: '09:00', closes: '19:00' },
      ],
      PARIS,
    );
    expect(spans.map((s) => [s.date, s.opensAt.toISOString(), s.closesAt.toISOString()])).toEqual([
      ['2012-02-06', '2012-02-06T08:00:00.000Z', '2012-02-06T18:00:00.000Z'],
      ['2012-02-07', '2012-02-07T08:00:00.000Z', '2012-02-07T11:00:00.000Z'],
    ]);
  });

  it('follows daylight saving time: the day the clocks go forward, 09:00 is 07:00Z', () => {
    const [span] = toOpeningSpans([{ date: '2012-03-25', opens: '09:00', closes: '19:00' }], PARIS);
    expect(span.opensAt.toISOString()).toBe('2012-03-25T07:00:00.000Z');
    expect(toOpeningDay(span, PARIS)).toEqual({ date: '2012-03-25', opens: '09:00', closes: '19:00' });
  });

  it('refuses a time the clock skips (400) and a broken rule (422)', () => {
    const skipped = () => toOpeningSpans([{ date: '2012-03-25', opens: '02:30', closes: '05:00' }], PARIS);
    expect(skipped).toThrow(DomainError);
    expect(skipped).toThrow(/does not exist/);
    try {
      toOpeningSpans([{ date: '2012-02-06', opens: '19:00', closes: '09:00' }], PARIS);
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(422);
    }
  });

  it('keeps wall-clock hours when the zone changes', () => {
    const paris = toOpeningSpans([{ date: '2012-02-06', opens: '09:00', closes: '19:00' }], PARIS);
    const [montreal] = rezoneOpeningSpans(paris, PARIS, 'America/Montreal');
    expect(montreal.opensAt.toISOString()).toBe('2012-02-06T14:00:00.000Z');
    expect(toOpeningDay(montreal, 'America/Montreal')).toEqual({ date: '2012-02-06', opens: '09:00', closes: '19:00' });
  });

  it('cannot keep a wall-clock time that the new zone skips', () => {
    const utc = toOpeningSpans([{ date: '2012-03-25', opens: '02:30', closes: '04:00' }], 'UTC');
    expect(() => rezoneOpeningSpans(utc, 'UTC', PARIS)).toThrow(/does not exist/);
  });
});
