/**
 * Publishing from the grid: the draft's changelog against the last release (what the next version
 * adds, removes, moves, retitles, whose speakers or chairs change), how many mails publishing will
 * send (counted by the server as publication does), and what blocks it, an optional
 * note, « Publier », and the releases with their public pages and exports.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { api, errorBody, type Schemas } from '../api/client';
import { useLanguage, useT } from '../i18n/i18n';
import { formatDateTime } from '../time/paris';
import { gridMessages } from './messages';

type Draft = Schemas['DraftProgrammeResponse'];
type Release = Pick<Schemas['ReleaseResponse'], 'version' | 'publishedAt'>;
type Entry = Schemas['ChangelogEntryResponse'];

export function PublishPanel({ eventId, slug, onPublished }: { eventId: string; slug: string; onPublished(): void }) {
  const t = useT(gridMessages);
  const { language } = useLanguage();
  const ids = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [releases, setReleases] = useState<Release[]>([]);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadReleases = useCallback(async () => {
    const res = await api.GET('/api/events/{eventId}/programme/releases', { params: { path: { eventId }, query: { pageSize: 100, order: 'desc' } } });
    if (res.data) setReleases(res.data.items);
  }, [eventId]);
  useEffect(() => {
    void loadReleases();
  }, [loadReleases]);

  const prepare = async () => {
    setError(null);
    setMessage(null);
    const res = await api.GET('/api/events/{eventId}/programme/draft', { params: { path: { eventId } } });
    if (res.data) setDraft(res.data);
    else setError(errorBody(res.error, res.response).message);
  };

  const publish = async () => {
    setError(null);
    const res = await api.POST('/api/events/{eventId}/programme/releases', { params: { path: { eventId } }, body: { note: note.trim() || null } });
    if (res.data) {
      setMessage(t('published', { version: res.data.version, count: res.data.speakersNotified }));
      setDraft(null);
      setNote('');
      await loadReleases();
      onPublished();
    } else setError(errorBody(res.error, res.response).message);
  };

  const title = (e: Entry) => (language === 'en' ? (e.titleEn ?? e.titleFr) : (e.titleFr ?? e.titleEn)) ?? e.id;
  const entryText = (e: Entry) => t(`change_${e.item}_${e.change}` as Parameters<typeof t>[0], { title: title(e) });

  return (
    <section className="pg-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('publication')}</h2>
      <div aria-live="polite">{message ? <p>{message}</p> : null}</div>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      {draft ? (
        <>
          <h3>{t('changelogOf', { version: draft.nextVersion })}</h3>
          {draft.changelog.fromVersion === null ? <p>{t('firstVersion')}</p> : draft.changelog.entries.length === 0 ? <p>{t('noChange')}</p> : null}
          <ul>
            {draft.changelog.entries.map((e, i) => (
              <li key={`${e.id}-${e.change}-${i}`}>{entryText(e)}</li>
            ))}
          </ul>
          <p>{t('mailsToSend', { count: draft.mailsToSend })}</p>
          {draft.blockingConflicts.length ? <p className="pg-blocking">{t('blockedBy', { count: draft.blockingConflicts.length })}</p> : null}
          <div className="field">
            <label htmlFor={`${ids}-note`}>{t('releaseNote')}</label>
            <textarea id={`${ids}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </div>
          <button type="button" onClick={() => void publish()}>
            {t('publish', { version: draft.nextVersion })}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void prepare()}>
          {t('preparePublication')}
        </button>
      )}
      <h3>{t('releases')}</h3>
      {releases.length === 0 ? <p>{t('noRelease')}</p> : null}
      <ul>
        {releases.map((r) => (
          <li key={r.version}>
            {t('releaseLine', { version: r.version, when: formatDateTime(r.publishedAt, language) })}{' '}
            <a href={`/programme/${encodeURIComponent(slug)}/v/${r.version}`}>{t('publicPage', { version: r.version })}</a>{' '}
            <a href={`/api/events/${eventId}/programme.pdf?version=${r.version}`}>PDF</a>{' '}
            <a href={`/api/events/${eventId}/programme.json?version=${r.version}`}>JSON</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
