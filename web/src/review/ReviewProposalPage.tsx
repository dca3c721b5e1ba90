import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, errorBody, type Schemas } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { useSession } from '../auth/use-session';
import { useLanguage, useT } from '../i18n/i18n';
import { formatDateTime, formatRange } from '../time/paris';
import { ErrorAlert, Notice, PageTitle } from '../ui/ui';
import { ProposalHistory } from '../proposals/ProposalHistory';
import { eventBySlug, nameOf, titleOf, type EventResponse } from './event';
import { listPath, proposalPath, readFilters } from './list-query';
import { reviewMessages, type ReviewMessageKey } from './messages';
import { findNeighbours, type Neighbours } from './neighbours';
import { NoteDialog } from './NoteDialog';
import './review.css';
import { proposalStates } from '../proposals/proposal-states';

type Submission = Schemas['SubmissionResponse'];
type HistoryEntry = Schemas['HistoryEntryResponse'];
type Review = Schemas['ReviewResponse'];
type Unavailability = Schemas['EventUnavailabilityResponse'];
/** The decisions this page offers, in this order; only those the API lists in `allowedActions` are shown. */
const DECISIONS = ['accept', 'reject', 'resubmit', 'cancel'] as const;
type Decision = (typeof DECISIONS)[number];
/** Decisions asked with a message to the speaker, in a dialog. */
const WITH_NOTE: readonly Decision[] = ['reject', 'cancel'];

/** /app/events/:slug/proposals/:id: one proposal as its reviewers read it, their review, the decision. */
export function ReviewProposalPage() {
  return (
    <RequireAuth roles={['organiser']}>
      <ReviewProposal />
    </RequireAuth>
  );
}

interface Loaded {
  submission: Submission;
  history: HistoryEntry[];
  reviews: Review[];
  unavailabilities: Unavailability[];
}

async function load(id: string): Promise<Loaded | 'not-found' | 'failed'> {
  const one = await api.GET('/api/submissions/{id}', { params: { path: { id } } });
  if (one.response.status === 404) return 'not-found';
  if (!one.data) return 'failed';
  const submission = one.data;
  const userId = submission.signers.flatMap((s) => (s.userId ? [s.userId] : []));
  const [history, reviews, unavailabilities] = await Promise.all([
    api.GET('/api/submissions/{id}/history', { params: { path: { id }, query: { pageSize: 100 } } }),
    api.GET('/api/submissions/{id}/reviews', { params: { path: { id }, query: { pageSize: 100 } } }),
    userId.length
      ? api.GET('/api/events/{eventId}/unavailabilities', { params: { path: { eventId: submission.eventId }, query: { userId, pageSize: 100 } } })
      : null,
  ]);
  if (!history.data || !reviews.data) return 'failed';
  return { submission, history: history.data.items, reviews: reviews.data.items, unavailabilities: unavailabilities?.data?.items ?? [] };
}

