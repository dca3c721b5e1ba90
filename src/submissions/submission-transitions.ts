import { DomainError } from '../common/errors/domain-error.js';
import { SUBMISSION_ACTIONS, SUBMISSION_STATES, type SubmissionAction, type SubmissionState } from './submission-state.js';

/** In which capacity someone acts on a proposal: as one of its speakers, or as an organiser. */
export type Capacity = 'speaker' | 'organiser';

interface TransitionRule {
  from: readonly SubmissionState[];
  to: SubmissionState;
  by: Capacity;
}

/**
 * The state machine of a proposal: each action, the states it leaves, the state it reaches and
 * who may take it. Anything not written here is refused.
 */
export const TRANSITION_RULES: Readonly<Record<SubmissionAction, TransitionRule>> = {
  submit: { from: ['draft'], to: 'submitted', by: 'speaker' },
  accept: { from: ['submitted'], to: 'accepted', by: 'organiser' },
  reject: { from: ['submitted'], to: 'rejected', by: 'organiser' },
  confirm: { from: ['accepted'], to: 'confirmed', by: 'speaker' },
  withdraw: { from: ['submitted', 'accepted', 'confirmed'], to: 'withdrawn', by: 'speaker' },
  cancel: { from: SUBMISSION_STATES.filter((s) => s !== 'cancelled'), to: 'cancelled', by: 'organiser' },
  resubmit: { from: ['rejected', 'withdrawn'], to: 'submitted', by: 'organiser' },
};

/** The actions someone holding `capacities` may take from `state`, in the order of SUBMISSION_ACTIONS. */
export function allowedActions(state: SubmissionState, capacities: readonly Capacity[]): SubmissionAction[] {
  return SUBMISSION_ACTIONS.filter((action) => {
    const rule = TRANSITION_RULES[action];
    return rule.from.includes(state) && capacities.includes(rule.by);
  });
}

/** 409 INVALID_TRANSITION naming the current state and what this caller may do from it. */
export function invalidTransition(state: SubmissionState, action: string, capacities: readonly Capacity[]): DomainError {
  const allowed = allowedActions(state, capacities);
  return new DomainError(
    409,
    'INVALID_TRANSITION',
    `A proposal in the state "${state}" cannot be moved with "${action}" by you` +
      (allowed.length ? `; you may: ${allowed.join(', ')}` : '; you cannot move it from this state'),
    { state, action, allowedActions: allowed },
  );
}

/** The state `action` leads to from `state`, or 409 INVALID_TRANSITION when this caller may not take it. */
export function nextState(state: SubmissionState, action: SubmissionAction, capacities: readonly Capacity[]): SubmissionState {
  const rule = TRANSITION_RULES[action];
  if (!rule || !rule.from.includes(state) || !capacities.includes(rule.by)) throw invalidTransition(state, action, capacities);
  return rule.to;
}

/** Who takes an action, as speakers are told in the history: "organisation" or "speaker". */
export function actorRoleOf(action: string): 'organisation' | 'speaker' {
  const rule = TRANSITION_RULES[action as SubmissionAction];
  return rule?.by === 'organiser' ? 'organisation' : 'speaker';
}
