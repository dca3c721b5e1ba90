/**
 * Talks placed tentatively (« provisoire »): how many wait, and the bulk « accept the placed
 * proposals » (POST …/programme/tentative/accept), asked for confirmation first. The server runs the
 * ordinary accept transition for each (its mails) and reports proposal by proposal.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { api, errorBody, type Schemas } from '../api/client';
import { useLanguage, useT } from '../i18n/i18n';
import type { GridSession } from './load';
import { tentativeMessages } from './tentative-messages';

type Report = Schemas['TentativeAcceptanceResponse'];

export function TentativePanel({ eventId, sessions, onAccepted }: { eventId: string; sessions: GridSession[]; onAccepted(): void }) {
  const t = useT(tentativeMessages);
  const { language } = useLanguage();
  const ids = useId();
  const [asking, setAsking] = useState(false);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const tentative = sessions.flatMap((s) => s.talks.filter((x) => x.tentative));
  const title = (x: { titleFr: string | null; titleEn: string | null }) => (language === 'en' ? (x.titleEn ?? x.titleFr) : (x.titleFr ?? x.titleEn)) ?? '';

  const backToOpen = useRef(false);
  // the confirmation takes the focus when it opens; cancelling gives it back to the button that opened it
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (backToOpen.current) {
      backToOpen.current = false;
      openRef.current?.focus();
    }
  }, [asking]);

  const cancel = () => {
    backToOpen.current = true;
    setAsking(false);
    setSaid(t('acceptCancelled'));
  };

  const accept = async () => {
    setRunning(true);
    setError(null);
    const res = await api.POST('/api/events/{eventId}/programme/tentative/accept', { params: { path: { eventId } } });
    setRunning(false);
    setAsking(false);
    if (res.data) {
      setReport(res.data);
      setSaid(t('acceptedReport', { accepted: res.data.accepted, failed: res.data.failed }));
      onAccepted();
    } else setError(t('acceptFailed', { message: errorBody(res.error, res.response).message }));
  };

  return (
    <section className="pg-panel pg-tentative-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('tentativeTitle')}</h2>
      <p>{tentative.length ? t('tentativeCount', { count: tentative.length }) : t('tentativeNone')}</p>
      <div aria-live="polite" role="status">
        {said ? <p>{said}</p> : null}
      </div>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      {report && report.failed ? (
        <ul>
          {report.items
            .filter((i) => i.outcome === 'failed')
            .map((i) => (
              <li key={i.talkId} className="pg-blocking">
                {t('failedLine', { title: title(i), message: i.error?.message ?? i.state })}
              </li>
            ))}
        </ul>
      ) : null}
      {asking ? (
        <div className="pg-confirm" role="group" aria-labelledby={`${ids}-confirm`} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
          <p id={`${ids}-confirm`}>{t('confirmAccept', { count: tentative.length })}</p>
          <button ref={confirmRef} type="button" disabled={running} onClick={() => void accept()}>
            {t('confirm')}
          </button>{' '}
          <button type="button" onClick={cancel}>
            {t('cancel')}
          </button>
        </div>
      ) : tentative.length ? (
        <button ref={openRef} type="button" onClick={() => setAsking(true)}>
          {t('acceptPlaced', { count: tentative.length })}
        </button>
      ) : null}
    </section>
  );
}