/** True when a key press belongs to someone typing or to the browser, not to the page's shortcuts. */
function typing(e: KeyboardEvent): boolean {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return true;
  const target = e.target as HTMLElement | null;
  if (!target) return false;
  if (target.closest('dialog[open]')) return true;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function ReviewProposal() {
  const t = useT(reviewMessages);
  const ts = useT(proposalStates);
  const { language } = useLanguage();
  const { slug = '', id = '' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const filters = readFilters(search);
  const index = search.has('i') ? Math.max(0, Number.parseInt(search.get('i') ?? '0', 10) || 0) : null;
  const listKey = search.toString();
  const [event, setEvent] = useState<EventResponse | 'no-event' | 'failed' | null>(null);
  const [data, setData] = useState<Loaded | 'not-found' | 'failed' | null>(null);
  const [neighbours, setNeighbours] = useState<Neighbours | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<Decision | null>(null);
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [reviewError, setReviewError] = useState<string | null>(null);
  const decisionHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void eventBySlug(slug).then((found) => live && setEvent(found));
    return () => {
      live = false;
    };
  }, [slug]);

  const reload = useCallback(async () => {
    const result = await load(id).catch(() => 'failed' as const);
    setData(result);
    return result;
  }, [id]);

  // a new proposal: its data, the review already written put back in the form, the notices cleared
  useEffect(() => {
    let live = true;
    setData(null);
    setNotice(null);
    setError(null);
    setReviewError(null);
    void load(id)
      .catch(() => 'failed' as const)
      .then((result) => {
        if (!live) return;
        setData(result);
        const mine = typeof result === 'object' ? result.reviews.find((r) => r.reviewer.id === session?.user.id) : undefined;
        setScore(mine ? String(mine.score) : '');
        setComment(mine?.comment ?? '');
      });
    return () => {
      live = false;
    };
    // the session's user does not change while the page is open
  }, [id]);

  // the neighbours in the list, computed once per proposal opened: a decision that takes it out of
  // the list's filters (accepted while the list shows submitted ones) keeps « next » where it was
  const eventId = typeof event === 'object' && event ? event.id : null;
  useEffect(() => {
    setNeighbours(null);
    if (!eventId || index === null) return;
    let live = true;
    void findNeighbours(eventId, readFilters(new URLSearchParams(listKey)), index, id)
      .then((found) => live && setNeighbours(found))
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // listKey holds the index and the filters
  }, [eventId, id, listKey]);

  const previousPath = neighbours?.previous ? proposalPath(slug, neighbours.previous.id, filters, neighbours.previous.index) : null;
  const nextPath = neighbours?.next ? proposalPath(slug, neighbours.next.id, filters, neighbours.next.index) : null;

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (typing(e)) return;
      if (e.key === 'j' && nextPath) {
        e.preventDefault();
        void navigate(nextPath);
      } else if (e.key === 'k' && previousPath) {
        e.preventDefault();
        void navigate(previousPath);
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate, nextPath, previousPath]);

  if (event === null || data === null) {
    return (
      <main id="main">
        <PageTitle title={t('loading')}>{t('loading')}</PageTitle>
      </main>
    );
  }
  if (event === 'no-event' || event === 'failed' || data === 'not-found' || data === 'failed') {
    return (
      <main id="main">
        <PageTitle title={t('menuTitle')}>{t('menuTitle')}</PageTitle>
        <ErrorAlert error={event === 'no-event' ? t('noSuchEvent') : data === 'not-found' ? t('notFound') : t('loadFailed')} />
        <p>
          <Link to={listPath(slug, filters, index)}>{t('backToList')}</Link>
        </p>
      </main>
    );
  }

  const { submission: s, history, reviews, unavailabilities } = data;
  const zone = event.timeZone;
  const title = titleOf(s, language) ?? t('untitled');
  const decisions = DECISIONS.filter((d) => s.allowedActions.includes(d));
  const mine = reviews.find((r) => r.reviewer.id === session?.user.id);
  const mean = reviews.length ? reviews.reduce((sum, r) => sum + r.score, 0) / reviews.length : null;
  const number = (n: number) => n.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 });

  // buttons are never disabled while a call runs (a disabled button loses the keyboard focus): a second press is ignored instead
  async function decide(action: Decision, note?: string) {
    setAsking(null);
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    const body = note && note.trim() ? { action, note: note.trim() } : { action };
    const { data: moved, error: failure, response } = await api.POST('/api/submissions/{id}/transitions', { params: { path: { id } }, body });
    await reload();
    setBusy(false);
    if (!moved) setError(t('moveFailed', { message: errorBody(failure, response).message }));
    else setNotice(t(`moved_${action}`));
    // the button pressed may be gone in the new state: focus goes to the section's heading, under the notice
    requestAnimationFrame(() => decisionHeading.current?.focus());
  }

  async function saveReview(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setReviewError(null);
    setNotice(null);
    if (!score) {
      setReviewError(t('chooseScore'));
      requestAnimationFrame(() => document.getElementById('my-score')?.focus());
      return;
    }
    setBusy(true);
    const { data: saved, error: failure, response } = await api.PUT('/api/submissions/{id}/review', {
      params: { path: { id } },
      body: { score: Number(score), comment: comment.trim() ? comment : null },
    });
    if (saved) await reload();
    setBusy(false);
    if (!saved) return setReviewError(t('reviewFailed', { message: errorBody(failure, response).message }));
    setNotice(t('reviewSaved'));
  }

  async function deleteReview() {
    if (busy) return;
    setBusy(true);
    setReviewError(null);
    const { error: failure, response } = await api.DELETE('/api/submissions/{id}/review', { params: { path: { id } } });
    if (response.ok) await reload();
    setBusy(false);
    if (!response.ok) return setReviewError(t('reviewFailed', { message: errorBody(failure, response).message }));
    setScore('');
    setComment('');
    setNotice(t('reviewDeleted'));
    requestAnimationFrame(() => document.getElementById('my-score')?.focus());
  }

  const speakerName = (x: Submission['signers'][number]) =>
    x.firstName || x.lastName ? `${x.firstName ?? ''} ${x.lastName ?? ''}`.trim() : (x.email ?? t('noAccount'));

  return (
    <main id="main" className="review review-proposal">
      <nav className="review-browse" aria-label={t('browse')}>
        <Link to={listPath(slug, filters, neighbours?.position ?? index)}>{t('backToList')}</Link>
        {index !== null && neighbours ? (
          <>
            <span>{neighbours.position !== null ? t('positionOf', { n: neighbours.position + 1, total: neighbours.total }) : t('notInList')}</span>
            {previousPath ? (
              <Link to={previousPath} aria-keyshortcuts="k" rel="prev">
                ← {t('previous')}
              </Link>
            ) : null}
            {nextPath ? (
              <Link to={nextPath} aria-keyshortcuts="j" rel="next">
                {t('next')} →
              </Link>
            ) : null}
            <span className="hint">{t('keysHint')}</span>
          </>
        ) : null}
      </nav>
      <PageTitle title={title}>{title}</PageTitle>
      <Notice>{notice}</Notice>
      <ErrorAlert error={error} />

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading" className="visually-hidden">
          {t('facts')}
        </h2>
        <dl className="facts">
          <dt>{t('state')}</dt>
          <dd>
            <span className={`state state-${s.state}`}>{ts(`state_${s.state}`)}</span>
          </dd>
          <dt>{t('type')}</dt>
          <dd>
            {nameOf(s.type, language)} · {t('minutes', { n: s.durationMinutes })}
          </dd>
          <dt>{t('track')}</dt>
          <dd>{s.track ? nameOf(s.track, language) : t('noTrack')}</dd>
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
        </dl>
      </section>

      <section aria-labelledby="abstracts-heading">
        <h2 id="abstracts-heading">{t('abstracts')}</h2>
        <div className="review-abstracts">
          {(['fr', 'en'] as const).map((lang) => {
            const heading = lang === 'fr' ? s.titleFr : s.titleEn;
            const text = lang === 'fr' ? s.abstractFr : s.abstractEn;
            return (
              <article key={lang} aria-labelledby={`abstract-${lang}`}>
                <h3 id={`abstract-${lang}`}>{lang === 'fr' ? t('inFrench') : t('inEnglish')}</h3>
                {heading || text ? (
                  <div lang={lang}>
                    <p className="abstract-title">{heading}</p>
                    <p>{text}</p>
                  </div>
                ) : (
                  <p className="hint">{t('missing')}</p>
                )}
              </article>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="speakers-heading">
        <h2 id="speakers-heading">{t('speakers')}</h2>
        <ul className="review-speakers">
          {s.signers.map((x, i) => {
            const busyTimes = x.userId ? unavailabilities.filter((u) => u.speaker.userId === x.userId) : [];
            return (
              <li key={i}>
                <strong>{speakerName(x)}</strong>
                {x.affiliation ? `, ${x.affiliation}` : ''} — {t(`role_${x.role}`)}
                {x.role === 'co' ? `, ${t(`status_${x.status}`)}` : ''}
                {x.email && (x.firstName || x.lastName) ? (
                  <>
                    {' '}
                    · <a href={`mailto:${x.email}`}>{x.email}</a>
                  </>
                ) : null}
                {x.userId ? (
                  busyTimes.length ? (
                    <div>
                      {t('unavailable')}
                      <ul>
                        {busyTimes.map((u) => (
                          <li key={u.id}>
                            <time dateTime={u.startsAtUtc}>{formatRange(u.startsAtUtc, u.endsAtUtc, language, zone)}</time>
                            {u.note ? ` (${u.note})` : ''}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : (
                    <div className="hint">{t('available')}</div>
                  )
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">{t('reviews')}</h2>
        {mean === null ? <p>{t('noReviews')}</p> : <p>{t('mean', { mean: number(mean), n: reviews.length })}</p>}
        {reviews.length ? (
          <table>
            <caption className="visually-hidden">{t('reviews')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colReviewer')}</th>
                <th scope="col">{t('colGiven')}</th>
                <th scope="col">{t('colComment')}</th>
                <th scope="col">{t('colWhen')}</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r) => (
                <tr key={r.id}>
                  <td>{r.reviewer.name}</td>
                  <td className="num">{t('scoreOf', { score: r.score })}</td>
                  <td className="comment">{r.comment ?? ''}</td>
                  <td>
                    <time dateTime={r.updatedAt}>{formatDateTime(r.updatedAt, language, zone)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}

        <h3 id="my-review-heading">{t('myReview')}</h3>
        {s.state === 'submitted' ? (
          <form className="review-mine" aria-labelledby="my-review-heading" onSubmit={(e) => void saveReview(e)}>
            <div className="field">
              <label htmlFor="my-score">{t('score')}</label>
              <select id="my-score" value={score} aria-invalid={reviewError && !score ? true : undefined} onChange={(e) => setScore(e.target.value)}>
                <option value="">—</option>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={String(n)}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="my-comment">{t('comment')}</label>
              <textarea id="my-comment" value={comment} maxLength={5000} rows={4} onChange={(e) => setComment(e.target.value)} />
            </div>
            <ErrorAlert error={reviewError} />
            <div className="form-actions">
              <button type="submit" className="primary">
                {t('saveReview')}
              </button>
              {mine ? (
                <button type="button" onClick={() => void deleteReview()}>
                  {t('deleteReview')}
                </button>
              ) : null}
            </div>
          </form>
        ) : (
          <p className="hint">{t('reviewClosed')}</p>
        )}
      </section>

      <section aria-labelledby="decision-heading">
        <h2 id="decision-heading" ref={decisionHeading} tabIndex={-1}>
          {t('decision')}
        </h2>
        {decisions.length === 0 ? <p>{t('noAction')}</p> : null}
        <div className="form-actions">
          {decisions.map((d) => (
            <button
              key={d}
              type="button"
              className={d === 'accept' ? 'primary' : d === 'reject' || d === 'cancel' ? 'danger' : undefined}
             
              onClick={() => (WITH_NOTE.includes(d) ? setAsking(d) : void decide(d))}
            >
              {t(`do_${d}` as ReviewMessageKey)}
            </button>
          ))}
        </div>
        <NoteDialog
          open={asking !== null}
          title={asking === 'cancel' ? t('confirmCancel') : t('confirmReject')}
          noteLabel={asking === 'cancel' ? t('noteForCancel') : t('noteForReject')}
          confirm={asking === 'cancel' ? t('confirmCancel') : t('confirmReject')}
          cancel={t('keep')}
          onConfirm={(note) => asking && void decide(asking, note)}
          onCancel={() => setAsking(null)}
        />
      </section>

      <ProposalHistory history={history} zone={zone} empty={t('noHistory')} />
    </main>
  );
}
