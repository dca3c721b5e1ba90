import { orderVenuePair, travelMinutesProblems } from '../../src/venues/travel-pair.js';

const LOW = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
const HIGH = 'e2c8a1f0-0000-4000-8000-000000000001';

describe('orderVenuePair', () => {
  it('puts the smaller id first, whatever the order given', () => {
    expect(orderVenuePair(LOW, HIGH)).toEqual({ venueAId: LOW, venueBId: HIGH });
    expect(orderVenuePair(HIGH, LOW)).toEqual({ venueAId: LOW, venueBId: HIGH });
  });

  it('compares lower-cased ids, as PostgreSQL compares uuids (bytes, not text case)', () => {
    // In ASCII 'E' < 'a', but as uuids 0xe… > 0x1…: upper-case input must not flip the order.
    expect(orderVenuePair(HIGH.toUpperCase(), LOW)).toEqual({ venueAId: LOW, venueBId: HIGH });
    expect(orderVenuePair('aaaaaaaa-0000-4000-8000-000000000000', '9fffffff-ffff-4fff-bfff-ffffffffffff')).toEqual({
      venueAId: '9fffffff-ffff-4fff-bfff-ffffffffffff',
      venueBId: 'aaaaaaaa-0000-4000-8000-000000000000',
    });
  });

  it('has no pair for one venue with itself, even spelt differently', () => {
    expect(orderVenuePair(LOW, LOW)).toBeNull();
    expect(orderVenuePair(HIGH, HIGH.toUpperCase())).toBeNull();
  });
});

describe('travelMinutesProblems', () => {
  it('needs walking or transit minutes', () => {
    expect(travelMinutesProblems({})).toHaveLength(1);
    expect(travelMinutesProblems({ walkingMinutes: null, transitMinutes: null })).toHaveLength(1);
    expect(travelMinutesProblems({ walkingMinutes: 0 })).toEqual([]);
    expect(travelMinutesProblems({ transitMinutes: 15 })).toEqual([]);
  });
});
