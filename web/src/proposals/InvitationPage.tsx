import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorBody } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { useT } from '../i18n/i18n';
import { ErrorAlert, Notice, PageTitle } from '../ui/ui';
import { ConfirmDialog } from './ConfirmDialog';
import { proposalMessages } from './messages';
import type { ProposalNotice } from './ProposalPage';

/**
 * /app/proposals/:id/invitation: a co-speaker invited by email accepts or declines to co-sign. The
 * API hides the proposal from them until they accept, so this page shows no content beforehand.
 */
export function InvitationPage() {
  return (
    <RequireAuth roles={['speaker', 'organiser']}>
      <Invitation />
    </RequireAuth>
  );
}

function Invitation() {
  const t = useT(proposalMessages);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [declined, setDeclined] = useState(false);
  const [confirming, setConfirming] = useState(false);

  function failure(body: unknown, response: Response | undefined) {
    if (response?.status === 404) return setError(t('invNone'));
    setError(t('failed', { message: errorBody(body, response).message }));
  }

  async function accept() {
    setBusy(true);
    setError(null);
    const { data, error: body, response } = await api.POST('/api/submissions/{id}/invitation/accept', { params: { path: { id } } });
    setBusy(false);
    if (!data) return failure(body, response);
    const state: ProposalNotice = { notice: 'invitationAccepted' };
    void navigate(`/proposals/${encodeURIComponent(id)}`, { state });
  }

  async function decline() {
    setConfirming(false);
    setBusy(true);
    setError(null);
    const { error: body, response } = await api.POST('/api/submissions/{id}/invitation/decline', { params: { path: { id } } });
    setBusy(false);
    if (response.status !== 204) return failure(body, response);
    setDeclined(true);
  }

  return (
    <main id="main" className="narrow">
      <PageTitle title={t('invTitle')}>{t('invTitle')}</PageTitle>
      <ErrorAlert error={error} />
      {declined ? (
        <Notice>{t('invDeclined')}</Notice>
      ) : (
        <>
          <p>{t('invText')}</p>
          <div className="form-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void accept()}>
              {t('invAccept')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
              {t('invDecline')}
            </button>
          </div>
          <ConfirmDialog
            open={confirming}
            title={t('invConfirmTitle')}
            text={t('invConfirmText')}
            confirm={t('invConfirmYes')}
            cancel={t('confirmNo')}
            onConfirm={() => void decline()}
            onCancel={() => setConfirming(false)}
          />
        </>
      )}
      <p>
        <Link to="/proposals">{t('toList')}</Link>
      </p>
    </main>
  );
}
