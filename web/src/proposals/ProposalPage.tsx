import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api, errorBody, type Schemas } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { useSession } from '../auth/use-session';
import { useLanguage, useT } from '../i18n/i18n';
import { formatDateTime, formatRange } from '../time/paris';
import { ErrorAlert, Notice, PageTitle } from '../ui/ui';
import { ProposalHistory } from './ProposalHistory';
import { ConfirmDialog } from './ConfirmDialog';
import { proposalMessages, type ProposalMessageKey } from './messages';
import { placementOf, type Placement } from './placement';
import { fieldId, ProposalForm } from './ProposalForm';
import { editScope, firstErrorField, formErrors, titleOf, updateBody, valuesOf, type CallForPapers, type ProposalValues, type Submission } from './proposal-values';
import { proposalStates } from './proposal-states';

type HistoryEntry = Schemas['HistoryEntryResponse'];
type EventResponse = Schemas['EventResponse'];
type SpeakerAction = 'submit' | 'confirm' | 'withdraw';

/** What a page opened after another action has to say (`navigate(…, { state: { notice } })`). */
export interface ProposalNotice {
  notice?: ProposalMessageKey;
  message?: string;
}

/** /app/proposals/:id: one proposal, its history, what its state allows, and its place once published. */
export function ProposalPage() {
  return (
    <RequireAuth roles={['speaker', 'organiser']}>
      <Proposal />
    </RequireAuth>
  );
}

interface Loaded {
  submission: Submission;
  history: HistoryEntry[];
  event: EventResponse | null;
  call: CallForPapers | null;
  types: Schemas['SubmissionTypeResponse'][];
  tracks: Schemas['TrackResponse'][];
  /** Undefined: not asked (not accepted yet); null: not in a published programme. */
  placement: Placement | null | undefined;
}

async function load(id: string): Promise<Loaded | 'not-found' | 'failed'> {
  const one = await api.GET('/api/submissions/{id}', { params: { path: { id } } });
  if (one.response.status === 404) return 'not-found';
  if (!one.data) return 'failed';
  const submission = one.data;
  const eventId = submission.eventId;
  const editable = editScope(submission.state) === 'all';
  const placed = submission.state === 'accepted' || submission.state === 'confirmed';
  const [history, event, call, types, tracks, programme] = await Promise.all([
    api.GET('/api/submissions/{id}/history', { params: { path: { id }, query: { pageSize: 100 } } }),
    api.GET('/api/events/{id}', { params: { path: { id: eventId } } }),
    api.GET('/api/events/{eventId}/cfp', { params: { path: { eventId } } }),
    editable ? api.GET('/api/events/{eventId}/submission-types', { params: { path: { eventId }, query: { pageSize: 100 } } }) : null,
    editable ? api.GET('/api/events/{eventId}/tracks', { params: { path: { eventId }, query: { pageSize: 100 } } }) : null,
    placed ? api.GET('/api/events/{eventId}/programme', { params: { path: { eventId } } }) : null,
  ]);
  return {
    submission,
    history: history.data?.items ?? [],
    event: event.data ?? null,
    call: call.data ?? null,
    types: types?.data?.items ?? [],
    tracks: tracks?.data?.items ?? [],
    placement: programme ? (programme.data ? placementOf(programme.data, id) : null) : undefined,
  };
}

