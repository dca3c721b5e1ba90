/**
 * In the conflicts panel: the severity of each conflict code for the event (GET / PUT
 * …/programme/conflict-settings), one labelled select each, saved in one request; the server's
 * answer is shown and the conflicts are read again (a severity changes what blocks publication).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, errorBody, type Schemas } from '../api/client';
import { useT } from '../i18n/i18n';
import { severityMessages } from './conflict-settings-messages';

type Setting = Schemas['ConflictSettingResponse'];
type Severity = Setting['severity'];
type Body = Schemas['ConflictSettingsDto'];
const SEVERITIES: Severity[] = ['error', 'warning', 'ignore'];

export function ConflictSettings({ eventId, onSaved }: { eventId: string; onSaved(): void }) {
  const t = useT(severityMessages);
  const ids = useId();
  const [items, setItems] = useState<Setting[] | null>(null);
  const [chosen, setChosen] = useState<Record<string, Severity>>({});
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.GET('/api/events/{eventId}/programme/conflict-settings', { params: { path: { eventId } } }).then(
      (res) => {
        if (!live || !res.data) return;
        setItems(res.data.items);
        setChosen(Object.fromEntries(res.data.items.map((i) => [i.code, i.severity])));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [eventId]);

  const save = async (values: Record<string, Severity>) => {
    if (!items) return;
    setError(null);
    setSaid('');
    // only what differs from the default is stored: the others follow the default
    const body = Object.fromEntries(items.map((i) => [i.code, values[i.code] && values[i.code] !== i.defaultSeverity ? values[i.code] : null])) as Body;
    const res = await api.PUT('/api/events/{eventId}/programme/conflict-settings', { params: { path: { eventId } }, body });
    if (res.data) {
      setItems(res.data.items);
      setChosen(Object.fromEntries(res.data.items.map((i) => [i.code, i.severity])));
      setSaid(t('saved'));
      onSaved();
    } else setError(t('failed', { message: errorBody(res.error, res.response).message }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(chosen);
  };

  if (!items) return null;
  return (
    <details className="pg-severities">
      <summary>{t('title')}</summary>
      <p>{t('intro')}</p>
      <form onSubmit={submit} aria-label={t('title')}>
        {items.map((i) => (
          <div className="field pg-severity-field" key={i.code}>
            <label htmlFor={`${ids}-${i.code}`}>{t(`code_${i.code}` as Parameters<typeof t>[0])}</label>
            <select id={`${ids}-${i.code}`} value={chosen[i.code] ?? i.severity} onChange={(e) => setChosen({ ...chosen, [i.code]: e.target.value as Severity })} aria-describedby={`${ids}-${i.code}-default`}>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`severity_${s}`)}
                </option>
              ))}
            </select>
            <span id={`${ids}-${i.code}-default`} className="pg-muted">
              {' '}
              ({t('defaultIs', { severity: t(`severity_${i.defaultSeverity}`) })})
            </span>
          </div>
        ))}
        <button type="submit">{t('save')}</button>{' '}
        <button type="button" onClick={() => void save({})}>
          {t('reset')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {said ? <p>{said}</p> : null}
      </div>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
    </details>
  );
}
