import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventDatesLabel, fieldValue } from '../../src/badges/badge-fields.js';
import { badgeFilterSql, selectionProblem } from '../../src/badges/badge-filter.js';
import { cropMarksFor, pagesFor, placeBadges, sheetLayout, sheetsFor } from '../../src/badges/badge-layout.js';
import { BadgeTemplateError, validateBadgeTemplate } from '../../src/badges/badge-template.js';
import { BadgeTemplates } from '../../src/badges/badge-templates.js';
import { fitText, splitCandidates } from '../../src/badges/text-fit.js';

const shipped = (name: string) => JSON.parse(readFileSync(join(process.cwd(), 'templates', 'badges', `${name}.json`), 'utf8'));

const minimal = () => ({
  title: 'T',
  badge: 'A6',
  sheet: { size: 'A4', columns: 2, rows: 2 },
  cutGuides: 'crop-marks',
  front: [{ type: 'text', field: 'lastName', x: 5, y: 5, width: 95, height: 20, fontSize: { max: 24, min: 10 } }],
});

function failure(json: unknown, file = 'templates/badges/t.json'): BadgeTemplateError {
  try {
    validateBadgeTemplate(file, json);
  } catch (error) {
    if (error instanceof BadgeTemplateError) return error;
    throw error;
  }
  throw new Error('validated');
}

