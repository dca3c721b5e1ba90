import {
  alreadyCheckedInMessages,
  checkInDay,
  decideScan,
  isBadgeToken,
  localDay,
  partReference,
  staffName,
  type ScanFacts,
} from '../../src/check-ins/check-in-rules.js';
import { assembleStats, quarterHourSeries } from '../../src/check-ins/check-in-stats.js';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { checkedInToday, toDeskPerson, type DeskPartRow } from '../../src/desk/desk-person.js';

const part = { id: '00000000-0000-4000-8000-000000000001', code: 'jour-1', nameFr: 'Lundi 6 février', kind: 'day', day: '2012-02-06' };
const facts = (over: Partial<ScanFacts> = {}): ScanFacts => ({
  participant: { id: 'p1', eventId: 'e1', status: 'registered', anonymised: false },
  part,
  partNamed: false,
  today: '2012-02-06',
  admission: 'admitted',
  ...over,
});

describe('check-in rules', () => {
  it('recognises a badge token: exactly 43 base64url characters', () => {
    expect(isBadgeToken('A'.repeat(43))).toBe(true);
    expect(isBadgeToken('aZ09_-'.repeat(7) + 'x')).toBe(true);
    expect(isBadgeToken('A'.repeat(42))).toBe(false);
    expect(isBadgeToken('A'.repeat(44))).toBe(false);
    expect(isBadgeToken('A'.repeat(42) + '=')).toBe(false);
    expect(isBadgeToken('helene dupre')).toBe(false);
  });

  it('reads a part as an id or a code', () => {
    expect(partReference('0000000A-0000-4000-8000-000000000001')).toEqual({ id: '0000000a-0000-4000-8000-000000000001' });
    expect(partReference('Ceremonie')).toEqual({ code: 'ceremonie' });
  });

  it('takes today in the event’s zone, not in UTC', () => {
    expect(localDay(new Date('2012-02-06T23:30:00Z'), 'Europe/Paris')).toBe('2012-02-07');
    expect(localDay(new Date('2012-02-06T22:59:59Z'), 'Europe/Paris')).toBe('2012-02-06');
    expect(localDay(new Date('2012-02-07T03:00:00Z'), 'America/Montreal')).toBe('2012-02-06');
  });

  it('lets an admitted holder in to the part', () => {
    expect(decideScan(facts())).toEqual({ part });
  });

  it('refuses a holder not admitted, with the reason', () => {
    const cases: Array<[ScanFacts['admission'], string]> = [
      ['waiting', 'waiting'],
      ['requested', 'requested'],
      ['cancelled', 'cancelled'],
      [null, 'not-registered'],
    ];
    for (const [admission, reason] of cases) {
      const d = decideScan(facts({ admission })) as DomainError;
      expect(d).toBeInstanceOf(DomainError);
      expect(d.status).toBe(403);
      expect(d.code).toBe('NOT_ADMITTED');
      expect(d.details).toMatchObject({ reason, part: { code: 'jour-1' } });
      expect(String(d.details?.messageFr)).toContain('Lundi 6 février');
    }
  });

  it('refuses a cancelled registration (409), an anonymised one as an unknown badge (404), and a missing part', () => {
    const cancelled = decideScan(facts({ participant: { id: 'p1', eventId: 'e1', status: 'cancelled', anonymised: false } })) as DomainError;
    expect([cancelled.status, cancelled.code]).toEqual([409, 'PARTICIPANT_CANCELLED']);
    const gone = decideScan(facts({ participant: { id: 'p1', eventId: 'e1', status: 'registered', anonymised: true } })) as DomainError;
    expect([gone.status, gone.code]).toEqual([404, 'BADGE_NOT_FOUND']);
    const noDay = decideScan(facts({ part: null })) as DomainError;
    expect([noDay.status, noDay.code]).toEqual([409, 'NO_DAY_PART_TODAY']);
    expect(noDay.details).toMatchObject({ today: '2012-02-06' });
    const unknownPart = decideScan(facts({ part: null, partNamed: true })) as DomainError;
    expect([unknownPart.status, unknownPart.code]).toEqual([404, 'PART_NOT_FOUND']);
  });

  it('refuses a badge of another event when the desk says which event it works for', () => {
    expect(decideScan(facts({ expectedEventId: 'E1' }))).toEqual({ part });
    expect(decideScan(facts({ expectedEventId: null }))).toEqual({ part });
    const other = decideScan(facts({ expectedEventId: 'e2' })) as DomainError;
    expect([other.status, other.code]).toEqual([409, 'OTHER_EVENT']);
  });

  it('checks in a day part on its own date, other parts on today', () => {
    expect(checkInDay({ kind: 'day', day: '2012-02-07' }, '2012-02-06')).toBe('2012-02-07');
    expect(checkInDay({ kind: 'ceremony', day: null }, '2012-02-06')).toBe('2012-02-06');
  });

  it('tells an earlier check-in with the time in the event’s zone and the staff member', () => {
    const at = new Date('2012-02-06T08:12:00Z');
    expect(alreadyCheckedInMessages(at, 'Europe/Paris', 'Jeanne Martin')).toEqual({
      en: 'already checked in at 09:12 by Jeanne Martin',
      fr: 'déjà enregistré(e) à 09:12 par Jeanne Martin',
    });
    expect(staffName({ displayName: '  ', email: 'accueil@example.org' })).toBe('accueil@example.org');
    expect(staffName({ displayName: 'Jeanne Martin', email: 'j@example.org' })).toBe('Jeanne Martin');
    expect(staffName(null)).toBe('un membre de l’équipe');
  });
});

