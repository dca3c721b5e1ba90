/**
 * /app/settings/events/:slug/cfp: the call for papers of an event (its window typed as Paris
 * wall-clock times and sent as typed: the API reads them in the event's zone; the languages; the
 * abstracts' length), its submission types and its tracks.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { useLanguage } from '../i18n/i18n';
import { formatDateTime } from '../time/paris';
import { Field, StatusLine } from '../ui/ui';
import { eventName, useEventBySlug } from './EventsPages';
import { asNumber, Loading, orNull, readRefusal, RefusalAlert, SettingsPage, useFormState, useLoaded, useSettingsT } from './kit';

type EventResponse = Schemas['EventResponse'];
type CallLanguage = Schemas['CallForPapersResponse']['languages'][number];

export function CfpSettingsPage() {
  const t = useSettingsT();
  const { language } = useLanguage();
  const { slug } = useParams();
  const { data: event, failed } = useEventBySlug(slug);
  const title = event ? t('cfpTitle', { name: eventName(event, language) }) : t('hubCfp');
  return (
    <SettingsPage title={title} crumbs={[{ to: '/settings', label: t('settingsTitle') }, ...(event ? [{ to: `/events/${event.slug}`, label: eventName(event, language) }] : [])]}>
      {event === null ? <p>{t('eventMissingText')}</p> : null}
      {event ? (
        <>
          <p>
            <Link to={`/events/${event.slug}/cfp`}>{t('hubPublicCfp')}</Link>
          </p>
          <CallSection event={event} />
          <TypesSection eventId={event.id} />
          <TracksSection eventId={event.id} />
        </>
      ) : event === undefined ? (
        <Loading failed={failed} />
      ) : null}
    </SettingsPage>
  );
}

function CallSection({ event }: { event: EventResponse }) {
  const t = useSettingsT();
  const { language } = useLanguage();
  const { data: call, reload } = useLoaded(async () => {
    const { data, response } = await api.GET('/api/events/{eventId}/cfp', { params: { path: { eventId: event.id } } });
    return data ?? (response.status === 404 ? null : undefined);
  }, [event.id]);
  return (
    <section aria-labelledby="call-heading">
      <h2 id="call-heading">{t('cfpCall')}</h2>
      {call === undefined ? (
        <Loading />
      ) : (
        <>
          {call ? (
            <p>
              {t('cfpNow', { opens: formatDateTime(call.opensAtUtc, language), closes: formatDateTime(call.closesAtUtc, language) })}{' '}
              <strong>{t(call.status === 'open' ? 'cfpOpen' : call.status === 'closed' ? 'cfpClosed' : 'cfpNotYet')}</strong>
            </p>
          ) : (
            <p>{t('cfpNone')}</p>
          )}
          <CallForm key={call?.updatedAt ?? 'new'} eventId={event.id} call={call} onSaved={reload} />
        </>
      )}
    </section>
  );
}

function CallForm({ eventId, call, onSaved }: { eventId: string; call: Schemas['CallForPapersResponse'] | null; onSaved(): void }) {
  const t = useSettingsT();
  const state = useFormState();
  const [status, setStatus] = useState<string | null>(null);
  const [v, setV] = useState({
    opensAt: call ? call.opensAt.slice(0, 16) : '',
    closesAt: call ? call.closesAt.slice(0, 16) : '',
    languages: call?.languages ?? (['fr', 'en'] as CallLanguage[]),
    maxAbstractLength: call ? String(call.maxAbstractLength) : '3000',
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    state.setBusy(true);
    state.setRefusal(null);
    setStatus(null);
    const body = { opensAt: v.opensAt, closesAt: v.closesAt, languages: v.languages, maxAbstractLength: asNumber(v.maxAbstractLength) };
    const { data, error, response } = await api.PUT('/api/events/{eventId}/cfp', { params: { path: { eventId } }, body });
    state.setBusy(false);
    if (!data) return state.refuse(readRefusal(error, response, {}, ['opensAt', 'closesAt']));
    setStatus(t('saved'));
    onSaved();
  }

  const toggle = (l: CallLanguage, on: boolean) => setV({ ...v, languages: on ? [...v.languages.filter((x) => x !== l), l] : v.languages.filter((x) => x !== l) });
  return (
    <form ref={state.form} onSubmit={(e) => void submit(e)} noValidate className="settings-form" aria-label={t('cfpCall')}>
      <RefusalAlert refusal={state.refusal} />
      <Field label={t('cfpOpensAt')} hint={t('parisTime')} type="datetime-local" value={v.opensAt} onChange={(e) => setV({ ...v, opensAt: e.target.value })} error={state.err('opensAt')} />
      <Field label={t('cfpClosesAt')} hint={t('parisTime')} type="datetime-local" value={v.closesAt} onChange={(e) => setV({ ...v, closesAt: e.target.value })} error={state.err('closesAt')} />
      <fieldset>
        <legend>{t('cfpLanguages')}</legend>
        {(['fr', 'en'] as CallLanguage[]).map((l) => (
          <div className="field checkbox" key={l}>
            <input id={`cfp-lang-${l}`} type="checkbox" checked={v.languages.includes(l)} onChange={(e) => toggle(l, e.target.checked)} />
            <label htmlFor={`cfp-lang-${l}`}>{t(l === 'fr' ? 'french' : 'english')}</label>
          </div>
        ))}
        {state.err('languages') ? <p className="field-error">{state.err('languages')}</p> : null}
      </fieldset>
      <Field label={t('cfpMaxLength')} inputMode="numeric" value={v.maxAbstractLength} onChange={(e) => setV({ ...v, maxAbstractLength: e.target.value })} error={state.err('maxAbstractLength')} className="short" />
      <button type="submit" disabled={state.busy}>
        {t('save')}
      </button>
      <StatusLine>{status}</StatusLine>
    </form>
  );
}

function TypesSection({ eventId }: { eventId: string }) {
  const t = useSettingsT();
  const { language } = useLanguage();
  const state = useFormState();
  const heading = useRef<HTMLHeadingElement>(null);
  const { data: types, reload } = useLoaded(
    async () => (await api.GET('/api/events/{eventId}/submission-types', { params: { path: { eventId }, query: { pageSize: 100 } } })).data?.items,
    [eventId],
  );
  const [v, setV] = useState({ code: '', nameFr: '', nameEn: '', defaultMinutes: '' });
  const [status, setStatus] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    state.setBusy(true);
    state.setRefusal(null);
    setStatus(null);
    const body = { code: v.code.trim(), nameFr: v.nameFr, nameEn: orNull(v.nameEn), defaultMinutes: asNumber(v.defaultMinutes) as number };
    const { data, error, response } = await api.POST('/api/events/{eventId}/submission-types', { params: { path: { eventId } }, body });
    state.setBusy(false);
    if (!data) return state.refuse(readRefusal(error, response, { TYPE_CODE_TAKEN: 'code' }));
    setV({ code: '', nameFr: '', nameEn: '', defaultMinutes: '' });
    setStatus(t('typeAdded', { name: data.nameFr }));
    reload();
  }

  async function remove(id: string, name: string) {
    setListError(null);
    setStatus(null);
    const { error, response } = await api.DELETE('/api/events/{eventId}/submission-types/{typeId}', { params: { path: { eventId, typeId: id } } });
    if (!response.ok) return setListError(readRefusal(error, response).body.message);
    setStatus(t('deleted', { name }));
    heading.current?.focus();
    reload();
  }

  return (
    <section aria-labelledby="types-heading">
      <h2 id="types-heading" ref={heading} tabIndex={-1}>
        {t('typesTitle')}
      </h2>
      {!types ? (
        <Loading />
      ) : types.length === 0 ? (
        <p>{t('typesNone')}</p>
      ) : (
        <ul className="settings-list">
          {types.map((ty) => (
            <li key={ty.id}>
              {language === 'en' && ty.nameEn ? ty.nameEn : ty.nameFr} <span className="muted">({ty.code}, {t('minutes', { n: ty.defaultMinutes })})</span>{' '}
              <button type="button" className="secondary" onClick={() => void remove(ty.id, ty.nameFr)} aria-label={t('deleteNamed', { name: ty.nameFr })}>
                {t('delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {listError ? <p className="alert error" role="alert">{listError}</p> : null}
      <h3>{t('typeAdd')}</h3>
      <form ref={state.form} onSubmit={(e) => void submit(e)} noValidate className="settings-form" aria-label={t('typeAdd')}>
        <RefusalAlert refusal={state.refusal} />
        <Field label={t('typeCode')} hint={t('typeCodeHint')} value={v.code} onChange={(e) => setV({ ...v, code: e.target.value })} error={state.err('code')} className="short" />
        <Field label={t('nameFr')} value={v.nameFr} onChange={(e) => setV({ ...v, nameFr: e.target.value })} error={state.err('nameFr')} />
        <Field label={t('nameEn')} value={v.nameEn} onChange={(e) => setV({ ...v, nameEn: e.target.value })} error={state.err('nameEn')} />
        <Field label={t('typeMinutes')} inputMode="numeric" value={v.defaultMinutes} onChange={(e) => setV({ ...v, defaultMinutes: e.target.value })} error={state.err('defaultMinutes')} className="short" />
        <button type="submit" disabled={state.busy}>
          {t('typeAddButton')}
        </button>
      </form>
      <StatusLine>{status}</StatusLine>
    </section>
  );
}

function TracksSection({ eventId }: { eventId: string }) {
  const t = useSettingsT();
  const { language } = useLanguage();
  const state = useFormState();
  const heading = useRef<HTMLHeadingElement>(null);
  const { data: tracks, reload } = useLoaded(async () => (await api.GET('/api/events/{eventId}/tracks', { params: { path: { eventId }, query: { pageSize: 100 } } })).data?.items, [eventId]);
  const [v, setV] = useState({ nameFr: '', nameEn: '', displayOrder: '' });
  const [status, setStatus] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    state.setBusy(true);
    state.setRefusal(null);
    setStatus(null);
    const body = { nameFr: v.nameFr, nameEn: orNull(v.nameEn), displayOrder: asNumber(v.displayOrder) };
    const { data, error, response } = await api.POST('/api/events/{eventId}/tracks', { params: { path: { eventId } }, body });
    state.setBusy(false);
    if (!data) return state.refuse(readRefusal(error, response, { TRACK_NAME_TAKEN: 'nameFr' }));
    setV({ nameFr: '', nameEn: '', displayOrder: '' });
    setStatus(t('trackAdded', { name: data.nameFr }));
    reload();
  }

  async function remove(id: string, name: string) {
    setListError(null);
    setStatus(null);
    const { error, response } = await api.DELETE('/api/events/{eventId}/tracks/{trackId}', { params: { path: { eventId, trackId: id } } });
    if (!response.ok) return setListError(readRefusal(error, response).body.message);
    setStatus(t('deleted', { name }));
    heading.current?.focus();
    reload();
  }

  return (
    <section aria-labelledby="tracks-heading">
      <h2 id="tracks-heading" ref={heading} tabIndex={-1}>
        {t('tracksTitle')}
      </h2>
      {!tracks ? (
        <Loading />
      ) : tracks.length === 0 ? (
        <p>{t('tracksNone')}</p>
      ) : (
        <ol className="settings-list">
          {tracks.map((tr) => (
            <li key={tr.id}>
              {language === 'en' && tr.nameEn ? tr.nameEn : tr.nameFr}{' '}
              <button type="button" className="secondary" onClick={() => void remove(tr.id, tr.nameFr)} aria-label={t('deleteNamed', { name: tr.nameFr })}>
                {t('delete')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {listError ? <p className="alert error" role="alert">{listError}</p> : null}
      <h3>{t('trackAdd')}</h3>
      <form ref={state.form} onSubmit={(e) => void submit(e)} noValidate className="settings-form" aria-label={t('trackAdd')}>
        <RefusalAlert refusal={state.refusal} />
        <Field label={t('nameFr')} value={v.nameFr} onChange={(e) => setV({ ...v, nameFr: e.target.value })} error={state.err('nameFr')} />
        <Field label={t('nameEn')} value={v.nameEn} onChange={(e) => setV({ ...v, nameEn: e.target.value })} error={state.err('nameEn')} />
        <Field label={t('trackOrder')} hint={t('trackOrderHint')} inputMode="numeric" value={v.displayOrder} onChange={(e) => setV({ ...v, displayOrder: e.target.value })} error={state.err('displayOrder')} className="short" />
        <button type="submit" disabled={state.busy}>
          {t('trackAddButton')}
        </button>
      </form>
      <StatusLine>{status}</StatusLine>
    </section>
  );
}
