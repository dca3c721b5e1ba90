import { admissionFor, capacityFits, nextStatus, promotable, seatsLeft, type PartSeats } from '../../src/participants/admission-rules.js';

const part = (admission: PartSeats['admission'], capacity: number | null, admittedCount: number): PartSeats => ({ admission, capacity, admittedCount });

describe('Admission rules (pure)', () => {
  it('admits to open and sign-up parts while seats remain, then puts people on the waiting list', () => {
    for (const rule of ['open', 'sign-up'] as const) {
      expect(admissionFor(part(rule, 2, 0), false)).toBe('admitted');
      expect(admissionFor(part(rule, 2, 1), false)).toBe('admitted');
      expect(admissionFor(part(rule, 2, 2), false)).toBe('waiting');
      expect(admissionFor(part(rule, null, 5000), false)).toBe('admitted');
    }
  });

  it('records a request on on-request parts and refuses self-admission to invitation parts', () => {
    expect(admissionFor(part('on-request', 10, 0), false)).toBe('requested');
    expect(admissionFor(part('invitation', 10, 0), false)).toEqual({ refused: 'INVITATION_ONLY' });
  });

  it('lets organisers admit under any rule, but never beyond capacity', () => {
    for (const rule of ['open', 'sign-up', 'invitation', 'on-request'] as const) {
      expect(admissionFor(part(rule, 3, 2), true)).toBe('admitted');
      expect(admissionFor(part(rule, 3, 3), true)).toBe('waiting');
    }
  });

  it('keeps a live admission as it is when asked again, and lets an organiser admit a waiting or requesting person', () => {
    expect(nextStatus('admitted', part('open', 1, 1), false)).toBeNull();
    expect(nextStatus('waiting', part('open', 2, 0), false)).toBeNull();
    expect(nextStatus('requested', part('on-request', 2, 0), false)).toBeNull();
    expect(nextStatus('requested', part('on-request', 2, 0), true)).toBe('admitted');
    expect(nextStatus('waiting', part('open', 2, 1), true)).toBe('admitted');
    expect(nextStatus('waiting', part('open', 2, 2), true)).toBeNull();
    expect(nextStatus('requested', part('on-request', 2, 2), true)).toBe('waiting');
    expect(nextStatus('cancelled', part('open', 2, 2), false)).toBe('waiting');
    expect(nextStatus(null, part('invitation', 2, 0), false)).toEqual({ refused: 'INVITATION_ONLY' });
  });

  it('counts free seats and who a freed seat lets in', () => {
    expect(seatsLeft({ capacity: 5, admittedCount: 3 })).toBe(2);
    expect(seatsLeft({ capacity: null, admittedCount: 3 })).toBe(Number.POSITIVE_INFINITY);
    expect(promotable({ capacity: 5, admittedCount: 3 }, 10)).toBe(2);
    expect(promotable({ capacity: 5, admittedCount: 3 }, 1)).toBe(1);
    expect(promotable({ capacity: 5, admittedCount: 5 }, 10)).toBe(0);
    expect(promotable({ capacity: null, admittedCount: 5 }, 7)).toBe(7);
  });

  it('refuses a capacity below the seats already given', () => {
    expect(capacityFits(10, 10)).toBe(true);
    expect(capacityFits(9, 10)).toBe(false);
    expect(capacityFits(null, 10)).toBe(true);
  });
});
