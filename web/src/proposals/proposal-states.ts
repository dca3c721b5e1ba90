import { defineMessages } from '../i18n/i18n';

/** A proposal's states in words, the same on the speaker's and the reviewers' pages (`state_${state}`). */
export const proposalStates = defineMessages({
  fr: {
    state_draft: 'Brouillon',
    state_submitted: 'Soumise',
    state_accepted: 'Acceptée',
    state_rejected: 'Refusée',
    state_confirmed: 'Confirmée',
    state_withdrawn: 'Retirée',
    state_cancelled: 'Annulée',
  },
  en: {
    state_draft: 'Draft',
    state_submitted: 'Submitted',
    state_accepted: 'Accepted',
    state_rejected: 'Rejected',
    state_confirmed: 'Confirmed',
    state_withdrawn: 'Withdrawn',
    state_cancelled: 'Cancelled',
  },
});
