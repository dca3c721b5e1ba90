import { canSeeLevels, canSeeStats, embargoEndsAt, isRevealedAt } from '../../src/labels/label-embargo.js';

const session = new Date('2012-02-06T17:00:00Z');
const event = new Date('2012-02-06T17:00:00Z');
const early = new Date('2012-02-06T12:00:00Z');

describe('label embargo (pure)', () => {
  it('ends at the explicit reveal time first, then the ceremony session, then the event', () => {
    expect(embargoEndsAt({ revealAt: early, sessionStartsAt: session, eventStartsAt: event })).toEqual(early);
    const later = new Date('2012-02-06T20:30:00Z');
    expect(embargoEndsAt({ revealAt: later, sessionStartsAt: session, eventStartsAt: event })).toEqual(later);
    const sessionAt = new Date('2012-02-06T17:30:00Z');
    expect(embargoEndsAt({ revealAt: null, sessionStartsAt: sessionAt, eventStartsAt: event })).toEqual(sessionAt);
    expect(embargoEndsAt({ revealAt: null, sessionStartsAt: null, eventStartsAt: event })).toEqual(event);
    expect(embargoEndsAt({ revealAt: null, sessionStartsAt: null, eventStartsAt: null })).toBeNull();
  });

  it('is revealed from the end instant on, never when nothing says when', () => {
    const t = { revealAt: null, sessionStartsAt: null, eventStartsAt: event };
    expect(isRevealedAt(t, new Date(event.getTime() - 1))).toBe(false);
    expect(isRevealedAt(t, event)).toBe(true);
    expect(isRevealedAt({ revealAt: null, sessionStartsAt: null, eventStartsAt: null }, new Date('2100-01-01'))).toBe(false);
  });

  it('shows levels to organisers always and to others only once revealed; figures when published', () => {
    expect(canSeeLevels(['organiser'], false)).toBe(true);
    expect(canSeeLevels(['speaker', 'organiser'], false)).toBe(true);
    for (const roles of [undefined, ['speaker'], ['reception']] as const) {
      expect(canSeeLevels(roles, false)).toBe(false);
      expect(canSeeLevels(roles, true)).toBe(true);
      expect(canSeeStats(roles, false, false)).toBe(false);
      expect(canSeeStats(roles, false, true)).toBe(true);
    }
  });
});
