import type { Schemas } from '../api/client';
import { defineMessages, useLanguage, useT } from '../i18n/i18n';
import { formatDateTime } from '../time/paris';
import { proposalStates } from './proposal-states';

type HistoryEntry = Schemas['HistoryEntryResponse'];

const historyMessages = defineMessages({
  fr: {
    history: 'Historique',
    colDate: 'Date (heure de Paris)',
    colMove: 'Mouvement',
    colBy: 'Par',
    colNote: 'Message',
    action_submit: 'Soumission',
    action_accept: 'Acceptation',
    action_reject: 'Refus',
    action_confirm: 'Confirmation de participation',
    action_withdraw: 'Retrait',
    action_cancel: 'Annulation',
    action_resubmit: 'Remise à l’étude',
    by_speaker: 'intervenant',
    by_organisation: 'organisation',
  },
  en: {
    history: 'History',
    colDate: 'Date (Paris time)',
    colMove: 'Move',
    colBy: 'By',
    colNote: 'Message',
    action_submit: 'Submission',
    action_accept: 'Acceptance',
    action_reject: 'Rejection',
    action_confirm: 'Participation confirmed',
    action_withdraw: 'Withdrawal',
    action_cancel: 'Cancellation',
    action_resubmit: 'Reopened for review',
    by_speaker: 'speaker',
    by_organisation: 'organisation',
  },
});

/**
 * A proposal's moves (GET /api/submissions/:id/history) as a table, in the event's zone: the same for
 * its speaker (/app/proposals/:id) and for the organisers reviewing it. `empty` is said when there is none.
 */
export function ProposalHistory({ history, zone, empty }: { history: HistoryEntry[]; zone: string | undefined; empty: string }) {
  const t = useT(historyMessages);
  const ts = useT(proposalStates);
  const { language } = useLanguage();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history')}</h2>
      {history.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <table className="history">
          <caption className="visually-hidden">{t('history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colDate')}</th>
              <th scope="col">{t('colMove')}</th>
              <th scope="col">{t('colBy')}</th>
              <th scope="col">{t('colNote')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h, i) => (
              <tr key={i}>
                <td>
                  <time dateTime={h.at}>{formatDateTime(h.at, language, zone)}</time>
                </td>
                <td>
                  {t(`action_${h.action}`)} ({ts(`state_${h.fromState}`)} → {ts(`state_${h.toState}`)})
                </td>
                <td>{h.actor.name ?? t(`by_${h.actor.role}`)}</td>
                <td>{h.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
