import { newcomerAnswers, planNewcomers } from '../../src/participants/newcomer-placement.js';
import { resolvePartRefs } from '../../src/participants/registration-context.js';
import type { LockedPart } from '../../src/participants/part-locks.js';

const part = (over: Partial<LockedPart>): LockedPart => ({
  id: 'p',
  eventId: 'e',
  code: 'p',
  nameFr: 'Partie',
  nameEn: null,
  admission: 'sign-up',
  capacity: null,
  admittedCount: 0,
  displayOrder: 0,
  ...over,
});

describe('Placing a batch of newcomers (pure)', () => {
  it('admits in arrival order while seats remain, then queues, part by part, and answers each person in display order', () => {
    const dinner = part({ id: 'b-dinner', code: 'diner', capacity: 3, admittedCount: 2, displayOrder: 2 });
    const workshop = part({ id: 'a-workshop', code: 'atelier', admission: 'on-request', displayOrder: 1 });
    const plan = planNewcomers([workshop, dinner], ['ana', 'bruno', 'chloe']);
    expect(plan.statuses).toEqual(['requested', 'requested', 'requested', 'admitted', 'waiting', 'waiting']);
    expect(plan.participantIds).toEqual(['ana', 'bruno', 'chloe', 'ana', 'bruno', 'chloe']);
    expect(plan.added).toEqual([0, 1]);
    expect(dinner.admittedCount).toBe(3);
    // 4 people were already waiting for the dinner
    const answers = newcomerAnswers([workshop, dinner], plan, 3, [0, 4]);
    expect(answers.map((places) => places.map((p) => `${p.code}:${p.status}:${p.position}`))).toEqual([
      ['atelier:requested:null', 'diner:admitted:null'],
      ['atelier:requested:null', 'diner:waiting:5'],
      ['atelier:requested:null', 'diner:waiting:6'],
    ]);
  });

  it('refuses everyone for a part by invitation', () => {
    expect(() => planNewcomers([part({ admission: 'invitation' })], ['ana'])).toThrow(expect.objectContaining({ code: 'INVITATION_ONLY' }));
  });

  it('resolves part references by code or id, each part once, and names the unknown ones', () => {
    const parts = [
      { id: '11111111-1111-4111-8111-111111111111', code: 'diner' },
      { id: '22222222-2222-4222-8222-222222222222', code: 'atelier' },
    ];
    expect(resolvePartRefs(['diner', '11111111-1111-4111-8111-111111111111', 'atelier', 'bal'], parts)).toEqual({
      partIds: ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'],
      unknownParts: ['bal'],
    });
  });
});
