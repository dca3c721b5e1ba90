import { minutesBetween, reorder, scheduleTalks, talksFit, talksMinutes } from '../../src/programme/talk-schedule.js';

describe('Talk schedule (pure)', () => {
  const start = new Date('2012-02-06T08:30:00Z');

  it('computes each talk’s times from the session start and the durations before it, in position order', () => {
    const timed = scheduleTalks(start, [
      { id: 'c', position: 2, durationMinutes: 25 },
      { id: 'a', position: 0, durationMinutes: 20 },
      { id: 'b', position: 1, durationMinutes: 15 },
    ]);
    expect(timed.map((x) => [x.talk.id, x.startsAt.toISOString(), x.endsAt.toISOString()])).toEqual([
      ['a', '2012-02-06T08:30:00.000Z', '2012-02-06T08:50:00.000Z'],
      ['b', '2012-02-06T08:50:00.000Z', '2012-02-06T09:05:00.000Z'],
      ['c', '2012-02-06T09:05:00.000Z', '2012-02-06T09:30:00.000Z'],
    ]);
    expect(scheduleTalks(start, [])).toEqual([]);
  });

  it('adds up durations and tells whether talks fit their session (exactly full fits)', () => {
    expect(talksMinutes([{ durationMinutes: 20 }, { durationMinutes: 25 }])).toBe(45);
    const session = { startsAt: start, endsAt: new Date('2012-02-06T09:15:00Z') };
    expect(minutesBetween(session.startsAt, session.endsAt)).toBe(45);
    expect(talksFit(45, session)).toBe(true);
    expect(talksFit(46, session)).toBe(false);
  });

  it('reorders: moves a talk to a position (clamped), keeps its place without one, appends a newcomer', () => {
    expect(reorder(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
    expect(reorder(['a', 'b', 'c'], 'a', 2)).toEqual(['b', 'c', 'a']);
    expect(reorder(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a']);
    expect(reorder(['a', 'b', 'c'], 'b', undefined)).toEqual(['a', 'b', 'c']);
    expect(reorder(['a', 'b'], 'n', undefined)).toEqual(['a', 'b', 'n']);
    expect(reorder(['a', 'b'], 'n', 1)).toEqual(['a', 'n', 'b']);
    expect(reorder([], 'n', 5)).toEqual(['n']);
  });
});