function Proposal() {
  const t = useT(proposalMessages);
  const ts = useT(proposalStates);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const location = useLocation();
  const session = useSession();
  const arrived = (location.state ?? null) as ProposalNotice | null;
  const [data, setData] = useState<Loaded | 'not-found' | 'failed' | null>(null);
  const [notice, setNotice] = useState<string | null>(arrived?.notice ? t(arrived.notice, { message: arrived.message ?? '' }) : null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<ProposalValues | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof ProposalValues, string>>>({});
  const editButton = useRef<HTMLButtonElement>(null);

  const reload = useCallback(async () => {
    const result = await load(id).catch(() => 'failed' as const);
    setData(result);
    return result;
  }, [id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (data === null) {
    return (
      <main id="main">
        <PageTitle title={t('loading')}>{t('loading')}</PageTitle>
      </main>
    );
  }
  if (data === 'not-found' || data === 'failed') {
    return (
      <main id="main">
        <PageTitle title={t('listTitle')}>{t('listTitle')}</PageTitle>
        <ErrorAlert error={data === 'failed' ? t('loadFailed') : t('notFound')} />
        {data === 'not-found' ? (
          <p>
            {t('notFoundInvited')} <Link to={`/proposals/${encodeURIComponent(id)}/invitation`}>{t('invitationLink')}</Link>
          </p>
        ) : null}
        <p>
          <Link to="/proposals">{t('toList')}</Link>
        </p>
      </main>
    );
  }

  const { submission: s, history, event, call, types, tracks, placement } = data;
  const zone = event?.timeZone;
  const title = titleOf(s, language) ?? t('untitled');
  const scope = editScope(s.state);
  const main = s.signers.find((x) => x.role === 'main');
  const isMain = !!session && !!main?.email && main.email === session.user.email.toLowerCase();
  const actions = (['submit', 'confirm', 'withdraw'] as const).filter((a) => s.allowedActions.includes(a));
  const label = (x: { nameFr: string; nameEn: string | null }) => (language === 'en' && x.nameEn ? x.nameEn : x.nameFr);

  async function move(action: SpeakerAction) {
    setConfirming(false);
    setBusy(true);
    setError(null);
    setNotice(null);
    const { data: moved, error: failure, response } = await api.POST('/api/submissions/{id}/transitions', { params: { path: { id } }, body: { action } });
    setBusy(false);
    if (!moved) return setError(t('failed', { message: errorBody(failure, response).message }));
    await reload();
    setNotice(t(action === 'submit' ? 'submitted' : action === 'confirm' ? 'confirmed' : 'withdrawn'));
    // the button pressed may be gone in the new state: focus moves to the actions' heading, under the notice
    requestAnimationFrame(() => document.getElementById('actions-heading')?.focus());
  }

  function startEditing() {
    setValues(valuesOf(s));
    setErrors({});
    setEditing(true);
    setNotice(null);
    requestAnimationFrame(() => document.getElementById('edit-heading')?.focus());
  }

  function stopEditing() {
    setEditing(false);
    setErrors({});
    requestAnimationFrame(() => editButton.current?.focus());
  }

  async function save() {
    if (!values || !call || scope === 'none') return;
    setBusy(true);
    setError(null);
    const body = updateBody(values, call.languages, scope, isMain);
    const { data: saved, error: failure, response } = await api.PATCH('/api/submissions/{id}', { params: { path: { id } }, body });
    setBusy(false);
    if (!saved) {
      const found = formErrors(errorBody(failure, response));
      setErrors(found);
      const first = firstErrorField(found);
      setError(first ? t('invalid') : t('failed', { message: errorBody(failure, response).message }));
      if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
      return;
    }
    await reload();
    setEditing(false);
    setNotice(t('saved'));
    requestAnimationFrame(() => editButton.current?.focus());
  }

  return (
    <main id="main">
      <p className="breadcrumb">
        <Link to="/proposals">{t('toList')}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <Notice>{notice}</Notice>
      <ErrorAlert error={error} />

      <dl className="facts">
        <dt>{t('state')}</dt>
        <dd>
          <span className={`state state-${s.state}`}>{ts(`state_${s.state}`)}</span>
        </dd>
        {event ? (
          <>
            <dt>{t('event')}</dt>
            <dd>{label(event)}</dd>
          </>
        ) : null}
        <dt>{t('type')}</dt>
        <dd>
          {label(s.type)} · {t('minutes', { n: s.durationMinutes })}
        </dd>
        <dt>{t('track')}</dt>
        <dd>{s.track ? label(s.track) : t('noTrack')}</dd>
        {s.keywords.length ? (
          <>
            <dt>{t('keywords')}</dt>
            <dd>{s.keywords.join(', ')}</dd>
          </>
        ) : null}
        {s.submittedAt ? (
          <>
            <dt>{t('submittedAt')}</dt>
            <dd>
              <time dateTime={s.submittedAt}>{formatDateTime(s.submittedAt, language, zone)}</time>
            </dd>
          </>
        ) : null}
        <dt>{t('signers')}</dt>
        <dd>
          <ul className="signers">
            {s.signers.map((x, i) => (
              <li key={i}>
                {x.firstName || x.lastName ? `${x.firstName ?? ''} ${x.lastName ?? ''}`.trim() : (x.email ?? t('invitedNoAccount'))}
                {x.affiliation ? ` (${x.affiliation})` : ''} — {t(`role_${x.role}`)}
                {x.role === 'co' ? `, ${t(`status_${x.status}`)}` : ''}
              </li>
            ))}
          </ul>
        </dd>
      </dl>

      {placement !== undefined ? (
        <section aria-labelledby="place-heading" className="placement">
          <h2 id="place-heading">{t('placeTitle')}</h2>
          {placement ? (
            <dl className="facts">
              <dt>{t('placeWhen')}</dt>
              <dd>
                <time dateTime={placement.startsAt}>{formatRange(placement.startsAt, placement.endsAt, language, zone)}</time>
              </dd>
              <dt>{t('placeWhere')}</dt>
              <dd>{[placement.room, placement.venue, placement.address].filter(Boolean).join(', ')}</dd>
              {placement.sessionTitleFr || placement.sessionTitleEn ? (
                <>
                  <dt>{t('placeSession')}</dt>
                  <dd>{language === 'en' ? (placement.sessionTitleEn ?? placement.sessionTitleFr) : (placement.sessionTitleFr ?? placement.sessionTitleEn)}</dd>
                </>
              ) : null}
            </dl>
          ) : (
            <p>{t('notPlaced')}</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading" tabIndex={-1}>
          {t('actions')}
        </h2>
        {actions.length === 0 && scope === 'none' ? <p>{t('noAction')}</p> : null}
        <div className="form-actions">
          {actions.includes('submit') ? (
            <button type="button" className="primary" disabled={busy} onClick={() => void move('submit')}>
              {t('doSubmit')}
            </button>
          ) : null}
          {actions.includes('confirm') ? (
            <button type="button" className="primary" disabled={busy} onClick={() => void move('confirm')}>
              {t('doConfirm')}
            </button>
          ) : null}
          {scope !== 'none' && call && !editing ? (
            <button type="button" ref={editButton} disabled={busy} onClick={startEditing}>
              {t('edit')}
            </button>
          ) : null}
          {actions.includes('withdraw') ? (
            <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
              {t('doWithdraw')}
            </button>
          ) : null}
        </div>
        <ConfirmDialog
          open={confirming}
          title={t('confirmWithdrawTitle')}
          text={t('confirmWithdrawText')}
          confirm={t('confirmWithdrawYes')}
          cancel={t('confirmNo')}
          onConfirm={() => void move('withdraw')}
          onCancel={() => setConfirming(false)}
        />
      </section>

      {editing && values && call && scope !== 'none' ? (
        <section aria-labelledby="edit-heading" className="edit">
          <h2 id="edit-heading" tabIndex={-1}>
            {t('editTitle')}
          </h2>
          {scope === 'text' ? <p className="hint">{t('editTextOnly')}</p> : null}
          <ProposalForm call={call} types={types} tracks={tracks} values={values} onChange={setValues} errors={errors} scope={scope} coSpeakers={isMain} onSubmit={() => void save()} busy={busy}>
            <button type="submit" name="save" disabled={busy}>
              {busy ? t('saving') : t('save')}
            </button>
            <button type="button" onClick={stopEditing}>
              {t('cancelEdit')}
            </button>
          </ProposalForm>
        </section>
      ) : (
        <section aria-labelledby="text-heading">
          <h2 id="text-heading">{t('abstract')}</h2>
          {s.titleFr || s.abstractFr ? (
            <div lang="fr" className="abstract">
              <h3>{s.titleFr}</h3>
              <p>{s.abstractFr}</p>
            </div>
          ) : null}
          {s.titleEn || s.abstractEn ? (
            <div lang="en" className="abstract">
              <h3>{s.titleEn}</h3>
              <p>{s.abstractEn}</p>
            </div>
          ) : null}
        </section>
      )}

      <ProposalHistory history={history} zone={zone} empty={t('noHistory')} />
    </main>
  );
}
