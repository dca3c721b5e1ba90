import { callNotOpenText, callStatus, englishDateTime, frenchDateTime } from '../../src/cfp/call-window.js';

describe('call window (pure)', () => {
  // 1 December 2011 00:00 in Paris is 30 November 23:00 UTC (winter time, UTC+1)
  const window = { opensAt: new Date('2011-11-30T23:00:00Z'), closesAt: new Date('2012-01-15T22:59:00Z') };

  it('is not yet open before the opening, open from it, closed from the closing', () => {
    expect(callStatus(window, new Date('2011-11-30T22:59:59Z'))).toBe('not-yet-open');
    expect(callStatus(window, new Date('2011-11-30T23:00:00Z'))).toBe('open');
    expect(callStatus(window, new Date('2012-01-15T22:58:59Z'))).toBe('open');
    expect(callStatus(window, new Date('2012-01-15T22:59:00Z'))).toBe('closed');
  });

  it('writes instants as people of the event read them, in its zone', () => {
    expect(frenchDateTime(window.opensAt, 'Europe/Paris')).toBe('1 décembre 2011 à 00:00 (Europe/Paris)');
    expect(englishDateTime(window.opensAt, 'Europe/Paris')).toBe('1 December 2011 at 00:00 (Europe/Paris)');
    expect(frenchDateTime(window.opensAt, 'America/Montreal')).toBe('30 novembre 2011 à 18:00 (America/Montreal)');
    // summer time: UTC+2
    expect(frenchDateTime(new Date('2012-06-30T22:00:00Z'), 'Europe/Paris')).toBe('1 juillet 2012 à 00:00 (Europe/Paris)');
  });

  it('says when the call opens, or when it closed, in French and English; nothing while open', () => {
    expect(callNotOpenText(window, 'Europe/Paris', new Date('2011-11-01T00:00:00Z'))).toEqual({
      fr: "L'appel à communications ouvre le 1 décembre 2011 à 00:00 (Europe/Paris).",
      en: 'The call for papers opens on 1 December 2011 at 00:00 (Europe/Paris).',
    });
    expect(callNotOpenText(window, 'Europe/Paris', new Date('2012-02-01T00:00:00Z'))).toEqual({
      fr: "L'appel à communications est clos depuis le 15 janvier 2012 à 23:59 (Europe/Paris).",
      en: 'The call for papers closed on 15 January 2012 at 23:59 (Europe/Paris).',
    });
    expect(callNotOpenText(window, 'Europe/Paris', new Date('2011-12-24T12:00:00Z'))).toBeNull();
    expect(callNotOpenText(null, 'Europe/Paris', new Date())?.fr).toMatch(/Aucun appel à communications/);
  });
});
