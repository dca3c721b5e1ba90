import { useEffect, useState } from 'react';
import { Link, useLoaderData, useLocation, useNavigate } from 'react-router';
import { api, errorBody, type Schemas } from '../api/client';
import { hasRole } from '../auth/session';
import { useSession } from '../auth/use-session';
import { useLanguage, useT } from '../i18n/i18n';
import { proposalMessages } from '../proposals/messages';
import { fieldId, ProposalForm } from '../proposals/ProposalForm';
import type { ProposalNotice } from '../proposals/ProposalPage';
import { createBody, EMPTY_VALUES, firstErrorField, formErrors, type ProposalValues } from '../proposals/proposal-values';
import { formatDateTime, formatRelative } from '../time/paris';
import { ErrorAlert, PageTitle } from '../ui/ui';
import type { CallPageData, Lists } from './load';
import { cfpMessages } from './messages';

type EventResponse = Schemas['EventResponse'];
type Call = Schemas['CallForPapersResponse'];
type SubmissionType = Schemas['SubmissionTypeResponse'];
type Track = Schemas['TrackResponse'];

/** « Paris » from « Europe/Paris ». */
const cityOf = (zone: string) => (zone.split('/').pop() ?? zone).replace(/_/g, ' ');

/** /app/events/:slug/cfp: the call for papers (public), and the proposal form for signed-in speakers. */
export function CfpPage() {
  const t = useT(cfpMessages);
  const { language } = useLanguage();
  const data = useLoaderData() as CallPageData;
  const session = useSession();
  const location = useLocation();
  const [lists, setLists] = useState<Lists | null>(null);
  const pending = typeof data === 'string' ? null : data.lists;

  useEffect(() => {
    if (!pending) return;
    let live = true;
    void pending.then((l) => live && setLists(l));
    return () => {
      live = false;
    };
  }, [pending]);

  if (typeof data === 'string') {
    return (
      <main id="main">
        <PageTitle title={t('title')}>{t('title')}</PageTitle>
        <ErrorAlert error={data === 'failed' ? t('loadFailed') : t('noEvent')} />
      </main>
    );
  }

  const { event, call } = data;
  const types = lists?.types ?? [];
  const tracks = lists?.tracks ?? [];
  const name = (x: { nameFr: string; nameEn: string | null }) => (language === 'en' && x.nameEn ? x.nameEn : x.nameFr);
  const theme = language === 'en' ? (event.themeEn ?? event.themeFr) : (event.themeFr ?? event.themeEn);
  const title = t('titleOf', { event: name(event) });
  const zone = call?.timeZone ?? event.timeZone;
  const next = `/app${location.pathname}`;

  return (
    <main id="main">
      <PageTitle title={title}>{title}</PageTitle>
      {theme ? (
        <p className="lead">
          <span className="visually-hidden">{t('theme')} : </span>
          {theme}
        </p>
      ) : null}
      {!call ? (
        <p>{t('noCall')}</p>
      ) : (
        <>
          <section aria-labelledby="window-heading">
            <h2 id="window-heading">{t('window')}</h2>
            <p>
              {t('from', {
                opens: formatDateTime(call.opensAtUtc, language, zone),
                closes: formatDateTime(call.closesAtUtc, language, zone),
                zone: cityOf(zone),
              })}
            </p>
            <p className={`call-status call-${call.status}`}>
              <strong>
                {call.status === 'open'
                  ? t('open', { relative: formatRelative(call.closesAtUtc, language) })
                  : call.status === 'not-yet-open'
                    ? t('notYetOpen', { relative: formatRelative(call.opensAtUtc, language) })
                    : t('closed', { relative: formatRelative(call.closesAtUtc, language) })}
              </strong>
            </p>
          </section>
          <section aria-labelledby="rules-heading">
            <h2 id="rules-heading">{t('rules')}</h2>
            <ul>
              <li>{call.languages.length === 2 ? t('languagesBoth') : call.languages[0] === 'fr' ? t('languagesFr') : t('languagesEn')}</li>
              <li>{t('maxLength', { n: call.maxAbstractLength })}</li>
            </ul>
            {types.length ? (
              <>
                <h3>{t('types')}</h3>
                <ul>
                  {types.map((x) => (
                    <li key={x.id}>
                      {name(x)} ({t('minutes', { n: x.defaultMinutes })})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {tracks.length ? (
              <>
                <h3>{t('tracks')}</h3>
                <ul>
                  {tracks.map((x) => (
                    <li key={x.id}>{name(x)}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section aria-labelledby="propose-heading">
            <h2 id="propose-heading">{t('propose')}</h2>
            {!session ? (
              <p>
                <Link to={`/login?next=${encodeURIComponent(next)}`}>{t('signIn')}</Link> {t('signInToPropose')} <Link to="/signup">{t('signUp')}</Link>.
              </p>
            ) : !hasRole(session, 'speaker') ? (
              <p>{t('speakersOnly')}</p>
            ) : call.status !== 'open' ? (
              <p>{t('notOpenNoForm')}</p>
            ) : (
              <>
                <p className="hint">
                  {t('mine')} <Link to="/proposals">{t('myProposals')}</Link>
                </p>
                <NewProposal event={event} call={call} types={types} tracks={tracks} />
              </>
            )}
          </section>
        </>
      )}
    </main>
  );
}

/** The form of a new proposal: saved as a draft, or saved and submitted at once. */
function NewProposal({ event, call, types, tracks }: { event: EventResponse; call: Call; types: SubmissionType[]; tracks: Track[] }) {
  const t = useT(proposalMessages);
  const navigate = useNavigate();
  const [values, setValues] = useState<ProposalValues>(EMPTY_VALUES);
  const onlyType = types.length === 1 ? types[0].id : '';
  // a call with one type: chosen already (the types arrive just after the call)
  useEffect(() => {
    if (onlyType) setValues((v) => (v.typeId ? v : { ...v, typeId: onlyType }));
  }, [onlyType]);
  const [errors, setErrors] = useState<Partial<Record<keyof ProposalValues, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(intent: string) {
    setBusy(true);
    setError(null);
    const created = await api.POST('/api/events/{eventId}/submissions', { params: { path: { eventId: event.id } }, body: createBody(values, call.languages) });
    if (!created.data) {
      setBusy(false);
      const body = errorBody(created.error, created.response);
      const found = formErrors(body);
      setErrors(found);
      const first = firstErrorField(found);
      setError(first ? t('invalid') : t('failed', { message: body.message }));
      if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
      return;
    }
    const id = created.data.id;
    let state: ProposalNotice = { notice: 'draftSaved' };
    if (intent === 'submit') {
      const moved = await api.POST('/api/submissions/{id}/transitions', { params: { path: { id } }, body: { action: 'submit' } });
      state = moved.data ? { notice: 'submitted' } : { notice: 'draftSavedNotSubmitted', message: errorBody(moved.error, moved.response).message };
    }
    setBusy(false);
    void navigate(`/proposals/${id}`, { state });
  }

  return (
    <>
      <ErrorAlert error={error} />
      <ProposalForm call={call} types={types} tracks={tracks} values={values} onChange={setValues} errors={errors} scope="all" coSpeakers onSubmit={(intent) => void save(intent)} busy={busy}>
        <button type="submit" name="draft" className="secondary" disabled={busy}>
          {t('saveDraft')}
        </button>
        <button type="submit" name="submit" className="primary" disabled={busy}>
          {busy ? t('saving') : t('submitNow')}
        </button>
      </ProposalForm>
    </>
  );
}
