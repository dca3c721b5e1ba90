import type { Conflict } from '../../src/programme/conflict-types.js';
import { countBySeverity, evaluation, introducedConflicts, isBlocking } from '../../src/programme/conflict-views.js';

const conflict = (key: string, severity: Conflict['severity']): Conflict => ({
  key,
  code: 'OVER_CAPACITY',
  severity,
  sessionIds: [],
  talkIds: [],
  personIds: [],
  proposalIds: [],
  startsAt: null,
  message: { fr: '', en: '' },
});

describe('What blocks publication and what a change introduced (pure)', () => {
  it('blocks on errors, acknowledged or not, and on warnings not acknowledged; never on ignore', () => {
    expect(isBlocking({ severity: 'error', acknowledged: false })).toBe(true);
    expect(isBlocking({ severity: 'error', acknowledged: true })).toBe(true);
    expect(isBlocking({ severity: 'warning', acknowledged: false })).toBe(true);
    expect(isBlocking({ severity: 'warning', acknowledged: true })).toBe(false);
    expect(isBlocking({ severity: 'ignore', acknowledged: false })).toBe(false);
    const result = evaluation([conflict('e', 'error'), conflict('w', 'warning'), conflict('wa', 'warning'), conflict('i', 'ignore')], new Set(['wa', 'e', 'gone']));
    expect(result.conflicts.map((c) => [c.key, c.acknowledged])).toEqual([
      ['e', true],
      ['w', false],
      ['wa', true],
      ['i', false],
    ]);
    expect(result.blocking.map((c) => c.key)).toEqual(['e', 'w']);
    expect(countBySeverity(result.conflicts)).toEqual({ error: 1, warning: 2, ignore: 1 });
  });

  it('names the conflicts present after a change and not before, leaving ignored ones out', () => {
    const before = [conflict('a', 'error'), conflict('b', 'warning')];
    const after = [conflict('b', 'warning'), conflict('c', 'warning'), conflict('d', 'ignore'), conflict('e', 'error')];
    expect(introducedConflicts(before, after).map((c) => c.key)).toEqual(['c', 'e']);
    expect(introducedConflicts(after, before)).toEqual([conflict('a', 'error')]);
    expect(introducedConflicts(before, before)).toEqual([]);
  });
});
