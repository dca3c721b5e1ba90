import { CSV_HEADER, defuseFormula, formatLocalDateTime, formatScoreFr, submissionsCsv } from '../../src/submissions/review/submissions-csv.js';
import { searchWords, submissionOrder, submissionWhere, MAX_SEARCH_WORDS } from '../../src/submissions/review/submission-filter.js';
import type { SubmissionListRow } from '../../src/submissions/review/submission-list-row.js';
import { parseRfc4180 } from './rfc4180.js';

function row(overrides: Partial<SubmissionListRow> = {}): SubmissionListRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    state: 'submitted',
    title_fr: 'Villes numériques',
    title_en: null,
    abstract_fr: 'Un résumé.',
    abstract_en: null,
    lang_fr: true,
    lang_en: false,
    type_id: '00000000-0000-4000-8000-000000000002',
    type_code: 'communication',
    type_name_fr: 'Communication',
    type_name_en: null,
    track_id: null,
    track_name_fr: null,
    track_name_en: null,
    main_user_id: '00000000-0000-4000-8000-000000000003',
    main_email: 'helene@test.local',
    main_first_name: 'Hélène',
    main_last_name: 'Dupré',
    main_affiliation: 'Université Paris 8',
    co_count: 0,
    co_list: null,
    submitted_at: new Date('2012-01-15T13:30:00Z'),
    created_at: new Date('2012-01-10T09:00:00Z'),
    review_count: 0,
    mean_score: null,
    total: '1',
    ...overrides,
  };
}

describe('CSV export rules (pure)', () => {
  it('defuses cells a spreadsheet would run as formulas, and only those', () => {
    expect(defuseFormula('=HYPERLINK("http://evil")')).toBe(`'=HYPERLINK("http://evil")`);
    expect(defuseFormula('+33 1 23')).toBe(`'+33 1 23`);
    expect(defuseFormula('-2+3')).toBe(`'-2+3`);
    expect(defuseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(defuseFormula('\t=1')).toBe(`'\t=1`);
    expect(defuseFormula('Économie = 1')).toBe('Économie = 1');
    expect(defuseFormula('')).toBe('');
  });

  it('writes the mean with a decimal comma and the date in the event’s zone', () => {
    expect(formatScoreFr('3.67')).toBe('3,67');
    expect(formatScoreFr('4.00')).toBe('4,00');
    expect(formatScoreFr(null)).toBe('');
    // 13:30 UTC is 14:30 in Paris in winter, 22:30 in Tokyo
    expect(formatLocalDateTime(new Date('2012-01-15T13:30:00Z'), 'Europe/Paris')).toBe('2012-01-15 14:30');
    expect(formatLocalDateTime(new Date('2012-01-15T13:30:00Z'), 'Asia/Tokyo')).toBe('2012-01-15 22:30');
    expect(formatLocalDateTime(null, 'Europe/Paris')).toBe('');
  });

  it('starts with a BOM, ends records with CRLF, quotes per RFC 4180 and reads back the same', () => {
    const tricky = 'Titre, avec "guillemets"\net un saut de ligne\r\net un CRLF';
    const csv = submissionsCsv(
      [
        row({
          title_fr: tricky,
          co_list: [
            { userId: null, name: 'Jean Dupont', status: 'accepted' },
            { userId: null, name: "Zoë O'Brien", status: 'invited' },
          ],
          co_count: 2, review_count: 3, mean_score: '3.67' }),
        row({ title_fr: '=cmd|/C calc', main_affiliation: '@attaque', state: 'accepted' }),
      ],
      'Europe/Paris',
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parseRfc4180(csv.slice(1));
    expect(records[0]).toEqual([...CSV_HEADER]);
    expect(records).toHaveLength(3);
    expect(records[1][0]).toBe(tricky);
    expect(records[1].slice(2)).toEqual([
      'Communication',
      '',
      'soumise',
      'Hélène Dupré',
      'Université Paris 8',
      "Jean Dupont, Zoë O'Brien",
      '3,67',
      '3',
      '2012-01-15 14:30',
    ]);
    expect(records[2][0]).toBe(`'=cmd|/C calc`);
    expect(records[2][4]).toBe('acceptée');
    expect(records[2][6]).toBe(`'@attaque`);
  });

  it('uses the English title and abstract when there is no French title', () => {
    const csv = submissionsCsv([row({ title_fr: null, abstract_fr: null, title_en: 'Digital cities', abstract_en: 'An abstract.' })], 'Europe/Paris');
    expect(parseRfc4180(csv.slice(1))[1].slice(0, 2)).toEqual(['Digital cities', 'An abstract.']);
  });
});

describe('Filter and sort SQL (pure)', () => {
  it('splits search texts into distinct words, at most ten', () => {
    expect(searchWords('  helene   dupre ')).toEqual(['helene', 'dupre']);
    expect(searchWords('a a b')).toEqual(['a', 'b']);
    expect(searchWords(undefined)).toEqual([]);
    expect(searchWords('   ')).toEqual([]);
    expect(searchWords(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_SEARCH_WORDS);
  });

  it('passes every value as a parameter, never in the SQL text', () => {
    const hostile = "'; DROP TABLE submissions; --";
    const where = submissionWhere({
      eventId: '00000000-0000-4000-8000-000000000001',
      states: ['submitted', 'accepted', 'submitted'],
      typeId: '00000000-0000-4000-8000-000000000002',
      language: 'en',
      speaker: hostile,
      q: `${hostile} 100%`,
    });
    expect(where.sql).not.toContain('DROP');
    expect(where.sql).not.toContain('100%');
    expect(where.params).toEqual([
      '00000000-0000-4000-8000-000000000001',
      ['submitted', 'accepted'],
      '00000000-0000-4000-8000-000000000002',
      ["';", 'DROP', 'TABLE', 'submissions;', '--', '100%'],
      ["';", 'DROP', 'TABLE', 'submissions;', '--'],
    ]);
  });

  it('keeps proposals without reviews last in both directions, and breaks ties by id', () => {
    expect(submissionOrder('score', 'asc')).toBe('st.mean_score ASC NULLS LAST, s.id ASC');
    expect(submissionOrder('score', 'desc')).toBe('st.mean_score DESC NULLS LAST, s.id ASC');
    expect(submissionOrder('date', 'desc')).toMatch(/^s\.submitted_at DESC NULLS LAST, s\.created_at DESC/);
    expect(submissionOrder('title', 'asc')).toContain('unaccent(lower(coalesce(s.title_fr, s.title_en)))');
  });
});
