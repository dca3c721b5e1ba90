import { DomainError } from '../../src/common/errors/domain-error.js';
import { capacitiesOf, isMainSpeaker, pendingInvitationFor, type SignerLike } from '../../src/submissions/submission-access.js';
import { characterCount, contentProblems, normaliseEmails, textOrNull } from '../../src/submissions/submission-content.js';
import { assertEditable, diffFields, editableFields } from '../../src/submissions/submission-edit-rules.js';
import { SUBMISSION_ACTIONS, SUBMISSION_STATES, type SubmissionAction, type SubmissionState } from '../../src/submissions/submission-state.js';
import { actorRoleOf, allowedActions, nextState, type Capacity } from '../../src/submissions/submission-transitions.js';

/** The legal moves, written out by hand from the issue (not derived from the code under test). */
const LEGAL: Record<Capacity, [SubmissionState, SubmissionAction, SubmissionState][]> = {
  speaker: [
    ['draft', 'submit', 'submitted'],
    ['accepted', 'confirm', 'confirmed'],
    ['submitted', 'withdraw', 'withdrawn'],
    ['accepted', 'withdraw', 'withdrawn'],
    ['confirmed', 'withdraw', 'withdrawn'],
  ],
  organiser: [
    ['submitted', 'accept', 'accepted'],
    ['submitted', 'reject', 'rejected'],
    ['draft', 'cancel', 'cancelled'],
    ['submitted', 'cancel', 'cancelled'],
    ['accepted', 'cancel', 'cancelled'],
    ['rejected', 'cancel', 'cancelled'],
    ['confirmed', 'cancel', 'cancelled'],
    ['withdrawn', 'cancel', 'cancelled'],
    ['rejected', 'resubmit', 'submitted'],
    ['withdrawn', 'resubmit', 'submitted'],
  ],
};

describe('submission state machine (pure)', () => {
  const cases = SUBMISSION_STATES.flatMap((state) =>
    SUBMISSION_ACTIONS.flatMap((action) => (['speaker', 'organiser'] as Capacity[]).map((capacity) => ({ state, action, capacity }))),
  );

  it.each(cases)('$capacity: $action from $state', ({ state, action, capacity }) => {
    const legal = LEGAL[capacity].find(([from, a]) => from === state && a === action);
    const expectedAllowed = LEGAL[capacity].filter(([from]) => from === state).map(([, a]) => a);
    if (legal) {
      expect(nextState(state, action, [capacity])).toBe(legal[2]);
    } else {
      let error: unknown;
      try {
        nextState(state, action, [capacity]);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ status: 409, code: 'INVALID_TRANSITION', details: { state, action } });
      expect([...((error as DomainError).details?.allowedActions as string[])].sort()).toEqual([...expectedAllowed].sort());
    }
    expect([...allowedActions(state, [capacity])].sort()).toEqual([...expectedAllowed].sort());
  });

  it('gives someone who is both speaker and organiser the union of both', () => {
    expect(allowedActions('submitted', ['speaker', 'organiser'])).toEqual(['accept', 'reject', 'withdraw', 'cancel']);
    expect(allowedActions('cancelled', ['speaker', 'organiser'])).toEqual([]);
    expect(allowedActions('submitted', [])).toEqual([]);
  });

  it('names the side of who acted, never the person', () => {
    expect(actorRoleOf('accept')).toBe('organisation');
    expect(actorRoleOf('resubmit')).toBe('organisation');
    expect(actorRoleOf('submit')).toBe('speaker');
    expect(actorRoleOf('withdraw')).toBe('speaker');
  });
});

describe('who sees a proposal (pure)', () => {
  const main: SignerLike = { userId: 'u-main', email: 'main@x.org', role: 'main', status: 'accepted' };
  const invited: SignerLike = { userId: null, email: 'later@x.org', role: 'co', status: 'invited' };
  const linked: SignerLike = { userId: 'u-co', email: 'co@x.org', role: 'co', status: 'invited' };
  const signers = [main, invited, linked];

  it('lets signers who accepted and organisers in, nobody else', () => {
    expect(capacitiesOf({ id: 'u-main', email: 'main@x.org', roles: ['speaker'] }, signers)).toEqual(['speaker']);
    expect(capacitiesOf({ id: 'u-co', email: 'co@x.org', roles: ['speaker'] }, signers)).toEqual([]);
    expect(capacitiesOf({ id: 'u-other', email: 'o@x.org', roles: ['speaker'] }, signers)).toEqual([]);
    expect(capacitiesOf({ id: 'u-staff', email: 's@x.org', roles: ['organiser'] }, signers)).toEqual(['organiser']);
    expect(capacitiesOf({ id: 'u-main', email: 'main@x.org', roles: ['speaker', 'organiser'] }, signers)).toEqual(['speaker', 'organiser']);
    expect(isMainSpeaker({ id: 'u-main', email: 'main@x.org', roles: [] }, signers)).toBe(true);
    expect(isMainSpeaker({ id: 'u-co', email: 'co@x.org', roles: [] }, signers)).toBe(false);
  });

  it('finds a pending invitation by account or, for someone who signed up later, by email', () => {
    expect(pendingInvitationFor({ id: 'u-co', email: 'co@x.org', roles: [] }, signers)).toBe(linked);
    expect(pendingInvitationFor({ id: 'u-new', email: 'LATER@x.org', roles: [] }, signers)).toBe(invited);
    expect(pendingInvitationFor({ id: 'u-main', email: 'main@x.org', roles: [] }, signers)).toBeNull();
    expect(pendingInvitationFor({ id: 'u-co', email: 'co@x.org', roles: [] }, [{ ...linked, status: 'declined' }])).toBeNull();
  });
});

