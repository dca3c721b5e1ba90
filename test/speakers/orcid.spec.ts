import { isValidOrcid, orcidCheckCharacter, orcidProblem, stripOrcidPrefix } from '../../src/speakers/orcid.js';

describe('ORCID iDs (ISO 7064 MOD 11-2)', () => {
  it.each([
    ['0000-0002-1825-0097', '7'],
    ['0000-0001-5109-3700', '0'],
    ['0000-0002-1694-233X', 'X'],
  ])('computes the check character of %s', (id, check) => {
    expect(orcidCheckCharacter(id.replace(/-/g, '').slice(0, 15))).toBe(check);
    expect(orcidProblem(id)).toBeNull();
    expect(isValidOrcid(id)).toBe(true);
  });

  it('refuses a wrong check digit and names the expected one', () => {
    expect(orcidProblem('0000-0002-1825-0098')).toMatch(/wrong check digit.*must be 7/);
    expect(orcidProblem('0000-0002-1694-2330')).toMatch(/must be X/);
    expect(orcidProblem('0000-0001-5109-370X')).toMatch(/must be 0/);
  });

  it('refuses a lower-case x and says to write an upper-case X', () => {
    const problem = orcidProblem('0000-0002-1694-233x');
    expect(problem).toMatch(/upper-case X, not a lower-case x/);
    expect(problem).toContain('0000-0002-1694-233X');
  });

  it.each(['0000000218250097', '0000-0002-1825-009', '0000-0002-1825-00977', '0000-0002-1825_0097', 'X000-0002-1825-0097', '', 'abcd-efgh-ijkl-mnop', '0000-0002-1825-0097 '])(
    'refuses the shape of %p',
    (value) => {
      expect(orcidProblem(value)).toMatch(/must look like 0000-0002-1825-0097/);
    },
  );

  it('uses the field name in its messages', () => {
    expect(orcidProblem('nope', 'coSpeakerOrcid')).toMatch(/^coSpeakerOrcid must look like/);
  });

  it('strips the https://orcid.org/ prefix people copy from their record, and surrounding blanks', () => {
    expect(stripOrcidPrefix(' https://orcid.org/0000-0002-1825-0097 ')).toBe('0000-0002-1825-0097');
    expect(stripOrcidPrefix('HTTP://ORCID.ORG/0000-0002-1825-0097')).toBe('0000-0002-1825-0097');
    expect(stripOrcidPrefix('https://example.org/0000-0002-1825-0097')).toBe('https://example.org/0000-0002-1825-0097');
  });

  it('only computes over exactly fifteen digits', () => {
    expect(() => orcidCheckCharacter('123')).toThrow();
  });
});