describe('Badge template validation', () => {
  it('accepts the shipped templates with their defaults filled in', () => {
    const colloquium = validateBadgeTemplate('colloquium.json', shipped('colloquium'));
    expect(colloquium).toMatchObject({ name: 'colloquium', badge: { size: 'A6', width: 105, height: 148 }, cutGuides: 'crop-marks', back: null });
    const ceremony = validateBadgeTemplate('ceremony.json', shipped('ceremony'));
    expect(ceremony.badge).toEqual({ size: 'card', width: 85, height: 54 });
    expect(ceremony.back?.length).toBeGreaterThan(0);
    expect(ceremony.sheet.columns).toBeNull();
  });

  it('names the file and the field in error', () => {
    const cases: [unknown, string, RegExp][] = [
      [{ ...minimal(), badge: 'A5' }, 'badge', /one of A6, A7, card/],
      [{ ...minimal(), badge: { width: 10, height: 50 } }, 'badge.width', /between 20/],
      [{ ...minimal(), sheet: { size: 'A4', columns: 3, rows: 2 } }, 'sheet.columns', /do not fit/],
      [{ ...minimal(), sheet: { size: 'A4', margins: { top: 'a' } } }, 'sheet.margins.top', /number/],
      [{ ...minimal(), sheet: { size: 'Tabloid' } }, 'sheet.size', /one of/],
      [{ ...minimal(), cutGuides: 'dotted' }, 'cutGuides', /one of/],
      [{ ...minimal(), front: [{ type: 'text', field: 'nickname', x: 0, y: 0, width: 10, height: 10, fontSize: { max: 10, min: 8 } }] }, 'front[0].field', /one of/],
      [{ ...minimal(), front: [{ type: 'text', x: 0, y: 0, width: 10, height: 10, fontSize: { max: 10, min: 8 } }] }, 'front[0].field', /exactly one/],
      [{ ...minimal(), front: [{ type: 'text', text: 'a', x: 0, y: 0, width: 10, height: 10, fontSize: { max: 8, min: 10 } }] }, 'front[0].fontSize.min', /max/],
      [{ ...minimal(), front: [{ type: 'qr', x: 90, y: 0, width: 30, height: 30 }] }, 'front[0].width', /outside the badge/],
      [{ ...minimal(), front: [{ type: 'qr', x: 0, y: 0, width: 10, height: 10 }] }, 'front[0].width', /15 × 15/],
      [{ ...minimal(), front: [{ type: 'band', x: 0, y: 0, width: 10, height: 10, colours: { speaker: '#ff0000' } }] }, 'front[0].colours.default', /required/],
      [{ ...minimal(), front: [{ type: 'band', x: 0, y: 0, width: 10, height: 10, colours: { default: 'red' } }] }, 'front[0].colours.default', /#rrggbb/],
      [{ ...minimal(), front: [{ type: 'image', file: '../../etc/passwd', x: 0, y: 0, width: 10, height: 10 }] }, 'front[0].file', /file name/],
      [{ ...minimal(), front: [{ type: 'image', file: 'logo.png', x: 0, y: 0, width: 10, height: 10 }] }, 'front[0].file', /does not exist/],
      [{ ...minimal(), front: [{ type: 'logos', roles: ['sponsor'], x: 0, y: 0, width: 10, height: 10 }] }, 'front[0].roles[0]', /one of/],
      [{ ...minimal(), colour: 'x' }, 'colour', /unknown field/],
      [{ ...minimal(), front: [] }, 'front', /at least one/],
      [{ ...minimal(), title: '' }, 'title', /non-empty/],
      [[], '(template)', /object/],
    ];
    for (const [json, field, reason] of cases) {
      const error = failure(json);
      expect([field, error.field]).toEqual([field, field]);
      expect(error.message).toContain('templates/badges/t.json');
      expect(error.message).toContain(field);
      expect(error.message).toMatch(reason);
    }
    expect(failure(minimal(), 'templates/badges/Bad Name.json').field).toBe('(file name)');
  });

  it('stops start-up on a bad file, naming it and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'badge-templates-'));
    try {
      writeFileSync(join(dir, 'colloquium.json'), JSON.stringify(minimal()));
      writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...minimal(), sheet: { size: 'A4', rows: 9 } }));
      expect(() => new BadgeTemplates().load(dir)).toThrow(/broken\.json: sheet\.rows: 9 rows of 148 mm do not fit on A4/);
      writeFileSync(join(dir, 'broken.json'), '{ "title": ');
      expect(() => new BadgeTemplates().load(dir)).toThrow(/broken\.json: not valid JSON/);
      rmSync(join(dir, 'broken.json'));
      const ok = new BadgeTemplates();
      ok.load(dir);
      expect(ok.all().map((x) => x.name)).toEqual(['colloquium']);
      rmSync(join(dir, 'colloquium.json'));
      writeFileSync(join(dir, 'other.json'), JSON.stringify(minimal()));
      expect(() => new BadgeTemplates().load(dir)).toThrow(/colloquium\.json \(the default\) is missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Sheet layout', () => {
  it('puts four A6 on an A4, 2 × 2, with crop marks on the cut lines and inside the page', () => {
    const layout = sheetLayout(validateBadgeTemplate('colloquium.json', shipped('colloquium')));
    expect(layout).toMatchObject({ page: { width: 210, height: 297 }, columns: 2, rows: 2, perSheet: 4 });
    expect(layout.front.map((s) => [s.x, s.y])).toEqual([[0, 0.5], [105, 0.5], [0, 148.5], [105, 148.5]]);
    expect(layout.cropMarks.length).toBeGreaterThan(0);
    for (const m of layout.cropMarks) {
      for (const [x, y] of [[m.x1, m.y1], [m.x2, m.y2]]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(210);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(297);
      }
    }
    // the middle cuts are marked at both ends of the page; the outer edges on the page's own edges are not
    expect(layout.cropMarks).toEqual(expect.arrayContaining([{ x1: 105, y1: 0, x2: 105, y2: 5 }, { x1: 0, y1: 148.5, x2: 5, y2: 148.5 }]));
    expect(layout.cropMarks.some((m) => m.x1 === 0 && m.x2 === 0)).toBe(false);
    expect(sheetsFor(9, layout.perSheet)).toBe(3);
  });

  it('fits as many cards as the sheet holds, mirrors the back for duplex, and keeps marks in wide margins clear of the badges', () => {
    const layout = sheetLayout(validateBadgeTemplate('ceremony.json', shipped('ceremony')));
    expect([layout.columns, layout.rows]).toEqual([2, 5]);
    // back of the left card is on the right
    expect(layout.back[0].x).toBeCloseTo(210 - layout.front[0].x - 85, 6);
    expect(layout.back[0].y).toBe(layout.front[0].y);
    const marks = cropMarksFor({ width: 210, height: 297 }, [{ x: 20, y: 20 }], { width: 85, height: 54 });
    expect(marks).toEqual([
      { x1: 20, y1: 0, x2: 20, y2: 5 },
      { x1: 20, y1: 297, x2: 20, y2: 292 },
      { x1: 105, y1: 0, x2: 105, y2: 5 },
      { x1: 105, y1: 297, x2: 105, y2: 292 },
      { x1: 0, y1: 20, x2: 5, y2: 20 },
      { x1: 210, y1: 20, x2: 205, y2: 20 },
      { x1: 0, y1: 74, x2: 5, y2: 74 },
      { x1: 210, y1: 74, x2: 205, y2: 74 },
    ]);
  });

  it('one badge per page: the page is the badge', () => {
    const t = validateBadgeTemplate('t.json', { ...minimal(), sheet: { size: 'one-per-page' } });
    expect(sheetLayout(t)).toMatchObject({ page: { width: 105, height: 148 }, perSheet: 1, cropMarks: [] });
  });
});

describe('Text fitting', () => {
  // a monospaced measure: 0.6 pt per character at 1 pt
  const mono = (s: string) => s.length * 0.6;
  const box = { width: 120, height: 40, fontSize: { max: 20, min: 8 }, maxLines: 2 as const };

  it('keeps the largest size that fits on one line', () => {
    expect(fitText('Dupré', box, mono)).toEqual({ size: 20, lines: ['Dupré'], scale: 100, overflow: false });
    const f = fitText('Rochefoucauld', box, mono); // 13 chars: 120 / 7.8 = 15.38 → 15.25
    expect(f).toMatchObject({ size: 15.25, lines: ['Rochefoucauld'], overflow: false });
  });

  it('shrinks first, then wraps onto a second line at a space or after a hyphen', () => {
    const text = 'de La Rochefoucauld-Montmorency'; // 31 chars: one line needs 6.45 pt < 8
    const f = fitText(text, box, mono);
    expect(f.overflow).toBe(false);
    expect(f.lines).toEqual(['de La Rochefoucauld-', 'Montmorency']);
    expect(f.size).toBeGreaterThanOrEqual(8);
    expect(Math.max(...f.lines.map(mono)) * f.size).toBeLessThanOrEqual(120);
    expect(f.lines.length * f.size * 1.17).toBeLessThanOrEqual(40);
    expect(splitCandidates('a b-c')).toEqual([['a', 'b-c'], ['a b-', 'c']]);
  });

  it('overflows at the smallest size, narrowed to stay in the box, never cut', () => {
    const long = 'X'.repeat(60);
    const f = fitText(long, box, mono);
    expect(f.overflow).toBe(true);
    expect(f.lines.join('')).toBe(long);
    expect(f.size).toBe(8);
    expect((mono(long) * f.size * f.scale) / 100).toBeLessThanOrEqual(120);
    // a box too low even for the smallest size: smaller still, inside the box
    const low = fitText('Dupré', { ...box, height: 5 }, mono);
    expect(low.overflow).toBe(true);
    expect(low.size * 1.17).toBeLessThanOrEqual(5);
    expect(fitText('  ', box, mono)).toMatchObject({ lines: [], overflow: false });
    expect(fitText('Jean\n  Dupont', box, mono).lines).toEqual(['Jean Dupont']);
  });
});

describe('Badge fields and filters', () => {
  it('writes the dates in French in the event’s zone', () => {
    expect(eventDatesLabel(new Date('2012-02-05T23:00:00Z'), new Date('2012-02-07T23:00:00Z'), true, 'Europe/Paris')).toBe('6–7 février 2012');
    expect(eventDatesLabel(new Date('2012-02-06T17:00:00Z'), new Date('2012-02-06T20:00:00Z'), false, 'Europe/Paris')).toBe('6 février 2012, 18 h 00 – 21 h 00');
    expect(eventDatesLabel(new Date('2012-01-30T23:00:00Z'), new Date('2012-02-02T23:00:00Z'), true, 'Europe/Paris')).toBe('31 janvier – 2 février 2012');
  });

  it('shows the affiliation, else the town, and the category in French', () => {
    const person = { participantId: 'x', firstName: 'Zoë', lastName: 'Lefèvre', affiliation: null, town: 'Issy-les-Moulineaux', category: 'city-representative' as const, token: 't', ribbons: [] };
    const event = { id: 'e', name: 'Colloque', dates: '6–7 février 2012' };
    expect(fieldValue('affiliationOrTown', person, event)).toBe('Issy-les-Moulineaux');
    expect(fieldValue('category', person, event)).toBe('Ville Internet');
    expect(fieldValue('fullName', person, event)).toBe('Zoë Lefèvre');
    expect(fieldValue('category', { ...person, category: null }, event)).toBe('Participant·e');
    expect(fieldValue('category', { ...person, category: null, labelForm: 'feminine' }, event)).toBe('Participante');
    expect(fieldValue('category', { ...person, category: 'chair', labelForm: 'masculine' }, event)).toBe('Président de séance');
  });

  it('passes every filter value as a parameter, never in the SQL text', () => {
    const hostile = "x'); DROP TABLE participants; --";
    const { where, params } = badgeFilterSql('e', { categories: [hostile], day: '2012-02-06', partId: hostile, notYetPrinted: true, participantIds: [hostile] });
    expect(where).not.toContain('DROP');
    expect(params).toEqual(['e', [hostile], hostile, '2012-02-06', [hostile]]);
    expect(where).toContain('NOT EXISTS (SELECT 1 FROM badge_prints');
  });
});

describe('Print job rules', () => {
  it('places the badges of runs of sheets: pages from 1, slots in reading order, a duplex sheet taking two pages', () => {
    const runs = [
      { count: 3, perSheet: 10, duplex: true }, // ceremony cards: one sheet, front page 1, back page 2
      { count: 6, perSheet: 4, duplex: false }, // colloquium: pages 3 and 4
    ];
    const places = placeBadges(runs);
    expect(places.map((p) => `${p.page}/${p.backPage ?? '-'}/${p.slot}`)).toEqual(['1/2/1', '1/2/2', '1/2/3', '3/-/1', '3/-/2', '3/-/3', '3/-/4', '4/-/1', '4/-/2']);
    expect(pagesFor(runs)).toBe(4);
    expect(placeBadges([{ count: 21, perSheet: 10, duplex: true }]).at(-1)).toEqual({ page: 5, backPage: 6, slot: 1 });
    expect(placeBadges([])).toEqual([]);
  });

  it('asks for a filter that narrows the set, or an explicit « all », never both', () => {
    expect(selectionProblem({}, false)).toMatch(/"all": true/);
    expect(selectionProblem({ notYetPrinted: false, categories: [], participantIds: [] }, false)).toMatch(/"all": true/);
    expect(selectionProblem({}, true)).toBeNull();
    for (const filter of [{ categories: ['press'] }, { partId: 'p' }, { day: '2012-02-06' }, { notYetPrinted: true }, { participantIds: ['x'] }]) {
      expect(selectionProblem(filter, false)).toBeNull();
      expect(selectionProblem(filter, true)).toMatch(/without a filter/);
    }
  });

  it('« not yet printed » ignores prints reported as failed and leaves out the people a live job holds', () => {
    const { where } = badgeFilterSql('e', { notYetPrinted: true });
    expect(where).toContain('bp.failed_at IS NULL');
    expect(where).toContain('rj.reserved_until > now()');
  });
});