describe('what may be edited (pure)', () => {
  it('lets speakers change everything while draft or submitted, the text once accepted, nothing otherwise', () => {
    expect(editableFields('draft', ['speaker'])).toContain('typeId');
    expect(editableFields('submitted', ['speaker'])).toContain('coSpeakers');
    expect(editableFields('accepted', ['speaker'])).toEqual(['titleFr', 'titleEn', 'abstractFr', 'abstractEn', 'keywords']);
    expect(editableFields('confirmed', ['speaker'])).not.toContain('trackId');
    for (const state of ['rejected', 'withdrawn', 'cancelled'] as const) expect(editableFields(state, ['speaker'])).toEqual([]);
    for (const state of SUBMISSION_STATES) expect(editableFields(state, ['organiser'])).toContain('durationMinutes');
    expect(editableFields('draft', [])).toEqual([]);
  });

  it('refuses with 409 EDIT_NOT_ALLOWED naming the fields refused', () => {
    expect(() => assertEditable('accepted', ['speaker'], ['titleFr', 'keywords'])).not.toThrow();
    expect(() => assertEditable('accepted', ['speaker'], ['titleFr', 'typeId'])).toThrow(
      expect.objectContaining({ status: 409, code: 'EDIT_NOT_ALLOWED', details: expect.objectContaining({ refusedFields: ['typeId'] }) }),
    );
    expect(() => assertEditable('withdrawn', ['speaker'], ['titleFr'])).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => assertEditable('cancelled', ['organiser'], ['titleFr', 'durationMinutes'])).not.toThrow();
  });

  it('records only what changed, arrays included', () => {
    const before = { titleFr: 'A', keywords: ['x', 'y'], trackId: null as string | null };
    expect(diffFields(before, { titleFr: 'A', keywords: ['x', 'y'], trackId: null }, ['titleFr', 'keywords', 'trackId'])).toEqual({});
    expect(diffFields(before, { titleFr: 'B', keywords: ['y', 'x'], trackId: null }, ['titleFr', 'keywords'])).toEqual({
      titleFr: { from: 'A', to: 'B' },
      keywords: { from: ['x', 'y'], to: ['y', 'x'] },
    });
  });
});

describe('the text of a proposal under the call’s rules (pure)', () => {
  const both = { languages: ['fr', 'en'] as ('fr' | 'en')[], maxAbstractLength: 100 };
  const none = { titleFr: null, titleEn: null, abstractFr: null, abstractEn: null };

  it('needs one complete language, refuses half languages, languages the call does not take, and long abstracts', () => {
    expect(contentProblems({ ...none, titleFr: 'T', abstractFr: 'R' }, both)).toEqual([]);
    expect(contentProblems({ ...none, titleEn: 'T', abstractEn: 'R' }, both)).toEqual([]);
    expect(contentProblems(none, both).map((p) => p.field)).toEqual(['titleFr']);
    expect(contentProblems({ ...none, titleFr: 'T' }, both).map((p) => p.field)).toEqual(['abstractFr', 'titleFr']);
    expect(contentProblems({ ...none, titleFr: 'T', abstractFr: 'R', titleEn: 'T' }, both).map((p) => p.field)).toEqual(['abstractEn']);
    expect(contentProblems({ ...none, titleEn: 'T', abstractEn: 'R' }, { ...both, languages: ['fr'] }).map((p) => p.field)).toEqual(['titleEn', 'titleFr']);
    expect(contentProblems({ ...none, titleFr: 'T', abstractFr: 'é'.repeat(100) }, both)).toEqual([]);
    expect(contentProblems({ ...none, titleFr: 'T', abstractFr: 'é'.repeat(101) }, both)[0].errors[0]).toMatch(/101 characters; the call allows at most 100/);
  });

  it('reads blank text as none, and emails as accounts store them', () => {
    expect(textOrNull('  ')).toBeNull();
    expect(textOrNull(undefined)).toBeNull();
    expect(textOrNull(' Titre ')).toBe(' Titre ');
    expect(normaliseEmails([' A@X.org', 'a@x.org', 'b@x.org'])).toEqual(['a@x.org', 'b@x.org']);
    expect(normaliseEmails(null)).toEqual([]);
  });

  it('counts characters as people do', () => {
    expect(characterCount('Hélène')).toBe(6);
    expect(characterCount('😀😀')).toBe(2);
  });
});
