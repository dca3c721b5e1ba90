import { displayNameOf, normaliseName } from '../../src/speakers/person-name.js';
import { containsPattern, searchCondition } from '../../src/speakers/speaker-search.js';
import { unavailabilityProblem } from '../../src/speakers/unavailability-range.js';

describe('Names', () => {
  it('keeps names as typed: scripts, accents, apostrophes, hyphens', () => {
    for (const name of ['Hélène', 'Dupré-Lefèvre', 'd’Alembert', "O'Connor", 'Αλεξάνδρα', 'Достоевская', '王小明', 'Nguyễn']) {
      expect(normaliseName(name)).toBe(name);
    }
  });

  it('trims, joins runs of spaces, and composes accents (NFC)', () => {
    expect(normaliseName('  Jean   Pierre  ')).toBe('Jean Pierre');
    const decomposed = 'He\u0301le\u0300ne';
    expect(decomposed).not.toBe('Hélène');
    expect(normaliseName(decomposed)).toBe('Hélène');
  });

  it('makes an account display name of at most 200 characters without splitting one', () => {
    expect(displayNameOf('Hélène', 'Dupré')).toBe('Hélène Dupré');
    const long = displayNameOf('😀'.repeat(150), '😀'.repeat(150));
    expect(Array.from(long)).toHaveLength(200);
    expect(long).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('Speaker search', () => {
  it('finds the words anywhere, with LIKE wildcards taken literally', () => {
    expect(containsPattern(' helene   dupre ')).toBe('%helene dupre%');
    expect(containsPattern('100%_sure\\')).toBe('%100\\%\\_sure\\\\%');
    expect(containsPattern('   ')).toBeNull();
    expect(containsPattern('He\u0301le\u0300ne')).toBe('%Hélène%');
  });

  it('folds accents and case on both sides with unaccent(lower(…))', () => {
    const sql = searchCondition('p', 'u', 'q');
    expect(sql).toContain(`unaccent(lower(p.first_name || ' ' || p.last_name)) LIKE unaccent(lower(:q))`);
    expect(sql).toContain('unaccent(lower(u.email)) LIKE unaccent(lower(:q))');
    expect(sql).toContain('unaccent(lower(p.affiliation))');
  });
});

describe('Unavailability ranges', () => {
  const event = { startsAt: new Date('2012-02-05T23:00:00Z'), endsAt: new Date('2012-02-07T23:00:00Z') };
  const at = (iso: string) => new Date(iso);

  it('accepts a range within the event, touching its ends included', () => {
    expect(unavailabilityProblem({ startsAt: at('2012-02-06T13:00:00Z'), endsAt: at('2012-02-06T15:00:00Z') }, event)).toBeNull();
    expect(unavailabilityProblem({ startsAt: event.startsAt, endsAt: event.endsAt }, event)).toBeNull();
  });

  it('refuses an end not after the start', () => {
    expect(unavailabilityProblem({ startsAt: at('2012-02-06T13:00:00Z'), endsAt: at('2012-02-06T13:00:00Z') }, event)).toBe('ends-before-start');
    expect(unavailabilityProblem({ startsAt: at('2012-02-06T13:00:00Z'), endsAt: at('2012-02-06T12:00:00Z') }, event)).toBe('ends-before-start');
  });

  it('refuses a range reaching outside the event', () => {
    expect(unavailabilityProblem({ startsAt: at('2012-02-05T22:59:00Z'), endsAt: at('2012-02-06T10:00:00Z') }, event)).toBe('outside-event');
    expect(unavailabilityProblem({ startsAt: at('2012-02-07T20:00:00Z'), endsAt: at('2012-02-07T23:01:00Z') }, event)).toBe('outside-event');
    expect(unavailabilityProblem({ startsAt: at('2012-03-01T10:00:00Z'), endsAt: at('2012-03-01T11:00:00Z') }, event)).toBe('outside-event');
  });
});
