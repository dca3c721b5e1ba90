import { useState, type FormEvent } from 'react';
import { api, errorBody } from '../api/client';
import { useLanguage, useT } from '../i18n/i18n';
import { ConfirmDialog } from '../proposals/ConfirmDialog';
import { formatDateTime, fromZoneLocalInput } from '../time/paris';
import { ErrorAlert, Field, Notice } from '../ui/ui';
import type { LabelYear } from './LabelsPage';
import { labelMessages } from './messages';

/**
 * When the levels become public: the state the API gives (`revealed`, `embargoEndsAt`), « reveal
 * now », or a new time typed in Paris time. Revealing before the planned time (now while the levels
 * are still secret, or a time earlier than the planned one) asks for a confirmation first.
 */
export function RevealSection({ info, onChanged }: { info: LabelYear; onChanged(): void }) {
  const t = useT(labelMessages);
  const { language } = useLanguage();
  const [at, setAt] = useState('');
  const [atError, setAtError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<{ at: string | null } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const planned = info.embargoEndsAtUtc ? formatDateTime(info.embargoEndsAtUtc, language) : null;

  async function reveal(when: string | null) {
    setConfirming(null);
    setBusy(true);
    setFailed(null);
    setDone(null);
    const { data, error, response } = await api
      .POST('/api/labels/{year}/reveal', { params: { path: { year: info.year } }, body: when ? { at: when } : {} })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (!data) return setFailed(t('failed', { message: errorBody(error, response).message }));
    setDone(data.revealed ? t('revealDone') : t('revealSet', { at: data.embargoEndsAtUtc ? formatDateTime(data.embargoEndsAtUtc, language) : '' }));
    onChanged();
  }

  function revealNow() {
    if (!info.revealed) setConfirming({ at: null });
    else void reveal(null);
  }

  function setTime(e: FormEvent) {
    e.preventDefault();
    const when = fromZoneLocalInput(at);
    if (!when) return setAtError(t('revealAtInvalid'));
    setAtError(undefined);
    const earlier = !info.embargoEndsAtUtc || Date.parse(when) < Date.parse(info.embargoEndsAtUtc);
    if (!info.revealed && earlier && info.embargoEndsAtUtc) setConfirming({ at: when });
    else void reveal(when);
  }

  const confirmText = confirming?.at
    ? t('confirmEarlyAt', { new: formatDateTime(confirming.at, language), at: planned ?? '' })
    : planned
      ? t('confirmEarlyNow', { towns: info.towns, at: planned })
      : t('confirmEarlyNowNoDate', { towns: info.towns });

  return (
    <section id="reveal" aria-labelledby="reveal-title">
      <h2 id="reveal-title">{t('revealTitle')}</h2>
      <p className={info.revealed ? 'reveal-state revealed' : 'reveal-state secret'}>
        {info.revealed ? t('revealedYes', { at: planned ?? '' }) : t('revealedNo')}
      </p>
      {!info.revealed ? <p>{planned ? t('embargoEnds', { at: planned }) : t('embargoNone')}</p> : null}
      {info.statsPublished && !info.revealed ? <p>{t('statsPublished')}</p> : null}
      {!info.revealed ? (
        <button type="button" className="danger" onClick={revealNow} disabled={busy}>
          {t('revealNow')}
        </button>
      ) : null}
      <form onSubmit={setTime} className="inline-form">
        <Field label={t('revealAt')} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} hint={t('revealAtHint')} error={atError} />
        <button type="submit" disabled={busy}>
          {t('setRevealAt')}
        </button>
      </form>
      <ErrorAlert error={failed} />
      <Notice>{done}</Notice>
      <ConfirmDialog
        open={confirming !== null}
        title={t('confirmEarlyTitle')}
        text={confirmText}
        confirm={t('confirmYes')}
        cancel={t('confirmNo')}
        onConfirm={() => void reveal(confirming?.at ?? null)}
        onCancel={() => setConfirming(null)}
      />
    </section>
  );
}
