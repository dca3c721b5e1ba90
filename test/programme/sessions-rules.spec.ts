import { chairProblem, duplicateIds, hasTitle, isPlaceable, sessionPeriodProblem } from '../../src/programme/session-rules.js';

const at = (iso: string) => new Date(iso);
const event = { startsAt: at('2012-02-05T23:00:00Z'), endsAt: at('2012-02-07T23:00:00Z') };

describe('Session rules (pure)', () => {
  it('wants a session to end after it starts, lie within its event and hold its talks', () => {
    const s = (from: string, to: string) => ({ startsAt: at(from), endsAt: at(to) });
    expect(sessionPeriodProblem(s('2012-02-06T08:30:00Z', '2012-02-06T10:00:00Z'), event, 90)).toBeNull();
    expect(sessionPeriodProblem(s('2012-02-06T08:30:00Z', '2012-02-06T10:00:00Z'), event, 91)).toBe('TALKS_OVERFLOW');
    expect(sessionPeriodProblem(s('2012-02-06T08:30:00Z', '2012-02-06T08:30:00Z'), event, 0)).toBe('INVALID_PERIOD');
    expect(sessionPeriodProblem(s('2012-02-06T08:30:00Z', '2012-02-06T08:00:00Z'), event, 0)).toBe('INVALID_PERIOD');
    // touching the event's bounds is fine, crossing them is not
    expect(sessionPeriodProblem(s('2012-02-05T23:00:00Z', '2012-02-06T00:00:00Z'), event, 0)).toBeNull();
    expect(sessionPeriodProblem(s('2012-02-07T22:00:00Z', '2012-02-07T23:00:00Z'), event, 0)).toBeNull();
    expect(sessionPeriodProblem(s('2012-02-05T22:59:00Z', '2012-02-06T00:00:00Z'), event, 0)).toBe('SESSION_OUTSIDE_EVENT');
    expect(sessionPeriodProblem(s('2012-02-07T22:00:00Z', '2012-02-07T23:01:00Z'), event, 0)).toBe('SESSION_OUTSIDE_EVENT');
    // an inverted period outside the event is reported as inverted first
    expect(sessionPeriodProblem(s('2012-03-01T10:00:00Z', '2012-03-01T09:00:00Z'), event, 0)).toBe('INVALID_PERIOD');
  });

  it('wants each chair to be exactly one of an account id, an account email or a guest', () => {
    expect(chairProblem({ userId: 'u' })).toBeNull();
    expect(chairProblem({ email: 'a@b.c' })).toBeNull();
    expect(chairProblem({ guestName: 'Jeanne', guestAffiliation: 'Brest' })).toBeNull();
    expect(chairProblem({})).toMatch(/exactly one/);
    expect(chairProblem({ userId: 'u', email: 'a@b.c' })).toMatch(/exactly one/);
    expect(chairProblem({ userId: 'u', guestName: 'J' })).toMatch(/exactly one/);
    expect(chairProblem({ email: 'a@b.c', guestAffiliation: 'Brest' })).toMatch(/guestAffiliation/);
    expect(duplicateIds(['a', 'b', 'a', 'c', 'b', 'a'])).toEqual(['a', 'b']);
    expect(duplicateIds(['a', 'b'])).toEqual([]);
  });

  it('wants a title in some language, and places only accepted or confirmed proposals', () => {
    expect(hasTitle({ titleFr: 'Ouverture', titleEn: null })).toBe(true);
    expect(hasTitle({ titleFr: null, titleEn: 'Opening' })).toBe(true);
    expect(hasTitle({ titleFr: null, titleEn: null })).toBe(false);
    expect(hasTitle({ titleFr: '', titleEn: null })).toBe(false);
    expect(['draft', 'submitted', 'accepted', 'rejected', 'confirmed', 'withdrawn', 'cancelled'].filter(isPlaceable)).toEqual(['accepted', 'confirmed']);
  });
});