describe('check-in stats', () => {
  it('gives each part its admitted places, check-ins per day, in total and today', () => {
    const parts = [
      { id: 'a', code: 'jour-1', name_fr: 'J1', kind: 'day', day: '2012-02-06', capacity: 100, admitted: 3 },
      { id: 'b', code: 'ceremonie', name_fr: 'Cérémonie', kind: 'ceremony', day: null, capacity: null, admitted: 2 },
    ];
    const stats = assembleStats(
      parts,
      [
        { part_id: 'b', day: '2012-02-07', checked_in: 1 },
        { part_id: 'a', day: '2012-02-06', checked_in: 2 },
        { part_id: 'b', day: '2012-02-06', checked_in: 2 },
      ],
      '2012-02-06',
    );
    expect(stats.map((s) => [s.code, s.admitted, s.checkedIn, s.checkedInToday])).toEqual([
      ['jour-1', 3, 2, 2],
      ['ceremonie', 2, 3, 2],
    ]);
    expect(stats[1].days).toEqual([
      { day: '2012-02-06', checkedIn: 2 },
      { day: '2012-02-07', checkedIn: 1 },
    ]);
  });
});

describe('the desk’s view of a person', () => {
  const dayPart = (over: Partial<DeskPartRow>): DeskPartRow => ({
    partId: 'a', code: 'jour-1', nameFr: 'J1', kind: 'day', day: '2012-02-06', status: 'admitted', displayOrder: 0, checkedInAt: null, checkedInBy: null, ...over,
  });

  it('is checked in today when today’s day part has a check-in; else when any part was checked in today', () => {
    expect(checkedInToday([dayPart({})], '2012-02-06', 'Europe/Paris')).toBe(false);
    expect(checkedInToday([dayPart({ checkedInAt: '2012-02-06T09:12:00+01:00' })], '2012-02-06', 'Europe/Paris')).toBe(true);
    const other = dayPart({ kind: 'ceremony', day: null, checkedInAt: '2012-02-06T17:30:00+00:00' });
    expect(checkedInToday([other], '2012-02-06', 'Europe/Paris')).toBe(true);
    expect(checkedInToday([other], '2012-02-07', 'Europe/Paris')).toBe(false);
    // today's day part not checked in: a ceremony check-in does not count
    expect(checkedInToday([dayPart({}), other], '2012-02-06', 'Europe/Paris')).toBe(false);
  });

  it('shows the badge category in French, printed or not, times in the event’s zone, parts in display order', () => {
    const person = toDeskPerson(
      {
        id: 'p', first_name: 'Hélène', last_name: 'Dupré', email: 'h@example.org', affiliation: 'CNRS', town: null,
        categories: ['researcher'], programme_roles: ['speaker'], label_form: 'neutral', status: 'registered', badge_token: 'T'.repeat(43),
        print_count: 0, last_printed_at: null,
        parts: [dayPart({ partId: 'b', code: 'jour-2', day: '2012-02-07', displayOrder: 1 }), dayPart({ checkedInAt: '2012-02-06T08:12:00+00:00', checkedInBy: 'Jeanne' })],
      },
      'Europe/Paris',
      '2012-02-06',
    );
    expect(person.primaryCategory).toBe('speaker');
    expect(person.categoryLabelFr).toBe('Intervenant·e');
    const chosen = (labelForm: 'feminine' | 'masculine') =>
      toDeskPerson({ ...person, first_name: 'x', last_name: 'y', email: null, affiliation: null, town: null, categories: [], programme_roles: ['chair'], label_form: labelForm, status: 'registered', badge_token: 'T', print_count: 0, last_printed_at: null, parts: [], id: 'q' }, 'Europe/Paris', '2012-02-06').categoryLabelFr;
    expect([chosen('feminine'), chosen('masculine')]).toEqual(['Présidente de séance', 'Président de séance']);
    expect(person.printed).toBe(false);
    expect(person.checkedInToday).toBe(true);
    expect(person.parts.map((p) => [p.code, p.today, p.checkedInAt])).toEqual([
      ['jour-1', true, '2012-02-06T09:12:00+01:00'],
      ['jour-2', false, null],
    ]);
  });
});

describe('quarterHourSeries', () => {
  const q = (iso: string, n: number) => ({ quarter: new Date(iso), checked_in: n });
  it('fills the quarters without arrivals with 0, from the first to the last or to now', () => {
    expect(quarterHourSeries([])).toEqual([]);
    const series = quarterHourSeries([q('2012-02-06T08:30:00Z', 2), q('2012-02-06T08:00:00Z', 5)], new Date('2012-02-06T08:50:00Z'));
    expect(series.map((s) => [s.startUtc.toISOString(), s.checkedIn])).toEqual([
      ['2012-02-06T08:00:00.000Z', 5],
      ['2012-02-06T08:15:00.000Z', 0],
      ['2012-02-06T08:30:00.000Z', 2],
      ['2012-02-06T08:45:00.000Z', 0],
    ]);
    // an earlier `until` does not cut the series
    expect(quarterHourSeries([q('2012-02-06T08:30:00Z', 1)], new Date('2012-02-06T06:00:00Z'))).toHaveLength(1);
  });
});
