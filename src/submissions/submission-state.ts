/** The states of a proposal. */
export const SUBMISSION_STATES = ['draft', 'submitted', 'accepted', 'rejected', 'confirmed', 'withdrawn', 'cancelled'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** What people do to a proposal. */
export const SUBMISSION_ACTIONS = ['submit', 'accept', 'reject', 'confirm', 'withdraw', 'cancel', 'resubmit'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];
